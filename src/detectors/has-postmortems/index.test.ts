import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const story =
  'At 14:02 UTC the checkout API started returning 502 errors after a connection-pool change; the on-call engineer rolled the change back at 14:31 and error rates recovered by 14:40.';
const pm = (title: string, rest: string): string => `# ${title}\n\n## Summary\n\n${story}\n\n${rest}`;

describe('has-postmortems', () => {
  it('counts dated postmortems and those with action items', async () => {
    const r = await detect(detector, {
      'docs/postmortems/README.md': '# Postmortems\n- [ ] index\n',
      'docs/postmortems/template.md': pm('<incident title>', '## Action items\n- [ ] ...\n'),
      'docs/postmortems/2024-03-02-api.md': pm('API outage', '## Action Items\n| owner | item |\n|---|---|\n| @sre | add pool alarm |\n'),
      'docs/postmortems/db-failover.md': pm('DB failover', 'Date: 10 May 2024\n\n## Lessons\n- [x] Add replica alarm\n'),
      'docs/postmortems/dns.md': `---\ndate: 2024-06-01\n---\n${pm('DNS', '## Lessons learned\nNone.\n<!-- ## Action items -->\n')}`,
      'incidents/cache-stampede.md': pm('Cache stampede', '## Follow-ups\nAdd jitter to the cache TTLs.\n'),
      'docs/ops/cache-incident-report.md': '# Cache incident\n\nTODO\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual([
      'docs/postmortems/2024-03-02-api.md:7',
      'docs/postmortems/db-failover.md:10',
      'docs/postmortems/dns.md',
      'docs/postmortems/template.md',
    ]);
    expect(r.measures).toEqual({
      postmortems: { value: 3, unit: 'documents' },
      'postmortems-with-actions': { value: 2, unit: 'documents' },
    });
  });

  it('answers no with the template as evidence when only a template exists', async () => {
    const r = await detect(detector, { 'docs/postmortem-template.md': pm('Title', '## Action items\n') });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['docs/postmortem-template.md']);
    expect(r.measures?.postmortems?.value).toBe(0);
  });

  it.each([
    ['only the README mentions postmortems', { 'README.md': '# App\n## Postmortems\nWe write them.\n' }],
    ['an incidents module is code', { 'src/incidents/service.ts': 'export {};\n', 'src/incidents/README.md': '# Incidents module\n' }],
    ['postmortems are fixtures', { 'test/fixtures/postmortems/2024-01-01-x.md': pm('X', '## Action items\n- [ ] Fix it\n') }],
    ['the postmortem has no date', { 'docs/postmortems/api-outage.md': pm('API outage', '## Action items\n- [ ] Add a pool alarm\n') }],
    ['the dated postmortem lists no actions', { 'docs/postmortems/2024-03-02-api.md': pm('API outage', '## Timeline\n14:02 alert fired.\n') }],
    ['the postmortem is an empty dated file', { 'docs/postmortems/2024-03-02-api.md': '' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['postmortems-with-actions']?.value).toBe(0);
  });
});
