// Where a command's assessment comes from: a fresh run of the repository (stored too with
// --save), a stored id of the history store, or a JSON file written by `readiness assess --json`.
import { readFile } from 'node:fs/promises';
import { AssessmentSchema, type Assessment } from '../../core/assessment.ts';
import type { EvidenceRecord } from '../../engine/judge.ts';
import { UserError } from '../../errors/index.ts';
import type { Store } from '../../history/db.ts';
import { loadAssessment, loadEvidence, saveAssessment } from '../../history/store.ts';
import type { LoadedRubric } from '../../rubric/schema.ts';
import type { CliIo } from '../io.ts';
import { openStoreOrFail, storeTarget } from './history.ts';
import { runAssessment, type AssessCliOptions } from './shared.ts';

/** Read and validate a saved assessment; every problem is one line naming the file (and field). */
export async function readAssessment(file: string): Promise<Assessment> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(code === 'ENOENT' ? 'path-not-found' : 'usage', `cannot read assessment ${file}: ${code} (give a file written by readiness assess --json)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError('usage', `not JSON: ${file}: ${(e as Error).message}`);
  }
  const parsed = AssessmentSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || '(root)';
    throw new UserError('usage', `not an assessment: ${file}: ${field}: ${issue.message} (see docs/schemas/assessment.schema.json)`);
  }
  return parsed.data;
}

/** A stored assessment id: digits only; anything else names a file. */
export function isStoredId(ref: string): boolean {
  return /^\d+$/.test(ref);
}

/** A stored assessment and its raw evidence (absent when it was stored without). */
export async function loadStored(store: Store, id: string): Promise<{ assessment: Assessment; evidence: EvidenceRecord | undefined }> {
  const assessment = await loadAssessment(store, Number(id));
  if (!assessment) throw new UserError('usage', `no stored assessment ${id} in ${store.location} (\`readiness history --json\` lists the ids)`);
  return { assessment, evidence: await loadEvidence(store, Number(id)) };
}

/** Store a fresh assessment (assess --save and the commands that take --save). */
export async function saveFresh(path: string, opts: Pick<AssessCliOptions, 'store'>, io: CliIo, assessment: Assessment, evidence: EvidenceRecord): Promise<void> {
  const store = await openStoreOrFail(storeTarget(path, opts.store, io.env));
  try {
    const id = await saveAssessment(store, assessment, evidence);
    io.stderr.write(`readiness: assessment ${id} stored in ${store.location}\n`);
  } finally {
    await store.close();
  }
}

export interface Sourced {
  assessment: Assessment;
  /** The raw evidence: from a fresh run, or stored with the assessment (absent for a JSON file). */
  evidence: EvidenceRecord | undefined;
  /** The rubric of a fresh run; undefined for an assessment made before. */
  rubric: LoadedRubric | undefined;
}

/** The assessment a command works on: `--from` a stored id or a file, else a fresh run (stored with --save). */
export async function assessmentFrom(path: string, opts: AssessCliOptions & { from?: string }, io: CliIo, verb: string): Promise<Sourced> {
  if (opts.from === undefined) {
    const run = await runAssessment(path, opts, io);
    if (opts.save) await saveFresh(path, opts, io, run.assessment, run.evidence);
    return run;
  }
  if (opts.save) throw new UserError('usage', `--save stores a fresh assessment; --from ${verb} one already made (give one of them)`);
  if (!isStoredId(opts.from)) return { assessment: await readAssessment(opts.from), evidence: undefined, rubric: undefined };
  const store = await openStoreOrFail(storeTarget(path, opts.store, io.env));
  try {
    return { ...(await loadStored(store, opts.from)), rubric: undefined };
  } finally {
    await store.close();
  }
}
