// SARIF 2.1.0 output, so code-scanning UIs show each level-1 anti-pattern and each unmet
// criterion located in the code at its file and line, with the criterion's remediation as help.
// Unknown criteria are not results: nothing was found, so there is nothing to point at.
import { createHash } from 'node:crypto';
import type { Assessment, CriterionResult, Evidence, PillarResult } from '../core/assessment.ts';
import { encodePath, escapeMarkdown, hostedRepository } from './markdown.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Locations are relative to the repository root, which a consumer maps to its checkout. */
export const SRCROOT = 'SRCROOT';

/** The key of our fingerprint in `partialFingerprints`; bump the version if its recipe changes. */
export const FINGERPRINT_KEY = 'readiness/v1';

export interface SarifOptions {
  /** The repository's URI for versionControlProvenance; by default derived from the remote. */
  repositoryUri?: string;
}

type Level = 'error' | 'warning' | 'note';

interface Message {
  text: string;
  markdown?: string;
}

interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number } };
}

interface Rule {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  help: Message;
  defaultConfiguration: { level: Level };
  properties: { pillar: string; level: number; kind: string; tags: string[] };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: Message;
  locations: Location[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string }[];
  properties: { pillar: string; criterionLevel: number; detector?: string; note?: string; repositoryLevel?: boolean };
}

interface Notification {
  level: 'error' | 'warning';
  message: Message;
  descriptor?: { id: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: string; version: string; rules: Rule[]; properties: { rubric: Assessment['rubric'] } } };
      invocations: [{ executionSuccessful: boolean; toolExecutionNotifications?: Notification[] }];
      versionControlProvenance?: [{ repositoryUri: string; revisionId?: string; branch?: string; mappedTo: { uriBaseId: string } }];
      results: Result[];
      properties: { assessedAt: string; commit: string | null; branch: string | null; incomplete: boolean; resultDigest: string };
    },
  ];
}

/**
 * The URI of the repository for versionControlProvenance: the web address of a GitHub or GitLab
 * remote (what code scanning expects), else the remote when it is a URI (scp-like remotes become
 * ssh:// URIs); null for a local path or no remote.
 */
export function repositoryUri(remote: string | null): string | null {
  if (!remote) return null;
  const hosted = hostedRepository(remote);
  if (hosted) return hosted.web;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(remote)) return remote;
  const scp = /^(?:([^@/]+)@)?([^:/]+):(?!\/)(.+)$/.exec(remote);
  if (scp) return `ssh://${scp[1] ? `${scp[1]}@` : ''}${scp[2]}/${encodePath(scp[3]!.replace(/^\/+/, ''))}`;
  return null;
}

/** Stable across runs of the same finding: the criterion, the path and the line. */
export function fingerprint(criterion: string, path: string, line: number | undefined): string {
  return createHash('sha256').update(`${criterion}\u0000${path}\u0000${line ?? ''}`).digest('hex');
}

/** Where a finding is: a file of the repository (it has a blob id), at its line when known. */
function locationOf(e: Evidence): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodePath(e.path), uriBaseId: SRCROOT },
      ...(e.line !== undefined ? { region: { startLine: e.line } } : {}),
    },
  };
}

/**
 * Code scanning rejects a file with a result that has no location, so an anti-pattern of the
 * repository as a whole (zero tests, no IaC) is anchored at the repository root.
 */
const REPOSITORY_ROOT: Location = { physicalLocation: { artifactLocation: { uri: '.', uriBaseId: SRCROOT } } };

function ruleOf(p: PillarResult, c: CriterionResult): Rule {
  const antiPattern = c.level === 1 && c.antiPattern;
  const full = antiPattern ? `Anti-pattern: ${c.antiPattern}. Met when: ${c.statement}` : c.statement;
  return {
    id: c.id,
    // PascalCase, as SARIF recommends for rule names: security.no-hardcoded-secrets -> SecurityNoHardcodedSecrets.
    name: c.id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: antiPattern ? c.antiPattern! : c.statement },
    fullDescription: { text: `${full} (${p.name}, level ${c.level})` },
    help: {
      text: c.remediation,
      markdown: `**Fix:** ${escapeMarkdown(c.remediation)}\n\n${escapeMarkdown(full)}\n\n${escapeMarkdown(`Evidence kind: ${c.kind}. Source: ${c.source}.`)}`,
    },
    defaultConfiguration: { level: c.level === 1 ? 'error' : 'warning' },
    properties: { pillar: p.id, level: c.level, kind: c.kind, tags: ['readiness', p.id, `level-${c.level}`] },
  };
}

