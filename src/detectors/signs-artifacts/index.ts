import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, runnableJobs, toolSteps, type ActionRule, type CommandRule } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

const SIGN_COMMANDS: readonly CommandRule[] = [
  [/^cosign\s+(?:sign|sign-blob|attest|attest-blob)\b/, 'cosign signature/attestation'],
  [/^notation\s+sign\b/, 'Notary v2 signature'],
  [/^(?:docker\s+)?(?:buildx\s+)?(?:build|bake)\b.*\s--(?:provenance|sbom|attest)(?:[= ](?!false\b)\S+|\s|$)/, 'build attestations (provenance/SBOM)'],
  [/^(?:npm|pnpm|yarn)\s+(?:npm\s+)?publish\b.*\s--provenance\b/, 'npm provenance'],
  [/^gpg\b.*\s(?:--detach-sign|--clearsign|--sign|-b|-s|--armor\s+--detach-sign)\b/, 'GPG signature'],
  [/^jarsigner\b/, 'jar signature'],
  [/^minisign\s+-S\b/, 'minisign signature'],
  [/^(?:python3?\s+-m\s+)?sigstore\s+(?:sign|attest)\b/, 'Sigstore signature'],
  [/^docker\s+trust\s+sign\b/, 'Docker Content Trust signature'],
  [/^dotnet\s+(?:nuget\s+sign|sign\s+code)\b|^(?:NuGetKeyVaultSignTool|AzureSignTool)\s+sign\b|^sign\s+code\s+(?:azure-key-vault|trusted-signing|certificate-store)\b/, 'NuGet/Authenticode signature'],
  [/^(?:signtool(?:\.exe)?)\s+sign\b/, 'Authenticode signature'],
  [/^codesign\b.*\s(?:--sign|-s)\s/, 'macOS code signature'],
  [/^(?:\.\/)?gradlew?\b.*\s(?:sign\w*Publication|signArchives)\b/, 'Gradle signing'],
  [/^gem\s+cert\b.*--sign\b/, 'gem signature'],
];

const SIGN_ACTIONS: readonly ActionRule[] = [
  [/^actions\/attest(?:-build-provenance|-sbom)?@/, undefined, 'GitHub artifact attestation'],
  [/^slsa-framework\/slsa-github-generator\//, undefined, 'SLSA provenance'],
  [/^sigstore\/gh-action-sigstore-python@/, undefined, 'Sigstore signature'],
  [/^notaryproject\/notation-action\/sign@/, undefined, 'Notary v2 signature'],
  [/^docker\/(?:build-push-action|bake-action)@/, /^(?:provenance|sbom):\s*(?:true|mode=max|mode=min|generator=)|^attests:\s*type=(?:provenance|sbom)/m, 'image attestations (provenance/SBOM)'],
  [/^pypa\/gh-action-pypi-publish@/, /^attestations:\s*true\b/m, 'PyPI attestations'],
  [/^(?:AzureSignTool|EsrpCodeSigning|NuGetCommand)@\d|^dotnet\/sign@/i, /\S/, 'code signing task'],
];

export default defineDetector({
  id: 'signs-artifacts',
  pillar: 'cicd',
  question: 'Are build artefacts signed or given provenance attestations?',
  rationale: 'Signatures and provenance let a deploy verify that what runs is exactly what the pipeline built.',
  patterns: {
    goreleaser: { regex: /^(?:docker_)?signs:/m, literals: ['signs:'], paths: ['**/.goreleaser.y*ml', '**/goreleaser.y*ml'], roles: ['config', 'other'], maxPerFile: 1 },
    mavenGpg: { regex: /<artifactId>maven-gpg-plugin<\/artifactId>|<artifactId>sign-maven-plugin<\/artifactId>/, literals: ['gpg-plugin', 'sign-maven-plugin'], paths: ['**/pom.xml'], roles: ['config', 'other'], maxPerFile: 1 },
    gradleSigning: { regex: /\bid\s*\(?\s*["']signing["']|apply\s+plugin:\s*["']signing["']|^\s*`?signing`?\s*$/m, literals: ['signing'], paths: ['**/build.gradle', '**/build.gradle.kts'], roles: ['config', 'other', 'source'], maxPerFile: 1 },
    npmProvenance: { regex: /"provenance"\s*:\s*true/, literals: ['provenance'], paths: ['**/package.json', '**/.npmrc'], roles: ['config', 'other'], maxPerFile: 1 },
  },
  contents: [...CI_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const how = new Set<string>();
    const ci = readCi(repo);
    // Only jobs that can run, and steps not switched off.
    for (const { job, step, label, shown } of toolSteps(runnableJobs(ci), SIGN_COMMANDS, SIGN_ACTIONS)) {
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(shown), note: `${label} in job ${job.name}` });
      how.add(label);
    }
    for (const [name, note] of [['goreleaser', 'GoReleaser signs releases'], ['mavenGpg', 'Maven artefacts are signed'], ['gradleSigning', 'Gradle signing plugin'], ['npmProvenance', 'npm provenance on publish']] as const) {
      for (const m of matches(name)) {
        evidence.push(fromMatch(m, note));
        how.add(note);
      }
    }
    if (evidence.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that signs artefacts, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (evidence.length === 0) return no('No artefact signing or provenance (cosign, notation, SLSA, GitHub attestations, buildx provenance, npm provenance, GPG).');
    return yes(`Artefacts are signed or attested: ${[...how].join(', ')}.`, evidence.slice(0, 10));
  },
});
