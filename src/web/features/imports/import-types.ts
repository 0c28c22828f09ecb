import type { ImportKind, ImportStatus } from '../../../shared/imports.js';

export interface ImportBatch {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  fileFormat: 'csv' | 'xlsx';
  fileBytes: number;
  taskId: string | null;
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  reasonCounts: Record<string, number>;
  rejectedSample: { row: number; reasons: string[] }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the upload route expects, from the file name (browsers leave .csv types empty on some systems). */
export function uploadType(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}
