/**
 * A small RFC 4180 CSV reader for the reference data: quoted fields with commas, doubled quotes
 * and line breaks inside quotes, CRLF or LF line ends, an optional UTF-8 BOM. No dependency.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(`${message} (${where})`);
  }
}

/** Splits CSV text into rows of raw fields. A final line break does not add an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let closed = false; // the current field was quoted and its closing quote has been read
  let line = 1;
  const endField = () => {
    row.push(field);
    field = '';
    closed = false;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') {
        quoted = false;
        closed = true;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
    } else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
    } else if (closed) throw new CsvError('text after a closing quote', `line ${line}`);
    else if (ch === '"') {
      if (field !== '') throw new CsvError('quote inside an unquoted field', `line ${line}`);
      quoted = true;
    } else field += ch;
  }
  if (quoted) throw new CsvError('unterminated quoted field', `line ${line}`);
  if (field !== '' || closed || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/**
 * Parses CSV with a header row into records keyed by column name. Every row must have exactly
 * as many fields as the header, and every `required` column must be present. Blank lines are skipped.
 */
export function parseCsvRecords(text: string, required: readonly string[] = []): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new CsvError(`missing columns: ${missing.join(', ')}`, 'header');
  const records = rows.filter((fields) => !(fields.length === 1 && fields[0] === ''));
  return records.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new CsvError(`expected ${header.length} fields, found ${fields.length}`, `record ${index + 1}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      record[name] = fields[column] ?? '';
    });
    return record;
  });
}
