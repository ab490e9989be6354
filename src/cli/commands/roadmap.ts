// `readiness roadmap [path]`: from where the pillars are to where the config wants them. The
// executive summary first, then the targets, the work by quarter and the projected levels. Plans
// from a fresh assessment, a stored one (--from ID) or a saved JSON (--from FILE).
import type { Command } from 'commander';
import { buildRoadmap, type PillarPlan, type Roadmap, type WorkItem } from '../../analysis/roadmap.ts';
import { executiveSummary } from '../../analysis/summary.ts';
import type { PlausibilityFinding } from '../../analysis/targets.ts';
import type { Assessment } from '../../core/assessment.ts';
import { loadConfig } from '../../config/load.ts';
import { targetSpecs, type Config } from '../../config/schema.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { LoadedRubric } from '../../rubric/schema.ts';
import { quarterOf } from '../../util/dates.ts';
import type { CliIo } from '../io.ts';
import { reportWidth, writeReport, writeWarnings } from '../output.ts';
import { addAssessOptions, warningMessages, type AssessCliOptions } from './shared.ts';
import { assessmentFrom } from './source.ts';

interface RoadmapCliOptions extends AssessCliOptions {
  from?: string;
}

/** Where the targets came from, told once at the top: the reader must know defaults are defaults. */
export interface TargetSource {
  file: string | null;
  /** No target is set anywhere: every pillar targets the typical level. */
  default: boolean;
}

export interface RoadmapReport extends Roadmap {
  subject: { path: string; commit: string | null };
  rubric: { id: string; version: string; hash: string };
  targetSource: TargetSource;
  summary: string[];
}

interface Planned {
  assessment: Assessment;
  rubric: LoadedRubric;
  warnings: string[];
}

/** The assessment to plan from: stored (an id), saved (a file), or made now. */
async function assessmentFor(path: string, opts: RoadmapCliOptions, io: CliIo): Promise<Planned> {
  const source = await assessmentFrom(path, opts, io, 'plans from');
  const rubric = source.rubric ?? loadRubric();
  const { assessment } = source;
  const warnings = [...warningMessages(assessment)];
  if (assessment.rubric.hash !== rubric.hash) {
    warnings.push(`the assessment was made under rubric ${assessment.rubric.version} (${assessment.rubric.hash.slice(0, 12)}); the phasing, sequencing and effort of the current rubric ${rubric.version} (${rubric.hash.slice(0, 12)}) plan it`);
  }
  return { assessment, rubric, warnings };
}

const hasTargets = (config: Config): boolean => Object.keys(config.targets ?? {}).length > 0;

function planRoadmap(assessment: Assessment, rubric: LoadedRubric, config: Config, file: string | null): RoadmapReport {
  const roadmap = buildRoadmap(assessment, rubric, targetSpecs(config, assessment.typicalLevel));
  return {
    subject: { path: assessment.subject.path, commit: assessment.subject.commit },
    rubric: { ...assessment.rubric },
    targetSource: { file, default: !hasTargets(config) },
    summary: executiveSummary(roadmap),
    ...roadmap,
  };
}

// --- text -------------------------------------------------------------------------------------

/** Words wrapped to `width`, every line after `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** One line, cut with an ellipsis where the width ends. */
function oneLine(text: string, width: number, indent: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const room = Math.max(20, width - indent.length);
  return indent + (flat.length <= room ? flat : `${flat.slice(0, room - 1).trimEnd()}…`);
}

const RULE_NAMES: Record<PlausibilityFinding['rules'][number], string> = {
  'at-most-one-level-a-year': 'more than one level in 12 months (7.5)',
  phasing: 'faster than the phasing (section 2)',
};

function plausibilityCell(f: PlausibilityFinding | null): string {
  if (!f) return '-';
  if (f.verdict !== 'implausible') return f.verdict;
  const instead = f.plausible ? `; plausible: Level ${f.plausible.level} by ${f.plausible.by}` : '';
  return `implausible: ${f.rules.map((r) => RULE_NAMES[r]).join(', ')}${instead}`;
}

function targetsTable(r: RoadmapReport, width: number): string[] {
  const head = ['Pillar', 'Level', 'Target', 'By', 'Standing', 'Plausibility'];
  const rows = r.pillars.map((p) => [p.name, p.level === null ? 'N/A' : String(p.level), String(p.target), p.by ?? '-', p.standing, plausibilityCell(p.plausibility)]);
  const widths = head.slice(0, 5).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    `  ${cells.slice(0, 5).map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}  ${cells[5]}`.trimEnd();
  const out = [line(head)];
  r.pillars.forEach((p, i) => {
    out.push(line(rows[i]!));
    if (p.why) out.push(oneLine(`to ${p.why}`, width, '      '));
  });
  return out;
}

