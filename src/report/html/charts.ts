// The charts of the HTML report and the dashboard, rendered at build time to SVG by ECharts'
// server-side renderer: the page needs no script to show them and prints as vectors. Output is
// deterministic (no animation, ids derived from the content) so reports can be golden-tested, and
// every chart is an image with a name and a description that state its data, with a table beside
// it for readers who cannot see it. An N/A pillar is never drawn as a level: its line breaks and
// it is labelled N/A.
import * as echarts from 'echarts/core';
// Only the charts and components used, each registering itself: `echarts/charts` would load every chart type.
import 'echarts/lib/chart/bar.js';
import 'echarts/lib/chart/line.js';
import 'echarts/lib/chart/scatter.js';
import 'echarts/lib/component/graphic.js';
import 'echarts/lib/component/grid.js';
import 'echarts/lib/component/legend.js';
import 'echarts/lib/component/markLine.js';
import 'echarts/lib/component/polar.js';
import 'echarts/lib/component/radar.js';
import 'echarts/lib/component/title.js';
import { SVGRenderer } from 'echarts/renderers';
import { escapeHtmlText, html, type SafeHtml } from './escape.ts';

echarts.use([SVGRenderer]);

/** The levels of one pillar as the profile charts show them. */
export interface PillarPoint {
  id: string;
  name: string;
  /** null: N/A. */
  current: number | null;
  target: number;
  typical: number;
}

export interface TrendPointInput {
  assessedAt: string;
  levels: Record<string, number | null>;
}

/** The palette the charts share with the page (its legend and badges use the same). */
export const CHART_COLORS = {
  current: '#1f3a5f',
  currentFill: 'rgba(31, 58, 95, 0.14)',
  target: '#2b7a78',
  targetFill: 'rgba(43, 122, 120, 0.12)',
  typical: '#8a96a3',
  typicalBand: 'rgba(138, 150, 163, 0.38)',
  /* Darker than the typical band: N/A is said in small text, which must stay readable (4.5:1). */
  na: '#6b7785',
  grid: '#d9dfe5',
  band: '#f5f7f9',
  text: '#323f4b',
  muted: '#616e7c',
} as const;

/** System fonts only: the report loads nothing at view time. */
export const CHART_FONT = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', sans-serif";

const MAX_LEVEL = 5;

const NA_LEGEND = 'N/A (not rated)';

/** The name a chart axis gives a pillar: "Security & Compliance" reads "Security". */
export function shortPillarName(name: string): string {
  return name.split(' & ')[0]!.trim();
}

const levelWord = (l: number | null): string => (l === null ? 'N/A' : String(l));

/** FNV-1a, for ids derived from the content: the same chart always gets the same ids. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A chart before rendering: the ECharts option, its size, and what it says in words. */
export interface ChartSpec {
  kind: 'radar' | 'gaps' | 'trend';
  option: Record<string, unknown>;
  width: number;
  height: number;
  /** The accessible name's first part (<title>). */
  title: string;
  /** The data in words (<desc>, and the rest of the accessible name). */
  description: string;
}

/**
 * Render an option to an SVG string and make it fit for a static page: ECharts' hydration
 * attributes and hover styles go (nothing is interactive), its per-process instance ids are
 * replaced by ids derived from the content (stable across runs, distinct between charts), and
 * the root gets role="img", an aria-label, a <title> and a <desc>.
 */
export function renderChart(spec: ChartSpec): string {
  const { option, kind, title, description } = spec;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.text }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  svg = svg
    .replace(/<style\s*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/\bzr\d+-/g, 'zr-');
  const prefix = `${kind}-${fnv(svg)}-`;
  svg = svg.replace(/\bzr-/g, prefix);
  const label = escapeHtmlText(`${title}. ${description}`);
  return svg
    .replace(/^<svg /, `<svg class="chart chart-${kind}" role="img" aria-label="${label}" `)
    .replace(/^(<svg[^>]*>)\n?/, `$1\n<title>${escapeHtmlText(title)}</title>\n<desc>${escapeHtmlText(description)}</desc>\n`);
}

function pillarSummary(p: PillarPoint): string {
  return `${p.name} ${levelWord(p.current)} (target ${p.target})`;
}

