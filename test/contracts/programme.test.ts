// Contract tests on the built-in rubric's programme (rubric/programme.yaml): the figures the
// methodology gives (sections 2, 7.3-7.5, 8.2) are the ones the tool applies, the order of
// investment has no cycle, a broken programme.yaml is refused, and the rubric reference shows it.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../harness.ts';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { BUILTIN_RUBRIC_DIR, loadRubric, RubricError, sequencingCycle } from '../../src/rubric/load.ts';
import type { LoadedRubric, Programme } from '../../src/rubric/schema.ts';
import { rubricMarkdown } from '../../scripts/generated-files.ts';

const rubric = loadRubric();
const pg = rubric.programme;

/** Section 2: "High-leverage pillars (Architecture, Background Processing, Security) constrain progress on others". */
const HIGH_LEVERAGE = ['architecture', 'background', 'security'];

type Rule = Programme['sequencing'][number];

describe('programme of the built-in rubric', () => {
  it('phases every one-level transition 1->2 .. 4->5 in order, with the months of section 2', () => {
    expect(pg.phasing.map((p) => p.from)).toEqual([1, 2, 3, 4]);
    // "Level 1 to Level 2 is typically one quarter; Level 2 to Level 3 is two quarters; Level 3 to Level 4 is a year or more."
    expect(pg.phasing.slice(0, 3).map((p) => p.months)).toEqual([3, 6, 12]);
    for (const p of pg.phasing.slice(0, 3)) expect(p.source).toMatch(/^Section 2, The realistic phasing/);
    // The spec gives no figure for 4 -> 5: the data says so, and does not make it shorter than 3 -> 4.
    const last = pg.phasing[3]!;
    expect(last.source).toMatch(/^Derived/);
    expect(last.months).toBeGreaterThanOrEqual(pg.phasing[2]!.months);
  });

  it('limits a 12-month target to one level above current (7.5)', () => {
    expect(pg.plausibility).toMatchObject({ months: 12, maxLevels: 1 });
    expect(pg.plausibility.source).toMatch(/^Section 7\.5/);
  });

  it('confirms a level after one full quarter without regression (7.4)', () => {
    expect(pg.confirmation).toMatchObject({ months: 3 });
    expect(pg.confirmation.source).toMatch(/^Section 7\.4/);
  });

  it('re-rates quarterly, annually once more than half the pillars are at level 3 (7.3)', () => {
    expect(pg.cadence).toMatchObject({ months: 3, relaxed: { months: 12, minLevel: 3, share: 0.5 } });
  });

  it("holds the spec's own sequencing example: Reliability 3 requires Background Processing 2", () => {
    const rule = pg.sequencing.find((s) => s.pillar === 'reliability' && s.level === 3 && s.requires.pillar === 'background');
    expect(rule?.requires).toEqual({ pillar: 'background', level: 2 });
    expect(rule?.source).toContain('you cannot reach Level 3 on Reliability while Background Processing is at Level 1');
  });

  it('warns of the 8.2 interaction: observability ahead of security', () => {
    const x = pg.interactions.find((i) => i.leading === 'observability' && i.lagging === 'security');
    expect(x).toMatchObject({ id: 'sees-breaches-cannot-prevent', by: 2, message: 'can see its own breaches but cannot prevent them' });
    expect(x?.source).toMatch(/^Section 8\.2/);
  });

  it('requires only high-leverage pillars (section 2), unless a rule says it is derived', () => {
    const unfounded = pg.sequencing.filter((s) => !HIGH_LEVERAGE.includes(s.requires.pillar) && !/\bderived\b/i.test(s.source));
    expect(unfounded).toEqual([]);
    // The two derived rules that need it are there: testing before CI/CD, IaC before FinOps.
    expect(pg.sequencing.filter((s) => !HIGH_LEVERAGE.includes(s.requires.pillar)).map((s) => `${s.pillar}<-${s.requires.pillar}`)).toEqual(['cicd<-testing', 'finops<-iac']);
  });

  it('has no sequencing cycle', () => {
    expect(sequencingCycle(pg.sequencing)).toBeUndefined();
  });

  it('names pillars of the rubric only, each interaction between two different pillars', () => {
    const ids = new Set<string>(PILLAR_IDS);
    for (const s of pg.sequencing) expect([ids.has(s.pillar), ids.has(s.requires.pillar), s.pillar !== s.requires.pillar]).toEqual([true, true, true]);
    for (const x of pg.interactions) expect(x.leading).not.toBe(x.lagging);
    expect(new Set(pg.interactions.map((x) => x.id)).size).toBe(pg.interactions.length);
  });
});

describe('the sequencing cycle check', () => {
  const rule = (pillar: Rule['pillar'], level: number, requires: Rule['pillar'], requiredLevel: number): Rule => ({
    pillar,
    level,
    requires: { pillar: requires, level: requiredLevel },
    reason: 'a reason long enough',
    source: 'Derived for the test',
  });

  it('finds a chain that returns to its start at the start level or above', () => {
    const rules = [rule('reliability', 3, 'background', 2), rule('background', 2, 'observability', 3), rule('observability', 3, 'reliability', 3)];
    expect(sequencingCycle(rules)).toEqual(['reliability 3', 'background 2', 'observability 3', 'reliability 3']);
  });

  it('follows a rule below the required level, and accepts a chain that returns only to a lower level', () => {
    // background 2 is needed on the way to background 3, so its rule applies.
    expect(sequencingCycle([rule('reliability', 3, 'background', 3), rule('background', 2, 'reliability', 4)])).toEqual(['reliability 3', 'background 3', 'reliability 4']);
    expect(sequencingCycle([rule('reliability', 3, 'background', 2), rule('background', 2, 'reliability', 2)])).toBeUndefined();
  });
});

