// `readiness verify` as a user runs it: a separate process on an assessment saved by `assess --json`.
// Exit 0 when everything holds, 1 with one FAIL line per failure, 2 with one line for bad input.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment.ts';
import { cli, makeRepo, STACK_FRAME, tempDir, type CliResult } from '../harness.ts';

const SERVER = "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.json({ ok: true }));\napp.listen(3000);\n";

let repo: string;
let work: string;
let saved: string;
let assessment: Assessment;

beforeAll(async () => {
  work = tempDir('readiness-verify-e2e-');
  mkdirSync(join(work, 'repo'));
  repo = makeRepo(
    {
      commits: [
        {
          files: {
            'package.json': `${JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.0' } })}\n`,
            'README.md': '# Shop\n\nRun `npm ci` then `npm start`.\n',
            'src/server.js': SERVER,
          },
          date: '2026-05-01T10:00:00Z',
        },
      ],
    },
    join(work, 'repo'),
  );
  const r = await cli(['assess', repo, '--json', '--progress', 'none']);
  expect(r.code).toBe(0);
  saved = join(work, 'assessment.json');
  writeFileSync(saved, r.stdout);
  assessment = JSON.parse(r.stdout) as Assessment;
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const file = join(work, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function expectUserError(r: CliResult, message: RegExp): void {
  expect(r.stderr).toMatch(/^readiness: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.stderr + r.stdout).not.toMatch(STACK_FRAME);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('readiness verify', () => {
  it('exit 0 and one summary line when everything holds', async () => {
    const r = await cli(['verify', saved, repo]);
    const n = assessment.pillars.flatMap((p) => p.criteria).reduce((s, c) => s + c.evidence.length, 0);
    expect(n).toBeGreaterThan(0);
    expect(r.stdout).toBe(`verified ${n} evidence items, 0 attestations, 0 waivers, 0 reviews at ${assessment.subject.commit!.slice(0, 8)}: all hold\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('exit 1 and a FAIL line per failure for a tampered assessment', async () => {
    const tampered = structuredClone(assessment);
    const e = tampered.pillars.flatMap((p) => p.criteria).flatMap((c) => c.evidence).find((x) => x.path === 'src/server.js' && x.line === 3)!;
    e.excerpt = "app.get('/status', (req, res) => res.json({ ok: true }));";
    const p = tampered.pillars.find((x) => x.applicable && x.level! < 5)!;
    p.level = p.level! + 1;
    const r = await cli(['verify', write('tampered.json', tampered), repo]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      `FAIL excerpt src/server.js:3: the excerpt was recorded as "app.get('/status', (req, res) => res.json({ ok: true }));" but line 3 reads "app.get('/health', (req, res) => res.json({ ok: true }));" (evidence of reliability/reliability.health-endpoint)`,
    );
    expect(lines.find((l) => l.startsWith('FAIL digest '))).toMatch(/^FAIL digest resultDigest: recorded [0-9a-f]{12} but the recorded result digests to [0-9a-f]{12}: /);
    expect(lines.find((l) => l.startsWith('FAIL level '))).toMatch(new RegExp(`^FAIL level ${p.id}: level ${p.level} is recorded but the criteria give ${p.level - 1}: `));
    expect(lines.at(-1)).toMatch(/^verified \d+ evidence items, 0 attestations, 0 waivers, 0 reviews at [0-9a-f]{8}: 3 failures$/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('--json prints the report, with the same exit codes', async () => {
    const ok = await cli(['verify', saved, repo, '--json']);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as { commit: string; failures: unknown[]; checks: { files: number } };
    expect(report).toMatchObject({ commit: assessment.subject.commit, failures: [] });
    expect(report.checks.files).toBeGreaterThan(0);

    const bad = await cli(['verify', write('unknown-commit.json', { ...assessment, subject: { ...assessment.subject, commit: 'f'.repeat(40) } }), repo, '--json']);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { failures: { kind: string }[] }).failures.map((f) => f.kind).sort()).toEqual(['commit']);
  });

  it('exit 2 and one line for bad input', async () => {
    expectUserError(await cli(['verify', join(work, 'missing.json'), repo]), /^readiness: cannot read assessment .*missing\.json: ENOENT/);
    expectUserError(await cli(['verify', write('not-json.json', '{"schemaVersion": 2,'), repo]), /^readiness: not JSON: .*not-json\.json: /);
    const wrong = structuredClone(assessment) as unknown as { pillars: { criteria: { status: string }[] }[] };
    wrong.pillars[0]!.criteria[0]!.status = 'maybe';
    expectUserError(await cli(['verify', write('wrong.json', wrong), repo]), /^readiness: not an assessment: .*wrong\.json: pillars\.0\.criteria\.0\.status: /);
    expectUserError(await cli(['verify', write('array.json', []), repo]), /^readiness: not an assessment: .*array\.json: \(root\): /);
    const plain = makeRepo({ 'README.md': '# x\n' });
    expectUserError(await cli(['verify', saved, plain]), /^readiness: not a git repository: /);
    expectUserError(await cli(['verify', saved, join(plain, 'README.md')]), /^readiness: not a directory: /);
    expectUserError(await cli(['verify']), /missing required argument 'assessment'/);
  });
});
