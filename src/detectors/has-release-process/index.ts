import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { ciRuns, headings, isOwn, nocase, parseDay } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

/** Changelogs at the root or of a package in a monorepo. */
const CHANGELOG = /^((packages|apps|libs|modules|services|crates)\/[^/]+\/)?(changelog|changes|history|news|release[-_]?notes)(\.(md|markdown|rst|adoc|txt))?$/i;
/** A heading that names a version: `## [1.4.0] - 2024-05-02`, `# v2.1.0 (2024-05-02)`, `1.0.0 / 2023-01-01`. */
const VERSION_HEADING = /^\[?v?(\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?)\]?(?:\([^)]*\))?(.*)$/i;
/** A changelog is maintained when it records at least this many versions. */
const MIN_VERSIONS = 2;

/** Files whose presence configures a release tool. */
const TOOL_FILES: readonly (readonly [RegExp, string])[] = [
  [/^(\.releaserc(\.(json|ya?ml|[cm]?js))?|release\.config\.[cm]?[jt]s)$/, 'semantic-release'],
  [/^(release-please-config\.json|\.release-please-manifest\.json)$/, 'release-please'],
  [/^\.changeset\/config\.json$/, 'changesets'],
  [/^\.?goreleaser\.ya?ml$/, 'GoReleaser'],
  [/^\.versionrc(\.(json|[cm]?js))?$/, 'standard-version'],
  [/^\.release-it\.(json|ya?ml|[cm]?[jt]s|toml)$/, 'release-it'],
  [/^\.bumpversion\.(cfg|toml)$|^\.bumpversion\.cfg$/, 'bump2version'],
  [/^jreleaser\.(ya?ml|toml|json)$/, 'JReleaser'],
  [/^\.changie\.ya?ml$/, 'changie'],
  [/^GitVersion\.ya?ml$/, 'GitVersion'],
  [/^(\.cz\.(toml|json|ya?ml)|cz\.(json|toml|ya?ml))$/, 'commitizen'],
];
const TOOL_GLOBS = [
  '.releaserc*', 'release.config.*', 'release-please-config.json', '.release-please-manifest.json', '.changeset/config.json', '.goreleaser.y*ml',
  'goreleaser.y*ml', '.versionrc*', '.release-it.*', '.bumpversion.*', 'jreleaser.*', '.changie.y*ml', 'GitVersion.y*ml', '.cz.*', 'cz.*',
];
/** Release tooling declared inside a manifest or build file: [file, pattern, tool]. */
const IN_FILE: readonly (readonly [RegExp, RegExp, string])[] = [
  [/^package\.json$/, /^\s*"(release-it|release)"\s*:\s*\{/, 'release config in package.json'],
  [/^package\.json$/, /^\s*"(semantic-release|release-please|@changesets\/cli|standard-version|commit-and-tag-version|release-it)"\s*:/, 'release tool declared'],
  [/^pyproject\.toml$/, /^\[tool\.(semantic_release|commitizen|bumpversion|towncrier|hatch\.version)\]/, 'release / versioning config in pyproject.toml'],
  [/^setup\.cfg$/, /^\[bumpversion\]/, 'bump2version config in setup.cfg'],
  [/(^|\/)build\.gradle(\.kts)?$/, /\b(net\.researchgate\.release|pl\.allegro\.tech\.build\.axion-release|org\.jreleaser|io\.github\.gradle-nexus\.publish-plugin)\b/, 'Gradle release plugin'],
  [/(^|\/)pom\.xml$/, /<artifactId>\s*(maven-release-plugin|jreleaser-maven-plugin|nexus-staging-maven-plugin|central-publishing-maven-plugin)\s*<\/artifactId>/, 'Maven release plugin'],
  [/^Rakefile$/, /^\s*require\s+["']bundler\/gem_tasks["']/, 'Bundler gem release tasks (rake release)'],
  [/^Gemfile$/, /^\s*gem\s+["']gem-release["']/, 'gem-release (gem release)'],
];
const MANIFESTS = ['package.json', 'pyproject.toml', 'setup.cfg', '**/build.gradle', '**/build.gradle.kts', '**/pom.xml', 'Rakefile', 'Gemfile'];

/** A CI step that cuts or publishes a release. */
const RELEASE_STEP = new RegExp(
  [
    String.raw`\bsemantic-release\b`, String.raw`release-please`, String.raw`\bgoreleaser\b`, String.raw`changesets\/action`, String.raw`\bchangeset\s+publish\b`,
    String.raw`\b(?:npm|pnpm)\s+publish\b`, String.raw`\byarn\s+(?:npm\s+)?publish\b`, String.raw`\bgh\s+release\s+create\b`, String.raw`softprops\/action-gh-release`,
    String.raw`ncipollo\/release-action`, String.raw`actions\/create-release`, String.raw`\btwine\s+upload\b`, String.raw`\b(?:poetry|uv|hatch|flit|pdm)\s+publish\b`,
    String.raw`pypa\/gh-action-pypi-publish`, String.raw`\bgem\s+(?:push|release)\b`, String.raw`rubygems\/release-gem`, String.raw`\brake\s+release\b`,
    String.raw`\bdotnet\s+nuget\s+push\b`, String.raw`\bnuget\s+push\b`, String.raw`\bmvnw?\b.*\b(?:release:perform|deploy)\b`, String.raw`\bgradlew?\b.*\bpublish\w*\b`,
    String.raw`\bjreleaser\b`, String.raw`\bcz\s+bump\b`, String.raw`\bstandard-version\b`, String.raw`\brelease-it\b`, String.raw`\blerna\s+publish\b`,
  ].join('|'),
);

export default defineDetector({
  id: 'has-release-process',
  pillar: 'team',
  question: 'Is there a release process (a maintained CHANGELOG, release tooling, or a release workflow in CI)?',
  rationale: 'A codified release (versioned changelog, release tooling, a release pipeline) makes every release reviewable and repeatable instead of one person’s routine.',
  measures: {
    'changelog-versions': { unit: 'versions', description: 'Version entries in the changelog' },
    'changelog-dated-versions': { unit: 'versions', description: 'Version entries in the changelog that carry a release date' },
  },
  contents: [...TOOL_GLOBS, ...MANIFESTS, ...CI_GLOBS, `${nocase('changelog')}*`, `${nocase('changes')}*`, `${nocase('history')}*`, `${nocase('news')}*`, '*/*/{CHANGELOG,changelog,CHANGES}*'],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const kinds = new Set<string>();
    // 1. A changelog that records versions (Keep a Changelog or any version headings).
    let versions = 0;
    let dated = 0;
    let newest: EvidenceItem | undefined;
    for (const f of repo.files) {
      if (!isOwn(f) || !CHANGELOG.test(f.path)) continue;
      const text = repo.text(f.path);
      if (text === undefined) continue;
      const lines = text.split(/\r?\n/);
      let v = 0;
      let d = 0;
      let first: EvidenceItem | undefined;
      for (const h of headings(text, f.path)) {
        const m = VERSION_HEADING.exec(h.text.trim());
        if (!m) continue;
        v++;
        const day = parseDay(m[2] ?? '');
        if (day) d++;
        first ??= { path: f.path, line: h.line, excerpt: excerpt(lines[h.line - 1] ?? ''), note: `newest entry: ${m[1]}${day ? ` (${day})` : ''}` };
      }
      if (v > versions) {
        versions = v;
        dated = d;
        newest = first;
      }
    }
    if (versions >= MIN_VERSIONS && newest) {
      kinds.add('maintained changelog');
      evidence.push({ ...newest, note: `changelog with ${versions} versions (${dated} dated); ${newest.note}` });
    }
    // 2. Release tooling.
    for (const f of repo.files) {
      if (!isOwn(f)) continue;
      const hit = TOOL_FILES.find(([re]) => re.test(f.path));
      if (hit) {
        kinds.add(`${hit[1]}`);
        evidence.push({ path: f.path, note: `${hit[1]} config` });
      }
      for (const [file, re, note] of IN_FILE) {
        if (!file.test(f.path)) continue;
        const text = repo.text(f.path);
        if (text === undefined) continue;
        const lines = text.split(/\r?\n/);
        const i = lines.findIndex((l) => re.test(l));
        if (i === -1) continue;
        const tool = re.exec(lines[i]!)?.[1];
        kinds.add(note);
        evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(lines[i]!), note: tool ? `${note} (${tool})` : note });
      }
    }
    // 3. A release workflow: a step that releases or publishes, or a job that runs on tags / releases.
    const ci = readCi(repo);
    const steps = ciRuns(ci, RELEASE_STEP);
    for (const { job, step, command } of steps) {
      kinds.add('release workflow in CI');
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(command), note: `release step (${job.name})` });
    }
    for (const job of ci.jobs) {
      if (job.disabled || steps.some((s) => s.job === job) || !job.triggers.some((t) => t === 'tag' || t === 'release')) continue;
      if (job.triggers.some((t) => t === 'push' || t === 'pull_request')) continue; // an ordinary build that also runs on tags
      kinds.add('release workflow in CI');
      evidence.push({ path: job.file, line: job.line, note: `job runs on tags / releases (${job.name})` });
    }
    const measures = {
      'changelog-versions': { value: versions, unit: 'versions' },
      'changelog-dated-versions': { value: dated, unit: 'versions' },
    };
    if (evidence.length === 0) {
      return no(
        versions > 0
          ? `The changelog records ${versions} version(s), and there is no release tooling or release workflow.`
          : 'No release process: no changelog with versions, no release tooling (semantic-release, release-please, changesets, GoReleaser, bump2version, Maven/Gradle release plugins) and no release workflow in CI.',
        [],
        measures,
      );
    }
    return yes(`Releases are codified: ${[...kinds].slice(0, 4).join(', ')}.`, evidence.slice(0, 10), measures);
  },
});
