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
