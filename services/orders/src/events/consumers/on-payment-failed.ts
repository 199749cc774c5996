import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { recordPaymentFailed } from '../../domain/record-payment-attempt';
import { releaseAfterDeclines } from '../../domain/release-after-declines';

export const onPaymentFailed = (deps: OrdersDeps) => async (event: Envelope<EventData<'payment.failed'>>) => {
  await recordPaymentFailed(deps, event.data);
  await releaseAfterDeclines(deps, event.data);
};
