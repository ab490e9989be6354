import { describe, expect, it } from 'vitest';
import { detect } from '../../../test/harness.ts';
import detector from './index.ts';

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `x_${tag}_${i} = ${i}\n`).join('');

describe('finds-change-hotspots', () => {
  it('ranks files by changes against complexity over the last year and measures churn', async () => {
    const branchy = (n: number): string => Array.from({ length: n }, (_, i) => `def f${i}(x):\n    if x > ${i}:\n        return 1\n    return 0\n`).join('');
    const r = await detect(detector, {
      commits: [
        // Two years before the newest commit: outside the churn window.
        { files: { 'app/core.py': branchy(4), 'app/util.py': lines(10, 'a'), 'tests/test_core.py': lines(5, 't') }, date: '2024-01-01T00:00:00Z' },
        { files: { 'app/core.py': `${branchy(4)}# 1\n` }, date: '2025-06-01T00:00:00Z' },
        { files: { 'app/core.py': `${branchy(4)}# 2\n`, 'app/util.py': lines(12, 'a') }, date: '2025-09-01T00:00:00Z' },
        { files: { 'app/util.py': lines(13, 'b'), 'tests/test_core.py': lines(50, 't') }, date: '2026-01-01T00:00:00Z' },
      ],
    });
    // Window: 2025-01-01 .. 2026-01-01. core.py: 2 changes (+1, then -1 +1) = 3 lines; complexity
    // 4 functions + 4 ifs = 8, score 2 x 8 = 16. util.py: +2, then 12 deleted + 13 added = 27 lines;
    // no function or decision (complexity 0), score 0. Tests do not count. Churn 30; the top 5% of
    // files is one file (util.py, 27 lines) = 90%.
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({
      'files-changed-12m': { value: 2, unit: 'files' },
      'lines-churned-12m': { value: 30, unit: 'lines' },
      'churn-top-5pct-share': { value: 90, unit: '%' },
      'top-hotspot-revisions': { value: 2, unit: 'commits' },
    });
    expect(r.evidence[0]).toMatchObject({ path: 'app/core.py', note: '2 change(s), 3 lines churned in the year; complexity 8, 17 lines' });
    expect(r.evidence[1]).toMatchObject({ path: 'app/util.py', note: '2 change(s), 27 lines churned in the year; complexity 0, 13 lines' });
  });

  it('answers unknown when no production file changed in the year', async () => {
    const r = await detect(detector, { commits: [{ files: { 'README.md': '# x\n' }, date: '2026-01-01T00:00:00Z' }] });
    expect(r.outcome).toBe('unknown');
  });
});
