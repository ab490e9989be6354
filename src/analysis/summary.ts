// The executive summary of a roadmap (section 1: "We're at Level 1 on Reliability and need to be
// at Level 3 to sell into regulated industries" is a sentence a CFO can act on). Plain sentences:
// no criterion ids and no vocabulary beyond pillar names and levels.
import type { PillarId } from '../core/types.ts';
import { PILLAR_IDS } from '../core/types.ts';
import { quarterOf } from '../util/dates.ts';
import { quartersSpanned, type PillarPlan, type Roadmap } from './roadmap.ts';

/** Pillars told one by one; the rest are named in one sentence. */
const SUMMARY_GAPS = 5;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const counted = (n: number, one: string, many = `${one}s`): string => `${WORDS[n] ?? String(n)} ${n === 1 ? one : many}`;
const pieces = (n: number): string => `${n} ${n === 1 ? 'piece' : 'pieces'} of work`;
const figure = (n: number): string => String(Math.round(n * 10) / 10);
const weeks = (w: readonly [number, number]): string => `about ${figure(w[0])}-${figure(w[1])} engineer-weeks`;

/** "A", "A and B", "A, B and C". */
function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function sentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function whereWeAre(r: Roadmap): string {
  const rated = r.pillars.filter((p) => p.state !== 'n/a');
  const atOrAbove = rated.filter((p) => p.standing === 'ahead' || p.standing === 'normal').length;
  const behind = rated.length - atOrAbove;
  const parts = [`${atOrAbove} of ${r.pillars.length} pillars ${atOrAbove === 1 ? 'is' : 'are'} at or above the typical Level ${r.typical}`, `${behind} ${behind === 1 ? 'is' : 'are'} behind`];
  for (const p of r.pillars.filter((x) => x.state === 'n/a')) {
    const why = p.notApplicable?.replace(/\.$/, '');
    parts.push(why ? `${p.name} is N/A: ${why.charAt(0).toLowerCase()}${why.slice(1)}` : `${p.name} is N/A`);
  }
  return sentence(parts.join('; '));
}

/** How the projection compares with the date: "in time for the date", "one quarter after the date". */
function againstDate(p: PillarPlan, reach: { quarter: string; date: string }): string {
  if (p.by === undefined) return '';
  // The typical phasing may allow what section 7.5 calls a fantasy: say both, not just the first.
  if (reach.date <= p.by) return p.plausibility?.verdict === 'implausible' ? ' — in time for the date at the typical pace, though the target itself is not plausible' : ' — in time for the date';
  const late = quartersSpanned(quarterOf(p.by), reach.quarter) - 1;
  return late <= 0 ? ' — a few weeks after the date, in the same quarter' : ` — ${counted(late, 'quarter')} after the date`;
}

function gapSentence(p: PillarPlan): string {
  const need = `We are at Level ${p.level} on ${p.name} and need to be at Level ${p.target}${p.by ? ` by ${p.by}` : ''}${p.why ? ` to ${p.why}` : ''}`;
  const work = `${pieces(p.items)}, ${weeks(p.weeks)}`;
  const reach = p.projected.find((x) => x.level === p.target);
  if (reach) return sentence(`${need}: ${work}, projected to reach Level ${p.target} in ${reach.quarter}${againstDate(p, reach)}`);
  const partial = p.projected.at(-1);
  const before = partial ? `, projected to reach Level ${partial.level} in ${partial.quarter}, but` : ', but';
  return sentence(`${need}: ${work}${before} Level ${p.blocked?.level ?? p.target} cannot be reached while the targets stand (${p.blocked?.reason ?? 'blocked'})`);
}

