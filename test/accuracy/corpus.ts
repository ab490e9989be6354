// The accuracy corpus: golden fixture repositories, each with the outcome a senior reviewer
// expects for one criterion. One YAML file per criterion under test/accuracy/cases/<pillar>/.
// No vitest here: `npm run accuracy` and the accuracy test both load it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ECOSYSTEMS } from '../../src/core/types.ts';

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

/**
 * False-positive traps a negative case can set: the places where a naive search would see a
 * library, a secret or a setting that production code does not have.
 */
export const TRAPS = [
  'readme-mention', // named only in documentation
  'commented-out', // present in a comment
  'test-code', // used only by tests
  'fixture', // in test fixtures or sample data
  'vendored', // in a vendored or node_modules copy
  'git-ignored', // in a folder .gitignore excludes
  'undeclared', // imported but not declared in a manifest
  'dev-only', // declared for development only
  'string-literal', // inside a string or a log message
  'allow-list', // an allow-list that looks like an open setting (CORS, hosts)
  'disabled', // in a disabled or never-triggered CI job or a commented config block
  'wrong-target', // the right words aimed at the wrong thing (a DB index called "queue")
] as const;

/** A file too large to write out (a 5,000-line module): built from a repeated block. */
const GeneratedFile = z.strictObject({
  head: z.string().default(''),
  repeat: z.string().min(1),
  times: z.number().int().min(1).max(100_000),
  tail: z.string().default(''),
});

function generate(g: z.infer<typeof GeneratedFile>): string {
  let body = '';
  for (let n = 1; n <= g.times; n++) body += g.repeat.replaceAll('{n}', String(n));
  return g.head + body + g.tail;
}

/** One commit of a case's history (see test/repo-builder.ts): who, when, what, and branch/merge/tag. */
const CommitSchema = z.strictObject({
  author: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  date: z.iso.datetime({ offset: true }).optional(),
  message: z.string().min(1).optional(),
  files: z.record(z.string(), z.string()).optional(),
  remove: z.array(z.string()).optional(),
  tag: z.string().min(1).optional(),
  branch: z.string().min(1).optional(),
  merge: z.string().min(1).optional(),
  /** Make this commit `times` commits, `hours` apart from `date` on; `{n}` (1..times) in files, message and tag. */
  repeat: z.strictObject({ times: z.number().int().min(1).max(1_000), hours: z.number().positive() }).optional(),
});

type CommitInput = z.infer<typeof CommitSchema>;

/** Expand repeated commits into the list the repository builder takes. */
function expandCommits(commits: CommitInput[]): Omit<CommitInput, 'repeat'>[] {
  return commits.flatMap(({ repeat, ...c }) => {
    if (!repeat) return [c];
    const start = Date.parse(c.date ?? '2026-01-01T12:00:00Z');
    return Array.from({ length: repeat.times }, (_, i) => {
      const n = (s: string): string => s.replaceAll('{n}', String(i + 1));
      return {
        ...c,
        date: new Date(start + i * repeat.hours * 3_600_000).toISOString(),
        ...(c.message ? { message: n(c.message) } : {}),
        ...(c.tag ? { tag: n(c.tag) } : {}),
        ...(c.files ? { files: Object.fromEntries(Object.entries(c.files).map(([p, t]) => [n(p), n(t)])) } : {}),
      };
    });
  });
}

const CaseSchema = z.strictObject({
  name: z.string().min(1),
  /** The ecosystem the case exercises; `any` for files read the same way everywhere. */
  ecosystem: z.enum([...ECOSYSTEMS, 'any']),
  expect: z.enum(['met', 'unmet']),
  traps: z.array(z.enum(TRAPS)).default([]),
  /** Make the fixture a git repository (`files` committed in one commit). */
  git: z.boolean().default(false),
  /**
   * A crafted history committed in order before `files` (which, when given, land in one last
   * commit): for figures read from git (truck factor, deploys, documentation age).
   */
  commits: z.array(CommitSchema).min(1).transform(expandCommits).optional(),
  /** A miss we know about and accept for now, with why: the table counts it, the test expects it to stay wrong. */
  known: z.string().min(1).optional(),
  /** File contents; a large file can be generated: `head`, then `repeat` `times` times ({n} = 1..times), then `tail`. */
  files: z
    .record(z.string(), z.union([z.string(), GeneratedFile]))
    .default({})
    .transform((f) => Object.fromEntries(Object.entries(f).map(([path, c]) => [path, typeof c === 'string' ? c : generate(c)]))),
});

const CheckedCase = CaseSchema.refine((c) => Object.keys(c.files).length > 0 || c.commits !== undefined, {
  message: 'a case needs at least one file or commit',
  path: ['files'],
});

const CorpusFileSchema = z.strictObject({
  criterion: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  /** Why the positive cases need not span three ecosystems (the evidence is not code). */
  neutral: z.string().min(1).optional(),
  cases: z.array(CheckedCase).min(1),
});

export type AccuracyCase = z.infer<typeof CaseSchema>;
export interface CorpusFile extends z.infer<typeof CorpusFileSchema> {
  /** Relative to the cases folder. */
  file: string;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every corpus file, validated; throws with the file and field on a malformed one. */
export function loadCorpus(dir = CASES_DIR): CorpusFile[] {
  return yamlFiles(dir).map((abs) => {
    const file = relative(dir, abs);
    const parsed = CorpusFileSchema.safeParse(parseYaml(readFileSync(abs, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return { ...parsed.data, file };
  });
}
