import { describe, expect, it } from 'vitest';
import { PillarResultSchema, type CriterionResult, type PillarResult } from '../core/assessment.ts';
import { evidenceLine, renderExplain, statusLabel } from './explain.ts';
import { displayWidth, stripAnsi } from './text.ts';

const LEVEL_NAMES = { 1: 'Initial', 2: 'Repeatable', 3: 'Defined', 4: 'Quantitatively Managed', 5: 'Optimizing' };
const OPTS = { color: false, width: 100, levelNames: LEVEL_NAMES, typicalLevel: 3 } as const;

function c(over: Partial<CriterionResult> & Pick<CriterionResult, 'id' | 'level' | 'status'>): CriterionResult {
  return {
    statement: `statement of ${over.id}`,
    kind: 'detected',
    reason: `reason of ${over.id}`,
    evidence: [],
    source: '6.2',
    remediation: `remediation of ${over.id}`,
    ...over,
  };
}

/** Security at level 1: every outcome, evidence kinds and a unicode path. */
function security(): PillarResult {
  return {
    id: 'security',
    name: 'Security & Compliance',
    applicable: true,
    level: 1,
    target: 3,
    gapToTarget: 2,
    gapToTypical: -2,
    summary: 'level 1 because: Secrets in source at src/módulo/設定.ts:3',
    ceiling: 1,
    next: { level: 2, unmet: ['security.no-secrets', 'security.policy'], unknown: ['security.rate-limit'] },
    criteria: [
      c({
        id: 'security.no-secrets', level: 1, status: 'unmet', antiPattern: 'Secrets in source',
        statement: 'No secret is committed.', reason: '1 hardcoded secret found.',
        evidence: [{ path: 'src/módulo/設定.ts', line: 3, excerpt: 'const KEY = "sk_live_****"', detector: 'has-hardcoded-secrets', note: 'Stripe key' }],
      }),
      c({ id: 'security.cors', level: 1, status: 'met', antiPattern: 'CORS open', statement: 'CORS is restricted.', reason: 'No open CORS.' }),
      c({ id: 'security.rate-limit', level: 1, status: 'unknown', antiPattern: 'No rate limit', statement: 'Requests are rate limited.', reason: 'detector did not run' }),
      c({ id: 'security.policy', level: 2, status: 'unmet', statement: 'A SECURITY.md exists.', reason: 'No SECURITY.md.' }),
      c({
        id: 'security.headers', level: 3, status: 'met', statement: 'helmet is applied.', reason: 'helmet() applied.',
        evidence: [{ path: 'src/app.ts', line: 14, excerpt: 'app.use(helmet())', detector: 'uses-security-headers' }, { path: 'package.json', detector: 'uses-security-headers', value: 7 }],
      }),
      c({
        id: 'security.coverage', level: 3, status: 'unmet', kind: 'measured', statement: 'Coverage >= 60%.', reason: 'coverage = 42 % (needs >= 60)',
        measure: { detector: 'coverage-threshold', name: 'coverage', value: 42, unit: '%', op: '>=', threshold: 60 },
      }),
      c({
        id: 'security.soc2', level: 4, status: 'unknown', kind: 'attested', statement: 'SOC 2 Type II is current.',
        reason: 'needs attested evidence: SOC 2 Type II report', artefact: 'SOC 2 Type II report',
      }),
    ],
  };
}

