// The SARIF report of every fixture assessment: golden files, validity against the official
// SARIF 2.1.0 schema, and what code scanning shows (which findings, where, at which level).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportFixtures, expectGolden, FIXTURE_NAMES, FIXTURE_SECRET, goldenPath, type ReportFixtures } from '../../test/reports/fixtures.ts';
import type { Assessment } from '../core/assessment.ts';
import { fingerprint, FINGERPRINT_KEY, renderSarif, repositoryUri, SARIF_SCHEMA, type SarifLog } from './sarif.ts';

// ajv-draft-04 and ajv-formats are CommonJS: require gives the constructor and plugin themselves.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as new (opts: { allErrors: boolean; strict: boolean }) => {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

/** The official OASIS schema (errata 01, JSON Schema draft-04), as committed beside the fixtures. */
const schemaText = readFileSync(new URL('../../test/reports/sarif-schema-2.1.0.json', import.meta.url), 'utf8');
const schema: unknown = JSON.parse(schemaText);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let built: ReportFixtures;
beforeAll(async () => {
  built = await buildReportFixtures();
}, 120_000);
afterAll(() => built?.cleanup());

const assessment = (name: (typeof FIXTURE_NAMES)[number]): Assessment => built.fixtures[name].assessment;
const sarif = (a: Assessment): SarifLog => JSON.parse(renderSarif(a)) as SarifLog;
const where = (r: SarifLog['runs'][0]['results'][number]): string => {
  const p = r.locations[0]!.physicalLocation;
  return p.region ? `${p.artifactLocation.uri}:${p.region.startLine}` : p.artifactLocation.uri;
};

describe('renderSarif goldens', () => {
  it.each(FIXTURE_NAMES)('%s matches its golden file (test/reports/golden/<fixture>.sarif)', (name) => {
    expectGolden(goldenPath(name, 'sarif'), renderSarif(assessment(name)));
  });
});

