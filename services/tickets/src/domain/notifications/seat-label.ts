import type { TicketDoc } from '../../models/ticket';

/** "Section 101, row B, seat 4", or the ticket's title for a ticket listed without a seat. */
export function seatLabel(t: Pick<TicketDoc, 'title' | 'section' | 'row' | 'seat'>): string {
  const parts = [t.section && `Section ${t.section}`, t.row && `row ${t.row}`, t.seat && `seat ${t.seat}`].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(', ') : t.title;
}
