/**
 * Wage charts drawn as SVG (echarts is not a dependency of this project; the dashboard draws its charts the
 * same way): a box from P25 to P75 with the median, whiskers to P10 and P90. Each chart is one image for
 * screen readers (role="img" with a label); the numbers are in the table beside it.
 */
import type { WageCell } from '../../../shared/wages.js';
import { formatYuan, niceMax } from './wages-format.js';

const LABEL_W = 76;
const PAD_R = 28;

interface Scale {
  x: (fen: number) => number;
  ticks: number[];
}

function scaleOf(maxFen: number, left: number, width: number): Scale {
  const max = niceMax(maxFen);
  const span = width - left - PAD_R;
  return { x: (fen) => left + (fen / max) * span, ticks: [0, 0.5, 1].map((f) => Math.round(max * f)) };
}

function Box({ cell, y, h, s }: { cell: WageCell; y: number; h: number; s: Scale }) {
  const { p10Fen, p25Fen, p50Fen, p75Fen, p90Fen } = cell;
  if (p10Fen === null || p25Fen === null || p50Fen === null || p75Fen === null || p90Fen === null) return null;
  const mid = y + h / 2;
  return (
    <g>
      <line x1={s.x(p10Fen)} x2={s.x(p90Fen)} y1={mid} y2={mid} stroke="#1d39c4" strokeWidth={1.5} />
      <line x1={s.x(p10Fen)} x2={s.x(p10Fen)} y1={y + h * 0.25} y2={y + h * 0.75} stroke="#1d39c4" strokeWidth={1.5} />
      <line x1={s.x(p90Fen)} x2={s.x(p90Fen)} y1={y + h * 0.25} y2={y + h * 0.75} stroke="#1d39c4" strokeWidth={1.5} />
      <rect x={s.x(p25Fen)} y={y} width={Math.max(1, s.x(p75Fen) - s.x(p25Fen))} height={h} fill="#adc6ff" stroke="#1d39c4" strokeWidth={1.5} />
      <line x1={s.x(p50Fen)} x2={s.x(p50Fen)} y1={y} y2={y + h} stroke="#061178" strokeWidth={3} />
    </g>
  );
}

function Axis({ s, y }: { s: Scale; y: number }) {
  return (
    <g fontSize={12} fill="#434343">
      {s.ticks.map((v) => (
        <g key={v}>
          <line x1={s.x(v)} x2={s.x(v)} y1={8} y2={y} stroke="#e8e8e8" />
          <text x={s.x(v)} y={y + 16} textAnchor="middle">
            {formatYuan(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** One cell: box and whiskers on an axis; the five values are written out beside the chart by the page. */
export function WageBox({ cell, label, width }: { cell: WageCell; label: string; width: number }) {
  const s = scaleOf(cell.p90Fen ?? 0, 20, width);
  return (
    <svg viewBox={`0 0 ${width} 110`} role="img" aria-label={label} className="wage-chart" data-testid="wage-box">
      <Axis s={s} y={84} />
      <Box cell={cell} y={28} h={44} s={s} />
    </svg>
  );
}

/** Cities side by side on one scale; suppressed cities keep their row with a note. */
export function WageCompare({ cells, label, suppressedText, width }: { cells: WageCell[]; label: string; suppressedText: string; width: number }) {
  const rowH = 30;
  const top = 8;
  const height = top + cells.length * rowH + 28;
  const s = scaleOf(Math.max(0, ...cells.map((c) => c.p90Fen ?? 0)), LABEL_W, width);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="wage-chart" data-testid="wage-compare">
      <Axis s={s} y={top + cells.length * rowH} />
      {cells.map((c, i) => (
        <g key={c.cityCode}>
          <text x={LABEL_W - 8} y={top + i * rowH + rowH / 2 + 4} textAnchor="end" fontSize={13} fill="#262626">
            {c.cityName}
          </text>
          {c.suppressed ? (
            <text x={LABEL_W + 4} y={top + i * rowH + rowH / 2 + 4} fontSize={12} fill="#595959">
              {suppressedText}
            </text>
          ) : (
            <Box cell={c} y={top + i * rowH + 6} h={rowH - 12} s={s} />
          )}
        </g>
      ))}
    </svg>
  );
}
