// Formatting shared by server and client components; pure functions with no imports so client bundles stay small.

export function money(cents: number, currency = 'usd'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

/** An event date as people read it, in the venue's time zone when known (dates without time stay dates). */
export function eventDate(iso: string | null, timeZone?: string | null): string {
  if (!iso) return 'Date to be announced';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dateOnly ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    ...(dateOnly
      ? { timeZone: 'UTC' }
      : { hour: 'numeric', minute: '2-digit', timeZone: timeZone ?? 'UTC', timeZoneName: 'short' }),
  }).format(d);
}

/** A calendar date (YYYY-MM-DD, no time zone): "Dec 20, 2026". */
export function calendarDate(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    d,
  );
}

export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
