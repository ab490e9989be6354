import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-security-policy', () => {
  it.each<[string, Files, string[]]>([
    ['SECURITY.md at the root', { 'SECURITY.md': '# Reporting\nEmail security@example.com\n' }, ['SECURITY.md']],
    ['.github/SECURITY.md', { '.github/SECURITY.md': 'Report via HackerOne.\n' }, ['.github/SECURITY.md']],
    ['docs/security.md', { 'docs/security.md': 'Policy\n' }, ['docs/security.md']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['there is none', { 'README.md': '## Security\nEmail us.\n' }],
    ['only a dependency ships one', { 'node_modules/x/SECURITY.md': 'x\n', 'packages/lib/SECURITY.md': 'y\n' }],
    ['it is empty', { 'SECURITY.md': '' }],
    [
      "it is GitHub's unfilled template",
      { 'SECURITY.md': '# Security Policy\n\n## Reporting a Vulnerability\n\nUse this section to tell people how to report a vulnerability.\n\nTell them where to go, how often they can expect to get an update.\n' },
    ],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
