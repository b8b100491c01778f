import { HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { PatternGrid } from './pattern-grid';

// Only the parts drawn here: the chart screen is its own lazily loaded chunk.
echarts.use([
  HeatmapChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  LegendComponent,
  CanvasRenderer,
]);

export interface ChartText {
  /** The label of a grid row (localised) and of a year column. */
  row(index: number): string;
  year(year: number | null): string;
  /** "12 (3 approximate)" for a tooltip. */
  cell(tags: number, approximate: number): string;
  /** The chart as one sentence (its table view is one button away). */
  label: string;
}

const SERIES_ROWS = 8;
const LABELLED_CELLS = 400;
const APPROXIMATE = { borderColor: '#c2410c', borderWidth: 2, borderType: 'dashed' };

/**
 * Shared by both charts: an ECharts instance on a div, disposed with it, redrawn only when `option`
 * changes (callers memoise it: a redraw of thousands of cells on every render would stall the page).
 */
function useChart(option: echarts.EChartsCoreOption, onClick?: (value: unknown) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    const instance = echarts.init(ref.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params: { value?: unknown }) => click.current?.(params.value));
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return ref;
}

/**
 * Rows × years as a heatmap; a cell holding approximate dates is labelled "~n" and says how many in its
 * tooltip. A click on a cell hands its row and column to `onCell`.
 */
export function PatternHeatmap({
  grid,
  text,
  onCell,
}: {
  grid: PatternGrid;
  text: ChartText;
  onCell(row: number, column: number): void;
}) {
  const option = useMemo(() => heatmapOption(grid, text), [grid, text]);
  const ref = useChart(option, (value) => {
    const [x, y] = value as number[];
    onCell(y, x);
  });
  return (
    <div
      ref={ref}
      className="chart"
      data-testid="pattern-heatmap"
      role="img"
      aria-label={text.label}
      style={{ height: Math.max(240, grid.rows.length * 22 + 120) }}
    />
  );
}

function heatmapOption(grid: PatternGrid, text: ChartText): echarts.EChartsCoreOption {
  // A cell holding approximate dates is outlined (and labelled "~n" where labels fit).
  const data = grid.rows.flatMap((row, y) =>
    row.cells.flatMap((cell, x): Array<number[] | { value: number[]; itemStyle: typeof APPROXIMATE }> =>
      !cell
        ? []
        : cell.approximate > 0
          ? [{ value: [x, y, cell.tags, cell.approximate], itemStyle: APPROXIMATE }]
          : [[x, y, cell.tags, 0]],
    ),
  );
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      formatter: (p: { value: number[] }) =>
        `${text.row(p.value[1])} · ${text.year(grid.years[p.value[0]])}<br>${text.cell(p.value[2], p.value[3])}`,
    },
    xAxis: { type: 'category', data: grid.years.map((y) => text.year(y)), splitArea: { show: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: grid.rows.map((_, i) => text.row(i)),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    visualMap: {
      dimension: 2, // the count (3 is how many of it are approximate)
      min: 0,
      max: Math.max(grid.max, 1),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#eef3f8', '#1f4e79'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        // Labels cost more than the cells: drawn only where they are few enough to read.
        label: {
          show: grid.rows.length * grid.years.length <= LABELLED_CELLS,
          formatter: (p: { value: number[] }) => (p.value[3] > 0 ? `~${p.value[2]}` : `${p.value[2]}`),
        },
        progressive: 0,
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

/**
 * The first rows over the years, one line each: a point whose count includes approximate dates is an
 * open triangle, so circa years are told apart from dated ones.
 */
export function PatternSeries({ grid, text }: { grid: PatternGrid; text: ChartText }) {
  const option = useMemo(() => seriesOption(grid, text), [grid, text]);
  const ref = useChart(option);
  return <div ref={ref} className="chart" data-testid="pattern-series" role="img" aria-label={text.label} />;
}

function seriesOption(grid: PatternGrid, text: ChartText): echarts.EChartsCoreOption {
  const years = grid.years.filter((y): y is number => y !== null);
  const rows = grid.rows.slice(0, SERIES_ROWS);
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map((y) => text.year(y)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: rows.map((row, i) => ({
      type: 'line',
      name: text.row(i),
      data: years.map((_, x) => {
        const cell = row.cells[x];
        return cell?.approximate
          ? { value: cell.tags, symbol: 'emptyTriangle', symbolSize: 10 }
          : { value: cell?.tags ?? 0, symbol: 'circle', symbolSize: 6 };
      }),
    })),
  };
}
