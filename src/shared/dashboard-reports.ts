/**
 * 月度报告 (monthly reports) of the dashboard and the Excel export of its charts: request and response shapes
 * shared by the server and the web app.
 */
import { z } from 'zod';
import { IndicatorKey } from './dashboard.js';

/** 'YYYY-MM', January 2020 or later (the server also refuses months after the current one). */
export const ReportMonth = z.string().regex(/^20[2-9]\d-(0[1-9]|1[0-2])$/);

export const ReportStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const RequestReport = z.object({
  regionCode: z.string().regex(/^\d{6}$/),
  month: ReportMonth,
});
export type RequestReport = z.infer<typeof RequestReport>;

export const ReportListQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  month: ReportMonth.optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export interface ReportView {
  id: string;
  regionCode: string;
  regionName: string;
  month: string;
  /** 1, 2, … per region and month: generating again adds a version, earlier ones stay downloadable. */
  version: number;
  status: ReportStatus;
  /** 0–100 while queued or running (from the background task), 100 when done. */
  percent: number;
  taskId: string | null;
  requestedBy: string;
  requestedByName: string | null;
  createdAt: string;
  finishedAt: string | null;
  xlsxBytes: number | null;
  pdfBytes: number | null;
}

/** POST answer: the report, and whether an identical one already queued or running was returned instead. */
export interface RequestReportResponse {
  report: ReportView;
  reused: boolean;
}

/** The dashboard's charts whose data can be downloaded as .xlsx (the same rows as the CSV export). */
export const ExportView = z.enum(['breakdown', 'trend', 'occupations']);
export type ExportView = z.infer<typeof ExportView>;

export const ExportQuery = z.object({
  view: ExportView,
  regionCode: z.string().regex(/^\d{6}$/),
  year: z.coerce.number().int().min(2020).max(2100),
  indicator: IndicatorKey.optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** The months from `first` to `last` inclusive ('YYYY-MM'). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The month `n` months before `month` ('YYYY-MM'). */
export function monthMinus(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) - n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}