describe('SARIF 2.1.0 schema', () => {
  it.each(FIXTURE_NAMES)('the %s report is valid against the official schema, formats included', (name) => {
    const ok = validate(sarif(assessment(name)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is the official schema, unchanged (see test/reports/sarif-schema-2.1.0.README.md)', () => {
    expect(createHash('sha256').update(schemaText).digest('hex')).toBe('c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e');
    expect((schema as { id: string }).id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  });

  it('the validator rejects what code scanning would: a unicode path not percent-encoded, a missing message', () => {
    const log = sarif(assessment('unicode'));
    const bad = structuredClone(log);
    bad.runs[0].results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'src/café/ü.ts';
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri');
    const noMessage = structuredClone(log) as unknown as { runs: { results: { message?: unknown }[] }[] };
    delete noMessage.runs[0]!.results[0]!.message;
    expect(validate(noMessage)).toBe(false);
  });
});

describe('renderSarif', () => {
  it('reports each anti-pattern as an error and each located unmet criterion as a warning or note, at file:line', () => {
    const log = sarif(assessment('rich'));
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const results = log.runs[0].results.map((r) => `${r.level} ${r.ruleId} ${where(r)}${r.suppressions ? ' suppressed' : ''}`);
    expect(results).toEqual([
      'error architecture.module-boundaries .',
      'error api.spec-exists .',
      'error api.version-prefix src/server.js:6',
      'error api.version-prefix src/server.js:7',
      'error api.deprecation-policy .',
      // Level 3 while the pillar's next level is 2: a note.
      'note api.url-versioning src/server.js:6',
      'note api.url-versioning src/server.js:7',
      'error data.migration-tool .',
      'error security.no-hardcoded-secrets src/config.js:3',
      'error security.rate-limiting legacy/admin.js:2',
      'error security.rate-limiting src/server.js:1',
      'error security.cors-restricted legacy/admin.js:5 suppressed',
      'note security.rate-limit-auth legacy/admin.js:2',
      'note security.rate-limit-auth src/server.js:1',
      'note security.security-headers legacy/admin.js:2',
      'note security.security-headers src/server.js:1',
      'error observability.not-console-only src/server.js:9',
      'error observability.not-console-only src/users/index.js:11',
      'error observability.metrics .',
      'error observability.traces .',
      'error reliability.circuit-breakers .',
      'error reliability.graceful-shutdown .',
      'error iac.exists .',
      'error finops.budgets .',
      'error docs.not-tribal README.md:1',
      'error docs.not-tribal docs/architecture.md',
      // Level 2 is the docs pillar's next level: a warning.
      'warning docs.readme README.md:1',
      // Commits that landed without review are not files: the anti-pattern is the repository's.
      'error team.review-standard .',
    ]);
  });

  it('leaves out unknown criteria, met criteria, N/A pillars and unmet criteria without a line', () => {
    const ids = new Set(sarif(assessment('rich')).runs[0].results.map((r) => r.ruleId));
    const a = assessment('rich');
    const criterion = (id: string) => a.pillars.flatMap((p) => p.criteria).find((c) => c.id === id)!;
    expect(criterion('finops.some-cost-tags')).toMatchObject({ level: 1, status: 'unknown' });
    expect(ids.has('finops.some-cost-tags')).toBe(false);
    expect(criterion('security.quarterly-pentest')).toMatchObject({ status: 'met', basis: 'attestation' });
    expect(ids.has('security.quarterly-pentest')).toBe(false);
    expect(a.pillars.find((p) => p.id === 'background')!.applicable).toBe(false);
    expect([...ids].filter((id) => id.startsWith('background.'))).toEqual([]);
    // Unmet at level 4 with evidence, but only files without lines (what was measured, not where it fails).
    expect(criterion('architecture.module-health-tracked').status).toBe('unmet');
    expect(ids.has('architecture.module-health-tracked')).toBe(false);
  });

  it('gives each rule its statement, the remediation as help, and the pillar, level and kind', () => {
    const run = sarif(assessment('rich')).runs[0];
    expect(run.tool.driver.name).toBe('readiness');
    expect(run.tool.driver.version).toBe('0.0.0-fixture');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...new Set(run.results.map((r) => r.ruleId))]);
    const secrets = run.tool.driver.rules.find((r) => r.id === 'security.no-hardcoded-secrets')!;
    expect(secrets).toMatchObject({
      name: 'SecurityNoHardcodedSecrets',
      shortDescription: { text: 'Secrets in source' },
      fullDescription: { text: 'Anti-pattern: Secrets in source. Met when: No secret is committed to production source or configuration. (Security & Compliance, level 1)' },
      help: { text: 'Rotate every secret found, remove it from the code and read it from the environment or a secrets manager.' },
      defaultConfiguration: { level: 'error' },
      properties: { pillar: 'security', level: 1, kind: 'detected', tags: ['readiness', 'security', 'level-1'] },
    });
    const readme = run.tool.driver.rules.find((r) => r.id === 'docs.readme')!;
    expect(readme.shortDescription.text).toBe(assessment('rich').pillars.find((p) => p.id === 'docs')!.criteria.find((c) => c.id === 'docs.readme')!.statement);
    const result = run.results.find((r) => r.ruleId === 'security.no-hardcoded-secrets')!;
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe('security.no-hardcoded-secrets');
    expect(result.message.text).toBe('1 hard-coded secret(s) in 1 file(s) (first: src/config.js:3).');
    expect(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('SRCROOT');
  });

  it('never holds a secret: excerpts stay masked and are not copied into results', () => {
    for (const name of FIXTURE_NAMES) expect(renderSarif(assessment(name))).not.toContain(FIXTURE_SECRET);
    expect(JSON.stringify(assessment('rich'))).toContain("stripeKey: 'sk_l********',");
  });

  it('reports a waived anti-pattern suppressed, with the waiver as justification', () => {
    const cors = sarif(assessment('rich')).runs[0].results.find((r) => r.ruleId === 'security.cors-restricted')!;
    expect(cors.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification:
          'The legacy admin module is retired in Q3 2026; it only serves the intranet behind the VPN until then. (waiver .readiness/waivers/legacy-cors.yaml, approved by Carol Shaw (CTO) until 2026-09-30)',
      },
    ]);
  });

  it('fingerprints a finding by criterion, path and line, the same on every run', () => {
    const expected = createHash('sha256').update('security.no-hardcoded-secrets\u0000src/config.js\u00003').digest('hex');
    expect(fingerprint('security.no-hardcoded-secrets', 'src/config.js', 3)).toBe(expected);
    expect(fingerprint('security.no-hardcoded-secrets', 'src/config.js', 4)).not.toBe(expected);
    const results = sarif(assessment('rich')).runs[0].results;
    expect(results.find((r) => r.ruleId === 'security.no-hardcoded-secrets')!.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: expected });
    const prints = results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('records the commit and branch, and the repository URI when the remote is known', () => {
    const rich = sarif(assessment('rich')).runs[0];
    expect(rich.versionControlProvenance).toEqual([
      { repositoryUri: 'https://github.com/acme/shop', revisionId: assessment('rich').subject.commit, branch: 'main', mappedTo: { uriBaseId: 'SRCROOT' } },
    ]);
    expect(sarif(assessment('incomplete')).runs[0].versionControlProvenance?.[0]?.repositoryUri).toBe('ssh://git.example.org/finance/ledger.git');
    // No remote: SARIF requires a repositoryUri in provenance, so the commit is kept in the run's properties.
    const empty = sarif(assessment('empty')).runs[0];
    expect(empty.versionControlProvenance).toBeUndefined();
    expect(empty.properties).toMatchObject({ commit: assessment('empty').subject.commit, branch: 'main', incomplete: false });
    const given = JSON.parse(renderSarif(assessment('empty'), { repositoryUri: 'https://git.example.org/x/empty' })) as SarifLog;
    expect(given.runs[0].versionControlProvenance?.[0]).toMatchObject({ repositoryUri: 'https://git.example.org/x/empty', revisionId: assessment('empty').subject.commit });
  });

  it('percent-encodes unicode paths, which code scanning decodes back', () => {
    const results = sarif(assessment('unicode')).runs[0].results;
    expect(results.filter((r) => r.ruleId === 'security.no-hardcoded-secrets').map(where)).toEqual(['src/caf%C3%A9/%C3%BC.ts:1']);
    expect(decodeURIComponent('src/caf%C3%A9/%C3%BC.ts')).toBe('src/café/ü.ts');
  });

  it('tells a failed detector as a tool notification of an incomplete run', () => {
    const run = sarif(assessment('incomplete')).runs[0];
    expect(run.properties.incomplete).toBe(true);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'detector has-tests failed: cannot read vitest.config.ts: unexpected token. The criteria that depend on it are unknown.' }, descriptor: { id: 'has-tests' } },
        ],
      },
    ]);
    expect(run.results.map((r) => r.ruleId)).not.toContain('testing.has-tests');
  });
});

describe('repositoryUri', () => {
  it.each([
    ['git@github.com:acme/shop.git', 'https://github.com/acme/shop'],
    ['https://github.com/acme/shop.git', 'https://github.com/acme/shop'],
    ['https://gitlab.com/group/sub/app.git', 'https://gitlab.com/group/sub/app'],
    ['ssh://git@gitlab.example.com/team/app.git', 'https://gitlab.example.com/team/app'],
    ['git@git.example.org:team/app.git', 'ssh://git@git.example.org/team/app.git'],
    ['https://git.example.org/team/app.git', 'https://git.example.org/team/app.git'],
    ['/srv/git/app.git', null],
    [null, null],
  ])('%s -> %s', (remote, uri) => {
    expect(repositoryUri(remote)).toBe(uri);
  });
});
