import Link from 'next/link';
import type { EventView } from '@/lib/view/event';

/** Server markup with plain CSS: lists of events hydrate nothing. */
export function EventCard({ event, extra, href }: { event: EventView; extra?: string; href?: string }) {
  const showStatus = event.status !== 'onsale' && event.status !== 'unknown';
  return (
    <li className="bt-card">
      <Link href={href ?? `/events/${event.id}`} className="bt-card-link">
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
