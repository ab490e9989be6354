import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const body = (title: string): string => `# ${title}\n\n${'Install Node 20, run npm ci, then npm test before opening a pull request. '.repeat(3)}\n`;

describe('has-onboarding-docs', () => {
  it.each([
    ['CONTRIBUTING.md at the root', { 'CONTRIBUTING.md': body('Contributing') }, ['CONTRIBUTING.md']],
    ['.github/CONTRIBUTING.md', { '.github/CONTRIBUTING.md': body('Contributing') }, ['.github/CONTRIBUTING.md']],
    ['DEVELOPMENT.md and HACKING', { 'DEVELOPMENT.md': body('Dev'), HACKING: body('Hacking') }, ['DEVELOPMENT.md', 'HACKING']],
    ['docs/getting-started and docs/setup', { 'docs/getting-started.md': body('Start'), 'docs/setup/local.md': body('Local'), 'docs/api.md': body('API') }, ['docs/getting-started.md', 'docs/setup/local.md']],
    ['docs/onboarding in a nested docs folder', { 'services/billing/docs/onboarding.rst': body('Onboarding') }, ['services/billing/docs/onboarding.rst']],
    [
      'a README development section with its subsections and commands',
      { 'README.md': `# Orders\n\nOrder service.\n\n## Development\n\n### Prerequisites\n\nInstall Go 1.22 and Docker; the database runs in a container.\n\n### Running locally\n\nStart the dependencies, then the service, and open http://localhost:8080 to check it answers.\n\n\`\`\`sh\ndocker compose up -d db\ngo run ./cmd/orders\n\`\`\`\n\n## License\n\nMIT\n` },
      ['README.md:5'],
    ],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only the README has a one-line Contributing section', { 'README.md': '# App\n## Contributing\nPull requests welcome.\n## Development\n```\nnpm ci\n```\n' }],
    ['the README Usage section is for users, not developers', { 'README.md': `# App\n## Usage\n${body('x')}` }],
    ['CONTRIBUTING is long enough in bytes but all template', { 'CONTRIBUTING.md': '# Contributing to <project name>\n\n[Describe how to set up the project]\n\n[Describe the review process]\n\nTODO: write the rest of this guide before the launch.\n' }],
    ['CONTRIBUTING is an empty stub', { 'CONTRIBUTING.md': '# Contributing\nTODO\n' }],
    ['the guide is vendored', { 'vendor/lib/CONTRIBUTING.md': body('Contributing') }],
    ['a setup script is code, not docs', { 'src/setup.ts': body('x').replace(/#/g, '//') }],
    ['CONTRIBUTING is nested in a package', { 'packages/ui/CONTRIBUTING.md': body('x') }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
