import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { EChartsOption } from 'echarts';

// Only the parts the dashboard draws, so the page's chunk stays small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function Chart({ option, height = 300 }: { option: EChartsOption; height?: number }) {
  return (
    <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
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
