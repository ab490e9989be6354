// Pure vocabulary shared by every stage. No I/O, no imports from the rest of src.

export const PILLAR_IDS = [
  'architecture',
  'api',
  'data',
  'background',
  'security',
  'observability',
  'reliability',
  'scalability',
  'testing',
  'cicd',
  'iac',
  'finops',
  'docs',
  'team',
] as const;
export type PillarId = (typeof PILLAR_IDS)[number];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

/** Level 3 is "Defined": what a healthy enterprise platform typically operates at (section 3). */
export const TYPICAL_LEVEL: Level = 3;

/**
 * What a detector answers. Deliberately not a verdict: for `has-hardcoded-secrets` "yes" is bad,
 * and only the rubric knows which answer meets a criterion.
 */
export const OUTCOMES = ['yes', 'no', 'unknown', 'not-applicable', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FILE_ROLES = [
  'source',
  'test',
  'fixture',
  'vendored',
  'generated',
  'docs',
  'config',
  'iac',
  'ci',
  'other',
] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const LANGUAGES = [
  'javascript',
  'typescript',
  'python',
  'go',
  'java',
  'kotlin',
  'ruby',
  'csharp',
  'php',
  'shell',
  'hcl',
  'dockerfile',
  'yaml',
  'json',
  'toml',
  'xml',
  'markdown',
  'sql',
  'other',
] as const;
export type Language = (typeof LANGUAGES)[number];

/** Package ecosystems: which manifest format and import syntax a name belongs to. */
export const ECOSYSTEMS = ['js', 'python', 'go', 'jvm', 'ruby', 'dotnet', 'php'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export interface FileEntry {
  /** Repository-relative, forward slashes. */
  readonly path: string;
  readonly size: number;
  readonly language: Language;
  readonly role: FileRole;
  /** Line count; undefined for binary or unread files. */
  lines?: number;
  binary?: boolean;
  /** Git blob id of the content that was read (at the assessed commit when the file is clean). */
  blob?: string;
}

/** A located fact that a reader can open and check. */
export interface Location {
  path: string;
  line?: number;
  /** One line of the file, trimmed and with secrets masked. */
  excerpt?: string;
}

export interface EvidenceItem extends Location {
  /** What this location shows, in a few words ("helmet() applied", "5,210 lines"). */
  note?: string;
  /** A figure this location contributes (e.g. line count of a giant file). */
  value?: number;
}

/** A figure a detector measured, which `measured` criteria compare against thresholds. */
export interface Measure {
  value: number;
  unit: string;
}

export interface DetectorResult {
  outcome: Outcome;
  /** One sentence a reader understands without the code. */
  summary: string;
  evidence: EvidenceItem[];
  measures?: Record<string, Measure>;
}

/** A regular-expression match found in the single content pass. */
export interface Match {
  path: string;
  line: number;
  /** The matched text (may be masked by the detector before use as evidence). */
  text: string;
  /** Capture groups, undefined when a group did not participate. */
  groups: (string | undefined)[];
  /** The whole line, trimmed, secrets masked. */
  excerpt: string;
}

export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  version?: string;
  manifest: string;
  line?: number;
  /** Declared for development only (devDependencies, test groups). */
  dev: boolean;
  /** The version the lockfile governing the manifest pins, and where. */
  locked?: { version: string; lockfile: string; line?: number };
}

/** A place where production or test code imports a module. */
export interface ImportSite {
  ecosystem: Ecosystem;
  /** The module specifier as written (`bullmq`, `@aws-sdk/client-sqs/dist`, `./routes`). */
  specifier: string;
  path: string;
  line: number;
  excerpt: string;
  role: FileRole;
  /**
   * Only types are imported (TypeScript `import type`, `export type ... from`, or every named
   * binding marked `type`): erased at compile time, so no runtime dependency.
   */
  typeOnly?: boolean;
}

/** Cyclomatic complexity of one source file, counted lizard-style (src/ecosystems/complexity.ts). */
export interface FileComplexity {
  /** Functions, methods and lambdas the language's rules count; each contributes 1. */
  functions: number;
  /** Decision points: if, loops, case/when, catch, && and ||, the ternary operator. */
  decisions: number;
  /** Complexity (1 + its own decisions) of the most complex function, when bodies could be delimited. */
  maxFunction?: number;
}

export interface HistoryAuthor {
  name: string;
  email: string;
  commits: number;
  firstAt: number;
  lastAt: number;
}

/** Seconds in a day: history figures count days between unix timestamps. */
export const DAY = 86_400;

/** Line churn is read for the commits of this many days before the newest commit (History.churnSince). */
export const CHURN_DAYS = 365;

/** Lines a commit added and deleted in one file (`git log --numstat`; binary files count 0). */
export interface FileChurn {
  path: string;
  added: number;
  deleted: number;
}

export interface HistoryCommit {
  hash: string;
  /** `Name <email>`, after .mailmap. */
  author: string;
  /** Unix seconds, author date. */
  at: number;
  /** Unix seconds, committer date: when the commit landed where it is. */
  committedAt: number;
  /** Parent commit hashes, first parent first (the branch it was made on). */
  parents: string[];
  subject: string;
  /** Files under the assessed directory this commit touched (none listed for merges). */
  files: string[];
  /** Line churn per file; present only for commits in the churn window (History.churnSince). */
  churn?: FileChurn[];
}

export interface HistoryTag {
  name: string;
  commit: string;
  at: number;
}

export interface History {
  /** The assessed commit: where first-parent chains start. */
  head: string;
  commits: HistoryCommit[];
  authors: HistoryAuthor[];
  tags: HistoryTag[];
  /**
   * Commits reachable from tags of the last year that the assessed commit does not contain (release
   * and maintenance branches), without files: what those releases shipped. Not part of `commits`.
   */
  releaseBranches: HistoryCommit[];
  /** True when the log was cut (shallow clone or a commit limit). */
  truncated: boolean;
  /** Commits committed at or after this time (unix seconds) carry line churn. */
  churnSince: number;
}

export interface Warning {
  code: string;
  message: string;
  path?: string;
}
