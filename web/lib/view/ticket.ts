import { type TicketDto, type TicketStatus, allInPrice, sellerProceeds } from '@bigtix/common';
import { FEES } from '../fees';
import { money } from '../format';

export interface TicketView {
  id: string;
  title: string;
  description: string;
  /** The listing price (what an order is placed with). */
  price: number;
  /** What a buyer pays: the listing price plus the buyer fee. Shown to buyers everywhere. */
  allInPrice: number;
  /** The all-in price, formatted. */
  priceLabel: string;
  /** The listing price, formatted (the seller's own views). */
  listingPriceLabel: string;
  /** What the seller receives: the listing price minus the seller fee. */
  proceedsLabel: string;
  currency: string;
  eventId: string;
  /** Who listed it (unchanged by a sale). */
  sellerId: string;
  /** Who owns it now: the seller until it is sold, then the buyer. */
  ownerId: string;
  status: TicketStatus;
  /** Why BigTix took it off sale: its event was cancelled, or it has started (`expired`). */
  withdrawnReason?: 'event-cancelled' | 'expired';
  version: number;
  createdAt: string;
  serialNumber: string | null;
  /** The listing this ticket is a seat of, and where it is (absent on tickets listed before listings). */
  listingId?: string;
  section?: string | null;
  row?: string | null;
  seat?: string | null;
}

export function toTicketView(t: TicketDto): TicketView {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    price: t.price,
    allInPrice: allInPrice(t.price, FEES),
    priceLabel: money(allInPrice(t.price, FEES), t.currency),
    listingPriceLabel: money(t.price, t.currency),
    proceedsLabel: money(sellerProceeds(t.price, FEES), t.currency),
    currency: t.currency,
    eventId: t.eventId,
    sellerId: t.sellerId,
    ownerId: t.userId,
    status: t.status,
    ...(t.withdrawnReason ? { withdrawnReason: t.withdrawnReason } : {}),
    version: t.version,
    createdAt: t.createdAt,
    serialNumber: t.serialNumber ?? null,
    ...(t.listingId
      ? { listingId: t.listingId, section: t.section ?? null, row: t.row ?? null, seat: t.seat ?? null }
      : {}),
  };
}
