import { NotFoundError } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import { ticketNotFound } from './edit-guard';
import { TicketView, toTicketDto } from './ticket-views';
import type { TicketsDeps } from '../deps';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

export async function getTicket(c: TicketsDeps, id: string, viewerId: string | null): Promise<TicketView> {
  // A malformed id is just an unknown ticket (the contract says 404, not 400).
  const doc = OBJECT_ID.test(id) ? ((await c.tickets.findById(id).lean()) as TicketDoc | null) : null;
  if (!doc) throw ticketNotFound(id);
  return toTicketDto(doc, viewerId);
}

/**
 * The caller's ticket with this serial. Anyone else gets the same 404 as for an unknown serial,
 * so the route does not reveal which serials exist. Serials are unique per event, so an owner
 * with the same serial at two events can pass `eventId`; otherwise the newest is returned.
 */
export async function getTicketBySerial(
  c: TicketsDeps,
  serialNumber: string,
  ownerId: string,
  eventId?: string,
): Promise<TicketView> {
  const filter: Record<string, string> = { userId: ownerId, serialNumber };
  if (eventId) filter.eventId = eventId;
  const doc = (await c.tickets.findOne(filter).sort({ createdAt: -1, _id: -1 }).lean()) as TicketDoc | null;
  if (!doc) throw new NotFoundError('No ticket of yours has this serial number');
  return toTicketDto(doc, ownerId);
}
