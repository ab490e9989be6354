// `readiness serve` as a user runs it: a separate process that prints where it serves, answers
// until Ctrl-C or SIGTERM, then closes and exits 0; and one-line errors for what it cannot do.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, makeRepo, tempDir } from '../../test/harness.ts';
import { assess } from '../engine/assess.ts';
import { openStore } from '../history/db.ts';
import { saveAssessment } from '../history/store.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SERVING = /^readiness: serving (.+) at (http:\/\/[^ ]+\/) \(Ctrl-C to stop\)$/m;

let store: string;
beforeAll(async () => {
  const dir = makeRepo({ git: true, files: { 'README.md': '# Orders\n', 'src/app.js': 'export const ok = true;\n' } });
  store = join(tempDir(), 'history.sqlite');
  const s = await openStore(store);
  await saveAssessment(s, (await assess(dir, { now: new Date('2026-06-01T10:00:00Z'), workers: 0 })).assessment);
  await s.close();
}, 60_000);

interface Running {
  child: ChildProcess;
  stderr: () => string;
  /** The address it serves at, once it says so. */
  url: Promise<string>;
  exit: Promise<number | null>;
}

function serve(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Running {
  const child = spawn(process.execPath, ['--import', TSX, join(REPO_ROOT, 'src/cli/main.ts'), 'serve', ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, READINESS_STORE: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = SERVING.exec(err);
      if (m) resolve(m[2]!);
    });
    void exit.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  url.catch(() => undefined);
  return { child, stderr: () => err, url, exit };
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
});

describe.concurrent('readiness serve', () => {
  it('says where it serves, answers, and on Ctrl-C closes and exits 0', async () => {
    const r = serve(['--store', store, '--port', '0']);
    running.push(r.child);
    const url = await r.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(r.stderr()).toBe(`readiness: serving ${store} at ${url} (Ctrl-C to stop)\n`);
    expect(await (await fetch(`${url}healthz`)).text()).toBe('ok');
    const page = await (await fetch(url)).text();
    expect(page).toContain('Repositories 1–1 of 1');
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
    expect(r.stderr().trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('stops on SIGTERM too, and reads the store named by READINESS_STORE', async () => {
    const r = serve(['--port', '0'], { env: { READINESS_STORE: store } });
    running.push(r.child);
    const url = await r.url;
    expect(r.stderr()).toContain(`serving ${store} at`);
    expect((await fetch(`${url}healthz`)).status).toBe(200);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  }, 60_000);

  it('warns in one line that a non-loopback address exposes a dashboard without authentication', async () => {
    const r = serve(['--store', store, '--port', '0', '--host', '0.0.0.0']);
    running.push(r.child);
    const url = await r.url;
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
    const lines = r.stderr().trim().split('\n');
    expect(lines).toEqual([
      'readiness: warning: listening on 0.0.0.0, reachable from other machines; the dashboard has no authentication, so anyone who can reach it can read every stored assessment',
      `readiness: serving ${store} at ${url} (Ctrl-C to stop)`,
    ]);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  }, 60_000);

  it('says in one line, exit 2, that a port is taken', async () => {
    const first = serve(['--store', store, '--port', '0']);
    running.push(first.child);
    const port = new URL(await first.url).port;
    const second = await cli(['serve', '--store', store, '--port', port]);
    expect(second).toMatchObject({ code: 2, stderr: `readiness: cannot listen on 127.0.0.1:${port}: the port is in use (choose another with --port, or 0 for any free port)\n` });
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
  }, 60_000);

  it('never creates a store: a missing one is a one-line error, exit 2', async () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.sqlite');
    expect(await cli(['serve', '--store', missing, '--port', '0'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `readiness: no history store at ${missing} (store assessments with \`readiness assess --save\`, or name a store with --store or READINESS_STORE)\n`,
    });
    expect(existsSync(missing)).toBe(false);
    // Without --store: .readiness/history.sqlite of the current folder.
    const r = serve(['--port', '0'], { cwd: dir });
    expect(await r.exit).toBe(2);
    expect(r.stderr()).toBe(`readiness: no history store at ${join(dir, '.readiness', 'history.sqlite')} (store assessments with \`readiness assess --save\`, or name a store with --store or READINESS_STORE)\n`);
    expect(existsSync(join(dir, '.readiness'))).toBe(false);
  }, 60_000);

  it('refuses a port that is not a number in one line, exit 2', async () => {
    expect(await cli(['serve', '--store', store, '--port', 'http'])).toMatchObject({ code: 2, stderr: 'readiness: --port takes a port number from 0 to 65535 (0: any free port), not "http"\n' });
    expect(await cli(['serve', '--store', store, '--port', '70000'])).toMatchObject({ code: 2, stderr: 'readiness: --port takes a port number from 0 to 65535 (0: any free port), not "70000"\n' });
  }, 60_000);
});