function gaps(r: Roadmap): string[] {
  const rank = (id: PillarId): number => PILLAR_IDS.indexOf(id);
  const open = r.pillars
    .filter((p) => (p.state === 'planned' || p.state === 'blocked') && p.level !== null)
    .sort((a, b) => b.target - b.level! - (a.target - a.level!) || rank(a.pillar) - rank(b.pillar));
  const out = open.slice(0, SUMMARY_GAPS).map(gapSentence);
  const rest = open.slice(SUMMARY_GAPS);
  if (rest.length > 0) {
    out.push(`And ${rest.length} more ${rest.length === 1 ? 'pillar is' : 'pillars are'} below ${rest.length === 1 ? 'its target' : 'their targets'}: ${listOf(rest.map((p) => p.name))}.`);
  }
  return out;
}

function orderOfInvestment(r: Roadmap): string[] {
  if (r.blocks.length === 0) return [];
  const name = new Map(r.pillars.map((p) => [p.pillar, p.name] as const));
  // A pillar whose own target keeps it below the required level is a conflict of targets, not a first investment.
  const first = [...new Set(r.blocks.filter((b) => !b.unreachable).map((b) => b.requires.pillar))].map((id) => name.get(id) ?? id);
  return [...(first.length > 0 ? [`Order of investment: ${listOf(first)} first.`] : []), ...r.blocks.map((b) => sentence(b.message))];
}

function namesOf(r: Roadmap, ids: readonly PillarId[]): string {
  if (ids.length > 3) return `${ids.length} pillars`;
  const name = new Map(r.pillars.map((p) => [p.pillar, p.name] as const));
  return listOf(ids.map((id) => name.get(id) ?? id));
}

function shape(r: Roadmap): string[] {
  const { highest, lowest, spread } = r.profile;
  if (!highest || !lowest) return [];
  const out: string[] = [];
  if (r.profile.shape === 'uneven') {
    out.push(`The profile is uneven: Level ${highest.level} on ${namesOf(r, highest.pillars)} but Level ${lowest.level} on ${namesOf(r, lowest.pillars)}, a spread of ${counted(spread, 'level')}.`);
  } else {
    out.push(spread === 0 ? `The profile is even: every applicable pillar is at Level ${lowest.level}.` : `The profile is even: every applicable pillar is at Level ${lowest.level} or ${highest.level}.`);
  }
  const name = new Map(r.pillars.map((p) => [p.pillar, p.name] as const));
  for (const i of r.interactions) {
    out.push(sentence(`${i.message} (${name.get(i.leading.pillar)} at Level ${i.leading.level}, ${name.get(i.lagging.pillar)} at Level ${i.lagging.level})`));
  }
  return out;
}

function implausible(r: Roadmap): string[] {
  return r.pillars.flatMap((p) => {
    const f = p.plausibility;
    if (f?.verdict !== 'implausible') return [];
    const instead = f.plausible ? ` A plausible target is Level ${f.plausible.level} by ${f.plausible.by}.` : '';
    return [`${sentence(`The target for ${p.name} is not plausible: ${f.message}`)}${instead}`];
  });
}

function closing(r: Roadmap): string {
  const t = r.totals;
  if (t.items === 0) return 'Every applicable pillar is at or above its target: there is no work to plan.';
  const blocked = t.unscheduled > 0 ? ` (${t.unscheduled} of them blocked)` : '';
  if (t.lastQuarter === null) return `In all: ${pieces(t.items)}${blocked}, ${weeks(t.weeks)}, none of which can be scheduled while the targets stand.`;
  return `In all: ${pieces(t.items)}${blocked}, ${weeks(t.weeks)}, across ${t.quarters} ${t.quarters === 1 ? 'quarter' : 'quarters'}, ending ${t.lastQuarter}; pillars are assumed to progress in parallel.`;
}

/**
 * The summary, in order: where we are; each pillar below its target, biggest gap first; the order
 * of investment; the shape of the gap; implausible targets with a plausible alternative; the total.
 */
export function executiveSummary(r: Roadmap): string[] {
  return [whereWeAre(r), ...gaps(r), ...orderOfInvestment(r), ...shape(r), ...implausible(r), closing(r)];
}
