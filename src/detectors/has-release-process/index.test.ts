import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const keepAChangelog = `# Changelog

All notable changes to this project are documented in this file.

## [Unreleased]

## [1.4.0] - 2024-05-02
### Added
- Refund endpoint.

## [1.3.1] - 2024-04-11
### Fixed
- Rounding of tax lines.

## 1.3.0
- First public API.
`;

describe('has-release-process', () => {
  it('reads a Keep a Changelog CHANGELOG: versions, dated versions and the newest entry', async () => {
    const r = await detect(detector, { 'CHANGELOG.md': keepAChangelog, 'src/app.ts': 'export {};\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['CHANGELOG.md:7']);
    expect(r.evidence[0]!.note).toBe('changelog with 3 versions (2 dated); newest entry: 1.4.0 (2024-05-02)');
    expect(r.measures).toEqual({
      'changelog-versions': { value: 3, unit: 'versions' },
      'changelog-dated-versions': { value: 2, unit: 'versions' },
    });
  });

  it.each([
    ['semantic-release config and its CI job (JS)', {
      '.releaserc.json': '{ "branches": ["main"] }\n',
      '.github/workflows/release.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx semantic-release\n',
    }, ['.releaserc.json', '.github/workflows/release.yml:9']],
    ['release-please in a workflow', { '.github/workflows/release.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  rp:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: googleapis/release-please-action@v4\n' }, ['.github/workflows/release.yml:8']],
    ['GoReleaser (Go)', { '.goreleaser.yaml': 'builds:\n  - main: ./cmd/api\n', 'go.mod': 'module x\n' }, ['.goreleaser.yaml']],
    ['bump2version in setup.cfg (Python)', { 'setup.cfg': '[metadata]\nname = x\n\n[bumpversion]\ncurrent_version = 1.2.0\n' }, ['setup.cfg:4']],
    ['the Maven release plugin (JVM)', { 'pom.xml': '<project>\n  <build><plugins>\n    <plugin>\n      <artifactId>maven-release-plugin</artifactId>\n    </plugin>\n  </plugins></build>\n</project>\n' }, ['pom.xml:4']],
    ['Bundler gem tasks (Ruby)', { Rakefile: 'require "bundler/gem_tasks"\ntask default: :spec\n' }, ['Rakefile:1']],
    ['a job that runs on tags and pushes a NuGet package (.NET)', { '.github/workflows/publish.yml': 'on:\n  push:\n    tags: ["v*"]\njobs:\n  pack:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet pack -c Release\n      - run: dotnet nuget push "**/*.nupkg" --api-key ${{ secrets.NUGET_KEY }}\n' }, ['.github/workflows/publish.yml:9']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the changelog has one entry', { 'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n- Initial work.\n\n## 0.1.0\n- Scaffold.\n' }],
    ['the changelog is a vendored copy', { 'node_modules/lib/CHANGELOG.md': keepAChangelog, 'vendor/gem/CHANGELOG.md': keepAChangelog }],
    ['the README describes releasing by hand', { 'README.md': '# App\n## Releasing\nWe should adopt semantic-release. For now Bob tags releases.\n' }],
    ['the publish step is commented out', { '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n      # - run: npm publish\n' }],
    ['the release job is disabled', { '.github/workflows/release.yml': 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx semantic-release\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
