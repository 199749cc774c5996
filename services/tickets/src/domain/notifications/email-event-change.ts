import type { EventUpdatedData } from '@bigtix/common';
import type { Notifier } from '@bigtix/mailer';
import type { TicketDoc } from '../../models/ticket';
import type { TicketsDeps } from '../../deps';
import { describeEvent, formatEventDate } from './describe-event';
import { eventNoticeFact } from '../../models/keys';

export type EventNotice = 'cancelled' | 'postponed' | 'rescheduled' | 'moved';

const startMs = (start: Date | string | null | undefined) => (start ? new Date(start).getTime() : null);

/**
 * What buyers and sellers are told about a change the sync read: cancelled, postponed,
 * rescheduled, or a new start date (`previous` is the version before). Nothing for the rest
 * (on sale, off sale, started: the sale and the listings follow it on their own).
 */
export function noticeFor(
  change: Pick<EventUpdatedData, 'status' | 'start'>,
  previous: { status: string; start: Date | string | null } | null,
): EventNotice | null {
  if (change.status === 'cancelled' || change.status === 'postponed' || change.status === 'rescheduled')
    return change.status;
  if (previous && startMs(previous.start) !== startMs(change.start)) return 'moved';
  return null;
}

/**
 * After tickets applied its own `event.updated`: every buyer holding a sold ticket of the event
 * and every seller with listings for it (any status: a cancellation has just withdrawn them) gets
 * one email per fact (`event:<eventId>:<status>:<start>:<userId>`). A late redelivery of an older
 * version once the event is cancelled says nothing: cancelled is final.
 */
export async function emailEventChange(c: TicketsDeps, notifier: Notifier, change: EventUpdatedData): Promise<void> {
  const current = await c.eventStatuses?.findById(change.eventId);
  if (current?.status === 'cancelled' && change.status !== 'cancelled') return;
  const previous =
    change.version > 1 ? ((await c.eventStatuses?.stateAt(change.eventId, change.version - 1)) ?? null) : null;
  const notice = noticeFor(change, previous);
  if (!notice) return;

  const tickets = (await c.tickets
    .find({ eventId: change.eventId }, { userId: 1, sellerId: 1, status: 1 })
    .lean()) as Pick<TicketDoc, 'userId' | 'sellerId' | 'status'>[];
  const roles = new Map<string, { buyer: boolean; seller: boolean }>();
  const role = (userId: string) => roles.get(userId) ?? roles.set(userId, { buyer: false, seller: false }).get(userId)!;
  for (const t of tickets) {
    role(t.sellerId).seller = true;
    if (t.status === 'sold') role(t.userId).buyer = true;
  }
  if (roles.size === 0) return;

  const event = await describeEvent(c, change.eventId, notifier.logger);
  const newDate = formatEventDate(change.start, event.timeZone) ?? 'a date still to be announced';
  const headline: Record<EventNotice, [string, string]> = {
    cancelled: [`Cancelled: ${event.name}`, `${event.name} has been cancelled.`],
    postponed: [`Postponed: ${event.name}`, `${event.name} has been postponed; no new date yet.`],
    rescheduled: [`New date: ${event.name}`, `${event.name} has been rescheduled to ${newDate}.`],
    moved: [`New date: ${event.name}`, `${event.name} now starts ${newDate}.`],
  };
  const forBuyer: Record<EventNotice, string> = {
    cancelled:
      'Your order is refunded in full, fees included; you will get a refund notice when the money is on its way.',
    postponed: 'Your tickets stay valid for the new date. If the event is finally cancelled, you are refunded in full.',
    rescheduled: 'Your tickets stay valid for the new date.',
    moved: 'Your tickets stay valid for the new date.',
  };
  const forSeller: Record<EventNotice, string> = {
    cancelled:
      'Your listings for it are withdrawn. Tickets you sold are refunded to their buyers and are not paid out to you.',
    postponed: 'Your listings stay on sale. Proceeds of tickets you sold are paid after the event takes place.',
    rescheduled: 'Your listings stay on sale. Proceeds of tickets you sold are paid after the new date.',
    moved: 'Your listings stay on sale. Proceeds of tickets you sold are paid after the new date.',
  };
  const [subject, what] = headline[notice];
  for (const [userId, r] of roles) {
    await notifier.notify(eventNoticeFact(change, userId), userId, {
      subject,
      paragraphs: [what, ...(r.buyer ? [forBuyer[notice]] : []), ...(r.seller ? [forSeller[notice]] : [])],
      action: { label: 'See the event', path: `/events/${encodeURIComponent(change.eventId)}` },
    });
  }
}
