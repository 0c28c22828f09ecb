/**
 * The monthly report as a Chinese PDF (pdfkit, Noto Sans Hans from lib/pdf.ts): title, region and month, the
 * data note, then five sections with tables and vector charts (dashboard.reports.charts.ts), and a footer with
 * the page number and the data note on every page.
 */
import { INDICATORS, type IndicatorKey } from '../../../shared/dashboard.js';
import { A4, addFooters, createPdf, PDF_FONT, type PdfDoc, pdfBuffer } from '../../lib/pdf.js';
import { drawBarChart, drawLineChart, PALETTE } from './dashboard.reports.charts.js';
import type { ReportData, SubsidyLine } from './dashboard.reports.data.js';
import { DATA_NOTE, INDICATOR_NAMES, monthTitle, NO_DATA, NO_SAMPLE, SHORT_NOTE, shanghaiTime } from './dashboard.reports.labels.js';

const CONTENT_W = A4.width - 2 * A4.margin;
const BOTTOM = A4.height - A4.margin;
const TEXT = '#262626';

/** A figure as people read it: 元 with two decimals for money, one decimal for shares and medians. */
export function formatFigure(key: IndicatorKey, v: number): string {
  const unit = INDICATORS[key].unit;
  if (unit === 'fen') return (v / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (unit === 'percent') return v.toFixed(1);
  if (unit === 'day') return Number.isInteger(v) ? String(v) : v.toFixed(1);
  return v.toLocaleString('zh-CN');
}
const figure = (key: IndicatorKey, v: number | null, available: boolean) => (!available ? NO_DATA : v === null ? NO_SAMPLE : formatFigure(key, v));
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = (v: number) => v.toLocaleString('zh-CN');

function ensureSpace(doc: PdfDoc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

/** A section title, on a new page unless it fits together with the first `next` points of its content. */
function heading(doc: PdfDoc, text: string, next = 60) {
  ensureSpace(doc, 30 + next);
  doc.moveDown(0.6);
  doc.font(PDF_FONT.bold).fontSize(13).fillColor(TEXT).text(text, A4.margin, doc.y);
  doc.moveDown(0.3);
}

interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table with a shaded header repeated on every page it runs onto. */
function table(doc: PdfDoc, columns: TableColumn[], rows: string[][], fontSize = 8) {
  const rowH = fontSize + 7;
  const drawHeader = () => {
    let x = A4.margin;
    const y = doc.y;
    doc.save().rect(A4.margin, y, CONTENT_W, rowH).fill('#deebf7').restore();
    for (const c of columns) {
      doc
        .font(PDF_FONT.bold)
        .fontSize(fontSize)
        .fillColor(TEXT)
        .text(c.header, x + 3, y + 3.5, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    }
    doc.y = y + rowH;
  };
  // a short table stays on one page; a long one starts with at least two rows under its header
  ensureSpace(doc, rowH * (rows.length + 1) <= 240 ? rowH * (rows.length + 1) : rowH * 3);
  drawHeader();
  for (const [i, row] of rows.entries()) {
    // a little slack: pdfkit starts a new page itself when a line's full height would pass the bottom margin
    if (doc.y + rowH + 4 > BOTTOM) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (i % 2 === 1) doc.save().rect(A4.margin, y, CONTENT_W, rowH).fill('#fafafa').restore();
    let x = A4.margin;
    row.forEach((cell, ci) => {
      const c = columns[ci] as TableColumn;
      const muted = cell === NO_DATA || cell === NO_SAMPLE;
      doc
        .font(PDF_FONT.regular)
        .fontSize(fontSize)
        .fillColor(muted ? '#8c8c8c' : TEXT)
        .text(cell, x + 3, y + 3.5, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false, ellipsis: true });
      x += c.width;
    });
    doc
      .save()
      .moveTo(A4.margin, y + rowH)
      .lineTo(A4.margin + CONTENT_W, y + rowH)
      .lineWidth(0.3)
      .strokeColor('#d9d9d9')
      .stroke()
      .restore();
    doc.y = y + rowH;
  }
  doc.x = A4.margin;
  doc.moveDown(0.5);
}

/** Places a chart below the text, on a new page when it does not fit. */
function chart(doc: PdfDoc, height: number, draw: (at: { x: number; y: number; width: number }) => number) {
  ensureSpace(doc, height + 10);
  // drawing text moves doc.y: continue below the chart's own box
  const top = doc.y + 4;
  const used = draw({ x: A4.margin, y: top, width: CONTENT_W });
  doc.x = A4.margin;
  doc.y = top + used + 10;
}

function cover(doc: PdfDoc, d: ReportData, version: number) {
  doc.font(PDF_FONT.bold).fontSize(20).fillColor(TEXT).text(`${d.regionName}数字人才发展月度报告`, { align: 'center' });
  doc.moveDown(0.3);
  doc.font(PDF_FONT.regular).fontSize(13).text(monthTitle(d.month), { align: 'center' });
  doc.moveDown(0.6);
  doc
    .fontSize(9)
    .fillColor('#595959')
    .text(`地区：${d.regionName}（${d.regionCode}）    生成时间：${shanghaiTime(d.generatedAt)}（北京时间）    第 ${version} 版`, { align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(8.5).fillColor('#595959').text(DATA_NOTE, { lineGap: 2 });
}

function indicatorsSection(doc: PdfDoc, d: ReportData) {
  heading(doc, '一、主要指标');
  table(
    doc,
    [
      { header: '指标', width: 183 },
      { header: `本月（${d.month}）`, width: 80, align: 'right' },
      { header: '本年累计', width: 80, align: 'right' },
      { header: '年度目标', width: 80, align: 'right' },
      { header: '完成进度', width: CONTENT_W - 423, align: 'right' },
    ],
    d.indicators.map((i) => [
      INDICATOR_NAMES[i.key],
      figure(i.key, i.month, i.available),
      figure(i.key, i.ytd, i.available),
      i.target === null ? '—' : formatFigure(i.key, i.target),
      i.progress === null ? '—' : `${i.progress.toFixed(1)}%`,
    ]),
  );
  const targeted = d.indicators.filter((i) => i.target !== null);
  if (targeted.length) {
    chart(doc, targeted.length * 16 + 40, (at) =>
      drawBarChart(doc, at, {
        title: '年度目标完成进度（%）',
        labels: targeted.map((i) => INDICATOR_NAMES[i.key].replace(/（.*）$/, '')),
        values: targeted.map((i) => (i.available ? (i.progress ?? 0) : null)),
        format: (v) => `${v.toFixed(v < 10 && !Number.isInteger(v) ? 1 : 0)}%`,
        noData: NO_DATA,
        max: Math.max(100, ...targeted.map((i) => i.progress ?? 0)),
      }),
    );
  }
}

const TREND_GROUPS: Array<{ title: string; keys: IndicatorKey[] }> = [
  { title: '数字岗位与就业（近 12 个月）', keys: ['digital_jobs_published', 'digital_applications_submitted', 'digital_hires'] },
  { title: '培训与证书（近 12 个月）', keys: ['training_enrolments', 'training_completions', 'certificates_issued'] },
];

function trendSection(doc: PdfDoc, d: ReportData) {
  heading(doc, '二、月度趋势', 200);
  const labels = d.trend.months.map((m) => `${m.slice(2, 4)}/${m.slice(5)}`);
  for (const g of TREND_GROUPS) {
    const rows = g.keys.map((k) => d.trend.rows.find((r) => r.key === k)).filter((r) => !!r);
    chart(doc, 190, (at) =>
      drawLineChart(doc, at, {
        title: g.title,
        labels,
        series: rows.map((r) => ({ name: INDICATOR_NAMES[r.key], values: r.available ? r.values : r.values.map(() => null) })),
        format: plain,
      }),
    );
  }
  const keys = TREND_GROUPS.flatMap((g) => g.keys);
  const monthW = (CONTENT_W - 118) / d.trend.months.length;
  table(
    doc,
    [{ header: '指标', width: 118 }, ...labels.map((l) => ({ header: l, width: monthW, align: 'right' as const }))],
    keys.map((k) => {
      const r = d.trend.rows.find((x) => x.key === k);
      return [INDICATOR_NAMES[k], ...(r?.values ?? []).map((v) => (r?.available ? (v === null ? '—' : formatFigure(k, v)) : NO_DATA))];
    }),
    6.5,
  );
}

/** The sub-region table's columns, with short headers that fit a fifth of the page. */
const REGION_COLUMNS: Array<[IndicatorKey, string]> = [
  ['digital_jobs_published', '数字岗位发布'],
  ['applications_submitted', '投递'],
  ['hires', '录用'],
  ['training_completions', '培训结业'],
  ['certificates_issued', '证书发放'],
];

function regionsSection(doc: PdfDoc, d: ReportData) {
  heading(doc, `三、分地区（本年累计，${d.regionName}下级地区）`, d.subRegions.length * 16 + 50);
  if (!d.subRegions.length) {
    doc.font(PDF_FONT.regular).fontSize(9).fillColor('#595959').text('本地区没有下级地区。');
    return;
  }
  const available = new Map(d.indicators.map((i) => [i.key, i.available]));
  for (const key of ['digital_jobs_published', 'training_completions'] as IndicatorKey[]) {
    chart(doc, d.subRegions.length * 16 + 40, (at) =>
      drawBarChart(doc, at, {
        title: `${INDICATOR_NAMES[key]}（本年累计）`,
        labels: d.subRegions.map((r) => r.regionName),
        values: d.subRegions.map((r) => (available.get(key) ? r.values[key] : null)),
        format: (v) => formatFigure(key, v),
        noData: NO_DATA,
        color: PALETTE[key === 'digital_jobs_published' ? 0 : 2],
      }),
    );
  }
  const w = (CONTENT_W - 113) / REGION_COLUMNS.length;
  table(
    doc,
    [{ header: '地区', width: 113 }, ...REGION_COLUMNS.map(([, header]) => ({ header, width: w, align: 'right' as const }))],
    d.subRegions.map((r) => [r.regionName, ...REGION_COLUMNS.map(([k]) => figure(k, r.values[k], available.get(k) ?? false))]),
  );
}

function occupationsSection(doc: PdfDoc, d: ReportData) {
  heading(doc, `四、数字职业（${d.year}年，按岗位发布数排序）`, d.occupations.rows.length * 16 + 50);
  const { rows, available } = d.occupations;
  if (!rows.length) {
    doc.font(PDF_FONT.regular).fontSize(9).fillColor('#595959').text(`${NO_DATA}：本年尚无数字职业的岗位、培训或证书记录。`);
    return;
  }
  chart(doc, rows.length * 16 + 40, (at) =>
    drawBarChart(doc, at, {
      title: '数字职业岗位发布数',
      labels: rows.map((r) => r.name ?? r.code),
      values: rows.map((r) => (available.jobs ? r.postings : null)),
      format: plain,
      noData: NO_DATA,
    }),
  );
  const n = (ok: boolean, v: number) => (ok ? plain(v) : NO_DATA);
  table(
    doc,
    [
      { header: '职业代码', width: 70 },
      { header: '职业名称', width: CONTENT_W - 70 - 3 * 75 },
      { header: '岗位发布数', width: 75, align: 'right' },
      { header: '培训报名人次', width: 75, align: 'right' },
      { header: '证书发放数', width: 75, align: 'right' },
    ],
    rows.map((r) => [r.code, r.name ?? '', n(available.jobs, r.postings), n(available.training, r.enrolled), n(available.certificates, r.certified)]),
  );
}

const subsidyRow = (name: string, period: string, l: SubsidyLine) => [
  name,
  period,
  plain(l.applied),
  yuan(l.appliedFen),
  plain(l.approved),
  yuan(l.approvedFen),
  plain(l.paid),
  yuan(l.paidFen),
];

function subsidiesSection(doc: PdfDoc, d: ReportData) {
  heading(doc, '五、补贴申请、批准与发放', 100);
  const s = d.subsidies;
  if (!s.available) {
    doc.font(PDF_FONT.regular).fontSize(9).fillColor('#595959').text(`${NO_DATA}：补贴模块尚未上线。`);
    return;
  }
  chart(doc, 3 * 16 + 40, (at) =>
    drawBarChart(doc, at, {
      title: '补贴金额（本年累计，元）',
      labels: ['申请', '批准', '发放'],
      values: [s.ytd.appliedFen / 100, s.ytd.approvedFen / 100, s.ytd.paidFen / 100],
      format: (v) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }),
      noData: NO_DATA,
      color: PALETTE[1],
    }),
  );
  table(
    doc,
    [
      { header: '政策', width: 123 },
      { header: '期间', width: 48 },
      { header: '申请笔数', width: 42, align: 'right' },
      { header: '申请金额（元）', width: 62, align: 'right' },
      { header: '批准笔数', width: 42, align: 'right' },
      { header: '批准金额（元）', width: 62, align: 'right' },
      { header: '发放笔数', width: 42, align: 'right' },
      { header: '发放金额（元）', width: CONTENT_W - 421, align: 'right' },
    ],
    [
      subsidyRow('合计', '本月', s.month),
      subsidyRow('合计', '本年累计', s.ytd),
      ...s.byPolicy.map((l) => subsidyRow(l.policyName ?? l.policyCode, '本年累计', l)),
    ],
    7,
  );
}

/** The whole report as PDF bytes. */
export async function reportPdf(d: ReportData, version: number): Promise<Buffer> {
  const doc = createPdf({ title: `${d.regionName}数字人才发展月度报告 ${d.month}`, subject: `${d.regionCode} ${d.month}` });
  cover(doc, d, version);
  indicatorsSection(doc, d);
  trendSection(doc, d);
  regionsSection(doc, d);
  occupationsSection(doc, d);
  subsidiesSection(doc, d);
  addFooters(doc, (p, n) => `${d.regionName} ${d.month} 月度报告 · ${SHORT_NOTE} · 第 ${p} / ${n} 页`);
  return pdfBuffer(doc);
}
