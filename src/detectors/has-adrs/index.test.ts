import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const nygard = (title: string): string => `# ${title}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n`;

describe('has-adrs', () => {
  it('counts adr-tools records and dates the newest one from history', async () => {
    const r = await detect(detector, {
      commits: [
        { date: '2025-01-01T12:00:00Z', files: { 'docs/adr/0001-record-architecture-decisions.md': nygard('1. Record decisions') } },
        { date: '2025-03-01T12:00:00Z', files: { 'docs/adr/0002-use-postgres.md': nygard('2. Use Postgres'), 'docs/adr/template.md': nygard('Title') } },
        { date: '2025-06-01T12:00:00Z', files: { 'src/app.ts': 'export {};\n' } },
      ],
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['docs/adr/0001-record-architecture-decisions.md', 'docs/adr/0002-use-postgres.md']);
    expect(r.measures).toEqual({
      'adr-count': { value: 2, unit: 'records' },
      'adr-newest-age-days': { value: 92, unit: 'days' },
    });
  });

  it.each([
    ['a folder named by .adr-dir', { '.adr-dir': 'architecture/records\n', 'architecture/records/0001-x.md': '# X\n' }, ['architecture/records/0001-x.md']],
    ['log4brains adrFolder', { '.log4brains.yml': 'project:\n  adrFolder: ./kb/adr\n', 'kb/adr/20240101-use-log4brains.md': '# Use log4brains\n' }, ['kb/adr/20240101-use-log4brains.md']],
    ['MADR front matter in docs/decisions', { 'docs/decisions/use-kafka.md': '---\nstatus: accepted\n---\n# Use Kafka\n## Context and Problem Statement\nx\n', 'docs/decisions/README.md': '# Decisions\n' }, ['docs/decisions/use-kafka.md']],
    ['a record with Status, Context and Decision outside ADR folders', { 'docs/rfc-7-events.md': nygard('Events') }, ['docs/rfc-7-events.md']],
  ])('answers yes for %s (no history)', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({ 'adr-count': { value: locs.length, unit: 'records' } });
  });

  it.each([
    ['only an ADR template exists', { 'docs/adr/0000-template.md': nygard('Title'), 'docs/adr/README.md': '# ADRs\n' }],
    ['the README mentions ADRs', { 'README.md': '# App\nWe write ADRs in docs/adr/0001-use-x.md\n## Status\nbeta\n## Context\n' }],
    ['a doc has only a Context section', { 'docs/guide.md': '# Guide\n## Context\n## Decision tree\n' }],
    ['the ADRs are in a fixture or vendored folder', { 'examples/docs/adr/0001-x.md': nygard('X'), 'vendor/lib/docs/adr/0001-y.md': nygard('Y') }],
    ['an ADR-shaped template asset lives in src/', { 'src/init.md': nygard('1. Record decisions'), 'packages/init/assets/use-x.md': nygard('Use X') }],
    ['an ADR folder holds code', { 'src/adr/0001-parser.ts': 'export const x = 1;\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['adr-count']?.value).toBe(0);
  });
});
