import type { FormObject } from '../lib/form-parser';
import { assertKnownParams, optionalBoolean, optionalEnum, optionalString, optionalStringList } from '../lib/params';
import type { PaymentIntent } from '../state/objects';
import { assertConfirmable, CONFIRM_PARAMS, executeConfirmation, planConfirmation } from './confirm-payment-intent';
import type { DomainContext } from './context';
import { CAPTURE_METHODS } from './create-payment-intent';
import { findPaymentIntent } from './find';

/** `POST /v1/payment_intents/:id/confirm`. */
export function confirmPaymentIntent(dc: DomainContext, id: string, params: FormObject): PaymentIntent {
  const pi = findPaymentIntent(dc, id);
  assertKnownParams(params, CONFIRM_PARAMS);
  const confirmationToken = optionalString(params, 'confirmation_token');
  const paymentMethod = optionalString(params, 'payment_method');
  const returnUrl = optionalString(params, 'return_url');
  const errorOnRequiresAction = optionalBoolean(params, 'error_on_requires_action');
  const captureMethod = optionalEnum(params, 'capture_method', CAPTURE_METHODS);
  const receiptEmail = optionalString(params, 'receipt_email');
  optionalStringList(params, 'expand');
  assertConfirmable(pi);
  const plan = planConfirmation(dc, pi, { confirmationToken, paymentMethod, returnUrl, errorOnRequiresAction });
  if (captureMethod) pi.capture_method = captureMethod;
  if (receiptEmail) pi.receipt_email = receiptEmail;
  return executeConfirmation(dc, pi, plan);
}
