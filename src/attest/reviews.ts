
// Reviews (section 7.2): reviewer sign-offs, their own ratings, overrides with justification and
// evidence, and inter-rater agreement (section 8.1). A sign-off binds to the resultDigest it signed:
// once the result changes it is superseded and no longer counts.
import { parseDocument, Scalar, isMap } from 'yaml';
import { z } from 'zod';
import type { Agreement, HumanEvidence, HumanRecord, PillarResult, ReviewRecord } from '../core/assessment.ts';
import { PILLAR_IDS, TYPICAL_LEVEL, type PillarId } from '../core/types.ts';
import { gitBlobId } from '../util/git-blob.ts';
import { plural } from '../util/text.ts';

/** A review file as read, before it is checked against the assessment. */
export type ReviewInput = Omit<ReviewRecord, 'state'>;

export interface ReviewFile {
  /** Repository-relative path, forward slashes. */
  path: string;
  text: string;
}

export interface Refusal {
  file: string;
  message: string;
}

export interface ReadReviewsOptions {
  /**
   * The git blob id of a repository file, or null/undefined when it is not in the repository. When
   * given, an evidence `document` must exist, and its blob id is recorded with the evidence.
   */
  documentBlob?: (path: string) => string | null | undefined;
}

/** The rater name of the computed levels in the agreement table. */
export const COMPUTED_RATER = 'readiness';

const FIELDS = ['reviewer', 'external', 'auditor', 'date', 'signs', 'ratings', 'overrides'] as const;
const OVERRIDE_FIELDS = ['pillar', 'level', 'justification', 'evidence'] as const;
const EVIDENCE_FIELDS = ['url', 'document', 'measured'] as const;
const MEASURED_FIELDS = ['value', 'unit', 'source'] as const;

export const REVIEW_MESSAGES = {
  notMapping: `a review is a YAML mapping of ${FIELDS.join(', ')}`,
  reviewer: 'who signed: the reviewer\'s name',
  reviewerReserved: `"${COMPUTED_RATER}" names the computed rating; give the reviewer's name`,
  external: 'true or false: is the reviewer external to the team that owns the platform?',
  auditor: 'true or false: is the reviewer an external auditor?',
  auditorInternal: 'an external auditor is external to the team; set external: true',
  date: 'the date of the sign-off as YYYY-MM-DD',
  signs: 'the digest of the signed assessment (64 hex characters)',
  ratings: 'a mapping of pillar to the reviewer\'s level (1-5)',
  level: 'a level from 1 to 5',
  unknownPillar: `unknown pillar (one of ${PILLAR_IDS.join(', ')})`,
  overrides: 'a list of overrides, each with pillar, level, justification and evidence',
  override: `an override is a mapping of ${OVERRIDE_FIELDS.join(', ')}`,
  pillar: (input: unknown) =>
    input === undefined ? `the pillar whose level is set (one of ${PILLAR_IDS.join(', ')})` : `unknown pillar ${JSON.stringify(input)} (one of ${PILLAR_IDS.join(', ')})`,
  justification: 'an override needs a written justification',
  evidence: 'an override needs evidence: at least one of url, document, measured',
  evidenceItem: 'exactly one of url, document (a repository path) or measured {value, unit, source}',
  url: 'an http(s) URL',
  document: 'a path inside the repository (relative, forward slashes, no ..)',
  documentMissing: (path: string) => `${path} is not in the repository`,
  measured: 'a measured figure: {value, unit, source}',
  measuredValue: 'a number',
  measuredUnit: 'the unit of the figure (e.g. minutes, %)',
  measuredSource: 'where the figure was measured (a dashboard, a report)',
  duplicateOverride: (pillar: string) => `${pillar} is overridden twice in this file`,
  overrideVsRating: (pillar: string, level: number, rating: number) =>
    `sets ${pillar} to ${level} but ratings.${pillar} is ${rating}`,
  unknownField: (expected: readonly string[]) => `unknown field (expected one of ${expected.join(', ')})`,
} as const;

const M = REVIEW_MESSAGES;

