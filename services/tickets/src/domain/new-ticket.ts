import { CURRENCY, TicketInput } from '@bigtix/common';
import { Types } from 'mongoose';
import type { TicketDoc } from '../models/ticket';
import { asSingleSeat } from './listings/single-seat-listing';

/** A fresh listing at version 1, owned and sold by the caller. */
export function newTicketDoc(input: TicketInput, sellerId: string, now: Date): TicketDoc {
  return asSingleSeat({
    _id: new Types.ObjectId().toHexString(),
    title: input.title,
    price: input.price,
    currency: CURRENCY,
    description: input.description ?? '',
    serialNumber: input.serialNumber,
    eventId: input.eventId,
    userId: sellerId,
    sellerId,
    status: 'available',
    orderId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
}

export const serialKey = (eventId: string, serialNumber: string): string => `${eventId}\u0000${serialNumber}`;
