/** Import templates: the expected columns with Chinese headers (required ones marked *), one example row and 填写说明. */
import ExcelJS from 'exceljs';
import { type ImportKind, importColumns } from '../../../shared/imports.js';

const NAMES: Record<ImportKind, string> = { talents: '求职者导入模板', jobs: '岗位导入模板' };

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

export async function templateFile(kind: ImportKind, format: 'xlsx' | 'csv') {
  const columns = importColumns(kind);
  const headers = columns.map((c) => (c.required ? `${c.header}*` : c.header));
  if (format === 'csv') {
    return {
      contentType: 'text/csv; charset=utf-8',
      fileName: `${NAMES[kind]}.csv`,
      body: Buffer.from(`\uFEFF${csvLine(headers)}\r\n`, 'utf8'),
    };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(headers).font = { bold: true };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(12, Math.min(40, c.header.length * 2 + 6));
    // identifiers and codes as text, so Excel keeps every digit and leading zero
    col.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '说明', '示例']).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? '必填' : '选填', c.note, c.example]);
  notes.addRow([]);
  notes.addRow(['', '', '只读取第一个工作表；第 1 行为列名，从第 2 行起每行一条记录。同一文件重复导入不会产生重复数据。']);
  notes.getColumn(1).width = 18;
  notes.getColumn(2).width = 10;
  notes.getColumn(3).width = 80;
  notes.getColumn(4).width = 30;
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${NAMES[kind]}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