// ---------------------------------------------------------------------------------------------
// Radar: the profile over the 14 pillars.

/**
 * Current, target and typical levels over the pillars. The web is ECharts' radar; the lines are
 * drawn in a polar system laid over it (same centre and radius), because a radar series cannot
 * leave a gap and would draw an N/A pillar at the centre, as a zero.
 */
export function radarChart(input: { pillars: PillarPoint[]; width?: number; height?: number }): string {
  return renderChart(radarSpec(input));
}

export function radarSpec(input: { pillars: PillarPoint[]; width?: number; height?: number }): ChartSpec {
  const width = input.width ?? 640;
  const height = input.height ?? 500;
  const pillars = input.pillars;
  const n = pillars.length;
  const step = 360 / Math.max(n, 1);
  const center = ['50%', '49%'];
  const radius = '66%';
  // A ring closes on its first point again, at 360 degrees, without a second marker there.
  const ring = (value: (p: PillarPoint) => number | null): ((number | string)[] | { value: (number | string)[]; symbol: 'none' })[] => {
    const points = pillars.map((p, i) => [value(p) ?? '-', i * step]);
    return n > 0 ? [...points, { value: [points[0]![0]!, 360], symbol: 'none' }] : [];
  };
  const na = pillars.map((p, i) => ({ p, i })).filter(({ p }) => p.current === null);
  const typical = pillars[0]?.typical ?? 3;
  const option = {
    legend: {
      bottom: 0,
      itemWidth: 26,
      itemGap: 24,
      textStyle: { fontSize: 12, color: CHART_COLORS.text },
      data: ['Current level', 'Target', `Typical (level ${typical})`, ...(na.length > 0 ? [NA_LEGEND] : [])],
    },
    radar: {
      center,
      radius,
      startAngle: 90,
      shape: 'polygon',
      splitNumber: MAX_LEVEL,
      // The radar lays indicators out counter-clockwise; pillars read clockwise from the top.
      indicator: pillars.map((_, k) => pillars[(n - k) % n]!).map((p) => ({ name: p.current === null ? `${shortPillarName(p.name)}\nN/A` : shortPillarName(p.name), min: 0, max: MAX_LEVEL })),
      axisName: {
        color: CHART_COLORS.text,
        fontSize: 12,
        formatter: (name: string) => (name.endsWith('\nN/A') ? `{na|${name.slice(0, -4)}}\n{naTag|N/A}` : name),
        rich: { na: { color: CHART_COLORS.na, fontSize: 12 }, naTag: { color: CHART_COLORS.na, fontSize: 10, fontWeight: 'bold', padding: [2, 0, 0, 0] } },
      },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      splitArea: { show: true, areaStyle: { color: ['#ffffff', CHART_COLORS.band] } },
      axisLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    polar: { center, radius },
    angleAxis: { type: 'value', min: 0, max: 360, startAngle: 90, clockwise: true, show: false },
    radiusAxis: {
      type: 'value',
      min: 0,
      max: MAX_LEVEL,
      interval: 1,
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { fontSize: 10, color: CHART_COLORS.muted, formatter: (v: number) => (v === 0 ? '' : `L${v}`) },
    },
    series: [
      {
        name: `Typical (level ${typical})`,
        type: 'line',
        coordinateSystem: 'polar',
        data: ring((p) => p.typical),
        symbol: 'none',
        // A wide soft band: where a target equals the typical level, the band still shows beneath it.
        lineStyle: { color: CHART_COLORS.typicalBand, width: 7 },
        itemStyle: { color: CHART_COLORS.typicalBand },
        z: 2,
      },
      {
        name: 'Target',
        type: 'line',
        coordinateSystem: 'polar',
        data: ring((p) => p.target),
        symbol: 'none',
        lineStyle: { color: CHART_COLORS.target, width: 2, type: [7, 4] },
        itemStyle: { color: CHART_COLORS.target },
        z: 3,
      },
      {
        name: 'Current level',
        type: 'line',
        coordinateSystem: 'polar',
        data: ring((p) => p.current),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { color: CHART_COLORS.current, width: 2.5 },
        itemStyle: { color: CHART_COLORS.current, borderColor: '#ffffff', borderWidth: 1 },
        areaStyle: { color: CHART_COLORS.currentFill, origin: 'start' },
        z: 4,
      },
      {
        // A hollow mark on the spoke, near the centre: the spoke's label says N/A in words.
        name: NA_LEGEND,
        type: 'scatter',
        coordinateSystem: 'polar',
        data: na.map(({ i }) => [0.9, i * step]),
        symbol: 'circle',
        symbolSize: 8,
        itemStyle: { color: '#ffffff', borderColor: CHART_COLORS.na, borderWidth: 1.5, borderType: [2, 2] },
        z: 5,
      },
    ],
  };
  const described = pillars.map(pillarSummary).join('; ');
  const title = 'Maturity profile: current level, target and typical level per pillar';
  const description = `${n} pillars, levels 1 to ${MAX_LEVEL}; typical level ${typical}. ${described}.${na.length > 0 ? ` N/A pillars (${na.map(({ p }) => p.name).join(', ')}) are not rated and not drawn.` : ''}`;
  return { kind: 'radar', option, width, height, title, description };
}

// ---------------------------------------------------------------------------------------------
// Gap bars: how far each pillar is from its target, against the typical level.

export function gapBars(input: { pillars: PillarPoint[]; width?: number; height?: number }): string {
  return renderChart(gapSpec(input));
}

export function gapSpec(input: { pillars: PillarPoint[]; width?: number; height?: number }): ChartSpec {
  const pillars = input.pillars;
  const width = input.width ?? 640;
  const rowHeight = 27;
  const height = input.height ?? 70 + rowHeight * Math.max(pillars.length, 1);
  const typical = pillars[0]?.typical ?? 3;
  const gapOf = (p: PillarPoint): number | null => (p.current === null ? null : p.target - p.current);
  const option = {
    grid: { left: 172, right: 96, top: 40, bottom: 30 },
    legend: {
      top: 0,
      left: 172,
      itemWidth: 18,
      itemHeight: 10,
      itemGap: 22,
      textStyle: { fontSize: 12, color: CHART_COLORS.text },
      data: ['Current level', 'Gap to target', 'Target'],
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: MAX_LEVEL,
      interval: 1,
      position: 'bottom',
      axisLabel: { fontSize: 11, color: CHART_COLORS.muted, formatter: (v: number) => (v === 0 ? '' : `Level ${v}`) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: pillars.map((p) => (p.current === null ? `${shortPillarName(p.name)}\u2002N/A` : shortPillarName(p.name))),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLabel: {
        fontSize: 12,
        color: CHART_COLORS.text,
        formatter: (name: string) => (name.endsWith('\u2002N/A') ? `{na|${name.slice(0, -4)}}` : name),
        rich: { na: { color: CHART_COLORS.na, fontSize: 12 } },
      },
    },
    series: [
      {
        name: 'Current level',
        type: 'bar',
        stack: 'level',
        barWidth: 14,
        itemStyle: { color: CHART_COLORS.current },
        data: pillars.map((p) => {
          if (p.current === null) return '-';
          const gap = gapOf(p)!;
          // Where there is no gap bar to carry the label, the level bar says where the pillar stands.
          const say = gap < 0 ? `${-gap} above target` : gap === 0 ? 'at target' : null;
          return say === null ? p.current : { value: p.current, label: { show: true, position: 'right', formatter: say, color: CHART_COLORS.target, fontSize: 11, fontWeight: 'bold', opacity: 1 } };
        }),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.typical, type: [3, 3], width: 1.5 },
          label: { formatter: `Typical ${typical}`, position: 'start', distance: 4, color: CHART_COLORS.muted, fontSize: 11 },
          data: [{ xAxis: typical }],
        },
      },
      {
        name: 'Gap to target',
        type: 'bar',
        stack: 'level',
        barWidth: 14,
        itemStyle: { color: CHART_COLORS.targetFill, borderColor: CHART_COLORS.target, borderWidth: 1, borderType: [3, 2] },
        label: { show: true, position: 'right', formatter: (x: { value: number }) => `gap ${x.value}`, color: CHART_COLORS.text, fontSize: 11, opacity: 1 },
        data: pillars.map((p) => {
          const gap = gapOf(p);
          return gap === null || gap <= 0 ? '-' : gap;
        }),
      },
      {
        name: 'Target',
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 22],
        itemStyle: { color: CHART_COLORS.target },
        data: pillars.map((p, i) => [p.target, i]),
        z: 5,
      },
      {
        name: 'N/A',
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 1,
        itemStyle: { color: 'rgba(0, 0, 0, 0)' },
        data: pillars.flatMap((p, i) => (p.current === null ? [[0, i]] : [])),
        label: { show: true, position: 'right', formatter: 'N/A: not applicable, not rated', color: CHART_COLORS.na, fontSize: 11, fontWeight: 'bold', distance: 4, opacity: 1 },
      },
    ],
  };
  const title = 'Gap to target per pillar';
  const gapWords = (gap: number): string => (gap > 0 ? `gap ${gap}` : gap === 0 ? 'at target' : `${-gap} above target`);
  const description = `${pillars.map((p) => (p.current === null ? `${p.name} N/A (target ${p.target})` : `${p.name} level ${p.current}, target ${p.target}, ${gapWords(gapOf(p)!)}`)).join('; ')}. The dotted line is the typical level ${typical}.`;
  return { kind: 'gaps', option, width, height, title, description };
}

