import { describe, expect, it } from 'vitest';
import { AssessmentSchema, type Assessment, type CriterionResult, type PillarResult } from '../core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import { renderJson } from './json.ts';
import { countCriteria, renderAssessment, vsTypical } from './terminal.ts';
import { displayWidth, stripAnsi } from './text.ts';

const PLAIN = { color: false, width: 100 } as const;

function criterion(id: string, level: number, status: CriterionResult['status']): CriterionResult {
  return {
    id, level, statement: `statement of ${id}`, kind: 'detected', status, reason: `reason of ${id}`,
    evidence: [], source: '6.2', remediation: `fix ${id}`,
    ...(level === 1 ? { antiPattern: `anti-pattern of ${id}` } : {}),
  };
}

function pillar(id: PillarId, level: number | null, over: Partial<PillarResult> = {}): PillarResult {
  const target = over.target ?? 3;
  return {
    id,
    name: `${id[0]!.toUpperCase()}${id.slice(1)} pillar`,
    applicable: level !== null,
    level,
    target,
    gapToTarget: level === null ? null : target - level,
    gapToTypical: level === null ? null : level - 3,
    summary: level === null ? 'N/A: no such capability. This is flagged as a gap, not a zero.' : `level ${(level ?? 0) + 1} needs: something`,
    ceiling: level,
    next: level === null || level === 5 ? null : { level: level + 1, unmet: [], unknown: [] },
    criteria: [criterion(`${id}.a`, 1, 'met'), criterion(`${id}.b`, 2, 'unmet'), criterion(`${id}.c`, 3, 'unknown')],
    ...over,
  };
}

