/**
 * The dashboard's charts, drawn with ECharts (src/web/components/EChart.tsx, ADR 0016): a choropleth of
 * Jiangxi's cities (the GeoJSON served by /api/dashboard/geo/cities, registered as an ECharts map), horizontal
 * bars for areas, columns for months. Each is an image for screen readers (role="img" with a label); the data
 * sits in the table next to it, which also offers the map's drill-down as buttons.
 */
import { useMemo } from 'react';
import { EChart, type EChartOption, registerGeoJson } from '../../components/EChart.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { binsOf, colourOf, NO_DATA_FILL, SCALE } from './dashboard-format.js';

type Ring = number[][];
interface Feature {
  type?: 'Feature';
  properties: { adcode: number | string; name: string; centroid?: number[]; center?: number[] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Ring[] | Ring[][] };
}
export interface GeoCollection {
  type?: 'FeatureCollection';
  features: Feature[];
}

const TEXT = '#262626';
const MUTED = '#595959';

function polygonsOf(f: Feature): Ring[][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : (f.geometry.coordinates as Ring[][]);
}

/** The name of a hovered item and its value as people read it (tooltip text). */
function itemText(params: unknown, textOf: (name: string, index: number) => string): string {
  const p = (Array.isArray(params) ? params[0] : params) as { name?: string; dataIndex?: number } | undefined;
  return p?.name ? `${p.name} ${textOf(p.name, p.dataIndex ?? -1)}` : '';
}

/**
 * Registers the cities (or one city) as an ECharts map and returns its name, the cities by name, and the
 * aspect ratio (cos of the mid-latitude: the projection the SVG drawing used, faithful at a province's size).
 */
function useRegisteredMap(geo: GeoCollection, only?: string) {
  return useMemo(() => {
    const features = only ? geo.features.filter((f) => String(f.properties.adcode) === only) : geo.features;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const f of features)
      for (const poly of polygonsOf(f))
        for (const ring of poly)
          for (const [, y] of ring) {
            minY = Math.min(minY, y as number);
            maxY = Math.max(maxY, y as number);
          }
    const name = only ? `jiangxi-${only}` : 'jiangxi';
    // registering is idempotent (same name, same shapes) and must happen before the chart's first setOption
    if (features.length) registerGeoJson(name, { type: 'FeatureCollection', features: features.map((f) => ({ ...f, type: 'Feature' })) });
    const cities = features.map((f) => ({ code: String(f.properties.adcode), name: f.properties.name }));
    return { name, cities, aspect: Math.cos((((minY + maxY) / 2) * Math.PI) / 180) };
  }, [geo, only]);
}

export function ChoroplethMap(props: {
  geo: GeoCollection;
  values: Map<string, number | null>;
  label: string;
  format: (v: number | null) => string;
  noDataText: string;
  onSelect?: (code: string) => void;
  /** Draw this one city only (a city official's own outline). */
  only?: string;
}) {
  const map = useRegisteredMap(props.geo, props.only);
  const desktop = useIsDesktop();
  if (map.cities.length === 0) return null;
  const bins = binsOf([...props.values.values()].filter((v): v is number => v !== null));
  const codeOf = new Map(map.cities.map((c) => [c.name, c.code]));
  const valueOfCity = (name: string) => props.values.get(codeOf.get(name) ?? '') ?? null;
  const { onSelect } = props;
  const option: EChartOption = {
    tooltip: { trigger: 'item', confine: true, formatter: (p) => itemText(p, (name) => props.format(valueOfCity(name))) },
    series: [
      {
        type: 'map',
        map: map.name,
        aspectScale: map.aspect,
        roam: false,
        selectedMode: false,
        cursor: onSelect ? 'pointer' : 'default',
        top: 8,
        bottom: 8,
        left: 8,
        right: 8,
        itemStyle: { areaColor: NO_DATA_FILL, borderColor: '#fff', borderWidth: 1.5 },
        label: { show: true, color: TEXT, fontSize: desktop ? 14 : 12, formatter: (p) => p.name.replace(/市$/, '') },
        emphasis: { label: { show: true, color: TEXT }, itemStyle: { borderColor: TEXT, borderWidth: 1.5 } },
        data: map.cities.map((c) => {
          const areaColor = colourOf(props.values.get(c.code) ?? null, bins);
          // the same fill when hovered (ECharts would paint it yellow): the darker border shows the hover
          return { name: c.name, itemStyle: { areaColor }, emphasis: { itemStyle: { areaColor } } };
        }),
      },
    ],
  };
  return (
    <div className="dash-map">
      <EChart
        option={option}
        height={desktop ? 560 : 420}
        ariaLabel={props.label}
        testId="dash-map"
        className="dash-map-chart"
        onEvents={
          onSelect
            ? {
                click: (e) => {
                  const code = codeOf.get(e.name);
                  if (code) onSelect(code);
                },
              }
            : undefined
        }
      />
      <ul className="dash-legend" aria-hidden="true">
        {(bins[bins.length - 1] === 0 ? [0] : bins).map((b, i) => (
          <li key={SCALE[i]}>
            <span style={{ background: SCALE[i] }} />
            {`≤ ${props.format(Math.round(b))}`}
          </li>
        ))}
        <li>
          <span style={{ background: NO_DATA_FILL }} />
          {props.noDataText}
        </li>
      </ul>
    </div>
  );
}

/** Horizontal bars, one per row (areas, counties, occupations): readable at 390 px. */
export function BarChart(props: { rows: Array<{ key: string; label: string; value: number | null }>; label: string; format: (v: number | null) => string }) {
  const { rows, format } = props;
  const valueAt = (i: number) => format(rows[i]?.value ?? null);
  const option: EChartOption = {
    tooltip: { trigger: 'item', confine: true, formatter: (p) => itemText(p, (_, i) => valueAt(i)) },
    grid: { left: 4, right: 72, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false, max: (extent) => Math.max(1, extent.max) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: TEXT, fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.value ?? 0),
        barMaxWidth: 18,
        itemStyle: { color: SCALE[3], borderRadius: 2 },
        label: { show: true, position: 'right', color: MUTED, fontSize: 12, formatter: (p) => valueAt(p.dataIndex) },
      },
    ],
  };
  return <EChart option={option} height={rows.length * 28 + 16} ariaLabel={props.label} testId="dash-bars" className="dash-bars" />;
}

/** Twelve columns, one per month. */
export function MonthChart(props: { points: Array<{ month: string; value: number | null }>; label: string; format: (v: number | null) => string }) {
  const { points, format } = props;
  const option: EChartOption = {
    tooltip: { trigger: 'item', confine: true, formatter: (p) => itemText(p, (_, i) => format(points[i]?.value ?? null)) },
    grid: { left: 4, right: 4, top: 24, bottom: 4 },
    xAxis: {
      type: 'category',
      data: points.map((p) => `${Number(p.month.slice(5))}月`),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#bfbfbf' } },
      axisLabel: { color: TEXT, fontSize: 12 },
    },
    yAxis: { type: 'value', show: false, max: (extent) => Math.max(1, extent.max) },
    series: [
      {
        type: 'bar',
        data: points.map((p) => p.value ?? 0),
        barWidth: '60%',
        itemStyle: { color: SCALE[3], borderRadius: 2 },
        label: {
          show: true,
          position: 'top',
          color: MUTED,
          fontSize: 11,
          formatter: (p) => (points[p.dataIndex]?.value ? format(points[p.dataIndex]?.value ?? null) : ''),
        },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
  return <EChart option={option} height={240} ariaLabel={props.label} testId="dash-months" className="dash-months" />;
}
