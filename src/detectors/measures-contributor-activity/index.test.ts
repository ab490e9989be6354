import { describe, expect, it } from 'vitest';
import { detect, type CommitSpec } from '../../../test/harness.ts';
import detector from './index.ts';

const by = (author: string, date: string, n = 1): CommitSpec[] =>
  Array.from({ length: n }, (_, i) => ({ author, email: `${author.split(' ')[0]!.toLowerCase()}@example.com`, date, files: { [`${author}-${date}-${i}.txt`]: 'x' } }));

describe('measures-contributor-activity', () => {
  it('counts active, new and departed core contributors relative to the newest commit', async () => {
    const r = await detect(detector, {
      commits: [
        ...by('Old Timer', '2023-01-01T00:00:00Z', 10), // core (10 of 16), inactive since 2023
        ...by('Ada Lovelace', '2024-06-01T00:00:00Z'),
        ...by('Ada Lovelace', '2025-11-01T00:00:00Z', 2),
        ...by('New Person', '2025-06-01T00:00:00Z'),
        { ...by('dependabot[bot]', '2025-12-01T00:00:00Z')[0]!, email: 'dependabot[bot]@users.noreply.github.com' },
        ...by('Bob Stone', '2026-01-01T00:00:00Z', 2),
      ],
    });
    // Newest 2026-01-01. 90 days: Ada (11-01), Bob = 2. Year: Ada 2, New 1, Bob 2 = 3 people, 5 commits
    // -> 0.4/month. New in the year: New Person, Bob = 2. Core inactive: Old Timer.
    expect(r.measures).toEqual({
      'active-authors-90d': { value: 2, unit: 'people' },
      'active-authors-12m': { value: 3, unit: 'people' },
      'new-authors-12m': { value: 2, unit: 'people' },
      'core-authors-inactive': { value: 1, unit: 'people' },
      'commits-per-month-12m': { value: 0.4, unit: 'commits/month' },
    });
    expect(r.evidence.map((e) => e.note)).toEqual([
      'Ada Lovelace: 2 commit(s) in the last year',
      'Bob Stone: 2 commit(s) in the last year',
      'New Person: 1 commit(s) in the last year',
      'Old Timer: 10 commit(s) in all, none since 2023-01-01',
    ]);
    expect(JSON.stringify(r)).not.toContain('@example.com');
  });
});
