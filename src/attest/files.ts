// Evidence from people, read from YAML files kept with the assessed repository: attestations
// (evidence for a criterion that a scan cannot see) and waivers (a justified, approved, expiring
// exception). A file that does not hold up is refused with one line naming the file and the field,
// and then counts for nothing.
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { gitBlobId } from '../util/git-blob.ts';

/** Where each kind of file is looked for, relative to the assessed folder, unless the config says otherwise. */
export const DEFAULT_FOLDERS = {
  attestations: '.readiness/attestations',
  waivers: '.readiness/waivers',
  reviews: '.readiness/reviews',
} as const;

export type HumanKind = keyof typeof DEFAULT_FOLDERS;

export interface HumanFile {
  /** Repository-relative when inside the assessed folder, else as configured. */
  path: string;
  text: string;
  /** Git blob id of the content. */
  blob: string;
}

export interface Refusal {
  file: string;
  message: string;
}

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date');

export const EvidenceItem = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, error: 'a http(s) URL' }).optional(),
    document: z
      .string()
      .min(1)
      .refine((p) => !isAbsolute(p) && !p.split(/[\\/]/).includes('..'), 'a path inside the repository')
      .optional(),
    blob: z.string().regex(/^[0-9a-f]{40}$/, 'the git blob id (40 hex characters) of the document when attested').optional(),
    measured: z.strictObject({ value: z.number(), unit: z.string().min(1), source: z.string().min(3) }).optional(),
  })
  .superRefine((e, ctx) => {
    const kinds = [e.url, e.document, e.measured].filter((x) => x !== undefined).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: 'one of url, document or measured {value, unit, source}' });
    if (e.document !== undefined && e.blob === undefined) {
      ctx.addIssue({ code: 'custom', path: ['blob'], message: 'a cited document needs the blob id it was attested against (`readiness attest` records it)' });
    }
    if (e.blob !== undefined && e.document === undefined) ctx.addIssue({ code: 'custom', path: ['blob'], message: 'a blob id belongs to a cited document' });
  });

export const AttestationFile = z.strictObject({
  criterion: z.string().min(1),
  claim: z.string().min(10, 'say what is true, in a sentence'),
  evidence: z.array(EvidenceItem).min(1, 'an attestation needs evidence: self-assessment without evidence is a hope (7.1)'),
  by: z.string().min(2, 'who attests'),
  date: DATE,
  expires: DATE.optional(),
});

export const WaiverFile = z.strictObject({
  criterion: z.string().min(1),
  scope: z.union([
    z.literal('repository'),
    z.strictObject({ paths: z.array(z.string().min(1)).min(1) }),
    z.strictObject({ component: z.string().min(1) }),
  ]),
  justification: z.string().min(20, 'a written justification'),
  approver: z.string().min(2, 'who approved the exception'),
  date: DATE,
  expires: DATE,
  compensating: z.array(EvidenceItem).default([]),
});

export type AttestationInput = z.infer<typeof AttestationFile> & { file: string; fileBlob: string };
export type WaiverInput = z.infer<typeof WaiverFile> & { file: string; fileBlob: string };
export type EvidenceInput = z.infer<typeof EvidenceItem>;

/** `evidence[1].blob`, `scope.paths[0]`, or `(file)` for the whole document. */
function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : `${out ? '.' : ''}${String(k)}`;
  return out || '(file)';
}

type Parsed<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

/** Parse and validate one file; a refusal names the file and the first field that fails. */
function parseFile<S extends z.ZodType>(file: HumanFile, schema: S, criteria: ReadonlySet<string>): Parsed<z.infer<S>> {
  const refuse = (message: string): Parsed<z.infer<S>> => ({ ok: false, refusal: { file: file.path, message: `${file.path}${message}` } });
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { prettyErrors: false, lineCounter: lines });
  const err = doc.errors[0];
  if (err) {
    const at = lines.linePos(err.pos[0]);
    return refuse(`:${at.line}:${at.col}: not valid YAML: ${err.message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`: ${fieldOf(issue.path)}: ${issue.message}`);
  }
  const data = parsed.data as { criterion: string; date: string; expires?: string };
  if (!criteria.has(data.criterion)) return refuse(`: criterion: unknown criterion ${data.criterion} (\`readiness rubric\` lists them)`);
  if (data.expires !== undefined && data.expires <= data.date) return refuse(`: expires: ${data.expires} is not after date ${data.date}`);
  return { ok: true, data: parsed.data };
}

function readAll<S extends z.ZodType>(files: readonly HumanFile[], schema: S, criteria: ReadonlySet<string>): { read: (z.infer<S> & { file: string; fileBlob: string })[]; refused: Refusal[] } {
  const read: (z.infer<S> & { file: string; fileBlob: string })[] = [];
  const refused: Refusal[] = [];
  for (const f of files) {
    const r = parseFile(f, schema, criteria);
    if (r.ok) read.push({ ...(r.data as object), file: f.path, fileBlob: f.blob } as z.infer<S> & { file: string; fileBlob: string });
    else refused.push(r.refusal);
  }
  return { read, refused };
}

export function readAttestations(files: readonly HumanFile[], criteria: ReadonlySet<string>): { attestations: AttestationInput[]; refused: Refusal[] } {
  const { read, refused } = readAll(files, AttestationFile, criteria);
  return { attestations: read, refused };
}

export function readWaivers(files: readonly HumanFile[], criteria: ReadonlySet<string>): { waivers: WaiverInput[]; refused: Refusal[] } {
  const { read, refused } = readAll(files, WaiverFile, criteria);
  return { waivers: read, refused };
}

/**
 * The YAML files of one folder (sorted; none when it does not exist). `folder` is relative to the
 * assessed root or absolute; paths come back relative to the root when inside it.
 */
export async function readFolder(root: string, folder: string): Promise<{ files: HumanFile[]; problem?: Refusal }> {
  const dir = resolve(root, folder);
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { files: [] };
    return { files: [], problem: { file: folder, message: `${folder}: cannot be read (${code ?? (e as Error).message})` } };
  }
  const files: HumanFile[] = [];
  for (const name of names) {
    const abs = join(dir, name);
    const rel = relative(root, abs);
    const path = rel.startsWith('..') || isAbsolute(rel) ? abs : rel.split(sep).join('/');
    const buf = await readFile(abs);
    files.push({ path, text: buf.toString('utf8'), blob: gitBlobId(buf) });
  }
  return { files };
}
