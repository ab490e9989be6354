// npm run bench:history -- PATH [--back N]
//
// How fast the history stage reads a long real history, and what the per-commit cache saves.
// PATH is a git clone with a long history (the closing notes used saleor, 22.6k commits, and
// outline, 10.3k). Prints, each timed once:
//   1. git alone: `git log --name-only` over the whole history and `--numstat` over the last year
//      (the two reads the history stage makes), as the yardstick;
//   2. readHistory without a cache (what every run paid before the cache);
//   3. readHistory at HEAD~N with an empty cache (a first run that writes the cache);
//   4. readHistory at HEAD with that cache (a re-run N commits later: reads only the new ones);
//   5. readHistory at HEAD again (nothing new);
//   6. every history detector on the history read, and the whole assessment with only them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DETECTORS } from '../src/detectors/registry.generated.ts';
import { assess } from '../src/engine/assess.ts';
import { CHURN_DAYS } from '../src/core/types.ts';
import { readHistory } from '../src/repo/history.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const path = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--back');
if (!path) {
  console.error('usage: npm run bench:history -- PATH [--back N]');
  process.exit(2);
}
const root = resolve(path);
const back = Number(option('back') ?? 200);
const gitOut = (args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
const head = gitOut(['rev-parse', 'HEAD']);
const earlier = gitOut(['rev-parse', `HEAD~${back}`]);

async function time<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  console.log(`${label.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s`);
  return r;
}

console.log(`history bench: ${root} at ${head.slice(0, 12)} (${gitOut(['rev-list', '--count', 'HEAD'])} commits)`);
const since = Number(gitOut(['log', '-1', '--format=%ct'])) - CHURN_DAYS * 86_400;
await time('git log --name-only (whole history)', () => gitOut(['log', '--no-renames', '--name-only', '--format=%H']).length);
await time('git log --numstat (last year)', () => gitOut(['log', '--no-renames', '--numstat', `--since=${since}`, '--format=%H']).length);
const cold = await time('readHistory, no cache', () => readHistory(root, { head, shallow: false }));
const cache = mkdtempSync(join(tmpdir(), 'readiness-bench-cache-'));
try {
  await time(`readHistory at HEAD~${back}, empty cache (writes it)`, () => readHistory(root, { head: earlier, shallow: false, cacheDir: cache }));
  const inc = await time(`readHistory at HEAD, cache at HEAD~${back}`, () => readHistory(root, { head, shallow: false, cacheDir: cache }));
  const warm = await time('readHistory at HEAD, cache at HEAD', () => readHistory(root, { head, shallow: false, cacheDir: cache }));
  console.log(`  commits ${cold!.history.commits.length}, from cache: ${inc!.cached} then ${warm!.cached}; with churn ${cold!.history.commits.filter((c) => c.churn).length}`);
  const detectors = DETECTORS.filter((d) => d.history === true);
  const run = await time(`assess with the ${detectors.length} history detectors, warm cache`, () => assess(root, { detectors, cacheDir: cache }));
  for (const d of run.assessment.detectors) console.log(`  ${d.id.padEnd(32)} ${d.summary.slice(0, 110)}`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