const nonBlank = (message: string) => z.string({ error: message }).trim().min(1, { error: message });
const Level = z.number({ error: M.level }).int({ error: M.level }).min(1, { error: M.level }).max(5, { error: M.level });

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function isRepoPath(s: string): boolean {
  return s !== '' && !s.startsWith('/') && !s.includes('\\') && !/^[A-Za-z]:/.test(s) && !s.split('/').some((seg) => seg === '..' || seg === '');
}

const MeasuredSchema = z.strictObject(
  {
    value: z.number({ error: M.measuredValue }).refine(Number.isFinite, { error: M.measuredValue }),
    unit: nonBlank(M.measuredUnit),
    source: nonBlank(M.measuredSource),
  },
  { error: M.measured },
);

const EvidenceItemSchema = z
  .strictObject(
    {
      url: z.string({ error: M.url }).trim().refine(isHttpUrl, { error: M.url }).optional(),
      document: z.string({ error: M.document }).trim().refine(isRepoPath, { error: M.document }).optional(),
      measured: MeasuredSchema.optional(),
    },
    { error: M.evidenceItem },
  )
  .superRefine((e, ctx) => {
    const given = EVIDENCE_FIELDS.filter((k) => e[k] !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', message: M.evidenceItem });
  });

const OverrideSchema = z.strictObject(
  {
    pillar: z.enum(PILLAR_IDS, { error: (iss) => M.pillar(iss.input) }),
    level: Level,
    justification: nonBlank(M.justification),
    evidence: z.array(EvidenceItemSchema, { error: M.evidence }).min(1, { error: M.evidence }),
  },
  { error: M.override },
);

const RatingsSchema = z.strictObject(
  Object.fromEntries(PILLAR_IDS.map((p) => [p, Level.optional()])) as Record<PillarId, z.ZodOptional<typeof Level>>,
  { error: M.ratings },
);

/** The review file (strict: unknown keys are refused, at every depth). */
export const ReviewFileSchema = z
  .strictObject({
    reviewer: nonBlank(M.reviewer).refine((s) => s.toLowerCase() !== COMPUTED_RATER, { error: M.reviewerReserved }),
    external: z.boolean({ error: M.external }),
    auditor: z.boolean({ error: M.auditor }).default(false),
    date: z.string({ error: M.date }).refine(isCalendarDate, { error: M.date }),
    signs: z
      .string({ error: M.signs })
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, { error: M.signs })
      .transform((s) => s.toLowerCase()),
    ratings: RatingsSchema.default({}),
    overrides: z.array(OverrideSchema, { error: M.overrides }).default([]),
  })
  .superRefine((r, ctx) => {
    if (r.auditor && !r.external) ctx.addIssue({ code: 'custom', path: ['auditor'], message: M.auditorInternal });
    const seen = new Set<string>();
    r.overrides.forEach((o, i) => {
      if (seen.has(o.pillar)) ctx.addIssue({ code: 'custom', path: ['overrides', i, 'pillar'], message: M.duplicateOverride(o.pillar) });
      seen.add(o.pillar);
      const rating = r.ratings[o.pillar];
      if (rating !== undefined && rating !== o.level) {
        ctx.addIssue({ code: 'custom', path: ['overrides', i, 'level'], message: M.overrideVsRating(o.pillar, o.level, rating) });
      }
    });
  });

export type ReviewFileData = z.output<typeof ReviewFileSchema>;

/** `overrides[0].evidence[1].url` */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : `${out === '' ? '' : '.'}${String(seg)}`;
  return out;
}

function expectedFields(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return FIELDS;
  const last = path[path.length - 1];
  if (last === 'measured') return MEASURED_FIELDS;
  if (path[0] === 'overrides' && path.length === 2) return OVERRIDE_FIELDS;
  return EVIDENCE_FIELDS;
}

function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys') {
      const inRatings = iss.path.length === 1 && iss.path[0] === 'ratings';
      for (const key of iss.keys) {
        lines.push(`${fieldPath([...iss.path, key])}: ${inRatings ? M.unknownPillar : M.unknownField(expectedFields(iss.path))}`);
      }
    } else {
      lines.push(`${fieldPath(iss.path) || '(root)'}: ${iss.message}`);
    }
  }
  return [...new Set(lines)];
}

