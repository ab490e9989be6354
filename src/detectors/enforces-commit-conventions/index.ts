import { isMap, isSeq, parseDocument } from 'yaml';
import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { ciRuns, isOwn } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

/** Configuration of a commit-message checker: what it checks, not proof that anything runs it. */
const CONFIG_FILES: readonly (readonly [RegExp, string])[] = [
  [/^(commitlint\.config\.[cm]?[jt]s|\.commitlintrc(\.(json|ya?ml|[cm]?[jt]s))?)$/, 'commitlint config'],
  [/^(\.cz\.(toml|json|ya?ml)|cz\.(json|toml|ya?ml))$/, 'commitizen config'],
  [/^cog\.toml$/, 'cocogitto config'],
  [/^\.gitlint$/, 'gitlint config'],
  [/^\.conform\.ya?ml$/, 'conform config'],
];
const CONFIG_GLOBS = ['commitlint.config.*', '.commitlintrc*', '.cz.*', 'cz.*', 'cog.toml', '.gitlint', '.conform.yaml', '.conform.yml'];
const HOOK_FILES = [
  '.husky/commit-msg', '.githooks/commit-msg', 'lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml', '.pre-commit-config.yaml',
  'package.json', 'pyproject.toml', 'captainhook.json', '.overcommit.yml',
];
/** A checker of commit messages, run from a hook or a CI step. */
const CHECKER = /\bcommitlint\b|\bcz\s+check\b|\bcommitizen\s+check\b|\bcog\s+(check|verify)\b|\bgitlint\b|\bcommitsar\b|\bconform\s+enforce\b|\bcommitted\b|\bconventional-pre-commit\b|\bgit-conventional-commits\b/;
/** CI checks of commit messages or PR titles: actions and commands. */
const CI_CHECK = new RegExp(
  String.raw`amannn\/action-semantic-pull-request|wagoid\/commitlint-github-action|ytanikin\/pr-conventional-commits|Namchee\/conventional-pr|deepakputhraya\/action-pr-title|morrisoncole\/pr-lint-action|webiny\/action-conventional-commits|thehanimo\/pr-title-checker|Slashgear\/action-check-pr-title|aslafy-z\/conventional-pr-title-action|` +
    CHECKER.source,
);
/** The husky v8 boilerplate line that loads husky, and comments: not a command. */
const HUSKY_BOILERPLATE = /^\s*(#|\.\s+"?\$\(dirname|$)/;

function lineOf(text: string, re: RegExp, from = 0): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = from; i < lines.length; i++) if (re.test(lines[i]!)) return i + 1;
  return undefined;
}

function yamlMap(text: string): ReturnType<typeof parseDocument>['contents'] | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  return doc.errors.length > 0 ? undefined : doc.contents;
}

