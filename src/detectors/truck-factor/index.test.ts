import { describe, expect, it } from 'vitest';
import { detect, type CommitSpec } from '../../../test/harness.ts';
import detector from './index.ts';

const ada = { author: 'Ada Lovelace', email: 'ada@example.com' };
const bob = { author: 'Bob Stone', email: 'bob@example.com' };
const cyd = { author: 'Cyd Charisse', email: 'cyd@example.com' };
const bot = { author: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const at = (day: number): string => new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString();
const c = (who: typeof ada, day: number, ...paths: string[]): CommitSpec => ({
  ...who,
  date: at(day),
  files: Object.fromEntries(paths.map((p) => [p, `// ${who.author} ${day}\n`])),
});

describe('truck-factor', () => {
  it.each([
    // One author of everything: removing her orphans 100%.
    ['one author of everything', [c(ada, 0, 'src/a.ts', 'src/b.ts', 'docs/x.md')], 1, ['.: whole repository: truck factor 1 over 3 files: Ada Lovelace (3)']],
    // Ada authors a,b; Bob authors c,d. Remove Ada (tie, by name): 2/4 = 50%, not more; remove Bob: 100%.
    ['two authors owning half each', [c(ada, 0, 'src/a.ts', 'src/b.ts'), c(bob, 1, 'lib/c.ts', 'lib/d.ts')], 2, ['.: whole repository: truck factor 2 over 4 files: Ada Lovelace (2), Bob Stone (2)']],
    // Three authors with 2 files each: 2/6 after one removal, 4/6 > 50% after two.
    ['three authors owning a third each', [c(ada, 0, 'a/1.ts', 'a/2.ts'), c(bob, 1, 'b/1.ts', 'b/2.ts'), c(cyd, 2, 'c/1.ts', 'c/2.ts')], 2, ['.: whole repository: truck factor 2 over 6 files: Ada Lovelace (2), Bob Stone (2)']],
    // Ada creates 4 files, Bob edits each once: Bob's DOA = 3.293 + 0.164 - 0.321 ln 2 = 3.234 < 3.293,
    // so he authors none; Cyd authors 1. Removing Ada orphans 4/5.
    ['one-off edits that do not make an author', [c(ada, 0, 'src/1.ts', 'src/2.ts', 'src/3.ts', 'src/4.ts'), c(bob, 1, 'src/1.ts', 'src/2.ts', 'src/3.ts', 'src/4.ts'), c(cyd, 2, 'web/x.ts')], 1, ['.: whole repository: truck factor 1 over 5 files: Ada Lovelace (4)']],
    // x.ts: Ada creates (DOA 3.293+1.098+0.164-0.321 ln 4 = 4.110), Bob edits 3x (3.293+0.492-0.321 ln 2 = 3.563,
    // 0.87 of max): both author it. Ada {x,y}, Bob {x,z}. Remove Ada: y orphaned (1/3); remove Bob: 3/3.
    ['a file shared by two strong authors', [c(ada, 0, 'x.ts', 'y.ts'), c(bob, 1, 'x.ts', 'z.ts'), c(bob, 2, 'x.ts'), c(bob, 3, 'x.ts')], 2, ['.: whole repository: truck factor 2 over 3 files: Ada Lovelace (2), Bob Stone (2)']],
  ])('computes truck factor for %s', async (_c, commits, tf, notes) => {
    const r = await detect(detector, { commits });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['truck-factor']?.value).toBe(tf);
    expect(r.evidence.map((e) => `${e.path}: ${e.note}`)).toEqual(notes);
  });

  it('computes a truck factor per area and names who holds each', async () => {
    const files = (dir: string, n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => `${dir}/f${i + from}.py`);
    const r = await detect(detector, {
      commits: [
        c(ada, 0, ...files('api', 6), 'docs/a.md', 'docs/b.md'),
        c(bob, 1, ...files('web', 3)),
        c(cyd, 2, ...files('web', 3, 4)),
      ],
    });
    // 14 files: Ada 8 (api 6, docs 2), Bob 3, Cyd 3. Removing Ada orphans 8/14 > 50%: truck factor 1.
    // Areas of >= 5 files: api (Ada alone: 1) and web (Bob 3, Cyd 3: removing Bob orphans 3/6 = 50%, not more: 2).
    expect(r.evidence.map((e) => `${e.path}: ${e.note}`)).toEqual([
      '.: whole repository: truck factor 1 over 14 files: Ada Lovelace (8)',
      'api: truck factor 1 over 6 files: Ada Lovelace (6)',
      'web: truck factor 2 over 6 files: Bob Stone (3), Cyd Charisse (3)',
    ]);
    expect(r.measures?.['areas-held-by-one']?.value).toBe(1);
    expect(r.measures?.['shared-areas-share']?.value).toBe(50);
    expect(r.summary).toContain('In 1 of 2 area(s) one person (or no one) holds most files (api).');
  });

  it('looks inside a folder that holds most of the code for its areas', async () => {
    const files = (dir: string): string[] => Array.from({ length: 5 }, (_, i) => `src/${dir}/m${i}.go`);
    const r = await detect(detector, { commits: [c(ada, 0, ...files('billing')), c(bob, 1, ...files('orders'))] });
    expect(r.evidence.slice(1).map((e) => `${e.path}: ${e.note}`)).toEqual([
      'src/billing: truck factor 1 over 5 files: Ada Lovelace (5)',
      'src/orders: truck factor 1 over 5 files: Bob Stone (5)',
    ]);
    expect(r.measures?.['truck-factor']?.value).toBe(2);
  });

  it('ignores bots, vendored and deleted files, merges aliases, and measures the last 12 months', async () => {
    const r = await detect(detector, {
      commits: [
        // 2023: Cyd writes old.ts (outside the 12-month window of the newest commit, 2025-01-31).
        { ...cyd, date: '2023-01-01T00:00:00Z', files: { 'src/old.ts': '1\n', 'vendor/big/a.js': '1\n', 'vendor/big/b.js': '1\n' } },
        c(ada, 0, 'src/a.ts', 'src/b.ts', 'src/gone.ts'),
        { ...ada, email: 'ada@work.example', date: at(10), files: { 'src/c.ts': '1\n' } },
        { ...bot, date: at(11), files: { 'src/a.ts': 'bumped\n', 'src/bot-only.ts': '1\n' } },
        { ...bob, date: at(20), files: { 'src/d.ts': '1\n' }, remove: ['src/gone.ts'] },
        c(ada, 30, 'src/e.ts'),
      ],
    });
    // Files: old (Cyd), a b c e (Ada, one identity across two emails), d (Bob): 6; bot-only.ts has no human commit.
    // Ranking Ada 4, Bob 1, Cyd 1: removing Ada orphans 4/6 > 50% -> 1.
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({
      'truck-factor': { value: 1, unit: 'people' },
      areas: { value: 1, unit: 'areas' },
      'areas-held-by-one': { value: 1, unit: 'areas' },
      'shared-areas-share': { value: 0, unit: '%' },
      'authors-12m': { value: 2, unit: 'people' },
      'commits-12m': { value: 4, unit: 'commits' },
      'top-author-share': { value: 75, unit: '%' },
    });
    expect(r.evidence).toEqual([
      { path: '.', note: 'whole repository: truck factor 1 over 6 files: Ada Lovelace (4)', value: 1 },
      { path: 'src', note: 'truck factor 1 over 6 files: Ada Lovelace (4)', value: 1 },
    ]);
    expect(JSON.stringify(r)).not.toContain('@');
  });

  it('answers unknown without git history', async () => {
    expect((await detect(detector, { 'src/a.ts': 'export {};\n' })).outcome).toBe('unknown');
  });
});
