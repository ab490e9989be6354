// The charts: the series and points each one draws, N/A pillars marked and never drawn as a
// level, accessible names that state the data, deterministic SVG, and the tables beside them.
import { describe, expect, it } from 'vitest';
import { CHART_COLORS, gapBars, gapSpec, profileTable, radarChart, radarSpec, renderChart, shortPillarName, trendChart, trendSpec, trendTable, type PillarPoint } from './charts.ts';

const NAMES = [
  'Architecture & Modularity',
  'API Contract & Versioning',
  'Data Architecture',
  'Background Processing',
  'Security & Compliance',
  'Observability',
  'Reliability & Resilience',
  'Scalability',
  'Testing & Quality Gates',
  'CI/CD & Deployment',
  'Infrastructure as Code',
  'Cost Visibility & FinOps',
  'Documentation & Knowledge Management',
  'Team Practices & Governance',
];
const LEVELS = [1, 1, 1, null, 1, 2, 1, 1, 3, 2, 1, 1, 2, 4];

const pillars: PillarPoint[] = NAMES.map((name, i) => ({ id: `p${i}`, name, current: LEVELS[i] ?? null, target: i === 13 ? 3 : 3, typical: 3 }));

interface Series {
  name: string;
  type: string;
  data: unknown[];
}
const seriesOf = (option: Record<string, unknown>): Series[] => option.series as Series[];
const byName = (option: Record<string, unknown>, name: string): Series => seriesOf(option).find((s) => s.name === name)!;

/** The circle symbols of line points: ECharts draws each as this unit path, placed by a matrix. */
const SYMBOL = /<path d="M1 0A1 1 0 1 1 1 -0\.1A1 1 0 0 1 1 0" transform="matrix\(([\d.]+),0,0,[\d.]+,([\d.]+),([\d.]+)\)"/g;

describe('radar chart', () => {
  it('draws current, target and typical as closed rings over the 14 pillars, clockwise from the top', () => {
    const { option } = radarSpec({ pillars });
    expect(seriesOf(option).map((s) => `${s.name}:${s.type}:${s.data.length}`)).toEqual(['Typical (level 3):line:15', 'Target:line:15', 'Current level:line:15', 'N/A (not rated):scatter:1']);
    const current = byName(option, 'Current level').data as unknown[];
    // [level, angle]: pillar i at i * 360/14 degrees, the ring closed by the first point at 360.
    expect(current[0]).toEqual([1, 0]);
    expect(current[13]).toEqual([4, (13 * 360) / 14]);
    expect(current[14]).toEqual({ value: [1, 360], symbol: 'none' });
    expect(byName(option, 'Target').data.slice(0, 14).every((d) => (d as number[])[0] === 3)).toBe(true);
    // The radar lays indicators out counter-clockwise: listed from the top as 0, 13, 12, ..., 1.
    const names = ((option.radar as { indicator: { name: string }[] }).indicator).map((x) => x.name);
    expect(names.slice(0, 3)).toEqual(['Architecture', 'Team Practices', 'Documentation']);
  });

  it('leaves an N/A pillar out of the current ring (a gap, not a zero) and labels it N/A', () => {
    const { option, description } = radarSpec({ pillars });
    const current = byName(option, 'Current level').data as [number | string, number][];
    expect(current[3]).toEqual(['-', (3 * 360) / 14]);
    expect(byName(option, 'N/A (not rated)').data).toEqual([[0.9, (3 * 360) / 14]]);
    expect((option.legend as { data: string[] }).data).toEqual(['Current level', 'Target', 'Typical (level 3)', 'N/A (not rated)']);
    expect((radarSpec({ pillars: pillars.map((p) => ({ ...p, current: 1 })) }).option.legend as { data: string[] }).data).toHaveLength(3);
    const indicator = (option.radar as { indicator: { name: string }[] }).indicator;
    expect(indicator.filter((x) => x.name.endsWith('\nN/A')).map((x) => x.name)).toEqual(['Background Processing\nN/A']);
    expect(description).toContain('Background Processing N/A (target 3)');
    expect(description).toContain('N/A pillars (Background Processing) are not rated and not drawn.');
  });

  it('renders SVG with 13 current points, none at the centre, and the N/A mark', () => {
    const svg = radarChart({ pillars });
    const points = [...svg.matchAll(SYMBOL)].filter((m) => m[1] === '3.5').map((m) => [Number(m[2]), Number(m[3])]);
    expect(points).toHaveLength(13);
    // The centre of a 640 x 500 chart at 50% / 49%: an N/A drawn as zero would sit there.
    expect(points.some(([x, y]) => Math.abs(x! - 320) < 1 && Math.abs(y! - 245) < 1)).toBe(false);
    expect(svg).toMatch(/>N\/A<\/tspan>|>N\/A<\/text>/);
    expect(svg).toContain('>N/A (not rated)</text>');
    expect(svg).toContain(`fill="${CHART_COLORS.current}"`);
  });

  it('is an image with a title, a description and an accessible name that state the data', () => {
    const svg = radarChart({ pillars });
    expect(svg.startsWith('<svg class="chart chart-radar" role="img" aria-label="Maturity profile: current level, target and typical level per pillar. 14 pillars, levels 1 to 5; typical level 3. Architecture &amp; Modularity 1 (target 3);')).toBe(true);
    expect(svg).toContain('<title>Maturity profile: current level, target and typical level per pillar</title>');
    expect(svg).toMatch(/<desc>14 pillars, levels 1 to 5; typical level 3\. .*Team Practices &amp; Governance 4 \(target 3\)\. N\/A pillars/);
  });

  it('is deterministic, with ids derived from the content and no hydration attributes or hover styles', () => {
    const a = radarChart({ pillars });
    radarChart({ pillars: pillars.map((p) => ({ ...p, current: 2 })) });
    const b = radarChart({ pillars });
    expect(b).toBe(a);
    expect(a).not.toMatch(/zr\d|ecmeta_|<style/);
    const ids = [...a.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^radar-[0-9a-z]+-c\d+$/.test(id!))).toBe(true);
    // Another chart gets other ids, so two charts on one page never share a clip path.
    const other = radarChart({ pillars: pillars.map((p) => ({ ...p, target: 4 })) });
    expect(other.match(/ id="(radar-[0-9a-z]+)-/)![1]).not.toBe(a.match(/ id="(radar-[0-9a-z]+)-/)![1]);
  });
});

