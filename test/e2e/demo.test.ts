// The demo: both example platforms generated into a temporary folder and assessed end to end.
// legacy-platform is the "current state" of section 6.3 of the maturity model, so the
// assessment must say what 6.3 says, with the same evidence; modern-platform is a decent
// level-3 platform.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExamples, type GeneratedExamples } from '../../scripts/example-platforms/index.ts';
import { AssessmentSchema, type Assessment, type Evidence, type PillarResult } from '../../src/core/assessment.ts';
import type { PillarId } from '../../src/core/types.ts';
import { assess } from '../../src/engine/assess.ts';

const NOW = new Date('2026-07-01T00:00:00Z');

let dir: string;
let examples: GeneratedExamples;
let legacy: Assessment;
let modern: Assessment;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-demo-'));
  examples = generateExamples(dir);
  const [l, m] = await Promise.all([assess(examples.legacy.path, { now: NOW }), assess(examples.modern.path, { now: NOW })]);
  legacy = l.assessment;
  modern = m.assessment;
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const git = (repo: string, ...args: string[]): string => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
const pillar = (a: Assessment, id: PillarId): PillarResult => a.pillars.find((p) => p.id === id)!;
const detector = (a: Assessment, id: string) => a.detectors.find((d) => d.id === id);
/** Evidence a detector contributed to a pillar's criteria. */
const evidenceOf = (p: PillarResult, detectorId: string): Evidence[] => p.criteria.flatMap((c) => c.evidence).filter((e) => e.detector === detectorId);
const at = (e: Evidence): string => (e.line ? `${e.path}:${e.line}` : e.path);

