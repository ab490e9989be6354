import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('docs-freshness', () => {
  it('measures age of each document against the newest commit', async () => {
    const r = await detect(detector, {
      commits: [
        // 2023-01-01 -> 2025-01-01 is 731 days; 2024-06-01 -> 2025-01-01 is 214 days.
        { date: '2023-01-01T12:00:00Z', files: { 'docs/old.md': '# Old\n', 'README.md': '# App\n', 'LICENSE.md': 'MIT\n', 'CHANGELOG.md': '# 1.0\n' } },
        { date: '2024-06-01T12:00:00Z', files: { 'docs/adr/0001-x.md': '# X\n', 'runbooks/restart.md': '# Restart\n' } },
        { date: '2024-12-01T12:00:00Z', files: { 'README.md': '# App v2\n', 'vendor/lib/README.md': '# Lib\n', 'test/fixtures/a.md': '# A\n', 'docs/logo.png': Buffer.from([0, 1, 2]) } },
        { date: '2025-01-01T12:00:00Z', files: { 'src/app.ts': 'export {};\n', 'CHANGELOG.md': '# 1.1\n' } },
      ],
    });
    expect(r.outcome).toBe('yes');
    // Ages: docs/old.md 731, docs/adr/0001-x.md 214, runbooks/restart.md 214, README.md 31.
    expect(locations(r)).toEqual(['docs/old.md', 'docs/adr/0001-x.md', 'runbooks/restart.md', 'README.md']);
    expect(r.evidence[0]!.note).toBe('last changed 731 days before HEAD');
    expect(r.measures).toEqual({
      docs: { value: 4, unit: 'documents' },
      'fresh-docs-share': { value: 75, unit: '%' },
      'median-doc-age-days': { value: 214, unit: 'days' },
    });
  });

  it('takes the median of an even count as the mean of the middle two', async () => {
    const r = await detect(detector, {
      commits: [
        { date: '2024-01-01T00:00:00Z', files: { 'docs/a.md': '# A\n' } },
        { date: '2024-01-11T00:00:00Z', files: { 'docs/b.md': '# B\n' } },
        { date: '2024-01-21T00:00:00Z', files: { 'src/x.ts': 'export {};\n' } },
      ],
    });
    expect(r.measures?.['median-doc-age-days']?.value).toBe(15);
    expect(r.measures?.['fresh-docs-share']?.value).toBe(100);
  });

  it.each([
    ['the folder is not a git repository', { 'README.md': '# App\n' }],
    ['there are no docs', { git: true, files: { 'src/a.ts': 'export {};\n', 'LICENSE.md': 'MIT\n', 'vendor/x/README.md': '# x\n' } }],
  ])('answers unknown when %s', async (_c, spec) => {
    expect((await detect(detector, spec)).outcome).toBe('unknown');
  });
});
