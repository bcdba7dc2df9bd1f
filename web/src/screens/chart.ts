// uPlot charts for the progress screen. uPlot itself is loaded on demand, the first time a
// chart is drawn: in a build it is the module /assets/uplot.js (see vite.config.ts).
import type uPlotType from 'uplot';
import type { AlignedData, Axis, Options } from 'uplot';

const UPLOT_URL = '/assets/uplot.js';
let loading: Promise<typeof uPlotType> | null = null;
function loadUplot(): Promise<typeof uPlotType> {
  loading ??= (import.meta.env.DEV ? import('uplot') : (import(/* @vite-ignore */ UPLOT_URL) as Promise<{ default: typeof uPlotType }>)).then(
    (m) => m.default,
  );
  return loading;
}

export interface Line {
  label: string;
  values: Array<number | null>;
  colourVar: string; // a CSS custom property, so light and dark mode both read well
  scale?: 'tenderness' | 'count';
  dash?: number[];
}

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

/** Draws a small time chart into `el`; resolves to a function that removes it. */
export async function drawChart(el: HTMLElement, dates: string[], lines: Line[]): Promise<() => void> {
  const uPlot = await loadUplot();
  const xs = dates.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
  const ink = css('--muted');
  const grid = css('--line');
  const axis = (scale: string, side: 0 | 1 | 2 | 3 = 3): Axis => ({
    scale,
    side,
    stroke: ink,
    grid: { stroke: grid, width: 1, show: side === 3 },
    ticks: { stroke: grid, width: 1 },
    font: '12px system-ui, sans-serif',
    size: 36,
  });
  const opts: Options = {
    width: Math.max(240, el.clientWidth),
    height: 180,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: { x: { time: true }, tenderness: { range: [0, 10] }, count: { range: (_u, _min, max) => [0, Math.max(3, max + 1)] } },
    axes: [
      { ...axis('x', 2), grid: { show: false }, values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })) },
      axis('tenderness', 3),
      ...(lines.some((l) => l.scale === 'count') ? [{ ...axis('count', 1), grid: { show: false } }] : []),
    ],
    series: [
      {},
      ...lines.map((l) => ({
        label: l.label,
        scale: l.scale ?? 'tenderness',
        stroke: css(l.colourVar),
        width: 2.5,
        dash: l.dash,
        spanGaps: true,
        points: { show: true, size: 7, fill: css(l.colourVar) },
      })),
    ],
  };
  const plot = new uPlot(opts, [xs, ...lines.map((l) => l.values)] as AlignedData, el);
  const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(240, el.clientWidth), height: 180 }));
  resize.observe(el);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}
