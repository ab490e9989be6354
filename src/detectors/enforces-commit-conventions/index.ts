import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, findSteps, readCi } from '../../ecosystems/ci.ts';
import { isOwn } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

/** Config files whose presence means commit messages are checked or parsed by convention. */
const CONFIG_FILES: readonly (readonly [RegExp, string])[] = [
  [/^(commitlint\.config\.[cm]?[jt]s|\.commitlintrc(\.(json|ya?ml|[cm]?[jt]s))?)$/, 'commitlint config'],
  [/^(\.releaserc(\.(json|ya?ml|[cm]?js))?|release\.config\.[cm]?[jt]s)$/, 'semantic-release config'],
  [/^(release-please-config\.json|\.release-please-manifest\.json)$/, 'release-please config'],
  [/^\.changeset\/config\.json$/, 'changesets config'],
  [/^\.versionrc(\.(json|[cm]?js))?$/, 'standard-version (conventional-changelog) config'],
  [/^(\.cz\.(toml|json|ya?ml)|cz\.(json|toml|ya?ml))$/, 'commitizen config'],
  [/^cog\.toml$/, 'cocogitto config'],
  [/^\.gitlint$/, 'gitlint config'],
];
const CONFIG_GLOBS = [
  'commitlint.config.*', '.commitlintrc*', '.releaserc*', 'release.config.*', 'release-please-config.json', '.release-please-manifest.json',
  '.changeset/config.json', '.versionrc*', '.cz.*', 'cz.*', 'cog.toml', '.gitlint',
];
const HOOK_FILES = ['.husky/commit-msg', 'lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml', '.pre-commit-config.yaml', 'package.json', 'pyproject.toml'];
/** Release tools that derive versions or changelogs from conventional commit messages. */
const CONVENTIONAL_DEPS = new Set([
  'conventional-changelog', 'conventional-changelog-cli', 'standard-version', 'commit-and-tag-version', 'semantic-release',
  '@commitlint/cli', 'commitizen', 'python-semantic-release', 'gitlint', 'gitlint-core',
]);
const CI_CHECK =
  /amannn\/action-semantic-pull-request|wagoid\/commitlint-github-action|ytanikin\/pr-conventional-commits|Namchee\/conventional-pr|deepakputhraya\/action-pr-title|morrisoncole\/pr-lint-action|(googleapis|google-github-actions)\/release-please-action|\bcommitlint\b|\bcz\s+check\b|\bgitlint\b|\bcog\s+check\b/;

function lineOf(text: string, re: RegExp): number | undefined {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => re.test(l));
  return i === -1 ? undefined : i + 1;
}

export default defineDetector({
  id: 'enforces-commit-conventions',
  pillar: 'team',
  question: 'Are commit-message or PR-title conventions enforced (commitlint, commit-msg hooks, semantic-release, release-please, changesets, PR title checks)?',
  rationale: 'Enforced conventions make history machine-readable (changelogs, versions) and keep it readable for the next person.',
  contents: [...CONFIG_GLOBS, ...HOOK_FILES, ...CI_GLOBS],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const add = (path: string, line: number | undefined, note: string, text?: string): void => {
      const e: EvidenceItem = { path, note };
      if (line !== undefined) e.line = line;
      if (line !== undefined && text !== undefined) e.excerpt = excerpt(text.split(/\r?\n/)[line - 1] ?? '');
      evidence.push(e);
    };
    for (const f of repo.files) {
      if (!isOwn(f)) continue;
      const hit = CONFIG_FILES.find(([re]) => re.test(f.path));
      if (hit) add(f.path, undefined, hit[1]);
    }
    const text = (p: string): string | undefined => {
      const f = repo.file(p);
      return f && isOwn(f) ? repo.text(p) : undefined;
    };
    const husky = text('.husky/commit-msg');
    const huskyLine = husky === undefined ? undefined : lineOf(husky, /^(?!\s*#)(?!\s*\.\s+"?\$\(dirname)\s*\S/);
    if (huskyLine !== undefined) add('.husky/commit-msg', huskyLine, 'husky commit-msg hook', husky);
    for (const p of ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml']) {
      const t = text(p);
      const l = t === undefined ? undefined : lineOf(t, /^commit-msg\s*:/);
      if (l !== undefined) add(p, l, 'lefthook commit-msg hook', t);
    }
    const preCommit = text('.pre-commit-config.yaml');
    const pcLine = preCommit === undefined ? undefined : lineOf(preCommit, /^(?!\s*#).*\b(conventional-pre-commit|commitizen|gitlint|commitlint|commit-msg)\b/);
    if (pcLine !== undefined) add('.pre-commit-config.yaml', pcLine, 'pre-commit commit-msg hook', preCommit);
    const pkg = text('package.json');
    if (pkg !== undefined) {
      try {
        const json = JSON.parse(pkg) as Record<string, unknown>;
        if (json.commitlint !== undefined) add('package.json', lineOf(pkg, /"commitlint"\s*:/), 'commitlint config in package.json', pkg);
        const hooks = (json.husky as { hooks?: Record<string, unknown> } | undefined)?.hooks;
        if (hooks?.['commit-msg'] !== undefined) add('package.json', lineOf(pkg, /"commit-msg"\s*:/), 'husky commit-msg hook', pkg);
      } catch {
        // an unparseable package.json is reported by the manifest reader
      }
    }
    const pyproject = text('pyproject.toml');
    const pyLine = pyproject === undefined ? undefined : lineOf(pyproject, /^\[tool\.(commitizen|semantic_release)\]/);
    if (pyLine !== undefined) add('pyproject.toml', pyLine, 'commitizen / semantic-release config', pyproject);
    for (const d of repo.dependencies()) {
      if (!CONVENTIONAL_DEPS.has(d.name)) continue;
      const f = repo.file(d.manifest);
      if (f && isOwn(f)) add(d.manifest, d.line, `${d.name} declared`, repo.text(d.manifest));
    }
    for (const { job, step } of findSteps(readCi(repo), CI_CHECK)) {
      add(job.file, step.line, `CI checks commit messages / PR titles (${job.name})`, repo.text(job.file));
    }
    if (evidence.length === 0) {
      return no('No commit-message or PR-title convention is enforced (no commitlint, commit-msg hook, semantic-release, release-please, changesets or PR title check).');
    }
    const notes = [...new Set(evidence.map((e) => e.note))];
    return yes(`Commit conventions are enforced: ${notes.slice(0, 3).join('; ')}.`, evidence.slice(0, 10));
  },
});
