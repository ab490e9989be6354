import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const words = (n: number, w = 'lorem'): string => Array.from({ length: n }, () => w).join(' ');

describe('has-readme', () => {
  it('answers yes for a README with enough prose and sections, counting words outside code', async () => {
    const readme = [
      '# Billing platform', // 2 words
      '',
      '![build](https://ci.example.com/badge.svg)',
      words(100),
      '',
      '## Running locally', // 2 words
      '',
      '```bash',
      words(500, 'npm'),
      '```',
      'See [the guide](https://example.com/guide) now', // 4 words
      '<!-- ' + words(300) + ' -->',
      words(42),
      'Operations', // setext heading, 1 word
      '----------',
    ].join('\n');
    const r = await detect(detector, { 'README.md': readme, 'docs/README.md': words(10) });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['README.md:1']);
    expect(r.measures).toEqual({
      'readme-words': { value: 2 + 100 + 2 + 4 + 42 + 1, unit: 'words' },
      'readme-headings': { value: 3, unit: 'headings' },
    });
  });

  it('reads reStructuredText READMEs', async () => {
    const rst = `Project\n=======\n\n${words(160)}\n\nUsage\n-----\n\nRun it::\n\n    ${words(50, 'code')}\n\nDone.\n`;
    const r = await detect(detector, { 'README.rst': rst });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['readme-words']?.value).toBe(1 + 160 + 1 + 2 + 1);
    expect(r.measures?.['readme-headings']?.value).toBe(2);
  });

  it.each([
    ['the README is a stub', { 'README.md': '# app\n\nTODO\n' }, 2, 1],
    ['the README is long but has one heading', { 'README.md': `# app\n\n${words(300)}\n` }, 301, 1],
    ['prose is all in code blocks', { 'README.md': `# a\n## b\n\`\`\`\n${words(300)}\n\`\`\`\n` }, 2, 2],
    ['only a nested README exists', { 'docs/README.md': `# a\n## b\n${words(300)}` }, 0, 0],
    ['only a vendored README exists', { 'vendor/lib/README.md': `# a\n## b\n${words(300)}` }, 0, 0],
  ])('answers no when %s', async (_c, files, w, h) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['readme-words']?.value).toBe(w);
    expect(r.measures?.['readme-headings']?.value).toBe(h);
  });
});
