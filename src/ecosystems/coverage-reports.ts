// Coverage reports read for the figure they hold: lines covered and coverable, per report.
// Formats: LCOV, Cobertura (coverage.py, coverlet, gcovr), JaCoCo XML, Istanbul
// coverage-summary.json and coverage-final.json, Go cover profiles, OpenCover and Clover XML.
// XML reports are parsed (fast-xml-parser) for their root counters only: the totals each format
// defines for the whole run; per-file detail is never needed.
import { XMLParser } from 'fast-xml-parser';
import { lineAt, lineStarts } from '../util/text.ts';

export type CoverageFormat = 'lcov' | 'cobertura' | 'jacoco' | 'istanbul-summary' | 'istanbul' | 'go' | 'opencover' | 'clover';

export interface CoverageFigure {
  format: CoverageFormat;
  /** Covered and coverable lines (statements for Go, Istanbul final and Clover; sequence points for OpenCover). */
  covered: number;
  total: number;
  /** Where the total is written (none for formats whose total is the sum of the whole file). */
  line?: number;
}

/** Globs of files that may be coverage reports; the content decides. */
export const COVERAGE_REPORT_GLOBS = [
  '**/lcov.info',
  '**/*.lcov',
  '**/coverage*.xml',
  '**/cobertura*.xml',
  '**/jacoco*.xml',
  '**/clover.xml',
  '**/*opencover*.xml',
  '**/coverage-summary.json',
  '**/coverage-final.json',
  '**/coverage.out',
  '**/cover.out',
  '**/coverage.txt',
  '**/*.coverprofile',
] as const;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, processEntities: false, isArray: (name) => name === 'counter' });

type Element = Record<string, unknown>;
const element = (v: unknown): Element | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Element) : undefined);
const attr = (e: Element | undefined, name: string): string | undefined => (typeof e?.[name] === 'string' ? (e[name] as string) : undefined);

const num = (s: string | undefined): number => (s === undefined || s.trim() === '' ? NaN : Number(s));

function figure(format: CoverageFormat, covered: number, total: number, line?: number): CoverageFigure | undefined {
  if (!Number.isFinite(covered) || !Number.isFinite(total) || total <= 0 || covered < 0 || covered > total) return undefined;
  return line === undefined ? { format, covered, total } : { format, covered, total, line };
}

/** 1-based line of the match of `re` in `text` (the first, or the last with `last`), for evidence. */
function lineOf(text: string, re: RegExp, last = false): number | undefined {
  let found: number | undefined;
  for (const m of text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
    found = m.index;
    if (!last) break;
  }
  return found === undefined ? undefined : lineAt(lineStarts(text), found);
}

/** The root totals of a Cobertura, JaCoCo, OpenCover or Clover report. */
function readXml(text: string): CoverageFigure | undefined {
  let doc: Element;
  try {
    doc = xml.parse(text) as Element;
  } catch {
    return undefined;
  }
  const coverage = element(doc['coverage']);
  // Cobertura (coverage.py, coverlet, gcovr): totals on the root element.
  if (coverage && (attr(coverage, 'lines-valid') !== undefined || attr(coverage, 'line-rate') !== undefined)) {
    const valid = num(attr(coverage, 'lines-valid'));
    return Number.isFinite(valid) && valid > 0 ? figure('cobertura', num(attr(coverage, 'lines-covered')), valid, lineOf(text, /<coverage[\s>]/)) : undefined;
  }
  // Clover: <coverage><project><metrics statements= coveredstatements=/>.
  const project = element(coverage?.['project']);
  const metrics = element(project?.['metrics']);
  if (metrics) {
    // The project's own <metrics> is its first child (OpenClover) or its last (PHPUnit).
    const at = lineOf(text, /<project[^>]*>\s*<metrics[\s>]/) !== undefined ? lineOf(text, /<metrics[\s>]/) : lineOf(text, /<metrics[^>]*>\s*<\/project>/);
    return figure('clover', num(attr(metrics, 'coveredstatements')), num(attr(metrics, 'statements')), at);
  }
  // JaCoCo: the report's own counters are the root's direct <counter> children, written last.
  const report = element(doc['report']);
  const counters = Array.isArray(report?.['counter']) ? (report['counter'] as unknown[]).map(element) : [];
  const lines = counters.find((c) => attr(c, 'type') === 'LINE');
  if (lines) {
    const covered = num(attr(lines, 'covered'));
    return figure('jacoco', covered, covered + num(attr(lines, 'missed')), lineOf(text, /<counter\s+type="LINE"/, true));
  }
  // OpenCover: the session <Summary> is the first child of the root.
  const summary = element(element(doc['CoverageSession'])?.['Summary']);
  if (summary) return figure('opencover', num(attr(summary, 'visitedSequencePoints')), num(attr(summary, 'numSequencePoints')), lineOf(text, /<Summary[\s>]/));
  return undefined;
}