describe('gap bars', () => {
  it('stacks the current level and the gap to target per pillar, with the target marks and the typical line', () => {
    const { option, height } = gapSpec({ pillars });
    expect(seriesOf(option).map((s) => s.name)).toEqual(['Current level', 'Gap to target', 'Target', 'N/A']);
    const current = byName(option, 'Current level').data.map((d) => (typeof d === 'object' && d !== null ? (d as { value: number }).value : d));
    expect(current).toEqual([1, 1, 1, '-', 1, 2, 1, 1, 3, 2, 1, 1, 2, 4]);
    expect(byName(option, 'Gap to target').data).toEqual([2, 2, 2, '-', 2, 1, 2, 2, '-', 1, 2, 2, 1, '-']);
    expect(byName(option, 'Target').data).toHaveLength(14);
    expect((option.series as { markLine?: { data: unknown[] } }[])[0]!.markLine!.data).toEqual([{ xAxis: 3 }]);
    expect(height).toBe(70 + 27 * 14);
  });

  it('shows an N/A pillar as N/A, with no bar, and says where pillars at or above target stand', () => {
    const { option, description } = gapSpec({ pillars });
    expect(byName(option, 'N/A').data).toEqual([[0, 3]]);
    const svg = gapBars({ pillars });
    expect(svg).toContain('>N/A: not applicable, not rated</text>');
    expect(svg).toContain('>at target</text>');
    expect(svg).toContain('>1 above target</text>');
    expect(svg.match(/>gap 2<\/text>/g)).toHaveLength(8);
    expect(description).toContain('Background Processing N/A (target 3); Security & Compliance level 1');
    expect(description).toContain('Team Practices & Governance level 4, target 3, 1 above target');
  });
});