/** The parser's message without its position suffix and code frame. */
function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
}

/**
 * A digest of all digits (or digits with one "e") reads as a YAML number; take the digest as written.
 */
function rawSigns(doc: ReturnType<typeof parseDocument>, text: string, data: Record<string, unknown>): void {
  if (!isMap(doc.contents) || typeof data.signs === 'string') return;
  const node = doc.contents.get('signs', true);
  if (node instanceof Scalar && node.range && typeof node.value === 'number') {
    data.signs = text.slice(node.range[0], node.range[1]).trim();
  }
}

function toEvidence(
  e: ReviewFileData['overrides'][number]['evidence'][number],
  where: string,
  options: ReadReviewsOptions,
  problems: string[],
): HumanEvidence {
  if (e.url !== undefined) return { url: e.url };
  if (e.measured !== undefined) return { measured: { ...e.measured } };
  const document = e.document as string;
  if (!options.documentBlob) return { document };
  const blob = options.documentBlob(document);
  if (!blob) {
    problems.push(`${where}.document: ${M.documentMissing(document)}`);
    return { document };
  }
  return { document, blob };
}

/** Read review files. A refused file does not count at all; each problem is one line naming the field. */
export function readReviews(
  files: readonly ReviewFile[],
  options: ReadReviewsOptions = {},
): { reviews: ReviewInput[]; refused: Refusal[] } {
  const reviews: ReviewInput[] = [];
  const refused: Refusal[] = [];
  for (const file of files) {
    const refuse = (lines: string[]) => refused.push(...lines.map((l) => ({ file: file.path, message: `${file.path}: ${l}` })));
    const doc = parseDocument(file.text, { prettyErrors: true, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0];
      refuse([`${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}not valid YAML: ${yamlMessage(err.message)}`]);
      continue;
    }
    const raw: unknown = doc.toJS();
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      refuse([`(root): ${M.notMapping}`]);
      continue;
    }
    const data = raw as Record<string, unknown>;
    rawSigns(doc, file.text, data);
    const parsed = ReviewFileSchema.safeParse(data);
    if (!parsed.success) {
      refuse(issueLines(parsed.error.issues));
      continue;
    }
    const r = parsed.data;
    const problems: string[] = [];
    const overrides = r.overrides.map((o, i) => ({
      pillar: o.pillar,
      level: o.level,
      justification: o.justification,
      evidence: o.evidence.map((e, j) => toEvidence(e, `overrides[${i}].evidence[${j}]`, options, problems)),
    }));
    if (problems.length > 0) {
      refuse(problems);
      continue;
    }
    const ratings: ReviewInput['ratings'] = {};
    for (const p of PILLAR_IDS) {
      const level = r.ratings[p];
      if (level !== undefined) ratings[p] = level;
    }
    reviews.push({
      file: file.path,
      fileBlob: gitBlobId(file.text),
      reviewer: r.reviewer,
      external: r.external,
      auditor: r.auditor,
      date: r.date,
      signs: r.signs,
      ratings,
      overrides,
    });
  }
  return { reviews, refused };
}

// ---------------------------------------------------------------------------------------------
// Applying reviews to an assessment

export interface ApplyReviewsInput {
  /** Pillars as computed (before any override). */
  pillars: readonly PillarResult[];
  /** The resultDigest of this assessment. */
  digest: string;
  reviews: readonly ReviewInput[];
  /** The typical level gapToTypical is measured from (default: level 3). */
  typicalLevel?: number;
}

export interface ApplyReviewsResult {
  pillars: PillarResult[];
  records: ReviewRecord[];
  review: HumanRecord['review'];
  agreement: Agreement | null;
  conflicts: string[];
}

const personKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();


