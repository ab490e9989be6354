import { defineDetector, firstN, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, gitlabTemplateIncludes, readCi, toolRuns } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

/** Static analysis for security: actions, CLIs and scanners, as written in CI steps. */
const SAST = new RegExp(
  [
    String.raw`github\/codeql-action\/(?:analyze|init|autobuild)`,
    String.raw`\bcodeql\s+database\s+(?:create|analyze)`,
    String.raw`\bsemgrep(?:\s+(?:ci|scan)\b|\s+(?:--config|-c|--sarif|--json|--error)\b|-action\b)`,
    String.raw`sonarsource\/(?:sonarcloud-github-action|sonarqube-scan-action|sonarcloud-github-c-cpp)`,
    String.raw`\bsonar-scanner\b`,
    String.raw`\bsonar:sonar\b`,
    String.raw`\bsonar-maven-plugin(?::[\w.-]+)?:sonar\b`,
    String.raw`\bgradlew?\s+[^\n]*\bsonar(?:qube)?\b`,
    String.raw`\bdotnet[-\s]sonarscanner\b`,
    String.raw`\bsnyk\s+code\s+test\b`,
    String.raw`\bcommand:\s*code\s+test\b`,
    String.raw`\bbandit\b`,
    String.raw`\bgosec\b`,
    String.raw`\bbrakeman\b`,
    String.raw`\bnjsscan\b`,
    String.raw`\bhorusec\b`,
    String.raw`\bcheckmarx\b|\bcx\s+scan\b`,
    String.raw`\bveracode\b`,
    String.raw`\bspotbugs\b[^\n]*findsecbugs|findsecbugs`,
    String.raw`\bpsalm\b[^\n]*--taint-analysis`,
    String.raw`\bbearer\s+scan\b|bearer\/bearer-action`,
  ].join('|'),
  'i',
);
/** GitLab's SAST is an include, not a step. */
const GITLAB_SAST = /(?:Security|Jobs)\/SAST(?:-IaC)?(?:\.latest)?\.gitlab-ci\.yml/;

export default defineDetector({
  id: 'ci-runs-sast',
  pillar: 'security',
  question: 'Does CI run static application security testing (CodeQL, Semgrep, Sonar, Bandit, gosec...)?',
  rationale:
    'SAST in CI catches injection, unsafe deserialisation and secrets in code before they merge, on every change.',
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const ci = readCi(repo);
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    for (const { job, step, command } of toolRuns(ci, SAST)) {
      tools.add((SAST.exec(command)?.[0] ?? 'sast').toLowerCase().replace(/^.*\//, ''));
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(command), note: `SAST step in job '${job.name}'` });
    }
    for (const include of gitlabTemplateIncludes(repo, GITLAB_SAST)) {
      tools.add('gitlab sast');
      evidence.push({ path: include.path, line: include.line, excerpt: excerpt(include.text), note: 'GitLab SAST template included' });
    }
    if (evidence.length > 0) {
      return yes(`CI runs SAST (${[...tools].join(', ')}) at ${evidence[0]!.path}:${evidence[0]!.line}.`, firstN(evidence, 10));
    }
    if (ci.jobs.length === 0 && ci.problems.length > 0) {
      return unknown(`CI configuration could not be read (${ci.problems[0]!.file}: ${ci.problems[0]!.message}).`);
    }
    if (ci.jobs.length === 0) return no('No CI pipeline was found, so no SAST runs in CI.');
    return no(`None of the ${ci.jobs.length} CI job(s) runs a SAST tool.`);
  },
});