function readLcov(text: string): CoverageFigure | undefined {
  if (!/^(TN|SF):/m.test(text)) return undefined;
  let found = 0;
  let hit = 0;
  let da = 0;
  let daHit = 0;
  let sawTotals = false;
  for (const l of text.split('\n')) {
    if (l.startsWith('LF:')) {
      found += Number(l.slice(3));
      sawTotals = true;
    } else if (l.startsWith('LH:')) hit += Number(l.slice(3));
    else if (l.startsWith('DA:')) {
      da++;
      if (Number(l.split(',')[1]) > 0) daHit++;
    }
  }
  return sawTotals ? figure('lcov', hit, found) : figure('lcov', daHit, da);
}

interface IstanbulFile {
  statementMap?: Record<string, { start?: { line?: number } }>;
  s?: Record<string, number>;
}

function readIstanbul(text: string): CoverageFigure | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const total = (data as { total?: { lines?: { total?: number; covered?: number } } }).total;
  if (total?.lines) return figure('istanbul-summary', Number(total.lines.covered), Number(total.lines.total));
  // coverage-final.json: line coverage as Istanbul computes it (a line counts once, hit if any statement starting on it ran).
  let covered = 0;
  let all = 0;
  let files = 0;
  for (const f of Object.values(data as Record<string, IstanbulFile>)) {
    if (typeof f !== 'object' || f === null || !f.statementMap || !f.s) continue;
    files++;
    const lines = new Map<number, number>();
    for (const [id, loc] of Object.entries(f.statementMap)) {
      const line = loc.start?.line;
      if (line === undefined) continue;
      lines.set(line, Math.max(lines.get(line) ?? 0, Number(f.s[id] ?? 0)));
    }
    all += lines.size;
    for (const c of lines.values()) if (c > 0) covered++;
  }
  return files > 0 ? figure('istanbul', covered, all) : undefined;
}

function readGoProfile(text: string): CoverageFigure | undefined {
  if (!/^mode:\s*(set|count|atomic)\s*$/m.test(text)) return undefined;
  // A block may be listed once per package run (merged profiles): each counts once, hit if any run hit it.
  const blocks = new Map<string, { n: number; hit: boolean }>();
  for (const m of text.matchAll(/^(.+:\d+\.\d+,\d+\.\d+)\s+(\d+)\s+(\d+)\s*$/gm)) {
    const prev = blocks.get(m[1]!);
    const hit = Number(m[3]) > 0;
    blocks.set(m[1]!, { n: Number(m[2]), hit: hit || (prev?.hit ?? false) });
  }
  let total = 0;
  let covered = 0;
  for (const b of blocks.values()) {
    total += b.n;
    if (b.hit) covered += b.n;
  }
  return figure('go', covered, total);
}

/** The figure a report holds, or undefined when the file is not a report this module reads. */
export function readCoverageReport(path: string, text: string): CoverageFigure | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.xml')) return readXml(text);
  if (name.endsWith('.json')) return readIstanbul(text);
  if (name === 'lcov.info' || name.endsWith('.lcov')) return readLcov(text);
  return readGoProfile(text);
}

export function percent(covered: number, total: number): number {
  return Math.round((covered * 1000) / total) / 10;
}
