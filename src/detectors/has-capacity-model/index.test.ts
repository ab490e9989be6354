import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const plan = '# Capacity plan\n\nPeak: 1,200 rps at launch.\nEach pod serves 150 rps at p99 < 200 ms.\nWe run 12 pods with 30% headroom.\n';

describe('has-capacity-model', () => {
  it.each([
    ['a capacity document', { 'docs/capacity-plan.md': plan }, ['docs/capacity-plan.md']],
    ['a capacity spreadsheet', { 'docs/capacity-model.xlsx': Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1]) }, ['docs/capacity-model.xlsx']],
    ['a capacity section in a service doc', { 'services/orders/README.md': '# Orders\n\n## Capacity planning\n\nOrders peak at 300 writes/s; the DB sustains 2,000.\n' }, ['services/orders/README.md:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the section is empty', { 'README.md': '# App\n\n## Capacity planning\n\n## Deploy\n' }],
    ['the section is a TODO', { 'README.md': '## Capacity model\nTODO\n' }],
    ['code mentions capacity', { 'src/capacity.ts': 'export const capacity = 10;\n', 'src/pool.md.ts': '' }],
    ['a capacity doc is a stub', { 'docs/capacity.md': '# Capacity\nTBD\n' }],
    ['a fixture holds a plan', { 'test/fixtures/capacity-plan.md': plan }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
