import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pm = (actions: string): string => `# 2024-03-02 API outage\n## Timeline\n...\n${actions}`;

describe('has-postmortems', () => {
  it('counts postmortems and those with action items', async () => {
    const r = await detect(detector, {
      'docs/postmortems/README.md': '# Postmortems\n- [ ] index\n',
      'docs/postmortems/template.md': pm('## Action items\n'),
      'docs/postmortems/2024-03-02-api.md': pm('## Action Items\n| owner | item |\n'),
      'docs/postmortems/2024-05-10-db.md': pm('## Lessons\n- [x] Add replica alarm\n'),
      'docs/postmortems/2024-06-01-dns.md': pm('## Lessons learned\nNone.\n<!-- ## Action items -->\n'),
      'incidents/2023-11-db-failover.md': pm('## Follow-ups\n'),
      'docs/ops/cache-incident-report.md': pm(''),
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual([
      'docs/ops/cache-incident-report.md',
      'docs/postmortems/2024-03-02-api.md',
      'docs/postmortems/2024-05-10-db.md',
      'docs/postmortems/2024-06-01-dns.md',
      'incidents/2023-11-db-failover.md',
      'docs/postmortems/template.md',
    ]);
    expect(r.measures).toEqual({
      postmortems: { value: 5, unit: 'documents' },
      'postmortems-with-actions': { value: 3, unit: 'documents' },
    });
  });

  it('answers no with the template as evidence when only a template exists', async () => {
    const r = await detect(detector, { 'docs/postmortem-template.md': pm('## Action items\n') });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['docs/postmortem-template.md']);
    expect(r.measures?.postmortems?.value).toBe(0);
  });

  it.each([
    ['only the README mentions postmortems', { 'README.md': '# App\n## Postmortems\nWe write them.\n' }],
    ['an incidents module is code', { 'src/incidents/service.ts': 'export {};\n', 'src/incidents/README.md': '# Incidents module\n' }],
    ['postmortems are fixtures', { 'test/fixtures/postmortems/x.md': pm('## Action items\n') }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.postmortems?.value).toBe(0);
  });
});