describe('renderExplain', () => {
  it('builds a valid pillar result for these tests', () => {
    expect(PillarResultSchema.safeParse(security()).success).toBe(true);
  });

  it('starts with the level, target, gap, position against typical and the summary', () => {
    const lines = renderExplain(security(), OPTS).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Security & Compliance (security)',
      'Level 1; target 3; gap to target 2; behind typical level 3 by 2',
      'level 1 because: Secrets in source at src/módulo/設定.ts:3',
    ]);
  });

  it('groups criteria by level and shows level-1 anti-patterns as present or absent', () => {
    const lines = renderExplain(security(), OPTS).split('\n');
    expect(lines).toContain('Level 1 - Initial (anti-patterns: each must be absent)');
    expect(lines).toContain('Level 2 - Repeatable');
    expect(lines).toContain('Level 4 - Quantitatively Managed');
    expect(lines).toContain('  present  security.no-secrets (detected)');
    expect(lines).toContain('  absent   security.cors (detected)');
    expect(lines).toContain('  unknown  security.rate-limit (detected)');
    expect(lines).toContain('  unmet    security.policy (detected)');
    expect(lines).toContain('  met      security.headers (detected)');
    expect(lines.indexOf('Level 2 - Repeatable')).toBeLessThan(lines.indexOf('  unmet    security.policy (detected)'));
  });

  it('shows the reason, evidence as path:line  excerpt, and remediation for unmet criteria only', () => {
    const text = renderExplain(security(), OPTS);
    const block = text.split('\n  present  security.no-secrets (detected)\n')[1]!.split('\n  absent')[0]!.split('\n');
    expect(block).toEqual([
      '           anti-pattern: Secrets in source',
      '           met when: No secret is committed.',
      '           reason: 1 hardcoded secret found.',
      '           evidence:',
      '             src/módulo/設定.ts:3  const KEY = "sk_live_****"  [has-hardcoded-secrets; Stripe key]',
      '           remediation: remediation of security.no-secrets',
    ]);
    expect(text).toContain('             src/app.ts:14  app.use(helmet())  [uses-security-headers]\n');
    expect(text).toContain('             package.json  [uses-security-headers; value 7]\n');
    expect(text).not.toContain('remediation: remediation of security.headers');
    expect(text).not.toContain('remediation: remediation of security.soc2');
  });

  it('shows criteria met by attestation or waiver as such, with the person and the file, and an override with its evidence', () => {
    const p = security();
    const attested = c({
      id: 'security.quarterly-pentest', level: 4, status: 'met', kind: 'attested', basis: 'attestation', computedStatus: 'unknown',
      attestation: { file: '.readiness/attestations/pentest.yaml', criterion: 'security.quarterly-pentest', claim: 'Acme ran a pentest in May.', evidence: [{ url: 'https://acme.example/r' }], by: 'Ada Lovelace', date: '2026-05-20', expires: '2026-08-20', state: 'counted', note: 'the evidence a scan cannot see.' },
    });
    const text = renderExplain(
      {
        ...p,
        criteria: [...p.criteria, attested],
        override: { level: 2, computedLevel: 1, by: 'Grace Hopper', justification: 'Test key only.', evidence: [{ url: 'https://t.example/SEC-1' }], file: '.readiness/reviews/grace.yaml' },
        human: { levelFromScan: 1, levelWithoutWaivers: 1, attestedCriteria: [], waivedCriteria: [] },
      },
      OPTS,
    );
    expect(text).toContain('  attested security.quarterly-pentest (attested)');
    expect(text.replace(/\s+/g, ' ')).toContain('attestation (counted): Acme ran a pentest in May. by Ada Lovelace on 2026-05-20, until 2026-08-20 [.readiness/attestations/pentest.yaml]');
    expect(text.replace(/\s+/g, ' ')).toContain('Override by Grace Hopper [.readiness/reviews/grace.yaml]: computed level 1, set to 2; evidence: https://t.example/SEC-1');
  });

  it('shows the measured value against its threshold, and the artefact of attested criteria', () => {
    const text = renderExplain(security(), OPTS);
    expect(text).toContain('           measure: coverage = 42 %, needs >= 60 % [coverage-threshold]\n');
    expect(text).toContain('           artefact: SOC 2 Type II report\n');
  });

  it('ends with exactly what is missing for the next level', () => {
    const text = renderExplain(security(), OPTS);
    const tail = text.split('\nTo reach level 2\n')[1]!.trimEnd().split('\n');
    expect(tail).toEqual([
      '  present  security.no-secrets (level 1)',
      '           anti-pattern: Secrets in source',
      '           fix: remediation of security.no-secrets',
      '  unmet    security.policy (level 2)',
      '           A SECURITY.md exists.',
      '           fix: remediation of security.policy',
      '  unknown  security.rate-limit (level 1)',
      '           anti-pattern: No rate limit',
      '           unknown: detector did not run',
    ]);
  });

  it('cuts long excerpts to the width and never splits a wide character', () => {
    const p = security();
    p.criteria[0]!.evidence[0]!.excerpt = `const 鍵 = "${'長'.repeat(80)}"`;
    const lines = renderExplain(p, OPTS).split('\n');
    const ev = lines.find((l) => l.includes('src/módulo/設定.ts:3  const'))!;
    expect(displayWidth(ev)).toBeLessThanOrEqual(100);
    expect(ev).toContain('…  [has-hardcoded-secrets; Stripe key]');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it('explains an N/A pillar as a gap with nothing to reach', () => {
    const p: PillarResult = {
      ...security(), id: 'background', name: 'Background Processing', applicable: false, level: null,
      gapToTarget: null, gapToTypical: null, ceiling: null, next: null,
      summary: 'N/A: The platform does no background work. No queue found. This is flagged as a gap, not a zero.',
    };
    const lines = renderExplain(p, OPTS).trimEnd().split('\n');
    expect(lines[1]).toBe('Level N/A (not applicable, flagged as a gap); target 3');
    expect(lines.slice(-3)).toEqual([
      'To reach level 1',
      '  The pillar is not applicable, so it has no level: the capability is absent and flagged as a gap.',
      '  Add the capability, then re-assess.',
    ]);
  });

  it('says when the top level is reached, and shows the ceiling when unknowns could raise the level', () => {
    const top: PillarResult = { ...security(), level: 5, gapToTarget: -2, gapToTypical: 2, ceiling: 5, next: null, summary: 'every criterion of levels 1-5 is met' };
    const lines = renderExplain(top, OPTS).trimEnd().split('\n');
    expect(lines[1]).toBe('Level 5; target 3; gap to target -2; ahead of typical level 3 by 2');
    expect(lines.slice(-2)).toEqual(['Top level reached', '  Every criterion of levels 1-5 is met.']);
    const capped = renderExplain({ ...security(), ceiling: 3 }, OPTS);
    expect(capped).toContain('\nCeiling: level 3 if every unknown criterion were met.\n');
  });

  it('colours statuses only when asked', () => {
    const plain = renderExplain(security(), OPTS);
    const colored = renderExplain(security(), { ...OPTS, color: true });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(colored).toMatch(/\u001b\[31mpresent/);
    expect(stripAnsi(colored)).toBe(plain);
  });
});

describe('statusLabel and evidenceLine', () => {
  it('reads level-1 statuses as anti-pattern presence', () => {
    expect(statusLabel({ level: 1, status: 'met' })).toBe('absent');
    expect(statusLabel({ level: 1, status: 'unmet' })).toBe('present');
    expect(statusLabel({ level: 1, status: 'unknown' })).toBe('unknown');
    expect(statusLabel({ level: 3, status: 'unmet' })).toBe('unmet');
  });

  it('prints path:line, excerpt and detector', () => {
    expect(evidenceLine({ path: 'a/b.ts', line: 2, excerpt: 'x()', detector: 'd' }, 100, '')).toBe('a/b.ts:2  x()  [d]');
    expect(evidenceLine({ path: 'a/b.ts', detector: 'd' }, 100, '  ')).toBe('  a/b.ts  [d]');
  });
});
