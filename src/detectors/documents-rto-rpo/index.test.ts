import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('documents-rto-rpo', () => {
  it.each([
    ['two lines in one document', { 'docs/dr.md': '# Disaster recovery\n\n- **RTO**: 4 hours\n- **RPO**: 15 minutes\n' }, ['docs/dr.md:3', 'docs/dr.md:4']],
    ['one line with both', { 'RELIABILITY.md': 'Targets: RTO 1h, RPO 5 min.\n' }, ['RELIABILITY.md:1']],
    ['a table', { 'docs/slas.md': '| Service | RTO | RPO |\n|---|---|---|\n| api | 30 min | 5 min |\n' }, ['docs/slas.md:1', 'docs/slas.md:3']],
    ['spelled-out objectives', { 'docs/bcp.md': 'Recovery Time Objective: 2 hours.\n\nRecovery Point Objective: 24h.\n' }, ['docs/bcp.md:1', 'docs/bcp.md:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['values are missing', { 'docs/dr.md': 'We still need to define our RTO and RPO (TBD).\n' }],
    ['only the RTO has a value', { 'docs/dr.md': 'RTO: 4 hours\nRPO: to be agreed\n' }],
    ['RTO and RPO are in different documents', { 'docs/a.md': 'RTO: 4 hours\n', 'docs/b.md': 'RPO: 1 hour\n' }],
    ['a code comment states them', { 'src/dr.ts': '// RTO: 4h, RPO: 15 min\nexport const x = 1;\n' }],
    ['a table header has no values', { 'docs/t.md': '| Service | RTO | RPO |\n|---|---|---|\n| api | tbd | tbd |\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
