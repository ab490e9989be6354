import { describe, expect, it } from 'vitest';
import { detect } from '../../../test/harness.ts';
import detector from './index.ts';

describe('merges-through-pull-requests', () => {
  it('counts request merges and squash merges among the commits that landed on the branch', async () => {
    const r = await detect(detector, {
      commits: [
        { files: { 'a.txt': '0' }, date: '2025-12-01T00:00:00Z', message: 'initial' },
        { branch: 'f1', files: { 'b.txt': '1' }, date: '2025-12-02T00:00:00Z' },
        { branch: 'f1', files: { 'b.txt': '2' }, date: '2025-12-03T00:00:00Z' },
        { merge: 'f1', date: '2025-12-04T00:00:00Z', message: 'Merge pull request #12 from acme/f1' },
        { files: { 'c.txt': '1' }, date: '2025-12-05T00:00:00Z', message: 'Add billing export (#13)' },
        { files: { 'c.txt': '2' }, date: '2025-12-06T00:00:00Z', message: 'quick fix on main' },
        { branch: 'f2', files: { 'd.txt': '1' }, date: '2025-12-07T00:00:00Z' },
        { merge: 'f2', date: '2025-12-08T00:00:00Z', message: "Merge branch 'f2'" },
      ],
    });
    // Landed (first parent, not the root): merge #12, squash #13, quick fix, local merge of f2 = 4.
    // Through a request: #12 and #13 = 2 -> 50%. Branch commits arrived inside the merges.
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({ 'landed-12m': { value: 4, unit: 'commits' }, 'via-request-share': { value: 50, unit: '%' } });
    expect(r.summary).toContain('(1 GitHub, 1 GitHub squash)');
    expect(r.evidence.map((e) => e.note?.replace(/^.*: /, ''))).toEqual(["Merge branch 'f2'", 'quick fix on main']);
  });

  it('answers unknown without history', async () => {
    expect((await detect(detector, { 'a.txt': '1' })).outcome).toBe('unknown');
  });
});