// ---------------------------------------------------------------------------------------------
// Trend: each pillar's level over the assessments, one small chart per pillar.

const day = (iso: string): string => iso.slice(0, 10);

/**
 * One small line chart per pillar, on one shared scale: fourteen lines in one plot would cross
 * and hide each other, since levels are whole numbers. A level holds until the next assessment,
 * so lines step; N/A breaks a line; `confirmed` draws the level confirmed by 7.4 as a dashed rule.
 */
export interface TrendInput {
  points: TrendPointInput[];
  pillars: { id: string; name: string }[];
  confirmed?: Record<string, number | null>;
  width?: number;
  /** Small charts per row (default 4). */
  columns?: number;
}

export function trendChart(input: TrendInput): string {
  return renderChart(trendSpec(input));
}

export function trendSpec(input: TrendInput): ChartSpec {
  const { points, pillars } = input;
  const width = input.width ?? 640;
  const columns = Math.max(1, Math.min(input.columns ?? 4, pillars.length));
  const rows = Math.ceil(pillars.length / columns);
  const panelW = width / columns;
  const panelH = 104;
  const height = rows * panelH + 6;
  const dates = points.map((p) => day(p.assessedAt));
  const last = dates.length - 1;
  const grids: object[] = [];
  const titles: object[] = [];
  const xAxes: object[] = [];
  const yAxes: object[] = [];
  const series: object[] = [];
  const graphics: object[] = [];
  pillars.forEach((pillar, i) => {
    const x0 = (i % columns) * panelW;
    const y0 = Math.floor(i / columns) * panelH;
    const levels = points.map((p) => p.levels[pillar.id] ?? null);
    const allNa = levels.every((l) => l === null);
    grids.push({ left: x0 + 30, top: y0 + 26, width: panelW - 46, height: panelH - 62 });
    titles.push({ text: shortPillarName(pillar.name), left: x0 + 8, top: y0 + 4, textStyle: { fontSize: 12, fontWeight: 'bold', color: allNa ? CHART_COLORS.na : CHART_COLORS.text } });
    xAxes.push({
      type: 'category',
      gridIndex: i,
      data: dates,
      boundaryGap: dates.length === 1,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLabel: {
        fontSize: 9,
        color: CHART_COLORS.muted,
        // The first and last dates only: the table beside the chart has every one.
        interval: (index: number) => index === 0 || index === last,
        formatter: (value: string, index: number) => (index === 0 || index === last ? value : ''),
        showMinLabel: true,
        showMaxLabel: true,
        alignMinLabel: dates.length > 1 ? 'left' : 'center',
        alignMaxLabel: dates.length > 1 ? 'right' : 'center',
      },
    });
    yAxes.push({
      type: 'value',
      gridIndex: i,
      min: 0,
      max: MAX_LEVEL,
      interval: 1,
      axisLabel: { fontSize: 9, color: CHART_COLORS.muted, formatter: (v: number) => (v === 0 ? '' : String(v)) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid, width: 0.8 } },
      axisLine: { show: false },
      axisTick: { show: false },
    });
    const confirmed = input.confirmed?.[pillar.id];
    series.push({
      name: pillar.name,
      type: 'line',
      xAxisIndex: i,
      yAxisIndex: i,
      data: levels.map((l) => l ?? '-'),
      step: 'end',
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { color: CHART_COLORS.current, width: 2 },
      itemStyle: { color: CHART_COLORS.current },
      ...(confirmed !== undefined && confirmed !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: CHART_COLORS.target, type: [4, 3], width: 1.2 },
              label: { formatter: 'confirmed', position: 'insideEndTop', color: CHART_COLORS.target, fontSize: 9 },
              data: [{ yAxis: confirmed }],
            },
          }
        : {}),
    });
    if (allNa) {
      graphics.push({ type: 'text', left: x0 + 30 + (panelW - 46) / 2 - 12, top: y0 + 26 + (panelH - 62) / 2 - 6, style: { text: 'N/A', fill: CHART_COLORS.na, font: `bold 11px ${CHART_FONT}` } });
    }
  });
  const option = {
    title: titles,
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
    graphic: graphics,
  };
  const span = dates.length === 0 ? 'no assessment' : dates.length === 1 ? `one assessment, ${dates[0]}` : `${dates.length} assessments from ${dates[0]} to ${dates[last]}`;
  const described = pillars
    .map((p) => {
      const levels = points.map((x) => levelWord(x.levels[p.id] ?? null));
      const c = input.confirmed?.[p.id];
      return `${p.name} ${levels.join(', ')}${c !== undefined ? `, confirmed ${levelWord(c)}` : ''}`;
    })
    .join('; ');
  return { kind: 'trend', option, width, height, title: 'Level of each pillar over time', description: `${span}. ${described}.` };
}

