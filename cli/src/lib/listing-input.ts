import {
  STRIPE_MIN_CHARGE_CENTS,
  TicketInput,
  issuesToErrors,
  parseDollarsToCents,
  ticketInputSchema,
} from '@bigtix/common';
import { parseCsv, CsvSyntaxError } from './csv';

/** One ticket to list, validated, before the event is known (so a bad file fails before any prompt). */
export interface ListingDraft {
  /** How the seller finds it: "line 7" for a CSV row, "ticket 7" for a generated one. */
  label: string;
  serialNumber: string;
  price: number;
  title?: string;
  description: string;
}

export interface DraftResult {
  drafts: ListingDraft[];
  /** Every problem, one per line, in file order; non-empty means nothing may be sent. */
  problems: string[];
}

const COLUMNS = ['serialNumber', 'price', 'title', 'description'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['serialNumber', 'price'];

/** Stand-ins for what is only known once the event is resolved; both pass the contract schema. */
const PLACEHOLDER_EVENT = 'placeholder';
const PLACEHOLDER_TITLE = 'placeholder';
const LIMITS: ['serialNumber' | 'title' | 'description', number][] = [
  ['serialNumber', 100],
  ['title', 200],
  ['description', 2000],
];

export function parsePrice(text: string, cents: boolean): number | null {
  const t = text.trim();
  if (cents) return /^\d{1,12}$/.test(t) ? Number(t) : null;
  return parseDollarsToCents(t);
}

function checkDraft(
  label: string,
  raw: { serialNumber: string; price: string; title?: string; description?: string },
  cents: boolean,
  problems: string[],
): ListingDraft | null {
  const price = parsePrice(raw.price, cents);
  const mine: string[] = [];
  if (price === null) {
    mine.push(
      cents
        ? `price "${raw.price}" is not a whole number of cents (like 12500)`
        : `price "${raw.price}" is not a dollar amount (like 125.00)`,
    );
  }
  const title = raw.title?.trim() ? raw.title : undefined;
  const candidate = {
    title: title ?? PLACEHOLDER_TITLE,
    // A valid stand-in, so an unreadable price is reported once (above), not again by the schema.
    price: price ?? STRIPE_MIN_CHARGE_CENTS,
    description: raw.description ?? '',
    serialNumber: raw.serialNumber,
    eventId: PLACEHOLDER_EVENT,
  };
  // The contract's schema says "must be a string" for a too-long string (its error option covers
  // every check without a message), so length gets its own, clearer message here.
  const tooLong = LIMITS.filter(([field, max]) => (candidate[field]?.trim().length ?? 0) > max);
  for (const [field, max] of tooLong) mine.push(`${field} is longer than ${max} characters`);
  const parsed = ticketInputSchema.safeParse(candidate);
  if (!parsed.success) {
    // One message per field: an empty serial is "required", not also "not printable".
    const seen = new Set<string>(tooLong.map(([f]) => f));
    for (const e of issuesToErrors(parsed.error)) {
      const key = e.field ?? e.message;
      if (!seen.has(key)) mine.push(e.message);
      seen.add(key);
    }
  }
  if (mine.length > 0 || !parsed.success) {
    for (const m of mine) problems.push(`${label}: ${m}`);
    return null;
  }
  return {
    label,
    serialNumber: parsed.data.serialNumber,
    price: parsed.data.price,
    title: title === undefined ? undefined : parsed.data.title,
    description: parsed.data.description,
  };
}

/** The same serial twice in one input is a mistake the server would silently absorb: name it. */
function flagDuplicates(drafts: ListingDraft[], problems: string[]): ListingDraft[] {
  const seen = new Map<string, string>();
  const unique: ListingDraft[] = [];
  for (const d of drafts) {
    const first = seen.get(d.serialNumber);
    if (first) {
      problems.push(`${d.label}: serialNumber "${d.serialNumber}" already appears on ${first}`);
    } else {
      seen.set(d.serialNumber, d.label);
      unique.push(d);
    }
  }
  return unique;
}

/** Reads a seller's CSV: a header row naming serialNumber and price (title, description optional). */
export function draftsFromCsv(text: string, { cents = false }: { cents?: boolean } = {}): DraftResult {
  const problems: string[] = [];
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { drafts: [], problems: [err.message] };
    throw err;
  }
  if (records.length === 0)
    return { drafts: [], problems: ['the file is empty; it needs a header row: serialNumber,price,title,description'] };

  const [header, ...rows] = records;
  const index = new Map<Column, number>();
  const unknown: string[] = [];
  header.fields.forEach((name, i) => {
    const col = COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (!col) unknown.push(name.trim() || `(empty, column ${i + 1})`);
    else if (index.has(col)) problems.push(`line ${header.line}: column ${col} appears twice`);
    else index.set(col, i);
  });
  if (unknown.length)
    problems.push(`line ${header.line}: unknown column(s) ${unknown.join(', ')} (expected ${COLUMNS.join(', ')})`);
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length)
    problems.push(`line ${header.line}: missing column(s) ${missing.join(', ')} (the first line must be a header row)`);
  if (problems.length) return { drafts: [], problems };
  if (rows.length === 0) return { drafts: [], problems: ['the file has a header but no tickets'] };

  const drafts: ListingDraft[] = [];
  for (const row of rows) {
    const label = `line ${row.line}`;
    if (row.fields.length !== header.fields.length) {
      problems.push(`${label}: has ${row.fields.length} field(s), the header has ${header.fields.length}`);
      continue;
    }
    const get = (c: Column) => (index.has(c) ? row.fields[index.get(c)!] : undefined);
    const draft = checkDraft(
      label,
      {
        serialNumber: get('serialNumber')!,
        price: get('price')!,
        title: get('title'),
        description: get('description'),
      },
      cents,
      problems,
    );
    if (draft) drafts.push(draft);
  }
  const unique = flagDuplicates(drafts, problems);
  return problems.length ? { drafts: [], problems: sortByLine(problems) } : { drafts: unique, problems };
}