describe('the generated examples', () => {
  it('are git repositories with several authors, dated commits, merges and release tags', () => {
    const legacyAuthors = git(examples.legacy.path, 'log', '--format=%an').split('\n');
    expect(new Set(legacyAuthors)).toEqual(new Set(['Dave Kowalski', 'Priya Nair', 'Tom Becker']));
    // One main author with most commits: truck factor 1.
    expect(legacyAuthors.filter((a) => a === 'Dave Kowalski').length / legacyAuthors.length).toBeGreaterThan(0.9);
    expect(Number(git(examples.legacy.path, 'rev-list', '--count', '--merges', 'HEAD'))).toBeGreaterThanOrEqual(2);
    expect(git(examples.legacy.path, 'tag').split('\n').length).toBeGreaterThanOrEqual(10);

    const modernAuthors = new Set(git(examples.modern.path, 'log', '--no-merges', '--format=%an').split('\n'));
    expect(modernAuthors).toEqual(new Set(['Maya Chen', 'Jonas Lindqvist', 'Amara Okafor', 'Diego Ramírez', 'dependabot[bot]']));
    expect(Number(git(examples.modern.path, 'rev-list', '--count', '--merges', 'HEAD'))).toBe(examples.modern.facts.pullRequests);
    // Weekly release tags, each on a Monday.
    const tagDays = git(examples.modern.path, 'for-each-ref', '--format=%(creatordate:format:%a)', 'refs/tags').split('\n');
    expect(tagDays.length).toBe(examples.modern.facts.releases);
    expect(new Set(tagDays)).toEqual(new Set(['Mon']));
    // Commits spread over months, on explicit dates.
    const first = git(examples.modern.path, 'log', '--reverse', '--format=%as').split('\n')[0];
    expect(first).toBe('2025-10-06');
    expect(git(examples.modern.path, 'status', '--porcelain')).toBe('');
  });

  it('are deterministic: generating again gives the same commits', () => {
    const again = mkdtempSync(join(tmpdir(), 'readiness-demo-again-'));
    try {
      const second = generateExamples(again);
      expect(git(second.legacy.path, 'rev-parse', 'HEAD')).toBe(git(examples.legacy.path, 'rev-parse', 'HEAD'));
      expect(git(second.modern.path, 'rev-parse', 'HEAD')).toBe(git(examples.modern.path, 'rev-parse', 'HEAD'));
      // Idempotent: regenerating over an existing folder replaces it.
      const third = generateExamples(again, ['legacy-platform']);
      expect(git(third.legacy.path, 'rev-parse', 'HEAD')).toBe(git(examples.legacy.path, 'rev-parse', 'HEAD'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 60_000);

  it('generate quickly', () => {
    // The target is < 10 s; the bound leaves room for a loaded CI machine.
    expect(examples.ms).toBeLessThan(30_000);
  });
});

describe('legacy-platform (section 6.3, current state)', () => {
  it('is a valid assessment of a git repository', () => {
    expect(AssessmentSchema.parse(legacy)).toBeTruthy();
    expect(legacy.subject.isGit).toBe(true);
    expect(legacy.subject.dirty).toBe(false);
    expect(legacy.incomplete).toBe(false);
  });

  it('Architecture is level 1: two route files totalling about 46k lines, no module boundaries', () => {
    const p = pillar(legacy, 'architecture');
    expect(p.level).toBe(1);
    expect(p.summary).toMatch(/^level 1 because: /);
    const { apiLines, adminLines } = examples.legacy.facts;
    expect(apiLines + adminLines).toBeGreaterThan(45_000);
    expect(apiLines + adminLines).toBeLessThan(47_000);
    const giant = evidenceOf(p, 'has-oversized-source-files');
    expect(giant).toContainEqual(expect.objectContaining({ path: 'routes/api.js', value: apiLines }));
    expect(giant).toContainEqual(expect.objectContaining({ path: 'routes/admin.js', value: adminLines }));
    const sizes = p.criteria.find((c) => c.measure?.name === 'largest-file-lines');
    expect(sizes?.status).toBe('unmet');
    expect(sizes?.measure?.value).toBe(apiLines);
    const boundaries = p.criteria.filter((c) => c.level === 1 && c.reason.includes('not split into modules'));
    expect(boundaries.map((c) => c.status)).toEqual(['unmet']);
  });

  it('Security is level 1: hard-coded secrets and open CORS with path:line, no rate limit', () => {
    const p = pillar(legacy, 'security');
    expect(p.level).toBe(1);
    const secrets = evidenceOf(p, 'has-hardcoded-secrets').map(at);
    const { secretLocations, corsLocation } = examples.legacy.facts;
    // The database password, the AWS key pair, the session secret, and the connection URL a
    // contractor pasted into a worker.
    for (const loc of [secretLocations[0], secretLocations[1], secretLocations[2], secretLocations[3], secretLocations.at(-1)]) {
      expect(secrets).toContain(loc);
    }
    expect(evidenceOf(p, 'cors-allows-any-origin').map(at)).toEqual([corsLocation]);
    const unmetL1 = p.criteria.filter((c) => c.level === 1 && c.status === 'unmet').map((c) => c.id);
    expect(unmetL1).toEqual(expect.arrayContaining(['security.no-hardcoded-secrets', 'security.cors-restricted', 'security.rate-limiting']));
    expect(detector(legacy, 'uses-security-headers')?.outcome).toBe('no');
    expect(detector(legacy, 'ci-runs-sast')?.outcome).toBe('no');
  });

  it('Background processing is level 1: 108 PM2 workers polling MySQL, no queue, no idempotency', () => {
    const p = pillar(legacy, 'background');
    expect(p.level).toBe(1);
    const polling = evidenceOf(p, 'polls-database-on-timer');
    expect(polling.length).toBeGreaterThan(0);
    for (const e of polling) expect(at(e)).toMatch(/^workers\/[a-z-]+\.js:\d+$/);
    expect(polling.some((e) => /setInterval/.test(e.excerpt ?? ''))).toBe(true);
    expect(polling.some((e) => /SELECT .* FROM|\.query\(/.test(e.excerpt ?? ''))).toBe(true);
    const fleet = detector(legacy, 'runs-worker-fleet');
    expect(fleet?.measures?.['worker-processes']?.value).toBe(examples.legacy.facts.workerProcesses);
    expect(examples.legacy.facts.workerProcesses).toBe(108);
    expect(fleet?.measures?.['worker-definitions']?.value).toBe(12);
    // The fleet is shown beside the polling criterion, from ecosystem.config.js.
    expect(evidenceOf(p, 'runs-worker-fleet').every((e) => e.path === 'ecosystem.config.js')).toBe(true);
    const unmetL1 = p.criteria.filter((c) => c.level === 1 && c.status === 'unmet').map((c) => c.id);
    expect(unmetL1).toEqual(expect.arrayContaining(['background.no-db-polling', 'background.real-queue', 'background.idempotency-keys']));
    expect(detector(legacy, 'uses-multiple-db-drivers')?.outcome).toBe('yes');
  });

  it('never shows a raw secret value, anywhere in the assessment', () => {
    const json = JSON.stringify(legacy);
    for (const secret of examples.legacy.facts.secrets) expect(json).not.toContain(secret);
    expect(json).toContain('AKIA********');
  });

  it('shows the rest of the 6.3 picture: no tests, manual deploy, console.log only, truck factor 1', () => {
    expect(detector(legacy, 'has-tests')?.outcome).toBe('no');
    expect(detector(legacy, 'deploys-manually')?.outcome).toBe('yes');
    expect(detector(legacy, 'has-ci-pipeline')?.outcome).toBe('no');
    expect(detector(legacy, 'has-iac')?.outcome).toBe('no');
    expect(detector(legacy, 'logs-with-console-only')?.outcome).toBe('yes');
    expect(detector(legacy, 'truck-factor')?.measures?.['truck-factor']?.value).toBe(1);
  });
});

describe('modern-platform', () => {
  it('is a valid assessment', () => {
    expect(AssessmentSchema.parse(modern)).toBeTruthy();
    expect(modern.incomplete).toBe(false);
  });

  // finops stops at 2: its level-3 weekly cost review is attested, not detectable.
  it.each<PillarId>(['architecture', 'api', 'data', 'background', 'security', 'observability', 'reliability', 'scalability', 'testing', 'cicd', 'iac', 'docs', 'team'])(
    '%s is rated level 3 or more',
    (id) => {
      const p = pillar(modern, id);
      expect(p.applicable).toBe(true);
      expect(p.level, p.summary).toBeGreaterThanOrEqual(3);
    },
  );

  it('has none of the level-1 anti-patterns', () => {
    const present = modern.pillars.flatMap((p) => p.criteria.filter((c) => c.level === 1 && c.status !== 'met').map((c) => `${c.id}: ${c.reason}`));
    expect(present).toEqual([]);
    expect(detector(modern, 'has-hardcoded-secrets')?.outcome).toBe('no');
    expect(detector(modern, 'cors-allows-any-origin')?.outcome).toBe('no');
    expect(detector(modern, 'polls-database-on-timer')?.outcome).toBe('no');
  });

  it('deploys at least daily and has a truck factor above 1', () => {
    expect(detector(modern, 'deploy-frequency')?.measures?.['deploys-per-day']?.value).toBeGreaterThanOrEqual(1);
    expect(detector(modern, 'truck-factor')?.measures?.['truck-factor']?.value).toBeGreaterThanOrEqual(2);
  });
});

describe('demo ratings (golden)', () => {
  // Every pillar's level on both demos: a detector or rubric change that moves one shows here.
  const levels = (a: typeof legacy): Record<string, number | null> => Object.fromEntries(a.pillars.map((p) => [p.id, p.level]));

  it('legacy-platform is level 1 on every pillar', () => {
    expect(levels(legacy)).toEqual({
      architecture: 1, api: 1, data: 1, background: 1, security: 1, observability: 1, reliability: 1,
      scalability: 1, testing: 1, cicd: 1, iac: 1, finops: 1, docs: 1, team: 1,
    });
  });

  it('modern-platform is at the typical level with two pillars ahead and FinOps behind', () => {
    expect(levels(modern)).toEqual({
      architecture: 4, api: 3, data: 3, background: 3, security: 3, observability: 3, reliability: 3,
      scalability: 3, testing: 3, cicd: 3, iac: 3, finops: 2, docs: 4, team: 3,
    });
  });
});