export default defineDetector({
  id: 'enforces-commit-conventions',
  pillar: 'team',
  question: 'Are commit-message or PR-title conventions enforced (a commit-msg hook or a CI check that runs commitlint, gitlint, commitizen, conventional-pre-commit or a PR title check)?',
  rationale: 'Enforced conventions make history machine-readable (changelogs, versions) and keep it readable for the next person; a convention nothing checks erodes.',
  contents: [...CONFIG_GLOBS, ...HOOK_FILES, ...CI_GLOBS],
  detect({ repo }) {
    const runners: EvidenceItem[] = [];
    const configs: EvidenceItem[] = [];
    const at = (path: string, text: string, line: number | undefined, note: string): EvidenceItem => {
      const e: EvidenceItem = { path, note };
      if (line !== undefined) {
        e.line = line;
        e.excerpt = excerpt(text.split(/\r?\n/)[line - 1] ?? '');
      }
      return e;
    };
    const text = (p: string): string | undefined => {
      const f = repo.file(p);
      return f && isOwn(f) ? repo.text(p) : undefined;
    };
    for (const f of repo.files) {
      if (!isOwn(f)) continue;
      const hit = CONFIG_FILES.find(([re]) => re.test(f.path));
      if (hit) configs.push({ path: f.path, note: hit[1] });
    }

    // Git hooks: husky (v4 in package.json, v5+ in .husky/), simple-git-hooks, yorkie, a hooks folder.
    for (const p of ['.husky/commit-msg', '.githooks/commit-msg']) {
      const t = text(p);
      const l = t === undefined ? undefined : t.split(/\r?\n/).findIndex((x) => !HUSKY_BOILERPLATE.test(x)) + 1;
      if (t !== undefined && l) runners.push(at(p, t, l, `${p.startsWith('.husky') ? 'husky' : 'git'} commit-msg hook`));
    }
    const pkg = text('package.json');
    let scripts: Record<string, string> = {};
    if (pkg !== undefined) {
      try {
        const json = JSON.parse(pkg) as Record<string, unknown>;
        scripts = Object.fromEntries(Object.entries((json.scripts ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
        if (json.commitlint !== undefined) configs.push(at('package.json', pkg, lineOf(pkg, /"commitlint"\s*:/), 'commitlint config in package.json'));
        const hooks: [unknown, string][] = [
          [(json.husky as { hooks?: Record<string, unknown> } | undefined)?.hooks?.['commit-msg'], 'husky commit-msg hook'],
          [(json['simple-git-hooks'] as Record<string, unknown> | undefined)?.['commit-msg'], 'simple-git-hooks commit-msg hook'],
          [(json.gitHooks as Record<string, unknown> | undefined)?.['commit-msg'], 'yorkie commit-msg hook'],
        ];
        for (const [cmd, note] of hooks) if (typeof cmd === 'string' && cmd.trim() !== '') runners.push(at('package.json', pkg, lineOf(pkg, /"commit-msg"\s*:/), note));
      } catch {
        // an unparseable package.json is reported by the manifest reader
      }
    }
    for (const p of ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml']) {
      const t = text(p);
      const root = t === undefined ? undefined : yamlMap(t);
      const hook = isMap(root) ? root.get('commit-msg', true) : undefined;
      if (t !== undefined && isMap(hook) && ['commands', 'scripts', 'jobs'].some((k) => hook.get(k) != null)) runners.push(at(p, t, lineOf(t, /^commit-msg\s*:/), 'lefthook commit-msg hook'));
    }
    const preCommit = text('.pre-commit-config.yaml');
    const pc = preCommit === undefined ? undefined : yamlMap(preCommit);
    const repos = isMap(pc) ? pc.get('repos', true) : undefined;
    if (preCommit !== undefined && isSeq(repos)) {
      for (const r of repos.items) {
        const hooks = isMap(r) ? r.get('hooks', true) : undefined;
        if (!isSeq(hooks)) continue;
        for (const h of hooks.items) {
          if (!isMap(h)) continue;
          const id = String(h.get('id') ?? '');
          const stages = h.get('stages', true);
          const onCommitMsg = isSeq(stages) && stages.items.some((s) => String((s as { value?: unknown }).value ?? s) === 'commit-msg');
          if (/conventional-pre-commit|commitizen|gitlint|commitlint|commit-msg|check-commit/.test(id) || onCommitMsg) {
            runners.push(at('.pre-commit-config.yaml', preCommit, lineOf(preCommit, new RegExp(String.raw`^\s*-?\s*id:\s*['"]?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`)), `pre-commit commit-msg hook (${id})`));
          }
        }
      }
    }
    const captain = text('captainhook.json');
    if (captain !== undefined) {
      try {
        const hook = (JSON.parse(captain) as Record<string, { enabled?: boolean; actions?: unknown[] }>)['commit-msg'];
        if (hook?.enabled && (hook.actions?.length ?? 0) > 0) runners.push(at('captainhook.json', captain, lineOf(captain, /"commit-msg"\s*:/), 'CaptainHook commit-msg hook'));
      } catch {
        // malformed JSON: nothing runs
      }
    }
    const overcommit = text('.overcommit.yml');
    const oc = overcommit === undefined ? undefined : yamlMap(overcommit);
    const commitMsg = isMap(oc) ? oc.get('CommitMsg', true) : undefined;
    if (overcommit !== undefined && isMap(commitMsg) && commitMsg.items.some((i) => isMap(i.value) && i.value.get('enabled') !== false)) {
      runners.push(at('.overcommit.yml', overcommit, lineOf(overcommit, /^CommitMsg\s*:/), 'overcommit CommitMsg hooks'));
    }
    const pyproject = text('pyproject.toml');
    const pyLine = pyproject === undefined ? undefined : lineOf(pyproject, /^\[tool\.commitizen\]/);
    if (pyproject !== undefined && pyLine !== undefined) configs.push(at('pyproject.toml', pyproject, pyLine, 'commitizen config'));

    // CI: a check of commit messages or PR titles, directly or through a package script.
    const ci = readCi(repo);
    for (const { job, step, command } of ciRuns(ci, CI_CHECK)) {
      runners.push({ path: job.file, line: step.line, excerpt: excerpt(command), note: `CI checks commit messages / PR titles (${job.name})` });
    }
    const checking = Object.keys(scripts).filter((name) => CHECKER.test(scripts[name]!));
    if (checking.length > 0) {
      const call = new RegExp(String.raw`\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+(${checking.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:\s|$)`);
      for (const { job, step, command } of ciRuns(ci, call)) {
        const name = call.exec(command)![1]!;
        runners.push({ path: job.file, line: step.line, excerpt: excerpt(command), note: `CI runs the ${name} script (${excerpt(scripts[name]!)}) (${job.name})` });
      }
    }

    if (runners.length === 0) {
      return no(
        configs.length > 0
          ? `A commit convention is configured (${configs.map((c) => c.note).join(', ')}) but nothing runs it: no commit-msg hook and no CI check of commits or PR titles.`
          : 'No commit-message or PR-title convention is enforced (no commit-msg hook and no CI check with commitlint, gitlint, commitizen or a PR title action).',
        configs.slice(0, 5),
      );
    }
    const notes = [...new Set(runners.map((e) => e.note))];
    return yes(`Commit conventions are enforced: ${notes.slice(0, 3).join('; ')}.`, [...runners, ...configs].slice(0, 10));
  },
});
