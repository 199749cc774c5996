import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { recordPaymentCreated } from '../../domain/record-payment-attempt';

export const onPaymentCreated = (deps: OrdersDeps) => async (event: Envelope<EventData<'payment.created'>>) => {
  await recordPaymentCreated(deps, event.data);
};