// ---------------------------------------------------------------------------------------------
// Tables beside the charts: the same data for readers who cannot see the charts, and for print.

/** The profile as a table: pillar, level, target, gap and typical. */
export function profileTable(pillars: readonly PillarPoint[], caption = 'Levels, targets and gaps per pillar'): SafeHtml {
  const typical = pillars[0]?.typical ?? 3;
  const rows = pillars.map((p) => {
    const gap = p.current === null ? null : p.target - p.current;
    const d = p.current === null ? null : p.current - p.typical;
    const standing = d === null ? 'N/A' : d === 0 ? 'at typical' : d > 0 ? `${d} above` : `${-d} below`;
    return html`<tr${p.current === null ? html` class="na"` : ''}><th scope="row">${p.name}</th><td class="num">${levelWord(p.current)}</td><td class="num">${p.target}</td><td class="num">${gap === null ? 'N/A' : gap}</td><td>${standing}</td></tr>`;
  });
  return html`<table class="data compact"><caption>${caption}</caption><thead><tr><th scope="col">Pillar</th><th scope="col" class="num">Level</th><th scope="col" class="num">Target</th><th scope="col" class="num">Gap</th><th scope="col">vs typical ${typical}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The trend as a table: one row per pillar, one column per assessment, then the confirmed level. */
export function trendTable(input: Pick<TrendInput, 'points' | 'pillars' | 'confirmed'>, caption = 'Level of each pillar at each assessment'): SafeHtml {
  const dates = input.points.map((p) => day(p.assessedAt));
  const withConfirmed = input.confirmed !== undefined;
  const rows = input.pillars.map((p) => {
    const cells = input.points.map((x) => html`<td class="num">${levelWord(x.levels[p.id] ?? null)}</td>`);
    const confirmed = withConfirmed ? html`<td class="num">${levelWord(input.confirmed![p.id] ?? null)}</td>` : '';
    return html`<tr><th scope="row">${p.name}</th>${cells}${confirmed}</tr>`;
  });
  const head = html`<tr><th scope="col">Pillar</th>${dates.map((d) => html`<th scope="col" class="num">${d}</th>`)}${withConfirmed ? html`<th scope="col" class="num">Confirmed</th>` : ''}</tr>`;
  return html`<table class="data compact"><caption>${caption}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}
