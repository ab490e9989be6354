// How attestations and waivers change a criterion, as an overlay on the scan's verdict:
// - an attestation counts only where the scan cannot tell (unknown); where the scan already meets
//   the criterion it corroborates; where the scan finds it unmet it is a contradiction, shown with
//   both sides and not counted. Expired or re-opened (a cited document changed) ones never count.
// - a waiver turns an unmet or unknown criterion into met-by-waiver within its scope and dates.
// What decided a status is recorded (`basis`), so attested evidence is never passed off as detected.
import type { AttestationRef, CriterionResult, HumanEvidence, WaiverRef } from '../core/assessment.ts';
import type { Criterion } from '../rubric/schema.ts';
import { addMonths } from '../util/dates.ts';
import { globMatcher } from '../util/glob.ts';
import type { AttestationInput, EvidenceInput, WaiverInput } from './files.ts';

export interface OverlayContext {
  /** The assessment date, YYYY-MM-DD: validity is judged on it. */
  today: string;
  /** Blob id of a repository file at the assessed state, undefined when it does not exist. */
  blobOf: (path: string) => string | undefined;
  rules: ReadonlyMap<string, Criterion>;
}

/** Which attestation a criterion shows when it has several. */
const STATE_RANK: Record<AttestationRef['state'], number> = { counted: 0, corroborates: 1, contradicted: 2, reopened: 3, expired: 4 };
const WAIVER_RANK: Record<WaiverRef['state'], number> = { applied: 0, partial: 1, 'not-needed': 2, expired: 3 };

/**
 * When an attestation stops counting unless it says otherwise. An attested criterion has its own
 * validity in the rubric (a quarter unless it says a year, as an audit report does); for a
 * criterion the scan could not decide, a measured figure lasts a quarter and a document or link a year.
 */
export function defaultExpiry(a: Pick<AttestationInput, 'date' | 'evidence'>, rule: Criterion | undefined): string {
  const validity = rule?.evidence.kind === 'attested' ? (rule.evidence.validity ?? 'quarter') : a.evidence.some((e) => e.measured) ? 'quarter' : 'year';
  return addMonths(a.date, validity === 'year' ? 12 : 3);
}

function toHumanEvidence(e: EvidenceInput): HumanEvidence {
  const out: HumanEvidence = {};
  if (e.url !== undefined) out.url = e.url;
  if (e.document !== undefined) out.document = e.document;
  if (e.blob !== undefined) out.blob = e.blob;
  if (e.measured !== undefined) out.measured = e.measured;
  return out;
}

/** The state of one attestation against the scan's verdict on its criterion. */
export function attestationRef(a: AttestationInput, scan: CriterionResult, ctx: OverlayContext): AttestationRef {
  const expires = a.expires ?? defaultExpiry(a, ctx.rules.get(a.criterion));
  const ref = (state: AttestationRef['state'], note: string): AttestationRef => ({
    file: a.file,
    fileBlob: a.fileBlob,
    criterion: a.criterion,
    claim: a.claim,
    evidence: a.evidence.map(toHumanEvidence),
    by: a.by,
    date: a.date,
    expires,
    state,
    note,
  });
  if (a.date > ctx.today) return ref('expired', `dated ${a.date}, after the assessment (${ctx.today}): not yet valid.`);
  if (ctx.today > expires) return ref('expired', `expired on ${expires}; re-attest with current evidence.`);
  for (const e of a.evidence) {
    if (e.document === undefined) continue;
    const now = ctx.blobOf(e.document);
    if (now === undefined) return ref('reopened', `${e.document} no longer exists; needs re-confirmation.`);
    if (now !== e.blob) return ref('reopened', `${e.document} changed since it was attested (blob ${e.blob!.slice(0, 12)}, now ${now.slice(0, 12)}); needs re-confirmation.`);
  }
  if (scan.status === 'met') return ref('corroborates', 'the scan already meets the criterion.');
  if (scan.status === 'unmet') return ref('contradicted', `the scan finds it unmet: ${scan.reason}`);
  return ref('counted', scan.kind === 'attested' ? 'the evidence a scan cannot see.' : 'the scan could not tell; the attestation decides.');
}