/** The level a result is reported at: anti-patterns are errors; criteria beyond the next level are notes. */
function levelOf(p: PillarResult, c: CriterionResult): Level {
  if (c.level === 1) return 'error';
  const next = p.next?.level ?? (p.level ?? 0) + 1;
  return c.level > next ? 'note' : 'warning';
}

interface Finding {
  pillar: PillarResult;
  criterion: CriterionResult;
  /** Files the finding is located at; empty for an anti-pattern of the whole repository. */
  at: Evidence[];
}

/**
 * What becomes a result: every level-1 anti-pattern present (also when waived: it is reported
 * suppressed, with the waiver's justification), and every unmet criterion above level 1 located
 * at a file and line. Only applicable pillars: an N/A pillar has no level to fall short of.
 */
function findings(a: Assessment): Finding[] {
  const out: Finding[] = [];
  for (const p of a.pillars) {
    if (!p.applicable) continue;
    for (const c of p.criteria) {
      const scanStatus = c.basis === 'waiver' ? c.computedStatus : c.status;
      if (scanStatus !== 'unmet') continue;
      // A file of the repository has a blob id; folders, commits and the repository ('.') do not.
      const files = c.evidence.filter((e) => e.blob !== undefined);
      const seen = new Set<string>();
      const unique = files.filter((e) => {
        const key = `${e.path}\u0000${e.line ?? ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (c.level === 1) out.push({ pillar: p, criterion: c, at: unique });
      else if (c.status === 'unmet') {
        const lines = unique.filter((e) => e.line !== undefined);
        if (lines.length > 0) out.push({ pillar: p, criterion: c, at: lines });
      }
    }
  }
  return out;
}

function notifications(a: Assessment): Notification[] {
  const out: Notification[] = a.detectors
    .filter((d) => d.outcome === 'error')
    .map((d) => ({ level: 'error', message: { text: `${d.summary}. The criteria that depend on it are unknown.` }, descriptor: { id: d.id } }));
  for (const w of a.warnings) out.push({ level: 'warning', message: { text: w.message } });
  return out;
}

/** The assessment as a SARIF 2.1.0 log: one run, one rule per criterion with results. */
export function renderSarif(a: Assessment, opts: SarifOptions = {}): string {
  const rules: Rule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Result[] = [];
  for (const f of findings(a)) {
    const c = f.criterion;
    if (!ruleIndex.has(c.id)) {
      ruleIndex.set(c.id, rules.length);
      rules.push(ruleOf(f.pillar, c));
    }
    const base = { ruleId: c.id, ruleIndex: ruleIndex.get(c.id)!, level: levelOf(f.pillar, c), message: { text: c.reason } };
    const suppressions =
      c.basis === 'waiver' && c.waiver
        ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: `${c.waiver.justification} (waiver ${c.waiver.file}, approved by ${c.waiver.approver} until ${c.waiver.expires})` }] }
        : {};
    if (f.at.length === 0) {
      results.push({ ...base, locations: [REPOSITORY_ROOT], partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(c.id, '.', undefined) }, ...suppressions, properties: { pillar: f.pillar.id, criterionLevel: c.level, repositoryLevel: true } });
      continue;
    }
    for (const e of f.at) {
      results.push({
        ...base,
        locations: [locationOf(e)],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(c.id, e.path, e.line) },
        ...suppressions,
        properties: { pillar: f.pillar.id, criterionLevel: c.level, detector: e.detector, ...(e.note ? { note: e.note } : {}) },
      });
    }
  }
  const uri = opts.repositoryUri ?? repositoryUri(a.subject.remote);
  const notes = notifications(a);
  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: a.tool.name, version: a.tool.version, rules, properties: { rubric: a.rubric } } },
        invocations: [{ executionSuccessful: true, ...(notes.length > 0 ? { toolExecutionNotifications: notes } : {}) }],
        ...(uri
          ? {
              versionControlProvenance: [
                {
                  repositoryUri: uri,
                  ...(a.subject.commit ? { revisionId: a.subject.commit } : {}),
                  ...(a.subject.branch ? { branch: a.subject.branch } : {}),
                  mappedTo: { uriBaseId: SRCROOT },
                },
              ] as [{ repositoryUri: string; revisionId?: string; branch?: string; mappedTo: { uriBaseId: string } }],
            }
          : {}),
        results,
        properties: { assessedAt: a.assessedAt, commit: a.subject.commit, branch: a.subject.branch, incomplete: a.incomplete, resultDigest: a.resultDigest },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
