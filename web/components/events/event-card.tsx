import Link from 'next/link';
import type { EventView } from '@/lib/view/event';

/**
 * Server markup with plain CSS: lists of events hydrate nothing. Not prefetched: a list of events
 * would be as many server renders and RSC payloads processed while the page becomes interactive;
 * the event route's loading state shows at once on click instead.
 */
export function EventCard({ event, extra, href }: { event: EventView; extra?: string; href?: string }) {
  const showStatus = event.status !== 'onsale' && event.status !== 'unknown';
  return (
    <li className="bt-card">
      <Link href={href ?? `/events/${event.id}`} prefetch={false} className="bt-card-link">
        <h3 className="bt-h3">{event.name}</h3>
        <p className="bt-small bt-muted">{event.dateLabel}</p>
        <p className="bt-small bt-muted">{event.venueLabel}</p>
        {(extra || showStatus) && (
          <span className="bt-chips">
            {extra && <span className="bt-chip">{extra}</span>}
            {showStatus && <span className="bt-chip bt-chip-warning">{event.status}</span>}
          </span>
        )}
      </Link>
    </li>
  );
}