function assessment(over: Partial<Assessment> = {}): Assessment {
  const levels: Record<PillarId, number | null> = {
    architecture: 1, api: 2, data: null, background: 3, security: 1, observability: 4, reliability: 5,
    scalability: 3, testing: 2, cicd: 3, iac: 1, finops: null, docs: 3, team: 2,
  };
  return {
    schemaVersion: 2,
    tool: { name: 'readiness', version: '0.1.0' },
    rubric: { id: 'readiness-core', version: '1.0.0', hash: 'abcdef0123456789'.repeat(4) },
    subject: { path: '/repos/platform', isGit: true, commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main', remote: null, dirty: false },
    assessedAt: '2026-01-02T03:04:05.000Z',
    config: { file: null, targets: Object.fromEntries(PILLAR_IDS.map((id) => [id, 3])) as Record<PillarId, number> },
    typicalLevel: 3,
    incomplete: false,
    pillars: PILLAR_IDS.map((id) => pillar(id, levels[id], id === 'security' ? { summary: 'level 1 because: Secrets in source at src/config.ts:12 (+2 more); CORS open to all origins at src/app.ts:3', target: 4, gapToTarget: 3 } : {})),
    detectors: [{ id: 'has-hardcoded-secrets', outcome: 'yes', summary: '3 secrets.', evidenceCount: 3 }],
    warnings: [{ code: 'non-utf8', message: '1 file(s) are not valid UTF-8.' }],
    resultDigest: '9f'.repeat(32),
    human: {
      attestations: [],
      waivers: [],
      refused: [],
      reviews: [],
      review: { reviewed: false, signatures: 0, external: 0, auditorSigned: { security: false, data: false }, note: 'Not reviewed: no sign-off.' },
      agreement: null,
    },
    ...over,
  };
}

describe('renderAssessment', () => {
  it('builds a valid assessment for these tests', () => {
    expect(AssessmentSchema.safeParse(assessment()).success).toBe(true);
  });

  it('prints the header and one row per pillar with level, target, gap and vs typical', () => {
    const lines = renderAssessment(assessment(), PLAIN).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Engineering readiness of /repos/platform',
      '14 pillars, levels 1-5, typical level 3; assessed 2026-01-02T03:04:05.000Z by readiness 0.1.0',
      '',
      'Pillar                Level  Target  Gap  vs typical',
    ]);
    expect(lines).toContain('Architecture pillar       1       3    2  behind (-2)');
    expect(lines).toContain('Background pillar         3       3    0  normal');
    expect(lines).toContain('Observability pillar      4       3   -1  ahead (+1)');
    expect(lines).toContain('Reliability pillar        5       3   -2  ahead (+2)');
    expect(lines).toContain('Security pillar           1       4    3  behind (-2)');
    // At 100 columns the summary goes under its row, wrapped and indented.
    const i = lines.indexOf('Security pillar           1       4    3  behind (-2)');
    expect(lines[i + 1]).toBe('    level 1 because: Secrets in source at src/config.ts:12 (+2 more); CORS open to all origins at');
    expect(lines[i + 2]).toBe('    src/app.ts:3');
  });

  it('shows N/A pillars as N/A and flags them as gaps', () => {
    const lines = renderAssessment(assessment(), PLAIN).split('\n');
    expect(lines).toContain('Data pillar             N/A       3  gap  -');
    expect(lines).toContain('Finops pillar           N/A       3  gap  -');
    expect(lines).toContain('N/A         Data pillar (data), Finops pillar (finops): not applicable, flagged as gaps');
  });

  it('names every pillar', () => {
    const text = renderAssessment(assessment(), PLAIN);
    for (const id of PILLAR_IDS) expect(text).toContain(`${id[0]!.toUpperCase()}${id.slice(1)} pillar`);
  });

  it('ends with rubric, commit, criteria and warning counts', () => {
    const lines = renderAssessment(assessment(), PLAIN).trimEnd().split('\n');
    expect(lines.slice(-5)).toEqual([
      'Rubric      readiness-core 1.0.0 (hash abcdef012345)',
      'Commit      0123456789ab (main), clean',
      'Criteria    12 met, 12 unmet, 12 unknown',
      'N/A         Data pillar (data), Finops pillar (finops): not applicable, flagged as gaps',
      'Warnings    1',
    ]);
  });

  it('says when the folder is not a git repository, the tree is dirty or the assessment is incomplete', () => {
    const a = assessment({
      subject: { path: '/x', isGit: false, commit: null, branch: null, remote: null, dirty: true },
      incomplete: true,
      detectors: [{ id: 'uses-job-queue', outcome: 'error', summary: 'detector uses-job-queue failed: boom', evidenceCount: 0 }],
      warnings: [],
    });
    const lines = renderAssessment(a, PLAIN).trimEnd().split('\n');
    expect(lines).toContain('Commit      not a git repository, dirty: the work tree differs from the commit');
    expect(lines).toContain('Warnings    0');
    expect(lines.at(-1)).toBe('Incomplete  detector uses-job-queue failed; the criteria that depend on it are unknown.');
    const empty = assessment({ subject: { path: '/x', isGit: true, commit: null, branch: 'main', remote: null, dirty: true } });
    expect(renderAssessment(empty, PLAIN)).toContain('Commit      no commits yet (branch main), dirty');
  });

  it('puts the summary in its own column on a wide terminal', () => {
    const lines = renderAssessment(assessment(), { color: false, width: 160 }).split('\n');
    expect(lines[3]).toBe('Pillar                Level  Target  Gap  vs typical   Summary');
    expect(lines[4]).toBe('Architecture pillar       1       3    2  behind (-2)  level 2 needs: something');
    expect(lines).toContain('Background pillar         3       3    0  normal       level 4 needs: something');
  });

  it('keeps every line within the width, with unicode paths measured by display width', () => {
    const a = assessment({ subject: { path: '/repos/プラットフォーム/módulo-ñ/'.repeat(4), isGit: true, commit: null, branch: null, remote: null, dirty: true } });
    for (const width of [60, 100]) {
      for (const line of renderAssessment(a, { color: false, width }).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('colours only when asked, and the coloured text reads the same without its codes', () => {
    const plain = renderAssessment(assessment(), PLAIN);
    const colored = renderAssessment(assessment(), { color: true, width: 100 });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(colored).toMatch(/\u001b\[31m/);
    expect(stripAnsi(colored)).toBe(plain);
  });

  it('shows evidence from people: attestation states, reviews, overrides and where raters disagree', () => {
    const base = assessment();
    const security = base.pillars.find((p) => p.id === 'security')!;
    const a = assessment({
      pillars: base.pillars.map((p) =>
        p.id === 'docs'
          ? { ...p, human: { levelFromScan: 2, levelWithoutWaivers: 3, attestedCriteria: ['docs.runbooks'], waivedCriteria: [] } }
          : p.id === 'security'
            ? {
                ...security,
                level: 2,
                summary: 'level 2 set by Grace Hopper (computed 1): Secrets are rotated and the finding is a test key. Computed: level 1 because: Secrets in source at src/config.ts:12',
                override: { level: 2, computedLevel: 1, by: 'Grace Hopper', justification: 'Secrets are rotated and the finding is a test key.', evidence: [{ url: 'https://x.example/SEC-1' }], file: '.readiness/reviews/grace.yaml' },
              }
            : p,
      ),
      human: {
        ...base.human,
        attestations: [
          { file: 'a.yaml', criterion: 'docs.runbooks', claim: 'Runbooks live in the wiki.', evidence: [{ url: 'https://wiki.example/rb' }], by: 'Ada', date: '2026-01-01', expires: '2027-01-01', state: 'counted', note: '' },
          { file: 'b.yaml', criterion: 'security.quarterly-pentest', claim: 'Pentest done.', evidence: [{ url: 'https://p.example' }], by: 'Ada', date: '2025-01-01', expires: '2025-04-01', state: 'expired', note: 'expired on 2025-04-01' },
        ],
        review: { reviewed: true, signatures: 2, external: 1, auditorSigned: { security: false, data: false }, note: 'Reviewed: 2 sign-offs, 1 external.' },
        agreement: {
          raters: ['readiness', 'Grace Hopper'],
          pillars: [
            { pillar: 'security', ratings: { readiness: 1, 'Grace Hopper': 2 }, agree: false, spread: 1 },
            { pillar: 'docs', ratings: { readiness: 3, 'Grace Hopper': 3 }, agree: true, spread: 0 },
          ],
          exactAgreement: 0.5,
          withinOne: 1,
          weightedKappa: 0.25,
        },
      },
    });
    const text = renderAssessment(a, { ...PLAIN, width: 200 });
    expect(text).toContain('People      attestations: 1 counted, 1 expired; Reviewed: 2 sign-offs, 1 external.');
    expect(text).toContain('Agreement   readiness, Grace Hopper: 50% exact, 100% within one level, weighted kappa 0.25; disagree on security (readiness 1, Grace Hopper 2)');
    // Summaries wrap in the table: compare with the wrapping undone.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('From the scan alone: level 2; attested alone: docs.runbooks.');
    expect(flat).toContain('level 2 set by Grace Hopper (computed 1): Secrets are rotated and the finding is a test key.');
    expect(flat.match(/set by Grace Hopper/g)).toHaveLength(1);
  });

  it('ends with exactly one newline and no trailing spaces', () => {
    const text = renderAssessment(assessment(), PLAIN);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toMatch(/ \n/);
  });
});

describe('vsTypical and countCriteria', () => {
  it('compares with the typical level by the sign of level - typical', () => {
    expect(vsTypical({ gapToTypical: -1 })).toBe('behind');
    expect(vsTypical({ gapToTypical: 0 })).toBe('normal');
    expect(vsTypical({ gapToTypical: 2 })).toBe('ahead');
    expect(vsTypical({ gapToTypical: null })).toBeNull();
  });

  it('counts criteria of applicable pillars only', () => {
    expect(countCriteria(assessment().pillars)).toEqual({ met: 12, unmet: 12, unknown: 12 });
  });
});

describe('renderJson', () => {
  it('prints the assessment as 2-space JSON that round-trips', () => {
    const a = assessment();
    const text = renderJson(a);
    expect(text.startsWith('{\n  "schemaVersion": 2,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(AssessmentSchema.parse(JSON.parse(text))).toEqual(a);
  });
});
