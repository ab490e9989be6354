import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { COVERAGE_REPORT_GLOBS, percent, readCoverageReport, type CoverageFigure } from '../../ecosystems/coverage-reports.ts';

/**
 * Reports are build output: usually under coverage/ or target/ (role generated) or at the root
 * (config, other). A report under tests or fixtures is test data; a vendored one is not ours.
 * Git-ignored reports never reach the inventory, so only reports a reader can open count.
 */
const REPORT_ROLES: readonly FileRole[] = ['generated', 'config', 'other'];

const FORMAT_NAMES: Record<CoverageFigure['format'], string> = {
  lcov: 'LCOV',
  cobertura: 'Cobertura',
  jacoco: 'JaCoCo',
  'istanbul-summary': 'Istanbul summary',
  istanbul: 'Istanbul',
  go: 'Go cover profile',
  opencover: 'OpenCover',
  clover: 'Clover',
};

const UNIT: Record<CoverageFigure['format'], string> = {
  lcov: 'lines', cobertura: 'lines', jacoco: 'lines', 'istanbul-summary': 'lines', istanbul: 'lines',
  go: 'statements', opencover: 'sequence points', clover: 'statements',
};

export default defineDetector({
  id: 'reports-coverage',
  pillar: 'testing',
  question: 'Does the repository hold a coverage report, and what line coverage does it show?',
  rationale: 'A threshold says what the team requires; a report says what the tests actually cover, so the two read together.',
  measures: {
    'line-coverage': { unit: '%', description: 'Covered lines over coverable lines across all reports (Go and Clover count statements), one decimal' },
    'coverage-reports': { unit: 'reports', description: 'Coverage reports read' },
    'covered-lines': { unit: 'lines', description: 'Covered lines (or statements) across the reports' },
    'coverable-lines': { unit: 'lines', description: 'Coverable lines (or statements) across the reports' },
  },
  contents: COVERAGE_REPORT_GLOBS,
  detect({ repo }) {
    const candidates = repo.glob(COVERAGE_REPORT_GLOBS, REPORT_ROLES);
    const read: (CoverageFigure & { path: string })[] = [];
    const unreadable: string[] = [];
    for (const f of candidates) {
      const text = repo.text(f.path);
      const fig = text === undefined ? undefined : readCoverageReport(f.path, text);
      if (fig) read.push({ ...fig, path: f.path });
      else if (text !== undefined && /lcov|jacoco|cobertura|clover|opencover|coverage-(summary|final)|\.coverprofile$/i.test(f.path)) unreadable.push(f.path);
    }
    if (read.length === 0) {
      if (unreadable.length > 0) return unknown(`Coverage report(s) present but not readable: ${unreadable.slice(0, 3).join(', ')}.`);
      return no('No coverage report is in the repository (reports are usually build output and git-ignored).');
    }
    // Istanbul writes one run in several formats into one folder (lcov.info, coverage-final.json,
    // clover.xml, cobertura-coverage.xml): that folder counts once, by its line figure.
    const ISTANBUL_FAMILY = /(^|\/)(lcov\.info|coverage-final\.json|coverage-summary\.json|clover\.xml|cobertura-coverage\.xml)$/;
    const preference = (r: CoverageFigure): number => ['istanbul-summary', 'lcov', 'istanbul', 'cobertura', 'clover'].indexOf(r.format);
    const byRun = new Map<string, CoverageFigure & { path: string }>();
    for (const r of [...read].sort((a, b) => preference(a) - preference(b))) {
      const key = ISTANBUL_FAMILY.test(r.path) ? `dir:${r.path.slice(0, Math.max(0, r.path.lastIndexOf('/')))}` : r.path;
      if (!byRun.has(key)) byRun.set(key, r);
    }
    const counted = [...byRun.values()];
    const covered = counted.reduce((s, r) => s + r.covered, 0);
    const total = counted.reduce((s, r) => s + r.total, 0);
    const overall = percent(covered, total);
    const evidence: EvidenceItem[] = read.slice(0, 10).map((r) => ({
      path: r.path,
      ...(r.line === undefined ? {} : { line: r.line }),
      note: `${FORMAT_NAMES[r.format]} report: ${r.covered}/${r.total} ${UNIT[r.format]} covered (${percent(r.covered, r.total)}%)${counted.includes(r) ? '' : ', the same run as another report, not counted twice'}`,
      value: percent(r.covered, r.total),
    }));
    const measures = {
      'line-coverage': { value: overall, unit: '%' },
      'coverage-reports': { value: counted.length, unit: 'reports' },
      'covered-lines': { value: covered, unit: 'lines' },
      'coverable-lines': { value: total, unit: 'lines' },
    };
    const what = counted.length === 1 ? `report ${counted[0]!.path} (${FORMAT_NAMES[counted[0]!.format]})` : `${counted.length} reports`;
    return yes(`Coverage ${what} in the tree: ${overall}% line coverage (${covered} of ${total}).`, evidence, measures);
  },
});
