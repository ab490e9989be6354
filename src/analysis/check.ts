// The CI gate (sections 7.4, 8.4): the current levels against the levels confirmed in history
// and the floors of the config. Only confirmed levels gate: a level observed once and lost again
// is a warning, not a failure, because it never counted (7.4).
import type { Assessment, CriterionResult } from '../core/assessment.ts';
import type { PillarId } from '../core/types.ts';
import type { PillarConfirmation } from './confirm.ts';
import type { SeriesPoint } from './series.ts';

export interface GateFailure {
  pillar: PillarId;
  kind: 'regression' | 'floor';
  level: number;
  required: number;
  /** The line after "pillar: ", e.g. "level 1 is below the floor 2 (readiness.config.yaml)". */
  detail: string;
}

export interface Floors {
  levels: Partial<Record<PillarId, number>>;
  /** Where the floors come from, for messages (the config file). */
  source: string;
}

export interface GateResult {
  failures: GateFailure[];
  /** N/A pillars a floor or confirmed level did not apply to. */
  notes: string[];
  /** Drops below an observed level that was never confirmed. */
  warnings: string[];
}

/** The criteria up to `level` that keep the pillar below it, with the reason of each. */
function missing(criteria: GatedAssessment['pillars'][number]['criteria'], level: number): string {
  const open = criteria.filter((c) => c.level <= level && c.status !== 'met').sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));
  return open.map((c) => `${c.status}: ${c.id} (${c.reason.replace(/\s*\n\s*/g, ' ')})`).join('; ');
}

/** What the gate reads of the current assessment (an Assessment is one). */
export interface GatedAssessment {
  pillars: readonly { id: PillarId; level: number | null; criteria: readonly Pick<CriterionResult, 'id' | 'level' | 'status' | 'reason'>[] }[];
}

/** Failures, notes and warnings of the current assessment against history and floors. */
export function gate(current: GatedAssessment, confirmations: readonly PillarConfirmation[], floors: Floors): GateResult {
  const failures: GateFailure[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  for (const p of current.pillars) {
    const c = confirmations.find((x) => x.pillar === p.id);
    const floor = floors.levels[p.id];
    if (p.level === null) {
      const skipped = [
        // Level 1 is confirmed for every applicable pillar: it gated nothing.
        ...(c?.confirmed && c.confirmed > 1 ? [`the confirmed level ${c.confirmed}`] : []),
        ...(floor !== undefined ? [`the floor ${floor}`] : []),
      ];
      if (skipped.length > 0) notes.push(`${p.id}: N/A now, so ${skipped.join(' and ')} ${skipped.length > 1 ? 'do' : 'does'} not apply`);
      continue;
    }
    if (c?.confirmed && p.level < c.confirmed) {
      const open = missing(p.criteria, c.confirmed);
      failures.push({
        pillar: p.id,
        kind: 'regression',
        level: p.level,
        required: c.confirmed,
        detail: `level ${p.level} is below the confirmed level ${c.confirmed} (confirmed since ${c.confirmedSince})${open ? `; ${open}` : ''}`,
      });
    } else if (c?.observed && p.level < c.observed) {
      warnings.push(`${p.id}: level ${p.level} is below the level ${c.observed} observed on ${c.levels.at(-1)!.assessedAt}, which was never confirmed; only confirmed levels gate (7.4)`);
    }
    if (floor !== undefined && p.level < floor) {
      failures.push({ pillar: p.id, kind: 'floor', level: p.level, required: floor, detail: `level ${p.level} is below the floor ${floor} (${floors.source})` });
    }
  }
  return { failures, notes, warnings };
}

/**
 * The history the current assessment is gated against: the comparable points assessed before it,
 * except those of its own (clean) commit. A stored copy of the current state is not history: it
 * would absorb the regression the gate is there to catch (`assess --save` before `check`).
 */
export function historyBefore<P extends Pick<SeriesPoint, 'comparable' | 'assessedAt' | 'commit'>>(
  points: readonly P[],
  current: { assessedAt: string; subject: Pick<Assessment['subject'], 'commit' | 'dirty'> },
): P[] {
  const sameState = (p: P): boolean => current.subject.commit !== null && !current.subject.dirty && p.commit === current.subject.commit;
  return points.filter((p) => p.comparable && p.assessedAt < current.assessedAt && !sameState(p));
}
