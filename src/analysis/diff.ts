// What changed between two assessments of a repository, and why: every level change attributed
// to the criteria that flipped, and every flip to the evidence that appeared or disappeared.
// Criteria whose definition changed between rubrics are kept apart, so a re-categorised
// criterion never passes as progress (section 8.4).
import type { Assessment, CriterionResult, Evidence } from '../core/assessment.ts';

export interface CriterionFlip {
  id: string;
  level: number;
  from: CriterionResult['status'];
  to: CriterionResult['status'];
  /** What decided each side: scan, attestation or waiver. */
  basis: { from: string; to: string };
  added: Evidence[];
  removed: Evidence[];
}

export interface PillarChange {
  pillar: string;
  from: number | null;
  to: number | null;
  flips: CriterionFlip[];
}

export interface RubricChange {
  id: string;
  change: 'added' | 'removed' | 'level' | 'statement' | 'kind';
  detail: string;
}

export interface AssessmentDiff {
  from: { assessedAt: string; commit: string | null; rubricHash: string };
  to: { assessedAt: string; commit: string | null; rubricHash: string };
  sameRubric: boolean;
  pillars: PillarChange[];
  /** Criteria whose definition differs between the two rubrics: their flips are not progress. */
  rubricChanges: RubricChange[];
}

const evidenceKey = (e: Evidence): string => `${e.detector}|${e.path}|${e.line ?? ''}|${e.excerpt ?? ''}|${e.note ?? ''}`;

export function diffAssessments(a: Assessment, b: Assessment): AssessmentDiff {
  const rubricChanges: RubricChange[] = [];
  const before = new Map(a.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c] as const)));
  const after = new Map(b.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c] as const)));
  if (a.rubric.hash !== b.rubric.hash) {
    for (const [id, c] of after) {
      const old = before.get(id);
      if (!old) rubricChanges.push({ id, change: 'added', detail: `new at level ${c.level}: ${c.statement}` });
      else if (old.level !== c.level) rubricChanges.push({ id, change: 'level', detail: `moved from level ${old.level} to ${c.level}` });
      else if (old.kind !== c.kind) rubricChanges.push({ id, change: 'kind', detail: `evidence kind ${old.kind} -> ${c.kind}` });
      else if (old.statement !== c.statement) rubricChanges.push({ id, change: 'statement', detail: `was: ${old.statement}` });
    }
    for (const [id, c] of before) if (!after.has(id)) rubricChanges.push({ id, change: 'removed', detail: `was level ${c.level}: ${c.statement}` });
  }
  const redefined = new Set(rubricChanges.map((r) => r.id));

  const pillars: PillarChange[] = [];
  for (const p of b.pillars) {
    const q = a.pillars.find((x) => x.id === p.id);
    const flips: CriterionFlip[] = [];
    for (const c of p.criteria) {
      const old = before.get(c.id);
      if (!old || redefined.has(c.id)) continue;
      const oldBasis = old.basis ?? 'scan';
      const newBasis = c.basis ?? 'scan';
      if (old.status === c.status && oldBasis === newBasis) continue;
      const was = new Set(old.evidence.map(evidenceKey));
      const is = new Set(c.evidence.map(evidenceKey));
      flips.push({
        id: c.id,
        level: c.level,
        from: old.status,
        to: c.status,
        basis: { from: oldBasis, to: newBasis },
        added: c.evidence.filter((e) => !was.has(evidenceKey(e))),
        removed: old.evidence.filter((e) => !is.has(evidenceKey(e))),
      });
    }
    const from = q?.level ?? null;
    if (from !== p.level || flips.length > 0) pillars.push({ pillar: p.id, from, to: p.level, flips: flips.sort((x, y) => x.level - y.level || x.id.localeCompare(y.id)) });
  }
  return {
    from: { assessedAt: a.assessedAt, commit: a.subject.commit, rubricHash: a.rubric.hash },
    to: { assessedAt: b.assessedAt, commit: b.subject.commit, rubricHash: b.rubric.hash },
    sameRubric: a.rubric.hash === b.rubric.hash,
    pillars,
    rubricChanges: rubricChanges.sort((x, y) => x.id.localeCompare(y.id)),
  };
}

const where = (e: Evidence, notes = true): string => `${e.path}${e.line ? `:${e.line}` : ''}${notes && e.note ? ` (${e.note})` : ''}`;

/** The evidence a flip added (+) and removed (-), each location once (detectors often share one), the first `shown` of each. */
export function flipEvidenceLines(f: Pick<CriterionFlip, 'added' | 'removed'>, shown: number, indent: string, notes = true): string[] {
  const out: string[] = [];
  for (const [sign, list] of [['+', f.added], ['-', f.removed]] as const) {
    const places = [...new Set(list.map((e) => where(e, notes)))];
    for (const w of places.slice(0, shown)) out.push(`${indent}${sign} ${w}`);
    if (places.length > shown) out.push(`${indent}${sign} ${places.length - shown} more`);
  }
  return out;
}

/** The diff as text: one block per pillar that moved or whose criteria flipped. */
export function renderDiff(d: AssessmentDiff): string {
  const out: string[] = [];
  out.push(`From ${d.from.assessedAt.slice(0, 10)} (${(d.from.commit ?? '-').slice(0, 8)}) to ${d.to.assessedAt.slice(0, 10)} (${(d.to.commit ?? '-').slice(0, 8)})`);
  if (!d.sameRubric) {
    out.push(`The rubric changed (${d.from.rubricHash.slice(0, 8)} -> ${d.to.rubricHash.slice(0, 8)}): ${d.rubricChanges.length} criterion definition(s) differ; their status changes are not counted as progress or regression.`);
    for (const r of d.rubricChanges) out.push(`  ${r.change.padEnd(9)} ${r.id}: ${r.detail}`);
  }
  if (d.pillars.length === 0) out.push('No pillar level and no criterion changed.');
  for (const p of d.pillars) {
    // A level that moved with no criterion flipping moved because the rubric changed: neither progress nor regression.
    const why = !d.sameRubric && p.flips.length === 0 ? ' (from the rubric change, not the platform)' : (p.to ?? 0) < (p.from ?? 0) ? ' (regression)' : '';
    const move = p.from === p.to ? `stays at ${p.to ?? 'N/A'}` : `${p.from ?? 'N/A'} -> ${p.to ?? 'N/A'}${why}`;
    out.push('', `${p.pillar}: ${move}`);
    for (const f of p.flips) {
      const basis = f.basis.from === f.basis.to ? '' : ` (by ${f.basis.from} -> by ${f.basis.to})`;
      out.push(`  L${f.level} ${f.id}: ${f.from} -> ${f.to}${basis}`);
      out.push(...flipEvidenceLines(f, 5, '      '));
    }
  }
  return `${out.join('\n')}\n`;
}