function reviewNote(signers: readonly ReviewRecord[], superseded: readonly ReviewRecord[], reviewed: boolean): string {
  const n = signers.length;
  const external = signers.filter((r) => r.external).length;
  let note: string;
  if (reviewed) note = `Reviewed: ${plural(n, 'sign-off')}, ${external} external`;
  else if (n >= 2) note = `Not reviewed: ${plural(n, 'sign-off')}, none external (at least one reviewer must be external to the team)`;
  else note = `Not reviewed: ${n} of 2 sign-offs; ${external === 0 ? 'no external reviewer' : `${external} external`}`;
  if (superseded.length > 0) {
    note += `; ${plural(superseded.length, 'sign-off')} not counted because ${superseded.length === 1 ? 'it' : 'they'} signed a different result (superseded)`;
  }
  const auditors = signers.filter((r) => r.auditor).map((r) => r.reviewer);
  if (auditors.length > 0) {
    note += `; external auditor ${auditors.join(' and ')} signed, which covers every pillar including security and data`;
  }
  return `${note}.`;
}

function withPeriod(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Cohen's kappa with linear weights on the 1-5 scale for two raters over the same items:
 * 1 - observed disagreement / expected disagreement, disagreement weight |a-b| / 4.
 * Null when there are no items or the expected disagreement is 0 (both raters constant and equal).
 */
export function linearWeightedKappa(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const w = (a: number, b: number) => Math.abs(a - b) / 4;
  const observed = pairs.reduce((s, [a, b]) => s + w(a, b), 0) / n;
  const pa = new Map<number, number>();
  const pb = new Map<number, number>();
  for (const [a, b] of pairs) {
    pa.set(a, (pa.get(a) ?? 0) + 1 / n);
    pb.set(b, (pb.get(b) ?? 0) + 1 / n);
  }
  let expected = 0;
  for (const [a, fa] of pa) for (const [b, fb] of pb) expected += fa * fb * w(a, b);
  if (expected < 1e-12) return null;
  return 1 - observed / expected;
}

function computeAgreement(pillars: readonly PillarResult[], raters: readonly { name: string; ratings: ReviewInput['ratings'] }[]): Agreement | null {
  if (raters.length === 0) return null;
  const names = [COMPUTED_RATER, ...raters.map((r) => r.name)];
  const rows: Agreement['pillars'] = [];
  /** Per rater, per pillar: the level (numbers only; N/A and unrated are left out). */
  const levels = new Map<string, Map<PillarId, number>>(names.map((n) => [n, new Map()]));
  for (const p of pillars) {
    if (!raters.some((r) => r.ratings[p.id] !== undefined)) continue;
    const ratings: Record<string, number | null> = { [COMPUTED_RATER]: p.applicable ? p.level : null };
    if (p.applicable && p.level !== null) levels.get(COMPUTED_RATER)!.set(p.id, p.level);
    for (const r of raters) {
      const level = r.ratings[p.id];
      if (level === undefined) continue;
      ratings[r.name] = level;
      levels.get(r.name)!.set(p.id, level);
    }
    const given = Object.values(ratings);
    const numbers = given.filter((v): v is number => v !== null);
    rows.push({
      pillar: p.id,
      ratings,
      agree: given.every((v) => v === given[0]),
      spread: numbers.length === 0 ? 0 : Math.max(...numbers) - Math.min(...numbers),
    });
  }
  let comparisons = 0;
  let exact = 0;
  let withinOne = 0;
  const kappas: number[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = levels.get(names[i]!)!;
      const b = levels.get(names[j]!)!;
      const pairs: [number, number][] = [];
      for (const row of rows) {
        const la = a.get(row.pillar);
        const lb = b.get(row.pillar);
        if (la === undefined || lb === undefined) continue;
        pairs.push([la, lb]);
        comparisons++;
        if (la === lb) exact++;
        if (Math.abs(la - lb) <= 1) withinOne++;
      }
      const k = linearWeightedKappa(pairs);
      if (k !== null) kappas.push(k);
    }
  }
  return {
    raters: names,
    pillars: rows,
    exactAgreement: comparisons === 0 ? 0 : exact / comparisons,
    withinOne: comparisons === 0 ? 0 : withinOne / comparisons,
    weightedKappa: kappas.length === 0 ? null : kappas.reduce((s, k) => s + k, 0) / kappas.length,
  };
}

/**
 * Check each review against the assessment's digest, decide whether the rating is reviewed, apply
 * valid overrides (never conflicting ones, never on N/A pillars) and measure inter-rater agreement.
 */
