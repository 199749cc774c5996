import type { Proceeds } from '../../models/proceeds';
import type { PaymentsDeps } from '../../deps';

/** Ticketmaster statuses under which an event is not going ahead (yet): its sellers wait. */
const NOT_HAPPENING = new Set(['cancelled', 'postponed']);

/**
 * When the proceeds may be transferred: PAYOUT_DELAY_SECONDS after the latest end among the
 * seller's events in the order. Null while that is unknown (no date, event cancelled or postponed,
 * Ticketmaster unreachable): a cancelled event's buyers are refunded, not its sellers paid.
 */
export async function payableAt(deps: PaymentsDeps, p: Pick<Proceeds, 'eventIds'>): Promise<number | null> {
  if (p.eventIds.length === 0) return null;
  let latest = 0;
  for (const eventId of p.eventIds) {
    const schedule = await deps.payouts.eventSchedule(eventId).catch((err: Error) => {
      deps.logger.warn({ eventId, err: err.message }, 'event dates unavailable; payout waits');
      return null;
    });
    if (!schedule || schedule.endsAt === null || NOT_HAPPENING.has(schedule.status)) return null;
    latest = Math.max(latest, schedule.endsAt);
  }
  return latest + deps.config.payoutDelaySeconds * 1000;
}
