// The only place that runs git. Every call is bounded and failures come back as values.
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=off', ...args],
      { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Stream the lines of a git command (fed `input` on stdin); resolves true when git exited cleanly. */
export function gitLines(
  cwd: string,
  args: readonly string[],
  onLine: (line: string) => void,
  input?: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', ...args], {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
    if (input !== undefined) {
      child.stdin?.on('error', () => {}); // git exiting early closes the pipe; its exit code tells
      child.stdin?.end(input);
    }
    const rl = createInterface({ input: child.stdout!, crlfDelay: Infinity });
    rl.on('line', onLine);
    let exitCode: number | null = null;
    let closed = false;
    const done = (): void => {
      if (closed && exitCode !== null) resolve(exitCode === 0);
    };
    rl.on('close', () => {
      closed = true;
      done();
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => {
      exitCode = code ?? 1;
      done();
    });
  });
}

/** Contents of blobs by id, read by one `git cat-file --batch` (binary-safe). */
export function gitBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (oids.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
    let pending: Buffer = Buffer.alloc(0);
    let index = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const nl = pending.indexOf(10);
        if (nl === -1) return;
        const header = pending.subarray(0, nl).toString('utf8');
        const m = /^[0-9a-f]+ \S+ (\d+)$/.exec(header);
        if (!m) {
          // "<oid> missing": nothing follows the header.
          pending = pending.subarray(nl + 1);
          index++;
          continue;
        }
        const size = Number(m[1]);
        if (pending.length < nl + 1 + size + 1) return;
        out.set(oids[index++]!, Buffer.from(pending.subarray(nl + 1, nl + 1 + size)));
        pending = pending.subarray(nl + 1 + size + 1);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`git cat-file --batch exited with ${code}`))));
    child.stdin.on('error', () => {});
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}

export interface GitInfo {
  /** Absolute top level of the work tree. */
  topLevel: string;
  /** Path of the assessed directory inside the repository ('' at the top). */
  prefix: string;
  commit: string | null;
  branch: string | null;
  remote: string | null;
  shallow: boolean;
}

/** Git facts about a directory, or null when it is not inside a usable git work tree. */
export async function gitInfo(dir: string): Promise<GitInfo | null> {
  const top = await git(dir, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
  if (!top.ok) return null;
  const [topLevel = '', prefix = '', shallow = 'false'] = top.stdout.split('\n');
  const head = await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const branch = await git(dir, ['symbolic-ref', '--short', '--quiet', 'HEAD']);
  const remote = await git(dir, ['config', '--get', 'remote.origin.url']);
  return {
    topLevel,
    prefix: prefix.replace(/\/$/, ''),
    commit: head.ok ? head.stdout.trim() || null : null,
    branch: branch.ok ? branch.stdout.trim() || null : null,
    // Credentials in a remote URL never reach an assessment.
    remote: remote.ok ? remote.stdout.trim().replace(/\/\/[^@/]+@/, '//') || null : null,
    shallow: shallow.trim() === 'true',
  };
}
