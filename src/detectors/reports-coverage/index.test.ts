import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const lcov = 'TN:\nSF:src/a.ts\nDA:1,1\nDA:2,0\nLF:40\nLH:30\nend_of_record\nSF:src/b.ts\nLF:60\nLH:45\nend_of_record\n';
const cobertura =
  '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n<coverage version="7.6.1" timestamp="1727000000000" lines-valid="250" lines-covered="200" line-rate="0.8" branches-covered="0" branches-valid="0" branch-rate="0" complexity="0">\n\t<sources><source>/app</source></sources>\n\t<packages><package name="app" line-rate="0.8"><classes><class name="main.py" filename="app/main.py" line-rate="0.8"><lines><line number="1" hits="1"/></lines></class></classes></package></packages>\n</coverage>\n';
const jacoco =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">\n<report name="orders">\n<sessioninfo id="x" start="1" dump="2"/>\n<package name="com/acme">\n<class name="com/acme/App"><counter type="LINE" missed="1" covered="9"/></class>\n<counter type="LINE" missed="5" covered="5"/>\n</package>\n<counter type="INSTRUCTION" missed="100" covered="400"/>\n<counter type="LINE" missed="30" covered="90"/>\n</report>\n';
const goProfile = 'mode: atomic\nexample.com/svc/a.go:3.20,5.2 2 1\nexample.com/svc/a.go:7.20,9.2 3 0\nexample.com/svc/b.go:3.20,5.2 5 4\nexample.com/svc/a.go:7.20,9.2 3 2\n';
const opencover = '<?xml version="1.0" encoding="utf-8"?>\n<CoverageSession>\n  <Summary numSequencePoints="200" visitedSequencePoints="150" numBranchPoints="10" visitedBranchPoints="5" sequenceCoverage="75" branchCoverage="50" />\n  <Modules><Module><Summary numSequencePoints="10" visitedSequencePoints="1" /></Module></Modules>\n</CoverageSession>\n';
const clover = '<?xml version="1.0" encoding="UTF-8"?>\n<coverage generated="1727000000">\n  <project timestamp="1727000000">\n    <file name="/app/src/Order.php">\n      <metrics loc="20" statements="10" coveredstatements="10"/>\n    </file>\n    <metrics files="1" loc="20" ncloc="18" statements="80" coveredstatements="60" elements="90" coveredelements="66"/>\n  </project>\n</coverage>\n';
const summary = JSON.stringify({ total: { lines: { total: 500, covered: 430, skipped: 0, pct: 86 }, statements: { total: 520, covered: 440, pct: 84.61 } } }, null, 2);
const final = JSON.stringify({
  '/app/src/a.ts': {
    path: '/app/src/a.ts',
    statementMap: { 0: { start: { line: 1, column: 0 }, end: { line: 1, column: 9 } }, 1: { start: { line: 1, column: 10 }, end: { line: 1, column: 20 } }, 2: { start: { line: 2, column: 0 }, end: { line: 2, column: 9 } }, 3: { start: { line: 4, column: 0 }, end: { line: 4, column: 9 } } },
    s: { 0: 0, 1: 3, 2: 0, 3: 1 },
  },
});

describe('reports-coverage', () => {
  it.each([
    ['an LCOV report (LF/LH totals)', { 'coverage/lcov.info': lcov }, 'coverage/lcov.info', 75, 100],
    ['a coverage.py Cobertura report', { 'coverage.xml': cobertura }, 'coverage.xml:3', 80, 250],
    ['a JaCoCo report: the root LINE counter, not a package one', { 'target/site/jacoco/jacoco.xml': jacoco }, 'target/site/jacoco/jacoco.xml:9', 75, 120],
    ['a Go cover profile, a block listed twice counting once', { 'coverage.out': goProfile }, 'coverage.out', 100, 10],
    ['an OpenCover (coverlet) report: the session summary', { 'TestResults/coverage.opencover.xml': opencover }, 'TestResults/coverage.opencover.xml:3', 75, 200],
    ['a PHPUnit Clover report: the project metrics', { 'build/logs/clover.xml': clover }, 'build/logs/clover.xml:7', 75, 80],
    ['an Istanbul coverage-summary.json', { 'coverage/coverage-summary.json': summary }, 'coverage/coverage-summary.json', 86, 500],
    ['an Istanbul coverage-final.json (lines from statements)', { 'coverage/coverage-final.json': final }, 'coverage/coverage-final.json', 66.7, 3],
  ])('reads %s', async (_c, files, where, pct, total) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual([where]);
    expect(r.measures?.['line-coverage']?.value).toBe(pct);
    expect(r.measures?.['coverable-lines']?.value).toBe(total);
    expect(r.measures?.['coverage-reports']?.value).toBe(1);
  });

  it('weights several reports by their lines, and counts one Istanbul run written twice once', async () => {
    const r = await detect(detector, {
      'web/coverage/lcov.info': lcov, // 75 of 100
      'web/coverage/coverage-summary.json': JSON.stringify({ total: { lines: { total: 100, covered: 75 } } }),
      'api/coverage.xml': cobertura, // 200 of 250
      'svc/coverage.out': goProfile, // 10 of 10
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({
      'line-coverage': { value: 79.2, unit: '%' }, // 285 / 360
      'coverage-reports': { value: 3, unit: 'reports' },
      'covered-lines': { value: 285, unit: 'lines' },
      'coverable-lines': { value: 360, unit: 'lines' },
    });
    expect(r.summary).toBe('Coverage 3 reports in the tree: 79.2% line coverage (285 of 360).');
  });

  it.each([
    ['no report exists', { 'src/a.ts': 'export {}\n', '.github/workflows/ci.yml': 'on: push\njobs: {}\n' }],
    ['the report is git-ignored', { '.gitignore': 'coverage/\n', 'coverage/lcov.info': lcov }],
    ['the report is a test fixture', { 'test/fixtures/reports/lcov.info': lcov, 'tests/data/coverage.xml': cobertura }],
    ['a vendored package ships its report', { 'node_modules/left-pad/coverage/lcov.info': lcov }],
    ['a coverage.xml that is not a report', { 'config/coverage.xml': '<settings><exclude>vendor</exclude></settings>\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('answers unknown when a report cannot be read', async () => {
    const r = await detect(detector, { 'coverage/lcov.info': 'garbage\n' });
    expect(r.outcome).toBe('unknown');
  });

  it('answers no (never reads it) for a report committed but ignored in git', async () => {
    const r = await detect(detector, { git: true, files: { '.gitignore': 'coverage.out\n', 'main.go': 'package main\n' } });
    expect(r.outcome).toBe('no');
  });
});
