import { CsvError, parse } from 'csv-parse/sync';

/** One CSV record and the 1-based line of the file it starts on (what a seller sees in an editor). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * RFC 4180 CSV as brokers' tools and spreadsheets write it (quoted fields with commas, quotes
 * doubled inside them, fields spanning lines, CRLF or LF, a UTF-8 BOM), read by csv-parse.
 * Blank lines are skipped; rows may have different lengths (the caller names what is missing).
 */
export function parseCsv(text: string): CsvRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  let lastGoodLine = 0;
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (r: { info: { lines: number } }) => ((lastGoodLine = r.info.lines), r),
    });
  } catch (err) {
    if (err instanceof CsvError) {
      // An unclosed quote is only noticed at the end of the file: name the line it opened on.
      const line =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? firstNonBlankLineAfter(text, lastGoodLine)
          : ((err as CsvError & { lines?: number }).lines ?? 1);
      throw new CsvSyntaxError(line, describe(err));
    }
    throw err;
  }
  // csv-parse reports the line a record ends on; a quoted field spanning lines started earlier.
  return rows.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0),
    fields: record,
  }));
}

function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'unexpected text after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote (") may only start a field; put the whole field in quotes';
    default:
      return err.message;
  }
}

function firstNonBlankLineAfter(text: string, line: number): number {
  const lines = text.split('\n');
  for (let i = line; i < lines.length; i++) if (lines[i].trim() !== '') return i + 1;
  return line + 1;
}