export function applyReviews(input: ApplyReviewsInput): ApplyReviewsResult {
  const digest = input.digest.toLowerCase();
  const typical = input.typicalLevel ?? TYPICAL_LEVEL;
  const conflicts: string[] = [];

  const records: ReviewRecord[] = [...input.reviews]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((r) => ({ ...r, state: r.signs.toLowerCase() === digest ? 'valid' : 'superseded' }));
  const superseded = records.filter((r) => r.state === 'superseded');

  // One signature per person: a reviewer who signed this result in several files counts once,
  // with the latest of their files (by date, then path).
  const byPerson = new Map<string, ReviewRecord[]>();
  for (const r of records) {
    if (r.state !== 'valid') continue;
    const k = personKey(r.reviewer);
    byPerson.set(k, [...(byPerson.get(k) ?? []), r]);
  }
  const signers: ReviewRecord[] = [];
  for (const group of byPerson.values()) {
    const latest = group.reduce((a, b) => (b.date >= a.date ? b : a));
    signers.push(latest);
    if (group.length > 1) {
      conflicts.push(
        `${latest.reviewer} signed this result in ${group.length} files (${group.map((r) => r.file).join(', ')}): counted once, using ${latest.file} (the latest).`,
      );
    }
  }

  const external = signers.filter((r) => r.external).length;
  const reviewed = signers.length >= 2 && external >= 1;
  const auditorSigned = signers.some((r) => r.auditor);
  const review: HumanRecord['review'] = {
    reviewed,
    signatures: signers.length,
    external,
    auditorSigned: { security: auditorSigned, data: auditorSigned },
    note: reviewNote(signers, superseded, reviewed),
  };

  // Overrides from valid sign-offs, per pillar.
  const proposed = new Map<PillarId, { reviewer: string; file: string; o: ReviewInput['overrides'][number] }[]>();
  for (const r of signers) {
    for (const o of r.overrides) proposed.set(o.pillar, [...(proposed.get(o.pillar) ?? []), { reviewer: r.reviewer, file: r.file, o }]);
  }
  const pillars = input.pillars.map((p): PillarResult => {
    const list = proposed.get(p.id);
    if (!list) return p;
    proposed.delete(p.id);
    const who = list.map((x) => `${x.reviewer}: ${x.o.level} in ${x.file}`).join('; ');
    if (!p.applicable || p.level === null) {
      conflicts.push(`${p.id}: override refused (${who}): the pillar is N/A, so no level can be set on it.`);
      return p;
    }
    const levelsProposed = new Set(list.map((x) => x.o.level));
    if (levelsProposed.size > 1) {
      conflicts.push(`${p.id}: reviewers set different levels (${who}); no override applied, the computed level ${p.level} stands.`);
      return p;
    }
    const first = list[0]!;
    const level = first.o.level;
    if (level === p.level) {
      conflicts.push(`${p.id}: override not applied (${who}): it equals the computed level ${p.level}.`);
      return p;
    }
    const by = list.map((x) => x.reviewer).join(' and ');
    return {
      ...p,
      level,
      gapToTarget: p.target - level,
      gapToTypical: level - typical,
      summary: `level ${level} set by ${by} (computed ${p.level}): ${withPeriod(first.o.justification)} Computed: ${p.summary}`,
      override: {
        level,
        computedLevel: p.level,
        by,
        justification: first.o.justification,
        evidence: list.flatMap((x) => x.o.evidence),
        file: first.file,
      },
    };
  });
  for (const [pillar, list] of proposed) {
    conflicts.push(`${pillar}: override refused (${list.map((x) => `${x.reviewer} in ${x.file}`).join('; ')}): the pillar is not in this assessment.`);
  }

  // Agreement: the computed levels (before overrides) against each valid reviewer's own ratings.
  // A reviewer's override is their rating of that pillar (a file cannot rate it otherwise).
  const raters = signers
    .map((r) => ({ name: r.reviewer, ratings: { ...Object.fromEntries(r.overrides.map((o) => [o.pillar, o.level])), ...r.ratings } }))
    .filter((r) => Object.keys(r.ratings).length > 0);
  const agreement = computeAgreement(input.pillars, raters);

  return { pillars, records, review, agreement, conflicts };
}
