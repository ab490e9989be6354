// `readiness serve`: a local, read-only web dashboard over the history store, until Ctrl-C. It
// never creates a store: a dashboard over nothing is a mistake to say, not a file to leave behind.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UserError } from '../../errors/index.ts';
import { isPostgresUrl } from '../../history/db.ts';
import { loadRubric } from '../../rubric/load.ts';
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer, type RunningServer } from '../../serve/server.ts';
import type { CliIo } from '../io.ts';
import { openStoreOrFail, storeTarget } from './history.ts';

interface ServeCliOptions {
  store?: string;
  port: string;
  host: string;
}

function portOf(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UserError('usage', `--port takes a port number from 0 to 65535 (0: any free port), not ${JSON.stringify(text)}`);
  return Number(text);
}

/** Resolves on the first SIGINT or SIGTERM; the listeners go once it has. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('a local, read-only web dashboard over the history store: the portfolio, each repository’s trend and roadmap, every assessment down to its evidence')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite in the current folder; env READINESS_STORE)')
    .option('--port <n>', 'port to listen on (0: any free port)', String(DEFAULT_PORT))
    .option('--host <address>', 'address to listen on; anything but loopback exposes the dashboard, which has no authentication', DEFAULT_HOST)
    .action(async (opts: ServeCliOptions) => {
      const port = portOf(opts.port);
      const target = storeTarget('.', opts.store, io.env);
      if (!isPostgresUrl(target) && !existsSync(target)) {
        throw new UserError('usage', `no history store at ${target} (store assessments with \`readiness assess --save\`, or name a store with --store or READINESS_STORE)`);
      }
      const rubric = loadRubric();
      const store = await openStoreOrFail(target);
      let server: RunningServer;
      try {
        server = await startServer({ store, rubric, host: opts.host, port, onError: (m) => void io.stderr.write(`readiness: request failed: ${m}\n`) });
      } catch (e) {
        await store.close();
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'EADDRINUSE' ? 'the port is in use (choose another with --port, or 0 for any free port)' : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' ? 'no such address on this machine' : (e as Error).message;
        throw new UserError('usage', `cannot listen on ${opts.host}:${port}: ${why}`);
      }
      const stopped = untilStopped();
      if (!isLoopback(opts.host)) {
        io.stderr.write(`readiness: warning: listening on ${opts.host}, reachable from other machines; the dashboard has no authentication, so anyone who can reach it can read every stored assessment\n`);
      }
      io.stderr.write(`readiness: serving ${store.location} at ${server.url} (Ctrl-C to stop)\n`);
      await stopped;
      await server.close();
      await store.close();
    });
}
