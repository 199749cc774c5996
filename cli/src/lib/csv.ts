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
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` is a quote inside a
 * quoted field, quoted fields may span lines, CRLF or LF endings, a UTF-8 BOM (Excel adds one)
 * is ignored. Blank lines are skipped. Hand-written because it is ~60 lines and the CLI
 * should not pull a dependency for it.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let recordLine = 1;
  let inQuotes = false;
  let quoteStartLine = 1;
  let fieldWasQuoted = false;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldWasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };

  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '')
        throw new CsvSyntaxError(line, 'a quote (") may only start a field; put the whole field in quotes');
      field = '';
      inQuotes = true;
      fieldWasQuoted = true;
      quoteStartLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (fieldWasQuoted && c !== ' ' && c !== '\t')
        throw new CsvSyntaxError(line, 'unexpected text after a closing quote');
      if (!fieldWasQuoted) field += c;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(quoteStartLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}
