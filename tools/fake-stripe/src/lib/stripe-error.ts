/**
 * An error answered in Stripe's wire shape: `{ error: { type, code, decline_code, message, param, ... } }`.
 * The official client picks its error class from the HTTP status (400/404 invalid request, 401 auth,
 * 402 card, 409 idempotency in progress), so the status matters as much as the body.
 */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  payment_method?: unknown;
  request_log_url?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;
}

export function invalidRequest(message: string, extra: Partial<StripeErrorBody> = {}): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, ...extra };
  if (body.code && !body.doc_url) body.doc_url = docUrl(body.code);
  return new StripeApiError(400, body);
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function unknownParam(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

/** Stripe names the resource with its object name without underscores: "No such payment_intent: 'pi_1'". */
export function resourceMissing(objectName: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${objectName}: '${id}'`,
    ...(param ? { param } : {}),
  });
}

export function unexpectedState(message: string, paymentIntent?: unknown): StripeApiError {
  return invalidRequest(message, {
    code: 'payment_intent_unexpected_state',
    ...(paymentIntent ? { payment_intent: paymentIntent } : {}),
  });
}

export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}
