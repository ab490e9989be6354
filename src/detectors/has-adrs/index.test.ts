import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const nygard = (title: string, date?: string): string =>
  `# ${title}\n\n${date ? `Date: ${date}\n\n` : ''}## Status\n\nAccepted\n\n## Context\n\nOrders are written by three services and reporting reads them nightly.\n\n## Decision\n\nWe keep one PostgreSQL database per service.\n`;

describe('has-adrs', () => {
  it('counts adr-tools records, dates them from their Date: lines and the newest change from history', async () => {
    const r = await detect(detector, {
      commits: [
        { date: '2025-01-01T12:00:00Z', files: { 'docs/adr/0001-record-architecture-decisions.md': nygard('1. Record decisions', '2025-01-01') } },
        {
          date: '2025-03-01T12:00:00Z',
          files: {
            'docs/adr/0002-use-postgres.md': nygard('2. Use Postgres', '2025-02-27'),
            'docs/adr/0003-use-kafka.md': nygard('3. Use Kafka', '2025-03-01'),
            'docs/adr/template.md': nygard('Title'),
          },
        },
        { date: '2025-06-01T12:00:00Z', files: { 'src/app.ts': 'export {};\n' } },
      ],
    });
    expect(r.outcome).toBe('yes');
    // 0001 is the record adr-tools writes on `adr init`: it is not a decision about the platform
    expect(locations(r)).toEqual(['docs/adr/0002-use-postgres.md:3', 'docs/adr/0003-use-kafka.md:3']);
    expect(r.summary).toContain('dated 2025-02-27 to 2025-03-01');
    expect(r.measures).toEqual({
      'adr-count': { value: 2, unit: 'records' },
      'adr-dated': { value: 2, unit: 'records' },
      'adr-span-days': { value: 2, unit: 'days' },
      'adr-newest-age-days': { value: 92, unit: 'days' },
    });
  });

  it.each([
    ['a folder named by .adr-dir', { '.adr-dir': 'architecture/records\n', 'architecture/records/0002-x.md': nygard('2. Use X') }, ['architecture/records/0002-x.md']],
    [
      'log4brains adrFolder, dated by file name',
      { '.log4brains.yml': 'project:\n  adrFolder: ./kb/adr\n', 'kb/adr/20240101-use-log4brains-to-manage-the-adrs.md': nygard('Use log4brains'), 'kb/adr/20240315-split-billing.md': nygard('Split billing') },
      ['kb/adr/20240315-split-billing.md'],
    ],
    [
      'MADR front matter in docs/decisions',
      {
        'docs/decisions/use-kafka.md': '---\nstatus: accepted\ndate: 2024-05-02\n---\n# Use Kafka\n## Context and Problem Statement\nOrder events must reach billing and shipping at least once, in order per order.\n',
        'docs/decisions/README.md': '# Decisions\n',
      },
      ['docs/decisions/use-kafka.md:3'],
    ],
    ['a record with Status, Context and Decision outside ADR folders', { 'docs/rfc-7-events.md': nygard('Events') }, ['docs/rfc-7-events.md']],
  ])('answers yes for %s (no history)', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['adr-count']).toEqual({ value: locs.length, unit: 'records' });
  });

  it.each([
    ['only an ADR template exists', { 'docs/adr/0000-template.md': nygard('Title'), 'docs/adr/README.md': '# ADRs\n' }],
    ['only the record adr-tools writes on init exists', { 'doc/adr/0001-record-architecture-decisions.md': nygard('1. Record architecture decisions', '2024-01-02') }],
    ['the ADR files are empty stubs', { 'docs/adr/0002-use-redis.md': '# 2. Use Redis\n\n## Status\n\n## Context\n\nTODO\n\n## Decision\n', 'docs/adr/0003-x.md': '' }],
    ['the README mentions ADRs', { 'README.md': '# App\nWe should write ADRs in docs/adr/0001-use-x.md\n## Status\nbeta\n## Context\n' }],
    ['a doc has only a Context section', { 'docs/guide.md': '# Guide\n## Context\n## Decision tree\n' }],
    ['the ADRs are in a fixture or vendored folder', { 'examples/docs/adr/0002-x.md': nygard('X'), 'vendor/lib/docs/adr/0002-y.md': nygard('Y') }],
    ['an ADR-shaped template asset lives in src/', { 'src/init.md': nygard('1. Record decisions'), 'packages/init/assets/use-x.md': nygard('Use X') }],
    ['an ADR folder holds code', { 'src/adr/0001-parser.ts': 'export const x = 1;\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['adr-count']?.value).toBe(0);
  });
});
