import { defineDetector, firstN, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, gitlabTemplateIncludes, readCi, toolRuns } from '../../ecosystems/ci.ts';
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
      // Updates for GitHub Actions alone keep the workflows current, not the application's dependencies.
      const eco = lines.findIndex((l) => /^\s*-?\s*package-ecosystem\s*:/.test(l) && !/:\s*["']?github-actions["']?\s*(?:#.*)?$/.test(l));
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
    for (const { job, step, command } of toolRuns(ci, SCA)) {
      tools.add((SCA.exec(command)?.[0] ?? 'scan').replace(/^.*\//, '').replace(/@$/, ''));
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(command), note: `dependency scan in job '${job.name}'` });
    }
    for (const include of gitlabTemplateIncludes(repo, GITLAB_SCA)) {
      tools.add('GitLab Dependency Scanning');
      evidence.push({ path: include.path, line: include.line, excerpt: excerpt(include.text), note: 'GitLab Dependency-Scanning template included' });
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
