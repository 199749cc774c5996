import 'server-only';
import type { BulkCreateResponse, Page, TicketDto, TicketInput } from '@bigtix/common';
import { getJson, getOrNull, callService } from './http';
import { toTicketView, type TicketView } from '../view/ticket';

const id = encodeURIComponent;

export async function fetchTicket(ticketId: string): Promise<TicketView | null> {
  if (!/^[0-9a-f]{24}$/i.test(ticketId)) return null;
  const dto = await getOrNull<TicketDto>('tickets', `/api/tickets/${id(ticketId)}`);
  return dto && toTicketView(dto);
}

export async function fetchEventTickets(eventId: string): Promise<TicketView[]> {
  const page = await getJson<Page<TicketDto>>('tickets', `/api/tickets/event/${id(eventId)}?sort=price&limit=200`, {
    withSession: false,
    revalidate: 0,
  });
  return page.items.map(toTicketView);
}

export async function fetchLatestTickets(limit = 200): Promise<TicketView[]> {
  const page = await getJson<Page<TicketDto>>('tickets', `/api/tickets?limit=${limit}`, { withSession: false });
  return page.items.map(toTicketView);
}

/** Every listing of one seller (all statuses), following cursors. */
export async function fetchUserListings(userId: string): Promise<TicketView[]> {
  const out: TicketView[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = `limit=200${cursor ? `&cursor=${id(cursor)}` : ''}`;
    const page: Page<TicketDto> = await getJson<Page<TicketDto>>('tickets', `/api/tickets/user/${id(userId)}?${qs}`);
    out.push(...page.items.map(toTicketView));
    cursor = page.nextCursor;
  } while (cursor && out.length < 2000);
  return out;
}

export async function createTicket(input: TicketInput): Promise<TicketView> {
  const { data } = await callService<TicketDto>('tickets', '/api/tickets/create', { method: 'POST', body: input });
  return toTicketView(data);
}

export async function createTickets(inputs: TicketInput[]): Promise<BulkCreateResponse> {
  const { data } = await callService<BulkCreateResponse>('tickets', '/api/tickets/create', {
    method: 'POST',
    body: { tickets: inputs },
  });
  return data;
}

export async function updateTicket(input: { id: string; price?: number; title?: string; description?: string }) {
  const { data } = await callService<TicketDto>('tickets', '/api/tickets', { method: 'PUT', body: input });
  return toTicketView(data);
}

export async function withdrawTicket(ticketId: string) {
  const { data } = await callService<TicketDto>('tickets', `/api/tickets/${id(ticketId)}`, { method: 'DELETE' });
  return toTicketView(data);
}

/** Tickets this user owns after buying them (the owner view includes serial numbers). */
export async function fetchBoughtTickets(userId: string): Promise<TicketView[]> {
  const page = await getJson<Page<TicketDto>>(
    'tickets',
    `/api/tickets/user/${id(userId)}?role=owner&status=sold&limit=200`,
  );
  // role=owner also matches a seller's own unsold listings; a bought ticket is sold and owned by the buyer.
  return page.items.map(toTicketView).filter((t) => t.status === 'sold' && t.ownerId === userId);
}
