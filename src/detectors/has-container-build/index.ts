import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CI_GLOBS, readCi, runnableJobs } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { YAML_DOC_SEPARATOR, yamlDocumentKey } from '../../ecosystems/kubernetes.ts';
import { excerpt } from '../../util/text.ts';

const ROLES: ReadonlySet<FileRole> = new Set<FileRole>(['config', 'other', 'iac', 'source', 'ci']);
const COMPOSE = /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/;
/** Images and compose files for a developer's machine or the test suite, not for deploys. */
const DEV_ONLY = /(?:^|[./_-])(?:dev|devel|development|local|test|tests|testing|ci|e2e|override)(?:[./_-]|$)/i;

/** Lines inside build files that build an image: [file test, line regex, tool]. */
const LINES: readonly [RegExp, RegExp, string][] = [
  [COMPOSE, /^\s+build\s*:/, 'docker compose build'],
  [/(^|\/)project\.toml$/, /^\s*\[(?:_|io\.buildpacks|\[?build\.buildpacks\]?)\]/, 'Cloud Native Buildpacks'],
  [/(^|\/)pom\.xml$/, /<artifactId>jib-maven-plugin<\/artifactId>/, 'Jib'],
  [/(^|\/)build\.gradle(\.kts)?$/, /com\.google\.cloud\.tools\.jib/, 'Jib'],
  // Spring Boot builds an image with buildpacks when the build-image goal or bootBuildImage is configured.
  [/(^|\/)pom\.xml$/, /<goal>build-image(?:-no-fork)?<\/goal>/, 'Spring Boot build-image'],
  [/(^|\/)build\.gradle(\.kts)?$/, /^\s*(?:tasks\.)?(?:named\s*(?:<\w+>)?\s*\(\s*["'])?bootBuildImage\b["')]*\s*(?:\{|\.configure)|\bBootBuildImage\b/, 'Spring Boot bootBuildImage'],
  // .NET SDK container publishing.
  [/\.(?:cs|fs|vb)proj$|(^|\/)Directory\.Build\.props$/, /<(?:EnableSdkContainerSupport>\s*true|ContainerRepository>|ContainerImageName>|ContainerBaseImage>)/, '.NET SDK container'],
  [/(^|\/)nixpacks\.toml$/, /\S/, 'Nixpacks'],
  [/(^|\/)skaffold\.ya?ml$/, /^\s+artifacts\s*:/, 'Skaffold build'],
];

/** CI commands that build an image without a Dockerfile of their own (or with one). */
const CI_IMAGE_BUILDS: readonly [RegExp, string][] = [
  [/^(?:docker|podman)\s+(?:buildx\s+)?(?:build|bake|image\s+build)\b/, 'docker build'],
  [/^(?:buildah\s+(?:bud|build)|\/kaniko\/executor|executor\s+--context)\b/, 'Dockerfile build (buildah/kaniko)'],
  [/^pack\s+build\b/, 'Cloud Native Buildpacks (pack build)'],
  [/^ko\s+(?:build|publish|resolve|apply)\b/, 'ko build'],
  [/^nixpacks\s+build\b/, 'Nixpacks'],
  [/^(?:\.\/)?mvnw?(?:\.cmd)?\b.*\s(?:spring-boot:build-image(?:-no-fork)?|jib:(?:build|dockerBuild|buildTar))\b/, 'Maven image build (Spring Boot/Jib)'],
  [/^(?:\.\/)?gradlew?(?:\.bat)?\b.*\s(?:bootBuildImage|jib|jibDockerBuild)\b/, 'Gradle image build (Spring Boot/Jib)'],
  [/^dotnet\s+publish\b.*[/-][pt]:PublishContainer\b|^dotnet\s+publish\b.*--os\s+linux\b.*-t:PublishContainer\b/i, '.NET SDK container (dotnet publish)'],
];
const CI_IMAGE_ACTIONS = /^(?:docker\/(?:build-push-action|bake-action)@|redhat-actions\/buildah-build@|aws-ecr\/build[-_]and[-_]push[-_]image$|Docker@\d)/i;

export default defineDetector({
  id: 'has-container-build',
  pillar: 'cicd',
  question: 'Is the platform built or deployed as containers (Dockerfile, compose build, buildpacks, Jib, ko, Helm chart, Kubernetes workloads)?',
  rationale: 'A container image is the same artefact in every environment, which makes deploys and rollbacks repeatable.',
  patterns: {
    k8sWorkload: {
      regex: /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|CronJob|Job|Rollout)["']?\s*$/m,
      literals: ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Rollout'],
      roles: ['iac', 'config', 'other'],
      languages: ['yaml'],
      maxPerFile: 5,
    },
    k8sApi: { regex: /^apiVersion:\s*["']?(apps\/v1|batch\/v1|argoproj\.io\/v1alpha1)["']?\s*$/m, literals: ['apiVersion'], roles: ['iac', 'config', 'other'], languages: ['yaml'], maxPerFile: 20 },
    k8sContainers: { regex: /^\s+containers:\s*$/m, literals: ['containers:'], roles: ['iac', 'config', 'other'], languages: ['yaml'], maxPerFile: 20 },
    yamlDoc: YAML_DOC_SEPARATOR,
  },
  contents: [
    ...CI_GLOBS,
    '**/docker-compose*.yml', '**/docker-compose*.yaml', '**/compose*.yml', '**/compose*.yaml', '**/project.toml', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts',
    '**/*.csproj', '**/*.fsproj', '**/*.vbproj', '**/Directory.Build.props', '**/nixpacks.toml', '**/skaffold.yaml', '**/skaffold.yml', '**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/Containerfile',
  ],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    const devOnly: string[] = [];
    for (const f of repo.files) {
      if (!ROLES.has(f.role) || f.path.startsWith('.devcontainer/') || f.path.includes('/.devcontainer/')) continue;
      const name = f.path.slice(f.path.lastIndexOf('/') + 1);
      if (f.language === 'dockerfile') {
        if (DEV_ONLY.test(name.replace(/^(?:Dockerfile|Containerfile)/, '.'))) { devOnly.push(f.path); continue; }
        const lines = (repo.text(f.path) ?? '').split('\n');
        const from = lines.findIndex((l) => /^\s*FROM\s+\S/i.test(l));
        evidence.push(from >= 0 ? { path: f.path, line: from + 1, excerpt: excerpt(lines[from]!), note: /^Containerfile/.test(name) ? 'Containerfile' : 'Dockerfile' } : { path: f.path, note: 'Dockerfile' });
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
        if (file === COMPOSE && DEV_ONLY.test(name.replace(/^(?:docker-)?compose/, '.'))) { devOnly.push(f.path); continue; }
        const lines = text.split('\n');
        const i = lines.findIndex((l) => re.test(l) && !/^\s*(?:#|\/\/|<!--)/.test(l));
        if (i === -1) continue;
        evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(lines[i]!), note: tool });
        tools.add(tool);
      }
    }

    // Kubernetes workloads (Deployments, StatefulSets, ...) run containers: the deploy is containerised.
    const docOf = yamlDocumentKey(matches('yamlDoc'));
    const apis = new Set(matches('k8sApi').map(docOf));
    const containers = new Set(matches('k8sContainers').map(docOf));
    const workloads = matches('k8sWorkload').filter((m) => apis.has(docOf(m)) && containers.has(docOf(m)));
    for (const m of workloads.slice(0, 3)) evidence.push(fromMatch(m, `Kubernetes ${m.groups[0]} runs containers`));
    if (workloads.length > 0) tools.add('Kubernetes manifests');

    // Pipelines that build images (buildpacks, Jib, ko, dotnet PublishContainer, docker build) in jobs that run.
    for (const job of runnableJobs(readCi(repo))) {
      for (const step of job.steps) {
        const hit = step.uses
          ? CI_IMAGE_ACTIONS.test(step.uses) ? { cmd: `uses: ${step.uses}`, tool: 'image build action' } : undefined
          : commandSegments(step.text).flatMap((c) => CI_IMAGE_BUILDS.filter(([re]) => re.test(c)).map(([, tool]) => ({ cmd: c, tool })))[0];
        if (!hit) continue;
        evidence.push({ path: job.file, line: step.line, excerpt: excerpt(hit.cmd), note: `${hit.tool} in CI job ${job.name}` });
        tools.add(hit.tool);
      }
    }
    if (evidence.length === 0) {
      const dev = devOnly.length > 0 ? ` (${devOnly.slice(0, 3).join(', ')} ${devOnly.length === 1 ? 'is' : 'are'} for development or tests only)` : '';
      return no(`No Dockerfile, compose build, Helm chart, Kubernetes workload, buildpacks, Jib, ko or SDK container build${dev}.`);
    }
    return yes(`Container images are built or deployed (${[...tools].join(', ')}).`, evidence.slice(0, 10));
  },
});
