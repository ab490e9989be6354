import { defineDetector, firstN, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, findSteps, readCi, type CiStep } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];
const RENOVATE = [
  'renovate.json',
  'renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
];
/** Dependency (software composition) scanners, as written in CI steps. */
const SCA = new RegExp(
  [
    String.raw`\b(?:npm|pnpm)\s+audit\b(?!\s+signatures)`,
    String.raw`\byarn\s+(?:npm\s+)?audit\b`,
    String.raw`\b(?:audit-ci|better-npm-audit|improved-yarn-audit)\b`,
    String.raw`\bsnyk\s+(?:test|monitor)\b`,
    String.raw`snyk\/actions\/(?!setup)[\w-]+@`,
    String.raw`\bosv-scanner\b`,
    String.raw`\btrivy\s+(?:fs|filesystem|image|repo|repository|rootfs|sbom)\b`,
    String.raw`aquasecurity\/trivy-action`,
    String.raw`\bgrype\b|anchore\/scan-action`,
    String.raw`\bpip-audit\b`,
    String.raw`\bsafety\s+(?:check|scan)\b`,
    String.raw`\bgovulncheck\b`,
    String.raw`\bbundle(?:r)?[-\s]audit\b`,
    String.raw`\bdependency-check\b|dependency-check-maven|Dependency-Check_Action`,
    String.raw`actions\/dependency-review-action`,
    String.raw`\bcomposer\s+audit\b`,
    String.raw`\bcargo\s+audit\b`,
    String.raw`\bdotnet\s+list\s+[^\n]*--vulnerable`,
    String.raw`\bmix\s+deps\.audit\b|\bmix\s+hex\.audit\b`,
  ].join('|'),
  'i',
);
const GITLAB_SCA = /(?:Security|Jobs)\/Dependency-Scanning(?:\.latest)?\.gitlab-ci\.yml/;
/** Installing a scanner is not running it. */
const INSTALL = /\b(?:pip3?|pipx|npm|pnpm|yarn|gem|go|brew|apt(?:-get)?|apk|cargo|dotnet\s+tool|uv\s+pip)\s+(?:install|add|get|i)\b/;
/**
 * The parts of a step that say what it runs: an action's `uses:` and its `command`/`args` inputs (not
 * paths or options that merely name a tool), or a script's lines without shell comments, split at `&&`.
 */
function commandsOf(step: CiStep): string[] {
  const lines = step.text.split('\n');
  if (step.uses) return [lines[0] ?? '', ...lines.slice(1).filter((l) => /^(?:command|args|scan-type)\s*:/.test(l))];
  return lines
    .filter((l) => !l.trim().startsWith('#'))
    .flatMap((l) => l.split(/&&|\|\||;/))
    .map((l) => l.trim())
    .filter(Boolean);
}
const DISABLED = /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/;

export default defineDetector({
  id: 'ci-runs-sca',
  pillar: 'security',
  question: 'Are dependencies scanned for known vulnerabilities (Dependabot, Renovate, audit or SCA steps in CI)?',
  rationale:
    'Most exploitable vulnerabilities ship in third-party packages; scanning them on every change is the cheapest supply-chain control.',
  contents: [...CI_GLOBS, ...DEPENDABOT, ...RENOVATE],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();

    for (const path of DEPENDABOT) {
      const text = repo.text(path);
      if (text === undefined) continue;
      const lines = text.split('\n');
      const eco = lines.findIndex((l) => /^\s*-?\s*package-ecosystem\s*:/.test(l));
      if (!/^updates\s*:/m.test(text) || eco < 0) continue;
      tools.add('Dependabot');
      evidence.push({ path, line: eco + 1, excerpt: excerpt(lines[eco]!), note: 'Dependabot version updates' });
    }
    for (const path of RENOVATE) {
      const text = repo.text(path);
      if (text === undefined) continue;
      if (/["']?enabled["']?\s*:\s*false/.test(text.split('\n').slice(0, 5).join('\n'))) continue; // switched off at the top
      tools.add('Renovate');
      evidence.push({ path, note: 'Renovate configuration' });
    }

    const ci = readCi(repo);
    for (const { job, step } of findSteps(ci, SCA)) {
      if (step.condition && DISABLED.test(step.condition)) continue;
      const first = commandsOf(step).find((l) => SCA.test(l) && !INSTALL.test(l));
      if (first === undefined) continue;
      tools.add((SCA.exec(first)?.[0] ?? 'scan').replace(/^.*\//, '').replace(/@$/, ''));
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(first), note: `dependency scan in job '${job.name}'` });
    }
    for (const f of repo.glob(['.gitlab-ci.yml', '.gitlab-ci.yaml', '**/.gitlab-ci.yml'])) {
      if (f.role !== 'ci') continue;
      (repo.text(f.path) ?? '').split('\n').forEach((l, i) => {
        if (l.trim().startsWith('#') || !GITLAB_SCA.test(l)) return;
        tools.add('GitLab Dependency Scanning');
        evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(l), note: 'GitLab Dependency-Scanning template included' });
      });
    }

    if (evidence.length === 0) {
      return no(
        ci.jobs.length === 0
          ? 'No Dependabot or Renovate configuration and no CI pipeline scanning dependencies was found.'
          : `No Dependabot or Renovate configuration, and none of the ${ci.jobs.length} CI job(s) scans dependencies.`,
      );
    }
    return yes(`Dependencies are scanned (${[...tools].join(', ')}).`, firstN(evidence, 10));
  },
});
