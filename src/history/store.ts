// Writing and reading assessments in the history store.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Assessment } from '../core/assessment.ts';
import type { EvidenceRecord } from '../engine/judge.ts';
import type { Store } from './db.ts';

export interface StoredAssessment {
  id: number;
  repository: string;
  commit: string | null;
  assessedAt: string;
  rubricHash: string;
  rubricVersion: string;
  toolVersion: string;
  resultDigest: string;
  levels: Record<string, number | null>;
}

/**
 * What identifies a repository across clones and machines: its remote as host/path (an SSH and an
 * HTTPS clone of one repository are the same repository), else its folder.
 */
export function keyOf(remote: string | null, path: string): string {
  if (!remote) return path;
  // scp-like `git@host:owner/name.git`, or a URL with a scheme, user and port.
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(remote);
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+)$/i.exec(remote);
  const m = url ?? (remote.startsWith('/') ? null : scp);
  if (!m) return remote;
  return `${m[1]!.toLowerCase()}/${m[2]!.replace(/\.git\/?$/, '').replace(/\/+$/, '')}`;
}

export function repositoryKey(a: Assessment): string {
  return keyOf(a.subject.remote, a.subject.path);
}

/** Store one assessment and its raw evidence (one transaction: all of it or nothing); returns its id. */
export async function saveAssessment(store: Store, a: Assessment, evidence?: EvidenceRecord): Promise<number> {
  const key = repositoryKey(a);
  return store.db.transaction().execute(async (trx) => {
    await trx.insertInto('repositories').values({ key, created_at: a.assessedAt }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const repo = await trx.selectFrom('repositories').select('id').where('key', '=', key).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('assessments')
      .values({
        repository_id: repo.id,
        commit: a.subject.commit,
        assessed_at: a.assessedAt,
        rubric_id: a.rubric.id,
        rubric_version: a.rubric.version,
        rubric_hash: a.rubric.hash,
        tool_version: a.tool.version,
        result_digest: a.resultDigest,
        document: JSON.stringify(a),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('pillar_levels')
      .values(a.pillars.map((p) => ({ assessment_id: row.id, pillar: p.id, level: p.level, level_from_scan: p.human?.levelFromScan ?? p.level, target: p.target })))
      .execute();
    if (evidence) await trx.insertInto('evidence').values({ assessment_id: row.id, format: evidence.format, data: gzipSync(JSON.stringify(evidence)) }).execute();
    return row.id;
  });
}

/** The assessments of a repository (or all), oldest first, with each pillar's level. */
export async function listAssessments(store: Store, repository?: string): Promise<StoredAssessment[]> {
  let q = store.db
    .selectFrom('assessments')
    .innerJoin('repositories', 'repositories.id', 'assessments.repository_id')
    .select(['assessments.id', 'repositories.key', 'assessments.commit', 'assessments.assessed_at', 'assessments.rubric_hash', 'assessments.rubric_version', 'assessments.tool_version', 'assessments.result_digest']);
  if (repository !== undefined) q = q.where('repositories.key', '=', repository);
  const rows = await q.orderBy('assessments.assessed_at').orderBy('assessments.id').execute();
  if (rows.length === 0) return [];
  const levels = await store.db
    .selectFrom('pillar_levels')
    .select(['assessment_id', 'pillar', 'level'])
    .where('assessment_id', 'in', rows.map((r) => r.id))
    .execute();
  const byAssessment = new Map<number, Record<string, number | null>>();
  for (const l of levels) {
    const m = byAssessment.get(l.assessment_id) ?? {};
    m[l.pillar] = l.level;
    byAssessment.set(l.assessment_id, m);
  }
  return rows.map((r) => ({
    id: r.id,
    repository: r.key,
    commit: r.commit,
    assessedAt: r.assessed_at,
    rubricHash: r.rubric_hash,
    rubricVersion: r.rubric_version,
    toolVersion: r.tool_version,
    resultDigest: r.result_digest,
    levels: byAssessment.get(r.id) ?? {},
  }));
}

/** The stored assessment, whole, as it was written. */
export async function loadAssessment(store: Store, id: number): Promise<Assessment | undefined> {
  const row = await store.db.selectFrom('assessments').select('document').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.document) as Assessment) : undefined;
}

/** The raw evidence stored with an assessment, when it was stored with it. */
export async function loadEvidence(store: Store, id: number): Promise<EvidenceRecord | undefined> {
  const row = await store.db.selectFrom('evidence').select(['format', 'data']).where('assessment_id', '=', id).executeTakeFirst();
  if (!row || row.format !== 1) return undefined;
  return JSON.parse(gunzipSync(row.data).toString('utf8')) as EvidenceRecord;
}