const where = (e: WorkItem['evidence'][number]): string => `${e.path}${e.line ? `:${e.line}` : ''}`;

function itemLines(item: WorkItem, names: ReadonlyMap<string, string>, width: number): string[] {
  const status = item.status === 'unknown' ? 'unknown, show or attest the evidence' : `unlocks Level ${item.unlocks}`;
  const out = [oneLine(`[${item.effort.size}] ${names.get(item.pillar)} — ${item.criterion} (${status})`, width, '  ')];
  out.push(oneLine(`gap: ${item.gap}`, width, '      '));
  if (item.evidence.length > 0) out.push(oneLine(`at: ${item.evidence.map(where).join(', ')}`, width, '      '));
  out.push(...wrap(`do: ${item.remediation}`, width, '      '));
  for (const d of item.blockedBy) {
    out.push(oneLine(`waits for ${names.get(d.pillar)} Level ${d.level}${d.until ? ` (${d.until})` : ' (never, while the targets stand)'}`, width, '      '));
  }
  return out;
}

function projectedLine(p: PillarPlan): string {
  const steps = p.projected.map((x) => `Level ${x.level} in ${x.quarter}`).join(', ');
  const parts = [steps || 'no level'];
  if (p.blocked) parts.push(`Level ${p.blocked.level} blocked: ${p.blocked.reason}`);
  else if (p.by) parts.push(p.lateAgainstDate ? `late: due ${p.by}` : `on time: due ${p.by}`);
  return `${p.name}: ${parts.join('; ')}`;
}

function renderRoadmap(r: RoadmapReport, width: number): string {
  const names = new Map(r.pillars.map((p) => [p.pillar as string, p.name] as const));
  const out: string[] = [];
  const commit = r.subject.commit ? ` at ${r.subject.commit.slice(0, 12)}` : '';
  out.push(`Roadmap for ${r.subject.path} (assessed ${r.assessedAt.slice(0, 10)}${commit})`);
  if (r.targetSource.default) {
    out.push(`Targets are the default: every pillar targets the typical Level ${r.typical} (${r.targetSource.file ? `${r.targetSource.file} sets no targets` : 'no config file found'}).`);
  } else out.push(`Targets from ${r.targetSource.file}.`);

  out.push('', 'Summary');
  for (const s of r.summary) out.push(...wrap(s, width, '  '));

  out.push('', 'Targets', ...targetsTable(r, width));

  out.push('', `Roadmap (starts ${r.start})`);
  out.push(...wrap(r.assumptions.join(' '), width, '  '));
  if (r.items.length === 0) out.push('  Nothing to do: every applicable pillar is at or above its target.');
  for (const q of r.quarters) {
    out.push('', q.quarter);
    for (const item of q.items) out.push(...itemLines(item, names, width));
  }
  if (r.unscheduled.length > 0) {
    out.push('', 'Blocked (cannot start while the targets stand)');
    for (const item of r.unscheduled) out.push(...itemLines(item, names, width));
  }

  const moving = r.pillars.filter((p) => p.state === 'planned' || p.state === 'blocked');
  if (moving.length > 0) {
    out.push('', 'Projected');
    for (const p of moving) out.push(...wrap(projectedLine(p), width, '  '));
  }
  const t = r.totals;
  out.push('', `${t.items} item(s)${t.unscheduled > 0 ? `, ${t.unscheduled} blocked` : ''}; about ${t.weeks[0]}-${t.weeks[1]} engineer-weeks${t.lastQuarter ? `; ${quarterOf(r.start)} to ${t.lastQuarter} (${t.quarters} quarter(s))` : ''}`);
  return `${out.join('\n')}\n`;
}

// --- command ----------------------------------------------------------------------------------

export function registerRoadmap(program: Command, io: CliIo): void {
  const cmd = program
    .command('roadmap')
    .description('plan the work from each pillar’s level to its target: executive summary, targets, work by quarter, projected levels')
    .argument('[path]', 'folder of the repository (assessed now unless --from gives an assessment; its config gives the targets)', '.')
    .option('--from <assessment>', 'plan from a stored assessment id (`readiness history --json`) or a JSON file of `readiness assess --json`');
  addAssessOptions(cmd).action(async (path: string, opts: RoadmapCliOptions) => {
    // A broken config fails before the scan, not after it.
    const { file, config } = await loadConfig(path, opts.config);
    const { assessment, rubric, warnings } = await assessmentFor(path, opts, io);
    const report = planRoadmap(assessment, rubric, config, file);
    const toFile = opts.output !== undefined;
    await writeReport(io, opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderRoadmap(report, reportWidth(io, toFile)), opts.output);
    writeWarnings(io, warnings);
  });
}
