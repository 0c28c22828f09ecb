/**
 * Charts drawn with pdfkit's vector primitives (no chart library): horizontal bars for areas, occupations and
 * progress, lines for monthly trends. Each has a title, axes with rounded ticks and grid lines, category labels
 * and the values written next to the bars or on the points. Sizes are in PDF points.
 */
import { PDF_FONT, type PdfDoc } from '../../lib/pdf.js';

export const PALETTE = ['#3182bd', '#e6550d', '#31a354', '#756bb1', '#636363'] as const;
const AXIS = '#8c8c8c';
const GRID = '#e8e8e8';
const TEXT = '#262626';
const MUTED = '#595959';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Round tick step and axis top for values up to `max` (1, 2 or 5 × 10^k). */
export function niceScale(max: number, ticks = 4): { step: number; top: number } {
  if (!(max > 0)) return { step: 1, top: ticks };
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow) as number;
  const normalised = step < 1 && Number.isInteger(max) ? 1 : step;
  return { step: normalised, top: Math.ceil(max / normalised) * normalised };
}

function title(doc: PdfDoc, box: Box, text: string) {
  doc.font(PDF_FONT.bold).fontSize(10).fillColor(TEXT).text(text, box.x, box.y, { width: box.width, lineBreak: false, align: 'left' });
}

function label(doc: PdfDoc, text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center', size = 7, color = MUTED) {
  doc.font(PDF_FONT.regular).fontSize(size).fillColor(color).text(text, x, y, { width, align, lineBreak: false, ellipsis: true });
}

function line(doc: PdfDoc, x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5) {
  doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke().restore();
}

export interface BarSpec {
  title: string;
  labels: string[];
  values: Array<number | null>;
  format: (v: number) => string;
  /** Written instead of a bar when a value is null. */
  noData: string;
  color?: string;
  /** Fixed axis top (e.g. 100 for percentages); else from the data. */
  max?: number;
}

/** Horizontal bars, one per label, with a value axis along the bottom. Returns the height used. */
export function drawBarChart(doc: PdfDoc, at: { x: number; y: number; width: number }, spec: BarSpec): number {
  const rowH = 16;
  const labelW = Math.min(110, at.width * 0.28);
  const valueW = 64;
  const top = at.y + 18;
  const plotX = at.x + labelW + 6;
  const plotW = at.width - labelW - 6 - valueW;
  const plotH = Math.max(1, spec.labels.length) * rowH;
  const height = 18 + plotH + 16;
  title(doc, { ...at, height }, spec.title);
  const max = spec.max ?? Math.max(0, ...spec.values.map((v) => v ?? 0));
  const { step, top: axisTop } = niceScale(max);
  for (let v = 0; v <= axisTop + 1e-9; v += step) {
    const gx = plotX + (v / axisTop) * plotW;
    line(doc, gx, top, gx, top + plotH, GRID);
    label(doc, spec.format(v), gx - 30, top + plotH + 3, 60, 'center', 6.5);
  }
  line(doc, plotX, top, plotX, top + plotH, AXIS, 0.8);
  line(doc, plotX, top + plotH, plotX + plotW, top + plotH, AXIS, 0.8);
  spec.labels.forEach((name, i) => {
    const cy = top + i * rowH;
    label(doc, name, at.x, cy + 4, labelW, 'right', 7.5, TEXT);
    const v = spec.values[i];
    if (v === null || v === undefined) {
      label(doc, spec.noData, plotX + 4, cy + 4, valueW + 40, 'left');
      return;
    }
    const w = axisTop > 0 ? Math.max(0, (Math.min(v, axisTop) / axisTop) * plotW) : 0;
    if (w > 0)
      doc
        .save()
        .rect(plotX, cy + 3, w, rowH - 6)
        .fill(spec.color ?? PALETTE[0])
        .restore();
    label(doc, spec.format(v), plotX + w + 3, cy + 4, valueW, 'left', 7, TEXT);
  });
  return height;
}

export interface LineSpec {
  title: string;
  /** Category labels along the x axis (months). */
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  format: (v: number) => string;
  height?: number;
}

/** Lines over months: y axis with rounded ticks, a legend, points (labelled when there is one line). Returns the height used. */
export function drawLineChart(doc: PdfDoc, at: { x: number; y: number; width: number }, spec: LineSpec): number {
  const height = spec.height ?? 190;
  title(doc, { ...at, height }, spec.title);
  // legend under the title
  let lx = at.x;
  spec.series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length] as string;
    line(doc, lx, at.y + 22, lx + 14, at.y + 22, color, 2);
    label(doc, s.name, lx + 17, at.y + 18.5, 130, 'left', 7, TEXT);
    lx += 24 + Math.min(130, doc.widthOfString(s.name));
  });
  const axisW = 44;
  const plotX = at.x + axisW;
  const plotY = at.y + 34;
  const plotW = at.width - axisW - 8;
  const plotH = height - 34 - 18;
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const { step, top } = niceScale(max);
  for (let v = 0; v <= top + 1e-9; v += step) {
    const gy = plotY + plotH - (v / top) * plotH;
    line(doc, plotX, gy, plotX + plotW, gy, GRID);
    label(doc, spec.format(v), at.x, gy - 3.5, axisW - 4, 'right', 6.5);
  }
  line(doc, plotX, plotY, plotX, plotY + plotH, AXIS, 0.8);
  line(doc, plotX, plotY + plotH, plotX + plotW, plotY + plotH, AXIS, 0.8);
  const n = spec.labels.length;
  const xAt = (i: number) => plotX + (n <= 1 ? plotW / 2 : (i / (n - 1)) * (plotW - 16) + 8);
  const yAt = (v: number) => plotY + plotH - (Math.min(v, top) / top) * plotH;
  spec.labels.forEach((l, i) => {
    line(doc, xAt(i), plotY + plotH, xAt(i), plotY + plotH + 3, AXIS);
    label(doc, l, xAt(i) - 20, plotY + plotH + 5, 40, 'center', 6.5);
  });
  spec.series.forEach((s, si) => {
    const color = PALETTE[si % PALETTE.length] as string;
    doc.save().lineWidth(1.5).strokeColor(color);
    let drawing = false;
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xAt(i), yAt(v));
      else doc.moveTo(xAt(i), yAt(v));
      drawing = true;
    });
    doc.stroke().restore();
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      doc.save().circle(xAt(i), yAt(v), 1.8).fill(color).restore();
    });
    // one line: each point's value above it (with several, the table under the chart has them)
    if (spec.series.length === 1)
      s.values.forEach((v, i) => {
        if (v !== null && v !== undefined) label(doc, spec.format(v), xAt(i) - 20, yAt(v) - 10, 40, 'center', 6.5, color);
      });
  });
  return height;
}
