import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { excerpt } from '../../util/text.ts';

const ROLES: ReadonlySet<FileRole> = new Set<FileRole>(['config', 'other', 'iac', 'source', 'ci']);
const COMPOSE = /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/;

/** Lines inside build files that build an image: [file test, line regex, tool]. */
const LINES: readonly [RegExp, RegExp, string][] = [
  [COMPOSE, /^\s+build\s*:/, 'docker compose build'],
  [/(^|\/)project\.toml$/, /^\s*\[(?:_|io\.buildpacks|\[?build\.buildpacks\]?)\]/, 'Cloud Native Buildpacks'],
  [/(^|\/)pom\.xml$/, /<artifactId>jib-maven-plugin<\/artifactId>/, 'Jib'],
  [/(^|\/)build\.gradle(\.kts)?$/, /com\.google\.cloud\.tools\.jib/, 'Jib'],
];

export default defineDetector({
  id: 'has-container-build',
  pillar: 'cicd',
  question: 'Does the platform build container images?',
  rationale: 'A container image is the same artefact in every environment, which makes deploys and rollbacks repeatable.',
  contents: ['**/docker-compose*.yml', '**/docker-compose*.yaml', '**/compose*.yml', '**/compose*.yaml', '**/project.toml', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    for (const f of repo.files) {
      if (!ROLES.has(f.role) || f.path.startsWith('.devcontainer/') || f.path.includes('/.devcontainer/')) continue;
      const name = f.path.slice(f.path.lastIndexOf('/') + 1);
      if (f.language === 'dockerfile') {
        evidence.push({ path: f.path, note: /^Containerfile/.test(name) ? 'Containerfile' : 'Dockerfile' });
        tools.add('Dockerfile');
      } else if (name === 'Chart.yaml') {
        evidence.push({ path: f.path, note: 'Helm chart' });
        tools.add('Helm chart');
      } else if (name === '.ko.yaml') {
        evidence.push({ path: f.path, note: 'ko build' });
        tools.add('ko');
      }
      const text = repo.text(f.path);
      if (text === undefined) continue;
      for (const [file, re, tool] of LINES) {
        if (!file.test(f.path)) continue;
        const lines = text.split('\n');
        const i = lines.findIndex((l) => re.test(l));
        if (i === -1) continue;
        evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(lines[i]!), note: tool });
        tools.add(tool);
      }
    }
    if (evidence.length === 0) return no('No Dockerfile, compose build, Helm chart, buildpacks, Jib or ko configuration.');
    return yes(`Container images are built (${[...tools].join(', ')}).`, evidence.slice(0, 10));
  },
});
