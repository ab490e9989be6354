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
    // Ages: docs/old.md 731 (stale), runbooks/restart.md 214, README.md 31. The ADR is a record, not measured.
    expect(locations(r)).toEqual(['docs/old.md', 'runbooks/restart.md', 'README.md']);
    expect(r.evidence[0]!.note).toBe('last changed 731 days before HEAD');
    expect(r.measures).toEqual({
      docs: { value: 3, unit: 'documents' },
      'fresh-docs-share': { value: 66, unit: '%' },
      'docs-behind-code': { value: 0, unit: 'documents' },
      'median-doc-age-days': { value: 214, unit: 'days' },
    });
  });

  it('measures a document against the code it links to or sits beside', async () => {
    const r = await detect(detector, {
      commits: [
        {
          date: '2024-01-01T00:00:00Z',
          files: {
            'services/billing/README.md': '# Billing\nRun `go run .`\n',
            'services/billing/main.go': 'package main\n',
            'services/orders/handler.py': 'def handle(): pass\n',
            'docs/api.md': '# API\nSee [the handler](../services/orders/handler.py) and [site](https://example.com/services/billing).\n',
            'docs/intro.md': '# Intro\n',
          },
        },
        { date: '2024-03-01T00:00:00Z', files: { 'services/billing/tax.go': 'package main\n' } },
        // Edits inside the package do not outdate its README; a new file would.
        { date: '2024-12-01T00:00:00Z', files: { 'services/billing/main.go': 'package main // v2\n' } },
        { date: '2024-12-01T00:00:00Z', files: { 'services/orders/handler.py': 'def handle(): return 1\n' } },
        { date: '2025-01-01T00:00:00Z', files: { 'docs/intro.md': '# Intro v2\n' } },
      ],
    });
    // billing README: a file was added beside it 60 days after it (fresh). docs/api.md links to handler.py,
    // changed 335 days after it (stale, behind). docs/intro.md ties to no code and is new (fresh).
    expect(r.measures).toEqual({
      docs: { value: 3, unit: 'documents' },
      'fresh-docs-share': { value: 66, unit: '%' },
      'docs-behind-code': { value: 1, unit: 'documents' },
      'median-doc-age-days': { value: 366, unit: 'days' },
    });
    expect(r.evidence[0]).toEqual({
      path: 'docs/api.md',
      note: 'last changed 366 days before HEAD; the code it describes (services/orders/handler.py, 1 file(s)) moved 335 days after it',
      value: 335,
    });
    expect(r.evidence[1]!.note).toBe('last changed 366 days before HEAD; the code it describes (services/billing/, 2 file(s)) moved 60 days after it');
  });

  it('counts a linked folder as moved when a file was added to it, not when one was edited', async () => {
    const base = { 'docs/services.md': '# Services\nQueues live in `server/queues/`.\n', 'server/queues/mail.ts': 'export {};\n' };
    const edited = await detect(detector, {
      commits: [
        { date: '2024-01-01T00:00:00Z', files: base },
        { date: '2025-01-01T00:00:00Z', files: { 'server/queues/mail.ts': 'export const v = 2;\n' } },
      ],
    });
    expect(edited.measures?.['docs-behind-code']?.value).toBe(0);
    const added = await detect(detector, {
      commits: [
        { date: '2024-01-01T00:00:00Z', files: base },
        { date: '2025-01-01T00:00:00Z', files: { 'server/queues/billing.ts': 'export {};\n' } },
      ],
    });
    expect(added.measures?.['docs-behind-code']?.value).toBe(1);
    expect(added.evidence[0]!.note).toBe('last changed 366 days before HEAD; the code it describes (server/queues, 2 file(s)) moved 366 days after it');
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