describe('trend chart', () => {
  const points = [
    { assessedAt: '2026-03-15T12:00:00.000Z', levels: Object.fromEntries(pillars.map((p) => [p.id, p.current === null ? null : Math.max(1, p.current - 1)])) },
    { assessedAt: '2026-06-15T12:00:00.000Z', levels: Object.fromEntries(pillars.map((p) => [p.id, p.current])) },
    { assessedAt: '2026-09-15T12:00:00.000Z', levels: { ...Object.fromEntries(pillars.map((p) => [p.id, p.current])), p0: null } },
  ];
  const input = { points, pillars: pillars.map(({ id, name }) => ({ id, name })), confirmed: { p0: 1, p9: 2 } };

  it('draws one small chart per pillar with one point per assessment, N/A as a break in the line', () => {
    const { option, height } = trendSpec(input);
    const series = seriesOf(option);
    expect(series).toHaveLength(14);
    expect(series.every((s) => s.data.length === 3)).toBe(true);
    expect(series[0]!.data).toEqual([1, 1, '-']);
    expect(series[3]!.data).toEqual(['-', '-', '-']);
    expect(series[13]!.data).toEqual([3, 4, 4]);
    expect((option.grid as unknown[]).length).toBe(14);
    expect(height).toBe(4 * 104 + 6);
    const svg = trendChart(input);
    // 13 pillars with 3 points, one of them N/A at its last point, and Background N/A throughout.
    expect([...svg.matchAll(SYMBOL)]).toHaveLength(13 * 3 - 1);
    expect(svg).toContain('>N/A</text>');
  });

  it('draws the confirmed level as a rule and says it in words', () => {
    const { option, description } = trendSpec(input);
    const lines = seriesOf(option).map((s) => (s as unknown as { markLine?: { data: unknown[] } }).markLine?.data ?? null);
    expect(lines.filter((l) => l !== null)).toEqual([[{ yAxis: 1 }], [{ yAxis: 2 }]]);
    expect(description.startsWith('3 assessments from 2026-03-15 to 2026-09-15. Architecture & Modularity 1, 1, N/A, confirmed 1; API Contract & Versioning 1, 1, 1;')).toBe(true);
    expect(trendChart(input)).toContain('role="img" aria-label="Level of each pillar over time. 3 assessments from 2026-03-15 to 2026-09-15.');
  });

  it('handles a single assessment', () => {
    const { description } = trendSpec({ ...input, points: points.slice(0, 1) });
    expect(description.startsWith('one assessment, 2026-03-15.')).toBe(true);
    expect([...trendChart({ ...input, points: points.slice(0, 1) }).matchAll(SYMBOL)]).toHaveLength(13);
  });
});

describe('tables beside the charts', () => {
  it('gives the profile in numbers, N/A rows marked', () => {
    const t = profileTable(pillars).safeHtml;
    expect(t).toContain('<tr class="na"><th scope="row">Background Processing</th><td class="num">N/A</td><td class="num">3</td><td class="num">N/A</td><td>N/A</td></tr>');
    expect(t).toContain('<th scope="row">Team Practices &amp; Governance</th><td class="num">4</td><td class="num">3</td><td class="num">-1</td><td>1 above</td>');
    expect(t).toContain('<th scope="row">Testing &amp; Quality Gates</th><td class="num">3</td><td class="num">3</td><td class="num">0</td><td>at typical</td>');
    expect(t.match(/<tr/g)).toHaveLength(15);
  });

  it('gives the trend with one column per assessment and the confirmed level', () => {
    const t = trendTable({ points: [{ assessedAt: '2026-03-15T12:00:00Z', levels: { a: 1, b: null } }], pillars: [{ id: 'a', name: 'A & B' }, { id: 'b', name: 'C' }], confirmed: { a: 1 } }).safeHtml;
    expect(t).toContain('<th scope="col" class="num">2026-03-15</th><th scope="col" class="num">Confirmed</th>');
    expect(t).toContain('<tr><th scope="row">A &amp; B</th><td class="num">1</td><td class="num">1</td></tr><tr><th scope="row">C</th><td class="num">N/A</td><td class="num">N/A</td></tr>');
  });
});

describe('names', () => {
  it('shortens pillar names at the ampersand', () => {
    expect(NAMES.map(shortPillarName).slice(0, 5)).toEqual(['Architecture', 'API Contract', 'Data Architecture', 'Background Processing', 'Security']);
  });

  it('renders a spec as given', () => {
    const spec = { ...gapSpec({ pillars: pillars.slice(0, 2) }), title: 'T <x>', description: 'D & E' };
    const svg = renderChart(spec);
    expect(svg).toContain('aria-label="T &lt;x&gt;. D &amp; E"');
    expect(svg).toContain('<title>T &lt;x&gt;</title>\n<desc>D &amp; E</desc>');
  });
});
