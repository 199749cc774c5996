import { Envelope, EventData } from '@bigtix/common';
import type { OrdersDeps } from '../../deps';
import { recordPaymentCreated, recordPaymentFailed } from '../../domain/record-payment-attempt';
import { recordPaymentSucceeded } from '../../domain/record-payment-succeeded';
import { releaseAfterDeclines } from '../../domain/release-after-declines';

export const onPaymentCreated = (deps: OrdersDeps) => async (event: Envelope<EventData<'payment.created'>>) => {
  await recordPaymentCreated(deps, event.data);
};

export const onPaymentSucceeded = (deps: OrdersDeps) => async (event: Envelope<EventData<'payment.succeeded'>>) => {
  await recordPaymentSucceeded(deps, event.data);
};

export const onPaymentFailed = (deps: OrdersDeps) => async (event: Envelope<EventData<'payment.failed'>>) => {
  await recordPaymentFailed(deps, event.data);
  await releaseAfterDeclines(deps, event.data);
};
