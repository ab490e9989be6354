import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const wf = (steps: string): string => `on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('signs-artifacts', () => {
  it.each([
    ['cosign sign', wf('      - uses: sigstore/cosign-installer@v3\n      - run: cosign sign --yes ghcr.io/acme/api@${{ steps.build.outputs.digest }}\n'), ['.github/workflows/release.yml:9']],
    ['GitHub build provenance', wf('      - uses: actions/attest-build-provenance@v1\n        with:\n          subject-path: dist/*\n'), ['.github/workflows/release.yml:8']],
    ['build-push-action with provenance', wf('      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          provenance: mode=max\n'), ['.github/workflows/release.yml:8']],
    ['npm publish --provenance', wf('      - run: npm publish --provenance --access public\n'), ['.github/workflows/release.yml:8']],
  ])('answers yes for %s', async (_c, yml, locs) => {
    const r = await detect(detector, { '.github/workflows/release.yml': yml });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['GoReleaser signs', { '.goreleaser.yaml': 'builds:\n  - main: .\nsigns:\n  - artifacts: checksum\n' }, ['.goreleaser.yaml:3']],
    ['Maven GPG plugin', { 'pom.xml': '<project>\n  <plugin>\n    <artifactId>maven-gpg-plugin</artifactId>\n  </plugin>\n</project>\n' }, ['pom.xml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['cosign only verifies base images', { '.github/workflows/release.yml': wf('      - uses: sigstore/cosign-installer@v3\n      - run: cosign verify cgr.dev/chainguard/node\n') }],
    ['provenance is switched off', { '.github/workflows/release.yml': wf('      - run: docker buildx build --provenance=false -t api .\n') }],
    ['build-push-action without attestations', { '.github/workflows/release.yml': wf('      - uses: docker/build-push-action@v6\n        with:\n          push: true\n') }],
    ['the docs describe cosign', { 'docs/release.md': 'cosign sign --yes image\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('signs-artifacts across CI systems', () => {
  it.each([
    ['cosign in a GitLab tag job', { '.gitlab-ci.yml': 'sign:\n  script:\n    - cosign sign --yes --key env://COSIGN_KEY $IMAGE@$DIGEST\n  rules:\n    - if: $CI_COMMIT_TAG\n' }, ['.gitlab-ci.yml:3']],
    ['cosign in a Jenkins stage', { Jenkinsfile: "pipeline {\n  agent any\n  stages {\n    stage('Sign') {\n      when { buildingTag() }\n      steps { sh 'cosign sign --yes registry.example.com/api@sha256:abc' }\n    }\n  }\n}\n" }, ['Jenkinsfile:6']],
    ['dotnet nuget sign in Azure Pipelines', { 'azure-pipelines.yml': 'trigger:\n  tags:\n    include: [v*]\nsteps:\n  - script: dotnet nuget sign artifacts/*.nupkg --certificate-path cert.pfx --timestamper http://timestamp.digicert.com\n' }, ['azure-pipelines.yml:5']],
    ['sigstore sign for a Python release', { '.github/workflows/release.yml': wf('      - run: python -m sigstore sign dist/*\n') }, ['.github/workflows/release.yml:8']],
    ['build-push-action with attests', { '.github/workflows/release.yml': wf('      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          attests: type=provenance,mode=max\n') }, ['.github/workflows/release.yml:8']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['cosign sign is in a disabled job', { '.github/workflows/release.yml': wf('      - run: cosign sign --yes ghcr.io/acme/api\n').replace('  release:\n', '  release:\n    if: false\n') }],
    ['the cosign step is switched off', { '.github/workflows/release.yml': wf('      - if: false\n        run: cosign sign --yes ghcr.io/acme/api\n') }],
    ['the cosign line is commented out', { '.github/workflows/release.yml': wf('      - run: |\n          docker push ghcr.io/acme/api\n          # cosign sign --yes ghcr.io/acme/api\n') }],
    ['signing runs in a GitLab job that never runs', { '.gitlab-ci.yml': 'sign:\n  script:\n    - cosign sign --yes $IMAGE\n  rules:\n    - when: never\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
