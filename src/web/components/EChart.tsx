/**
 * One ECharts chart (the stack's chart library, docs/adr/0016-echarts.md). The modules are registered once,
 * here: tree-shaken `echarts/core` with only the charts and components the app draws, and the SVG renderer
 * (crisp at any zoom, light for small charts, and its shapes can be found and clicked in browser tests).
 * Add a chart type here when a page needs one (and its option type to EChartOption).
 *
 * The chart is an image for screen readers (role="img" with `ariaLabel`); every page puts the chart's data in
 * a table next to it. Width follows the container (resized on container changes); height is fixed by `height`.
 *
 * `echarts-for-react/esm/core`, not `lib/core`: the CommonJS build type-checks but breaks the production build
 * (React error #130, a blank page).
 */
import { type BarSeriesOption, BarChart, MapChart, type MapSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECElementEvent, EChartsType } from 'echarts/core';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, MapChart, GridComponent, TooltipComponent, LabelLayout, SVGRenderer]);

export type EChartOption = ComposeOption<BarSeriesOption | MapSeriesOption | GridComponentOption | TooltipComponentOption>;
export type EChartEvents = Record<string, (params: ECElementEvent, chart: EChartsType) => void>;

/** Register (or replace) a GeoJSON map under `name` for map series (`map: name`). */
export function registerGeoJson(name: string, geoJson: object): void {
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

const OPTS = { renderer: 'svg', locale: 'ZH' } as const;

export function EChart(props: { option: EChartOption; height: number; ariaLabel: string; onEvents?: EChartEvents; className?: string; testId?: string }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={props.option}
      notMerge
      autoResize
      opts={OPTS}
      onEvents={props.onEvents}
      style={{ height: props.height, width: '100%' }}
      className={props.className}
      role="img"
      aria-label={props.ariaLabel}
      data-testid={props.testId}
    />
  );
}