export const MAX_GENERATED = 100_000;

/** `--count N --price P --serial-prefix S`: serials S0001…SN, stable so a re-run lists nothing twice. */
export function draftsFromGenerator({
  count,
  price,
  serialPrefix,
  cents = false,
  title,
  description,
}: {
  count: number;
  price: string;
  serialPrefix: string;
  cents?: boolean;
  title?: string;
  description?: string;
}): DraftResult {
  const problems: string[] = [];
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED)
    problems.push(`--count must be a whole number from 1 to ${MAX_GENERATED}`);
  if (parsePrice(price, cents) === null)
    problems.push(
      cents
        ? `--price "${price}" is not a whole number of cents`
        : `--price "${price}" is not a dollar amount (like 125.00)`,
    );
  if (!serialPrefix.trim()) problems.push('--serial-prefix must not be empty');
  if (problems.length) return { drafts: [], problems };
  const width = Math.max(4, String(count).length);
  const drafts: ListingDraft[] = [];
  for (let i = 1; i <= count; i++) {
    const draft = checkDraft(
      `ticket ${i}`,
      { serialNumber: `${serialPrefix}${String(i).padStart(width, '0')}`, price, title, description },
      cents,
      problems,
    );
    if (draft) drafts.push(draft);
    // Every generated row shares the flags, so the first problem is every row's problem.
    if (problems.length) return { drafts: [], problems: problems.map((p) => p.replace(/^ticket \d+: /, '')) };
  }
  return { drafts, problems };
}

/** The title buyers see when the CSV has none: the event's name. The serial stays out: it is private to the seller. */
export function defaultTitle(eventName: string): string {
  const name = eventName.trim() || 'Ticket';
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

export function toTicketInputs(drafts: ListingDraft[], event: { id: string; name: string }): TicketInput[] {
  const fallback = defaultTitle(event.name);
  return drafts.map((d) => ({
    title: d.title ?? fallback,
    price: d.price,
    description: d.description,
    serialNumber: d.serialNumber,
    eventId: event.id,
  }));
}

function sortByLine(problems: string[]): string[] {
  const lineOf = (p: string) => Number(/^line (\d+)/.exec(p)?.[1] ?? 0);
  return [...problems].sort((a, b) => lineOf(a) - lineOf(b));
}
