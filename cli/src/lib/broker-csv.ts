import { ListingInput, issuesToErrors, listingInputSchema, parseDollarsToCents, splitRuleSchema } from '@bigtix/common';
import { CsvRecord, CsvSyntaxError, parseCsv } from './csv';

/**
 * The broker inventory format: one line per group of seats (Ticket Evolution / StubHub style).
 * Headers are case-insensitive; `SeatFrom`+`SeatThru` (numbers) or `Seats` (`;`-separated
 * labels) name the seats, absent for general admission; `Serials` has one serial per seat.
 */
export const BROKER_COLUMNS = [
  'eventid',
  'section',
  'row',
  'seatfrom',
  'seatthru',
  'seats',
  'quantity',
  'price',
  'facevalue',
  'splits',
  'inhanddate',
  'delivery',
  'notes',
  'serials',
  'externalref',
] as const;
type Column = (typeof BROKER_COLUMNS)[number];

/** A listing to send and the file line it came from. */
export interface BrokerRow {
  line: number;
  listing: ListingInput;
}

export interface BrokerResult {
  rows: BrokerRow[];
  /** "line L, column C (Name): problem", in file order; non-empty means nothing may be sent. */
  problems: string[];
}

/** Whether a CSV header is the broker format (it names a Section) rather than one line per serial. */
export function isBrokerHeader(text: string): boolean {
  const first = parseCsv(text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '')[0];
  return first?.fields.some((f) => f.trim().toLowerCase() === 'section') ?? false;
}

export function readBrokerCsv(text: string, opts: { event?: string; cents?: boolean } = {}): BrokerResult {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { rows: [], problems: [err.message] };
    throw err;
  }
  if (records.length === 0) return { rows: [], problems: ['the file is empty'] };
  const [header, ...lines] = records;
  const names = header.fields.map((f) => f.trim());
  const index = new Map<Column, number>();
  const unknown = names.filter((n, i) => {
    const key = n.toLowerCase() as Column;
    if (!BROKER_COLUMNS.includes(key)) return true;
    index.set(key, i);
    return false;
  });
  if (unknown.length) return { rows: [], problems: [`line ${header.line}: unknown column(s): ${unknown.join(', ')}`] };
  const missing = ['section', 'quantity', 'price', 'serials'].filter((c) => !index.has(c as Column));
  if (!opts.event && !index.has('eventid')) missing.unshift('eventid (or --event)');
  if (missing.length) return { rows: [], problems: [`line ${header.line}: missing column(s): ${missing.join(', ')}`] };

  const problems: string[] = [];
  const rows: BrokerRow[] = [];
  for (const rec of lines) {
    const at = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (rec.fields[i] ?? '').trim();
    };
    const where = (c: Column) => `line ${rec.line}, column ${(index.get(c) ?? 0) + 1} (${names[index.get(c) ?? 0]})`;
    const mine: string[] = [];
    const bad = (c: Column, message: string) => mine.push(`${where(c)}: ${message}`);

    const money = (c: Column): number | null | undefined => {
      const v = at(c);
      if (v === '') return undefined;
      const cents = opts.cents ? (/^\d{1,12}$/.test(v) ? Number(v) : null) : parseDollarsToCents(v);
      if (cents === null) bad(c, `"${v}" is not ${opts.cents ? 'whole cents' : 'a dollar amount (like 125.00)'}`);
      return cents;
    };
    const seats = seatLabels(at('seatfrom'), at('seatthru'), at('seats'), (m) =>
      bad(at('seats') ? 'seats' : 'seatfrom', m),
    );
    const quantity = at('quantity') === '' ? seats?.length : Number(at('quantity'));
    const splitsText = at('splits');
    let splits: unknown = undefined;
    if (splitsText) {
      const asList = splitsText.split(/[;\s]+/).filter(Boolean);
      const candidate = asList.every((s) => /^\d+$/.test(s)) ? asList.map(Number) : splitsText.toLowerCase();
      const parsed = splitRuleSchema.safeParse(candidate);
      if (parsed.success) splits = parsed.data;
      else bad('splits', `"${splitsText}" is not any, pairs, avoid-one, all or quantities like 2;4`);
    }
    const price = money('price');
    const faceValue = money('facevalue');
    const input = {
      eventId: at('eventid') || opts.event,
      section: at('section'),
      ...(at('row') ? { row: at('row') } : {}),
      ...(seats ? { seats } : {}),
      quantity,
      price,
      ...(faceValue !== undefined ? { faceValue } : {}),
      ...(splits !== undefined ? { splits } : {}),
      ...(at('inhanddate') ? { inHandDate: at('inhanddate') } : {}),
      ...(at('delivery') ? { delivery: at('delivery').toLowerCase() } : {}),
      ...(at('notes') ? { notes: at('notes') } : {}),
      serials: at('serials')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      ...(at('externalref') ? { externalRef: at('externalref') } : {}),
    };
    if (mine.length === 0) {
      const parsed = listingInputSchema.safeParse(input);
      if (parsed.success) rows.push({ line: rec.line, listing: parsed.data });
      else
        for (const e of issuesToErrors(parsed.error)) {
          const field = (e.field ?? '').split('.')[0];
          const column = COLUMN_OF[field] ?? 'section';
          mine.push(`${where(column)}: ${e.message}`);
        }
    }
    problems.push(...mine);
  }
  if (rows.length === 0 && problems.length === 0) problems.push('the file has a header but no listings');
  return { rows, problems };
}

const COLUMN_OF: Record<string, Column> = {
  eventId: 'eventid',
  section: 'section',
  row: 'row',
  seats: 'seats',
  quantity: 'quantity',
  price: 'price',
  faceValue: 'facevalue',
  splits: 'splits',
  inHandDate: 'inhanddate',
  delivery: 'delivery',
  notes: 'notes',
  serials: 'serials',
  externalRef: 'externalref',
};

/** SeatFrom..SeatThru (whole numbers, ascending) or `;`-separated labels; undefined for general admission. */
function seatLabels(from: string, thru: string, list: string, bad: (m: string) => void): string[] | undefined {
  if (list)
    return list
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  if (!from && !thru) return undefined;
  const a = Number(from);
  const b = Number(thru || from);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < a || b - a >= 1000) {
    bad(`seats "${from}".."${thru}" must be whole numbers, SeatFrom ≤ SeatThru`);
    return undefined;
  }
  return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
}
