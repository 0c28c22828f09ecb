/**
 * The rejected-rows file: the original cells plus 行号, 错误原因 and 错误代码, as CSV sealed with SM4 on the
 * way to disk (the rows hold identifiers in clear). Cells a spreadsheet would run as formulas are defused.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { REJECT_REASON_ZH, type RejectReason } from '../../../shared/imports.js';
import { type Keys, sealStream } from '../../lib/crypto.js';
import type { SheetRow } from './imports.parse.js';

function csvCell(v: string): string {
  // a cell that a spreadsheet would run as a formula is prefixed with ' (CSV injection)
  const safe = /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes the rejected rows as CSV, sealed with SM4 on the way to disk (they hold identifiers in clear). */
export class RejectedWriter {
  private out: Transform;
  private done: Promise<void>;
  constructor(
    file: string,
    keys: Keys,
    private width: number,
  ) {
    this.out = sealStream(keys);
    const sink: WriteStream = createWriteStream(file);
    this.done = pipeline(this.out, sink);
    this.out.write('\uFEFF');
  }
  async line(cells: string[]) {
    if (!this.out.write(`${cells.map(csvCell).join(',')}\r\n`)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }
  async header(cells: string[]) {
    await this.line(['行号', ...cells, '错误原因', '错误代码']);
  }
  async row(row: SheetRow, reasons: RejectReason[]) {
    const cells = Array.from({ length: this.width }, (_, i) => row.cells[i] ?? '');
    await this.line([String(row.row), ...cells, reasons.map((r) => REJECT_REASON_ZH[r]).join('；'), reasons.join(';')]);
  }
  close(): Promise<void> {
    this.out.end();
    return this.done;
  }
}
