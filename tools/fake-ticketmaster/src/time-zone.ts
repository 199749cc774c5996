// Wall-clock ↔ UTC conversion with Intl only: the fake must not pull in a date library just to
// place fixture events at 19:30 local time (with DST) at their venue.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(epochMs: number, timeZone: string) {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function offsetMs(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDateOf(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Adds calendar days to a `YYYY-MM-DD` date. */
export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** UTC epoch ms of a wall-clock date and time in a zone. */
export function zonedToEpoch(localDate: string, localTime: string, timeZone: string): number {
  const [y, m, d] = localDate.split('-').map(Number);
  const [hh, mm, ss] = localTime.split(':').map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
  const first = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  // The offset at the guessed instant can differ from the one at the real instant near a DST switch.
  return wallAsUtc - offsetMs(first, timeZone);
}

/** The API's date-time format: `YYYY-MM-DDTHH:mm:ssZ`, no milliseconds. */
export function toApiDateTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
