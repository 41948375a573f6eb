import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { EChartsOption } from 'echarts';

// Only the parts the dashboard draws, so the page's chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

/** Makes a GeoJSON FeatureCollection drawable as the map `name` (replacing one of that name). */
export function registerMap(name: string, geoJson: object) {
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

export function Chart({
  option,
  height = 300,
  label,
}: {
  option: EChartsOption;
  height?: number;
  /** What the chart shows, for screen readers (the canvas says nothing itself). */
  label?: string;
}) {
  return (
    <div role={label ? 'img' : undefined} aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}

/** Two rates per row (accessibility, attainability) as grouped bars, in percent. */
export function ratesOption(
  names: string[],
  series: { name: string; values: (number | null)[] }[],
): EChartsOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
    legend: { top: 0 },
    grid: { left: 48, right: 16, bottom: 64, top: 36 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
    })),
  };
}

/** Two rates per month as lines, in percent (ratePercent); a month with nothing to divide is a gap. */
export function trendOption(
  months: string[],
  series: { name: string; values: (number | null)[] }[],
): EChartsOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, bottom: 32, top: 36 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: true,
      data: s.values,
    })),
  };
}
