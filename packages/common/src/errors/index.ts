/**
 * Typed errors thrown by domain code. One middleware maps them to the contract's error body
 * (`{ errors: [{ message, field? }] }`) and status; anything else is a 500 with a safe message.
 */
export interface ErrorItem {
  message: string;
  field?: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  /** Extra headers the response must carry (e.g. Retry-After). */
  headers: Record<string, string> = {};
  /** Extra, contract-visible detail (e.g. which tickets are unavailable). */
  details?: Record<string, unknown>;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  serialize(): ErrorItem[] {
    return [{ message: this.message }];
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  constructor(
    message: string,
    readonly items: ErrorItem[] = [{ message }],
  ) {
    super(message);
  }
  override serialize(): ErrorItem[] {
    return this.items;
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  constructor(message = 'Not signed in') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = 'Not allowed') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(message = 'Not found') {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.details = details;
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  constructor(message = 'Request body is too large') {
    super(message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  constructor(message = 'Content-Type must be application/json') {
    super(message);
  }
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(retryAfterSeconds: number, message = 'Too many requests; try again later') {
    super(message);
    this.headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

/** An outside service (Ticketmaster, Stripe) failed; the caller can retry later. */
export class UpstreamError extends AppError {
  readonly status: number;
  constructor(message: string, status: 502 | 503 | 504 = 502) {
    super(message);
    this.status = status;
  }
}
