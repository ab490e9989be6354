import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const words = (n: number, w = 'lorem'): string => Array.from({ length: n }, () => w).join(' ');

const CRA = `# Getting Started with Create React App

This project was bootstrapped with [Create React App](https://github.com/facebook/create-react-app).

## Available Scripts

In the project directory, you can run:

### \`npm start\`

Runs the app in the development mode.\\
Open [http://localhost:3000](http://localhost:3000) to view it in the browser.

The page will reload when you make changes.\\
You may also see any lint errors in the console.

### \`npm test\`

Launches the test runner in the interactive watch mode.\\
See the section about [running tests](https://facebook.github.io/create-react-app/docs/running-tests) for more information.

### \`npm run build\`

Builds the app for production to the \`build\` folder.\\
It correctly bundles React in production mode and optimizes the build for the best performance.

The build is minified and the filenames include the hashes.\\
Your app is ready to be deployed!

### \`npm run eject\`

**Note: this is a one-way operation. Once you \`eject\`, you can't go back!**

If you aren't satisfied with the build tool and configuration choices, you can \`eject\` at any time. This command will remove the single build dependency from your project.

## Learn More

You can learn more in the [Create React App documentation](https://facebook.github.io/create-react-app/docs/getting-started).

To learn React, check out the [React documentation](https://reactjs.org/).
`;

describe('has-readme', () => {
  it('answers yes for a README with enough prose and sections, counting words outside code', async () => {
    const readme = [
      '# Billing platform', // heading: not counted
      '',
      '![build](https://ci.example.com/badge.svg)',
      words(100),
      '',
      '## Running locally',
      '',
      '```bash',
      words(500, 'npm'),
      '```',
      'See [the guide](https://example.com/guide) now', // 4 words
      '<!-- ' + words(300) + ' -->',
      words(50),
      'TODO: write the deploy steps', // a placeholder line
      'Operations', // setext heading with a code block only
      '----------',
      '```',
      'make deploy',
      '```',
      '## License',
      words(30, 'MIT'), // boilerplate section
    ].join('\n');
    const r = await detect(detector, { 'README.md': readme, 'docs/README.md': words(10) });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['README.md:1', 'README.md:1', 'README.md:6', 'README.md:15']);
    expect(r.measures).toEqual({
      'readme-words': { value: 100 + 4 + 50, unit: 'words' },
      // Billing platform (100 words), Running locally (54 words + code), Operations (code)
      'readme-headings': { value: 3, unit: 'headings' },
      'readme-topics': { value: 2, unit: 'topics' }, // run (Running locally), deploy (Operations)
    });
  });

  it('reads reStructuredText READMEs', async () => {
    const rst = `Project\n=======\n\n${words(160)}\n\nUsage\n-----\n\nRun it::\n\n    ${words(50, 'code')}\n\nDone.\n`;
    const r = await detect(detector, { 'README.rst': rst });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['readme-words']?.value).toBe(160 + 2 + 1);
    expect(r.measures?.['readme-headings']?.value).toBe(2);
  });

  it('counts the team’s own sections of a generated README, not the generator’s', async () => {
    const own = `${CRA}\n## Architecture\n\n${words(120, 'checkout')}\n\n## Deploying\n\n${words(40, 'helm')}\n`;
    const r = await detect(detector, { 'README.md': own });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['readme-words']?.value).toBe(160);
    expect(r.measures?.['readme-headings']?.value).toBe(2);
  });

  it('answers yes for a concise README whose sections cover install, test and deploy', async () => {
    const readme = `# Ledger\n\n${words(40)}\n\n## Installation\n\n${words(25)}\n\n## Running the tests\n\n${words(20)}\n\n## Deployment\n\n${words(20)}\n`;
    const r = await detect(detector, { 'README.md': readme });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({
      'readme-words': { value: 105, unit: 'words' },
      'readme-headings': { value: 4, unit: 'headings' },
      'readme-topics': { value: 4, unit: 'topics' }, // install, run + test (Running the tests), deploy
    });
  });

  it.each([
    ['a concise README covers only two topics', { 'README.md': `# Ledger\n\n${words(60)}\n\n## Installation\n\n${words(25)}\n\n## Usage\n\n${words(25)}\n` }, 110, 3],
    ['the README is a stub', { 'README.md': '# app\n\nTODO\n' }, 0, 0],
    ['the README is long but has one heading', { 'README.md': `# app\n\n${words(300)}\n` }, 300, 1],
    ['prose is all in code blocks', { 'README.md': `# a\n## b\n\`\`\`\n${words(300)}\n\`\`\`\n` }, 0, 1],
    ['only a nested README exists', { 'docs/README.md': `# a\n## b\n${words(300)}` }, 0, 0],
    ['only a vendored README exists', { 'vendor/lib/README.md': `# a\n## b\n${words(300)}` }, 0, 0],
    ['the README is the create-react-app default', { 'README.md': CRA }, 0, 0],
    [
      'the sections are TODO placeholders and a licence',
      { 'README.md': `# Orders\n\n## Installation\n\nTODO\n\n## Usage\n\nTBD\n\n## Architecture\n\n_Coming soon._\n\n## License\n\n${words(200, 'licensed')}\n` },
      0,
      0,
    ],
  ])('answers no when %s', async (_c, files, w, h) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['readme-words']?.value).toBe(w);
    expect(r.measures?.['readme-headings']?.value).toBe(h);
  });
});
