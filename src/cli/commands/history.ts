// `readiness history [path]`: the assessments stored for a repository, oldest first, with each
// pillar's level. Assessments are stored by `readiness assess --save`.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { PILLAR_IDS } from '../../core/types.ts';
import { UserError } from '../../errors/index.ts';
import { isPostgresUrl, openStore, redactTarget, type Store } from '../../history/db.ts';
import { keyOf, listAssessments } from '../../history/store.ts';
import { gitInfo } from '../../repo/git.ts';
import type { CliIo } from '../io.ts';
import { writeReport } from '../output.ts';

/** The store: --store (a SQLite path or a PostgreSQL URL), else READINESS_STORE, else .readiness/history.sqlite in the repository. */
export function storeTarget(path: string, store: string | undefined, env: CliIo['env']): string {
  const given = store ?? env.READINESS_STORE;
  if (given) return isPostgresUrl(given) ? given : resolve(given);
  return join(resolve(path), '.readiness', 'history.sqlite');
}

export async function openStoreOrFail(target: string): Promise<Store> {
  try {
    return await openStore(target);
  } catch (e) {
    throw new UserError('usage', `cannot open the history store ${redactTarget(target)}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The key a repository is stored under: its remote, else its folder (as `assess` records it). */
export async function repositoryKeyOf(path: string): Promise<string> {
  const info = await gitInfo(resolve(path));
  return keyOf(info?.remote ?? null, resolve(path));
}

const SHORT: Record<string, string> = { architecture: 'arch', observability: 'obs', reliability: 'rel', scalability: 'scale', background: 'bg', security: 'sec' };

export function registerHistory(program: Command, io: CliIo): void {
  program
    .command('history')
    .description('list the stored assessments of a repository, oldest first, with each pillar’s level')
    .argument('[path]', 'folder of the repository', '.')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite)')
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (path: string, opts: { store?: string; json?: boolean; output?: string }) => {
      const store = await openStoreOrFail(storeTarget(path, opts.store, io.env));
      try {
        const list = await listAssessments(store, await repositoryKeyOf(path));
        if (opts.json) {
          await writeReport(io, `${JSON.stringify(list, null, 2)}\n`, opts.output);
          return;
        }
        if (list.length === 0) {
          await writeReport(io, `No stored assessment of ${resolve(path)} in ${store.location} (store one with \`readiness assess --save\`).\n`, opts.output);
          return;
        }
        const head = ['assessed', 'commit', 'rubric', ...PILLAR_IDS.map((p) => SHORT[p] ?? p)];
        const rows = list.map((x) => [
          x.assessedAt.slice(0, 10),
          (x.commit ?? '-').slice(0, 8),
          `${x.rubricVersion}/${x.rubricHash.slice(0, 8)}`,
          ...PILLAR_IDS.map((p) => (x.levels[p] === undefined ? '?' : x.levels[p] === null ? 'N/A' : String(x.levels[p]))),
        ]);
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        const line = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
        await writeReport(io, `${[line(head), ...rows.map(line)].join('\n')}\n${list.length} assessment(s) in ${store.location}\n`, opts.output);
      } finally {
        await store.close();
      }
    });
}
