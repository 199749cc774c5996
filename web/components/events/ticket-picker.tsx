'use client';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { holdTickets, type HoldState } from '../orders/actions';
import { money } from '@/lib/format';

export interface PickableTicket {
  id: string;
  title: string;
  description: string;
  /** The listing price: the order is placed at it. */
  price: number;
  /** What the buyer pays for it (listing price + buyer fee), shown and summed. */
  allInPrice: number;
  priceLabel: string;
  mine: boolean;
}

/**
 * Choose tickets for one event and hold them; all prices are all-in (the service fee is included).
 * Native checkboxes and plain CSS rather than MUI: this is the only part of the event page that
 * hydrates, so it stays small (Lighthouse TBT on a phone).
 */
export function TicketPicker({
  eventId,
  tickets,
  signedIn,
}: {
  eventId: string;
  tickets: PickableTicket[];
  signedIn: boolean;
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [state, action, pending] = useActionState<HoldState, FormData>(holdTickets.bind(null, eventId), {
    error: null,
    unavailable: [],
  });
  const total = tickets.filter((t) => chosen.has(t.id)).reduce((s, t) => s + t.allInPrice, 0);
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form action={action}>
      <ul className="bt-list" style={{ gap: 8 }} aria-label="Tickets for sale, cheapest first">
        {tickets.map((t) => {
          const inputId = `pick-${t.id}`;
          const gone = state.unavailable.includes(t.id);
          return (
            <li key={t.id} className="bt-ticket" data-gone={gone}>
              <input
                type="checkbox"
                id={inputId}
                name="ticket"
                value={`${t.id}:${t.price}`}
                checked={chosen.has(t.id)}
                onChange={() => toggle(t.id)}
                disabled={t.mine || gone}
                aria-describedby={`${inputId}-price`}
              />
              <label htmlFor={inputId} style={t.mine ? { cursor: 'default' } : undefined}>
                <span className="bt-strong" style={{ display: 'block', fontWeight: 600 }}>
                  {t.title}
                </span>
                {t.description && (
                  <span className="bt-small bt-muted" style={{ display: 'block' }}>
                    {t.description}
                  </span>
                )}
                {t.mine && (
                  <span className="bt-small bt-muted" style={{ display: 'block' }}>
                    Your listing
                  </span>
                )}
                {gone && (
                  <span className="bt-small bt-error-text" style={{ display: 'block' }}>
                    No longer available at this price
                  </span>
                )}
              </label>
              <div className="bt-ticket-price">
                <span id={`${inputId}-price`} className="bt-strong" style={{ display: 'block' }}>
                  {t.priceLabel}
                </span>
                <Link href={`/tickets/${t.id}`} prefetch={false}>
                  Details<span className="visually-hidden"> of {t.title}</span>
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
      {state.error && (
        <div role="alert" className="bt-alert bt-alert-error" style={{ marginTop: 16 }}>
          {state.error}
        </div>
      )}
      <div className="bt-checkout-bar">
        <p className="bt-p" style={{ flex: 1 }} aria-live="polite">
          {chosen.size === 0
            ? 'Choose tickets'
            : `${chosen.size} ticket${chosen.size > 1 ? 's' : ''} · ${money(total)} all-in`}
        </p>
        <button type="submit" className="bt-btn bt-btn-contained bt-btn-lg" disabled={chosen.size === 0 || pending}>
          {pending ? 'Holding…' : signedIn ? 'Hold & check out' : 'Sign in to buy'}
        </button>
      </div>
    </form>
  );
}
