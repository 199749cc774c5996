import type { TicketDto, TicketStatus } from '@bigtix/common';
import { money } from '../format';

export interface TicketView {
  id: string;
  title: string;
  description: string;
  price: number;
  priceLabel: string;
  currency: string;
  eventId: string;
  /** Who listed it (unchanged by a sale). */
  sellerId: string;
  /** Who owns it now: the seller until it is sold, then the buyer. */
  ownerId: string;
  status: TicketStatus;
  version: number;
  createdAt: string;
  serialNumber: string | null;
}

export function toTicketView(t: TicketDto): TicketView {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    price: t.price,
    priceLabel: money(t.price, t.currency),
    currency: t.currency,
    eventId: t.eventId,
    sellerId: t.sellerId,
    ownerId: t.userId,
    status: t.status,
    version: t.version,
    createdAt: t.createdAt,
    serialNumber: t.serialNumber ?? null,
  };
}
