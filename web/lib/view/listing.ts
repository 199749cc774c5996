import { type ListingDto, sellerProceeds } from '@bigtix/common';
import { FEES } from '../fees';
import { calendarDate, money } from '../format';
import { DELIVERY_LABELS, DISCLOSURE_LABELS } from '../sell/seat-input';
import type { TicketView } from './ticket';

/** Where a group's seats are: "Row F, seats 7–10", "Row F, seat 7", "General admission". */
export function seatsLabel(row: string | null, seats: readonly string[] | null): string {
  if (!seats || seats.length === 0) return 'General admission';
  const which = seats.length === 1 ? `seat ${seats[0]}` : `seats ${seats[0]}–${seats[seats.length - 1]}`;
  return row ? `Row ${row}, ${which}` : which;
}

/**
 * What a buyer reads under a listing, in this order: how the tickets come, when the seller will
 * have them (if not yet), the face value printed on them (if the seller gave it), disclosures, notes.
 */
export function listingDetails(
  l: Pick<ListingDto, 'delivery' | 'inHandDate' | 'faceValue' | 'currency' | 'disclosures' | 'notes'>,
): string[] {
  return [
    DELIVERY_LABELS[l.delivery] ?? l.delivery,
    l.inHandDate ? `In hand by ${calendarDate(l.inHandDate)}` : null,
    l.faceValue !== null ? `Face value ${money(l.faceValue, l.currency)}` : null,
    ...l.disclosures.map((d) => DISCLOSURE_LABELS[d] ?? d),
    l.notes || null,
  ].filter((part): part is string => !!part);
}

/** One seat: "Section 101 · Row A · Seat 3" (general admission: "Section GA · General admission"). */
export function seatLabel(section: string | null, row: string | null, seat: string | null): string | null {
  if (!section) return null;
  return [`Section ${section}`, row ? `Row ${row}` : null, seat ? `Seat ${seat}` : 'General admission']
    .filter(Boolean)
    .join(' · ');
}

export type SellerListingStatus = 'available' | 'held' | 'sold' | 'withdrawn';

/** A row of My listings: one group of seats (or a ticket listed before listings existed). */
export interface SellerListingView {
  /** The listing id (`kind: 'listing'`) or the ticket id (`kind: 'ticket'`): what edits address. */
  id: string;
  kind: 'listing' | 'ticket';
  eventId: string;
  title: string;
  section: string | null;
  seatsLabel: string;
  quantity: number;
  available: number;
  held: number;
  sold: number;
  /** "2 of 4 for sale · 1 held · 1 sold". */
  countsLabel: string;
  /** The chip: for sale while any seat is; else held, sold or delisted. */
  status: SellerListingStatus;
  withdrawnReason?: 'event-cancelled' | 'expired';
  /** The seller's price per ticket, what they receive for one, and what a buyer pays for one. */
  priceLabel: string;
  proceedsLabel: string;
  allInLabel: string;
  priceDollars: string;
  createdAt: string;
}

/**
 * My listings from the seller's listings and their tickets: a listing says where its seats are
 * and what is for sale; its tickets say which are held or sold (and why BigTix withdrew them).
 * Tickets without a listing (listed before listings existed) are rows of their own.
 */
export function toSellerListings(listings: readonly ListingDto[], tickets: readonly TicketView[]): SellerListingView[] {
  const seatsOf = new Map<string, TicketView[]>();
  for (const t of tickets) if (t.listingId) seatsOf.set(t.listingId, [...(seatsOf.get(t.listingId) ?? []), t]);
  const rows = listings.map((l) => groupRow(l, seatsOf.get(l.id) ?? []));
  const grouped = new Set(listings.map((l) => l.id));
  for (const t of tickets) if (!t.listingId || !grouped.has(t.listingId)) rows.push(ticketRow(t));
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function groupRow(l: ListingDto, seats: TicketView[]): SellerListingView {
  const held = seats.filter((t) => t.status === 'held').length;
  const sold = seats.filter((t) => t.status === 'sold').length;
  const available = l.status === 'active' ? l.available : 0;
  const status: SellerListingStatus =
    l.status === 'withdrawn'
      ? 'withdrawn'
      : available > 0
        ? 'available'
        : held > 0
          ? 'held'
          : sold > 0
            ? 'sold'
            : 'withdrawn';
  const reason = seats.find((t) => t.withdrawnReason)?.withdrawnReason;
  const where = seatsLabel(l.row, l.seats);
  return {
    id: l.id,
    kind: 'listing',
    eventId: l.eventId,
    title: `Section ${l.section} · ${where}`,
    section: l.section,
    seatsLabel: where,
    quantity: l.quantity,
    available,
    held,
    sold,
    countsLabel: counts(available, l.quantity, held, sold),
    status,
    ...(status === 'withdrawn' && reason ? { withdrawnReason: reason } : {}),
    priceLabel: money(l.price, l.currency),
    proceedsLabel: money(sellerProceeds(l.price, FEES), l.currency),
    allInLabel: money(l.allInPrice, l.currency),
    priceDollars: (l.price / 100).toFixed(2),
    createdAt: l.createdAt,
  };
}

function ticketRow(t: TicketView): SellerListingView {
  const available = t.status === 'available' ? 1 : 0;
  const [held, sold] = [Number(t.status === 'held'), Number(t.status === 'sold')];
  return {
    id: t.id,
    kind: 'ticket',
    eventId: t.eventId,
    title: t.title,
    section: t.section ?? null,
    seatsLabel: t.title,
    quantity: 1,
    available,
    held,
    sold,
    countsLabel: counts(available, 1, held, sold),
    status: t.status,
    ...(t.withdrawnReason ? { withdrawnReason: t.withdrawnReason } : {}),
    priceLabel: t.listingPriceLabel,
    proceedsLabel: t.proceedsLabel,
    allInLabel: t.priceLabel,
    priceDollars: (t.price / 100).toFixed(2),
    createdAt: t.createdAt,
  };
}

function counts(available: number, quantity: number, held: number, sold: number): string {
  return [`${available} of ${quantity} for sale`, held ? `${held} held` : null, sold ? `${sold} sold` : null]
    .filter(Boolean)
    .join(' · ');
}