/** Whether a waiver's scope covers every located piece of evidence of an unmet criterion. */
function coverage(w: WaiverInput, c: CriterionResult): { covered: boolean; note: string } {
  if (w.scope === 'repository') return { covered: true, note: 'for the whole repository' };
  const located = c.evidence.filter((e) => e.path && e.path !== '.' && !/^(tag|commit) /.test(e.path));
  if (located.length === 0) {
    return { covered: false, note: 'the criterion is unmet by an absence, not at a location: only a repository-wide waiver covers it' };
  }
  const inScope =
    'paths' in w.scope
      ? globMatcher(w.scope.paths)
      : ((name: string) => (p: string) => p.split('/').slice(0, -1).includes(name))(w.scope.component);
  const outside = located.filter((e) => !inScope(e.path));
  const label = 'paths' in w.scope ? `paths ${w.scope.paths.join(', ')}` : `component ${w.scope.component}`;
  if (outside.length === 0) return { covered: true, note: `for ${label}` };
  return { covered: false, note: `${label} leaves ${outside.length} finding(s) outside, e.g. ${outside[0]!.path}${outside[0]!.line ? `:${outside[0]!.line}` : ''}` };
}

export function waiverRef(w: WaiverInput, c: CriterionResult, today: string): WaiverRef {
  const ref = (state: WaiverRef['state'], note: string): WaiverRef => ({
    file: w.file,
    fileBlob: w.fileBlob,
    criterion: w.criterion,
    scope: w.scope,
    justification: w.justification,
    approver: w.approver,
    date: w.date,
    expires: w.expires,
    compensating: w.compensating.map(toHumanEvidence),
    state,
    note,
  });
  if (w.date > today) return ref('expired', `dated ${w.date}, after the assessment (${today}): not yet in force.`);
  if (today > w.expires) return ref('expired', `expired on ${w.expires}; the criterion counts as assessed again.`);
  if (c.status === 'met') return ref('not-needed', 'the criterion is met without it.');
  const cov = coverage(w, c);
  return cov.covered ? ref('applied', `approved by ${w.approver} ${cov.note}, until ${w.expires}.`) : ref('partial', `${cov.note}; the criterion stays ${c.status}.`);
}

export interface Overlay {
  apply: (c: CriterionResult) => CriterionResult;
  /** Every attestation and waiver with its state from the last application. */
  attestations: () => AttestationRef[];
  waivers: () => WaiverRef[];
}

/** The overlay for rubric evaluation; `waivers` false gives the level without waivers. */
export function humanOverlay(inputs: { attestations: readonly AttestationInput[]; waivers: readonly WaiverInput[] }, ctx: OverlayContext, useWaivers: boolean): Overlay {
  const attRefs = new Map<string, AttestationRef>();
  const waiverRefs = new Map<string, WaiverRef>();
  const apply = (scan: CriterionResult): CriterionResult => {
    let c = scan;
    const refs = inputs.attestations.filter((a) => a.criterion === scan.id).map((a) => attestationRef(a, scan, ctx));
    for (const r of refs) attRefs.set(r.file, r);
    const best = refs.sort((x, y) => STATE_RANK[x.state] - STATE_RANK[y.state] || y.date.localeCompare(x.date))[0];
    if (best) {
      const who = `${best.by} on ${best.date} (${best.file})`;
      if (best.state === 'counted') {
        c = { ...c, status: 'met', basis: 'attestation', computedStatus: scan.status, attestation: best, reason: `Attested by ${who}: ${best.claim}` };
      } else if (best.state === 'contradicted') {
        c = { ...c, attestation: best, reason: `${scan.reason} Contradicted: attested as met by ${who}, but the scan finds it unmet; the attestation does not count.` };
      } else if (best.state === 'reopened' || best.state === 'expired') {
        c = { ...c, attestation: best, reason: `${scan.reason} Attestation by ${who} ${best.state === 'expired' ? 'does not count' : 'needs re-confirmation'}: ${best.note}` };
      } else {
        c = { ...c, attestation: best };
      }
    }
    if (!useWaivers) return c;
    const wrefs = inputs.waivers.filter((w) => w.criterion === scan.id).map((w) => waiverRef(w, c, ctx.today));
    for (const r of wrefs) waiverRefs.set(r.file, r);
    const applied = wrefs.find((r) => r.state === 'applied');
    if (applied) {
      return { ...c, status: 'met', basis: 'waiver', computedStatus: scan.status, waiver: applied, reason: `Waived by ${applied.approver} until ${applied.expires} (${applied.file}): ${applied.justification} Without the waiver: ${c.reason}` };
    }
    const shown = wrefs.sort((x, y) => WAIVER_RANK[x.state] - WAIVER_RANK[y.state])[0];
    return shown ? { ...c, waiver: shown } : c;
  };
  return {
    apply,
    attestations: () => [...attRefs.values()].sort((a, b) => a.file.localeCompare(b.file)),
    waivers: () => [...waiverRefs.values()].sort((a, b) => a.file.localeCompare(b.file)),
  };
}
