// `readiness report` as a user runs it: a separate process, a fresh assessment or one read with
// --from (a file of `assess --json`, or a stored id), each format, and one-line usage errors.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { SarifLog } from '../../src/report/sarif.ts';
import { cli, makeRepo, runGit, STACK_FRAME, tempDir, type CliResult } from '../harness.ts';
import { FIXTURE_SECRET } from '../reports/fixtures.ts';

let work: string;
let repo: string;
let saved: string;
let assessment: Assessment;

beforeAll(async () => {
  work = tempDir('readiness-report-e2e-');
  mkdirSync(join(work, 'shop'));
  repo = makeRepo(
    {
      commits: [
        {
          files: {
            'package.json': `${JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.2' } })}\n`,
            'README.md': '# Shop\n',
            'src/server.js': "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => res.json({ ok: true }));\napp.listen(3000);\n",
            'src/config.js': `export const config = {\n  port: 3000,\n  stripeKey: '${FIXTURE_SECRET}',\n};\n`,
          },
          date: '2026-05-01T10:00:00Z',
        },
      ],
    },
    join(work, 'shop'),
  );
  runGit(repo, ['remote', 'add', 'origin', 'https://github.com/acme/shop.git']);
  saved = join(work, 'assessment.json');
  const r = await cli(['assess', repo, '--json', '-o', saved, '--progress', 'none']);
  expect(r.code).toBe(0);
  assessment = JSON.parse(readFileSync(saved, 'utf8')) as Assessment;
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function expectUsageError(r: CliResult, message: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^readiness: [^\n]+\n$/);
  if (typeof message === 'string') expect(r.stderr).toBe(`readiness: ${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
}

describe('readiness report', () => {
  it('writes SARIF of a fresh assessment to a file, the secret at its file and line, masked', async () => {
    const file = join(work, 'readiness.sarif');
    const r = await cli(['report', repo, '--format', 'sarif', '-o', file, '--progress', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`readiness: report written to ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(FIXTURE_SECRET);
    const log = JSON.parse(text) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const secret = log.runs[0].results.find((x) => x.ruleId === 'security.no-hardcoded-secrets')!;
    expect(secret).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/config.js', uriBaseId: 'SRCROOT' }, region: { startLine: 3 } } }] });
    expect(log.runs[0].versionControlProvenance).toEqual([
      { repositoryUri: 'https://github.com/acme/shop', revisionId: runGit(repo, ['rev-parse', 'HEAD']).trim(), branch: 'main', mappedTo: { uriBaseId: 'SRCROOT' } },
    ]);
  });

  it('refuses an unknown format in one line that lists the valid ones, before assessing anything', async () => {
    const r = await cli(['report', repo, '--format', 'xml']);
    expectUsageError(r, "option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are md, html, pdf, sarif, json, audit-pack.");
  });

  it('reports a saved `assess --json` file with --from, as Markdown by default', async () => {
    const r = await cli(['report', '--from', saved]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderMarkdown(assessment));
    expect(r.stdout.split('\n')[0]).toBe(`# Engineering readiness of acme/shop @ ${assessment.subject.commit!.slice(0, 12)}`);
    const commit = assessment.subject.commit!;
    expect(r.stdout).toContain(`[src/config.js:3](https://github.com/acme/shop/blob/${commit}/src/config.js#L3)`);
    const json = await cli(['report', '--from', saved, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(assessment);
  });

  it('says in one line when --from is not an assessment', async () => {
    const notJson = join(work, 'not.json');
    writeFileSync(notJson, 'hello');
    expectUsageError(await cli(['report', '--from', notJson]), /^readiness: not JSON: .*not\.json: /);
  });

  it('reports a stored assessment by id from the history store', async () => {
    const store = join(work, 'history.sqlite');
    const stored = await cli(['assess', repo, '--save', '--store', store, '--progress', 'none']);
    expect(stored.stderr).toMatch(/^readiness: assessment 1 stored in /m);
    const r = await cli(['report', repo, '--from', '1', '--store', store, '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Assessment;
    expect(a.subject.commit).toBe(assessment.subject.commit);
    expect(a.resultDigest).toBe(assessment.resultDigest);
    expectUsageError(await cli(['report', repo, '--from', '9', '--store', store]), /^readiness: no stored assessment 9 in .*history\.sqlite/);
  });

  it('refuses contradictory options', async () => {
    expectUsageError(await cli(['report', '--from', saved, '--json', '--format', 'sarif']), '--json contradicts --format sarif (give one of them)');
    expectUsageError(await cli(['report', '--from', saved, '--save']), '--save stores a fresh assessment; --from reports one already made (give one of them)');
  });
});
