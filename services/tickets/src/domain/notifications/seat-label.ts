import type { TicketDoc } from '../../models/ticket';
import { SINGLE_TICKET_SECTION } from '../listings/single-seat-listing';

/**
 * "Section 101, row B, seat 4" for a seat of a listing; a ticket listed on its own (general
 * admission, no seat) is named by its title, which is where its seller described it.
 */
export function seatLabel(t: Pick<TicketDoc, 'title' | 'section' | 'row' | 'seat'>): string {
  if (!t.section || (t.section === SINGLE_TICKET_SECTION && !t.row && !t.seat)) return t.title;
  return [`Section ${t.section}`, t.row && `row ${t.row}`, t.seat && `seat ${t.seat}`].filter(Boolean).join(', ');
}
