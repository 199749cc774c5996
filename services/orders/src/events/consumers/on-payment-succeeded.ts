import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { recordPaymentSucceeded } from '../../domain/record-payment-succeeded';

export const onPaymentSucceeded = (deps: OrdersDeps) => async (event: Envelope<EventData<'payment.succeeded'>>) => {
  await recordPaymentSucceeded(deps, event.data);
};