describe('loadRubric refuses a broken programme.yaml', () => {
  /** A copy of the built-in rubric whose programme.yaml is changed by `alter` (or removed). */
  function rubricWith(alter: ((programme: Record<string, unknown>) => void) | 'remove'): string {
    const dir = join(tempDir('readiness-programme-'), 'rubric');
    cpSync(BUILTIN_RUBRIC_DIR, dir, { recursive: true });
    const file = join(dir, 'programme.yaml');
    if (alter === 'remove') {
      rmSync(file);
    } else {
      const programme = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      alter(programme);
      writeFileSync(file, stringify(programme));
    }
    return dir;
  }

  function refusal(dir: string): RubricError {
    try {
      loadRubric(dir);
    } catch (e) {
      if (e instanceof RubricError) return e;
      throw e;
    }
    throw new Error(`loadRubric(${dir}) accepted the rubric`);
  }

  it('loads an unaltered copy with the same hash as the built-in rubric', () => {
    const copy: LoadedRubric = loadRubric(rubricWith(() => undefined));
    expect(copy.hash).toBe(rubric.hash);
  });

  it('refuses a phasing out of order, naming each misplaced transition', () => {
    const dir = rubricWith((p) => {
      const phasing = p.phasing as unknown[];
      [phasing[0], phasing[1]] = [phasing[1], phasing[0]];
    });
    const e = refusal(dir);
    expect(e.issues).toEqual(['programme.phasing.0: expected the transition from level 1', 'programme.phasing.1: expected the transition from level 2']);
    expect(e.message).toBe(`invalid rubric ${dir}: programme.phasing.0: expected the transition from level 1; programme.phasing.1: expected the transition from level 2`);
  });

  it('refuses an interaction whose leading and lagging pillars are the same', () => {
    const dir = rubricWith((p) => {
      (p.interactions as { lagging: string }[])[0]!.lagging = 'observability';
    });
    const e = refusal(dir);
    expect(e.message).toBe(`invalid rubric ${dir}: programme.interactions.sees-breaches-cannot-prevent: leading and lagging are the same pillar`);
  });

  it('refuses an order of investment that deadlocks', () => {
    const dir = rubricWith((p) => {
      (p.sequencing as unknown[]).push({ pillar: 'background', level: 2, requires: { pillar: 'reliability', level: 3 }, reason: 'a reason long enough', source: 'Derived for the test' });
    });
    expect(refusal(dir).issues).toEqual(['programme.sequencing: a cycle, reliability 3 needs background 2 needs reliability 3']);
  });

  it('refuses a field out of range in programme.yaml, naming the file and the field', () => {
    const dir = rubricWith((p) => {
      (p.plausibility as { months: number }).months = 0;
    });
    const e = refusal(dir);
    expect(e.file).toBe(join(dir, 'programme.yaml'));
    expect(e.issues).toEqual(['plausibility.months: Too small: expected number to be >=1']);
  });

  it('refuses a rubric without programme.yaml, naming the file', () => {
    const dir = rubricWith('remove');
    const e = refusal(dir);
    expect(e.file).toBe(join(dir, 'programme.yaml'));
    expect(e.message).toMatch(new RegExp(`^invalid rubric ${join(dir, 'programme.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT: no such file or directory`));
  });
});

describe('the rubric reference (docs/rubric.md) renders the programme', () => {
  const md = rubricMarkdown(rubric, []);

  it('puts "Programme rules" after the levels table and before the first pillar', () => {
    const at = (s: string): number => md.indexOf(s);
    expect(at('Typical level: 3.')).toBeGreaterThan(at('| 5 | Optimizing |'));
    expect(at('## Programme rules')).toBeGreaterThan(at('Typical level: 3.'));
    expect(at('## Architecture & Modularity (`architecture`)')).toBeGreaterThan(at('### Interaction warnings'));
  });

  it('renders each table from the data, pillars by name', () => {
    expect(md).toContain('| 2 | 3 | 6 | Section 2, The realistic phasing: Level 2 to Level 3 is two quarters |');
    expect(md).toContain('A target due within 12 months may be at most 1 level above the current level');
    expect(md).toContain('| L | 6-13 | up to a quarter of a small team: instrumentation and measurement across services |');
    expect(md).toContain('Defaults: a criterion of level 2: S, level 3: M, level 4: L, level 5: XL; a level-1 anti-pattern to remove: M; a criterion the scan cannot decide (unknown): S.');
    expect(md).toContain('| Reliability & Resilience (`reliability`) 3 | Background Processing (`background`) 2 | retries, timeouts');
    expect(md).toContain('| `sees-breaches-cannot-prevent` | Observability (`observability`) | Security & Compliance (`security`) | 2 | The platform can see its own breaches but cannot prevent them | Section 8.2');
    const sequencing = md.slice(md.indexOf('### Sequencing constraints'), md.indexOf('### Interaction warnings'));
    expect(sequencing.split('\n').filter((l) => l.startsWith('| ')).length).toBe(1 + pg.sequencing.length); // the header, then one row per rule
  });

  it("shows a criterion's own effort in its row", () => {
    const { hash, ...plain } = rubric;
    const changed = structuredClone(plain);
    const criterion = changed.pillars.find((p) => p.id === 'security')!.criteria.find((c) => c.level === 3)!;
    criterion.effort = 'L';
    const row = rubricMarkdown({ ...changed, hash }, []).split('\n').find((l) => l.startsWith(`| 3 | \`${criterion.id}\` |`));
    expect(row).toMatch(/\. Effort: L \|$/);
    expect(md.split('\n').find((l) => l.startsWith(`| 3 | \`${criterion.id}\` |`))).not.toContain('Effort:');
  });
});
