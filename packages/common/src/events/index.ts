import { z } from 'zod';
import { ticketEventDataSchema } from './ticket-events';
import { eventUpdatedDataSchema, orderRefundRequestedDataSchema } from './event-events';
import {
  orderCancelledDataSchema,
  orderCreatedDataSchema,
  orderPaidDataSchema,
  orderPaymentRejectedDataSchema,
  orderUpdatedDataSchema,
} from './order-events';
import { paymentCreatedDataSchema, paymentFailedDataSchema, paymentSucceededDataSchema } from './payment-events';
import { userEmailVerifiedDataSchema, userRegisteredDataSchema } from './user-events';

export * from './envelope';
export * from './ticket-events';
export * from './ticket-listing-ref';
export * from './order-events';
export * from './payment-events';
export * from './user-events';
export * from './event-events';

/** Routing key → schema of `data`. One table, so publishers and consumers cannot disagree. */
export const eventSchemas = {
  'ticket.created': ticketEventDataSchema,
  'ticket.updated': ticketEventDataSchema,
  'order.created': orderCreatedDataSchema,
  'order.updated': orderUpdatedDataSchema,
  'order.cancelled': orderCancelledDataSchema,
  'order.paid': orderPaidDataSchema,
  'order.payment-rejected': orderPaymentRejectedDataSchema,
  'payment.created': paymentCreatedDataSchema,
  'payment.succeeded': paymentSucceededDataSchema,
  'payment.failed': paymentFailedDataSchema,
  'user.email-verified': userEmailVerifiedDataSchema,
  'user.registered': userRegisteredDataSchema,
  'event.updated': eventUpdatedDataSchema,
  'order.refund-requested': orderRefundRequestedDataSchema,
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];
export * from './delivery';
