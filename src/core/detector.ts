import type {
  DetectorResult,
  Dependency,
  EvidenceItem,
  FileComplexity,
  FileEntry,
  FileRole,
  History,
  ImportSite,
  Language,
  Match,
  Measure,
  Outcome,
  PillarId,
} from './types.ts';

/**
 * A content pattern a detector needs. The scanner runs every detector's patterns over each file
 * in one pass, so a detector never reads the tree itself. `literals` are cheap prefilters: the
 * regex runs only on files containing at least one of them.
 */
export interface PatternSpec {
  regex: RegExp;
  /** Any-of substrings that must occur in the file before the regex runs (case-sensitive). */
  literals?: readonly string[];
  /** Roles of files to search; default: production source only. */
  roles?: readonly FileRole[];
  languages?: readonly Language[];
  /** Globs (picomatch) on the repository-relative path. */
  paths?: readonly string[];
  /**
   * Match against the text with comments blanked out (default true); 'strict' blanks string
   * contents as well, for patterns about calls that tests may quote in fixtures.
   */
  code?: boolean | 'strict';
  /** At most this many matches per file (default 50). */
  maxPerFile?: number;
}

/** What detectors see of a repository: read-only, already scanned, no file system access. */
export interface RepoView {
  readonly isGit: boolean;
  readonly commit: string | null;
  readonly files: readonly FileEntry[];
  file(path: string): FileEntry | undefined;
  /** Files whose path matches any glob, optionally restricted to roles. */
  glob(patterns: string | readonly string[], roles?: readonly FileRole[]): FileEntry[];
  /** Full text of a file the detector declared in `contents` (undefined otherwise or if binary). */
  text(path: string): string | undefined;
  /** Dependencies declared in every manifest the ecosystems layer understands. */
  dependencies(): readonly Dependency[];
  /** Import sites in code (all roles; filter by role for production use). */
  imports(): readonly ImportSite[];
  /** Cyclomatic complexity of a production source file, counted in the scan pass (undefined for other files). */
  complexity(path: string): FileComplexity | undefined;
  /** Git history, when the detector declared `history: true` and the repository has one. */
  history(): History | undefined;
}

export interface DetectContext {
  repo: RepoView;
  /** Matches of the detector's own named pattern. */
  matches(name: string): readonly Match[];
}

export type Lifecycle = 'experimental' | 'stable' | 'deprecated';

export interface DetectorDefinition<P extends string = string> {
  /** Kebab-case fact that is true or false; forever stable because rubrics and history name it. */
  id: string;
  /** The pillar whose criteria mostly use it (for docs). */
  pillar: PillarId;
  /** One question ending with "?". */
  question: string;
  rationale: string;
  lifecycle?: Lifecycle;
  /** Figures it reports, with unit and meaning. */
  measures?: Record<string, { unit: string; description: string }>;
  patterns?: Record<P, PatternSpec>;
  /** Globs of files whose whole text the detector reads (manifests, CI, configs). */
  contents?: readonly string[];
  /** Needs git history. */
  history?: boolean;
  detect(ctx: DetectContext): DetectorResult | Promise<DetectorResult>;
}

/** Typed identity: keeps pattern names checked without a registry of strings. */
export function defineDetector<P extends string>(
  def: DetectorDefinition<P>,
): DetectorDefinition<P> {
  return def;
}

export type AnyDetector = DetectorDefinition<string>;

function result(
  outcome: Outcome,
  summary: string,
  evidence: EvidenceItem[] = [],
  measures?: Record<string, Measure>,
): DetectorResult {
  return measures ? { outcome, summary, evidence, measures } : { outcome, summary, evidence };
}

export function yes(
  summary: string,
  evidence: EvidenceItem[] = [],
  measures?: Record<string, Measure>,
): DetectorResult {
  return result('yes', summary, evidence, measures);
}

export function no(
  summary: string,
  evidence: EvidenceItem[] = [],
  measures?: Record<string, Measure>,
): DetectorResult {
  return result('no', summary, evidence, measures);
}

export function unknown(summary: string, evidence: EvidenceItem[] = []): DetectorResult {
  return result('unknown', summary, evidence);
}

export function notApplicable(summary: string, evidence: EvidenceItem[] = []): DetectorResult {
  return result('not-applicable', summary, evidence);
}

/** Evidence from a match: its path, line and masked excerpt. */
export function fromMatch(m: Match, note?: string): EvidenceItem {
  const e: EvidenceItem = { path: m.path, line: m.line, excerpt: m.excerpt };
  if (note !== undefined) e.note = note;
  return e;
}

/** Evidence from an import site. */
export function fromImport(site: ImportSite, note?: string): EvidenceItem {
  const e: EvidenceItem = { path: site.path, line: site.line, excerpt: site.excerpt };
  if (note !== undefined) e.note = note;
  return e;
}

/** Keep evidence lists readable: the first `n` items, and how many more there were. */
export function firstN<T>(items: readonly T[], n = 10): T[] {
  return items.slice(0, n);
}
