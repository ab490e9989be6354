import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('uses-job-queue', () => {
  it('answers yes when production code imports a declared queue library', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ bullmq: '^5.0.0' }),
      'src/jobs/email.ts': "import { Queue } from 'bullmq';\nexport const q = new Queue('email');\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/jobs/email.ts:1']);
  });

  it('answers yes for python celery declared in requirements.txt', async () => {
    const r = await detect(detector, {
      'requirements.txt': 'celery==5.3.0\n',
      'app/tasks.py': 'from celery import Celery\napp = Celery("tasks")\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['app/tasks.py:1']);
  });

  it.each([
    ['only a README mentions it', { 'package.json': pkg({}), 'README.md': "We use bullmq: import { Queue } from 'bullmq'" }],
    ['the import is commented out', { 'package.json': pkg({ bullmq: '5' }), 'src/a.ts': "// import { Queue } from 'bullmq';\n" }],
    ['only a test imports it', { 'package.json': pkg({ bullmq: '5' }), 'src/a.test.ts': "import { Queue } from 'bullmq';\n" }],
    ['only a vendored copy imports it', { 'package.json': pkg({}), 'vendor/lib/q.js': "require('bullmq')\n" }],
    ['it is imported but not declared', { 'package.json': pkg({}), 'src/a.ts': "import { Queue } from 'bullmq';\n" }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('ignores git-ignored code', async () => {
    const r = await detect(detector, {
      git: true,
      files: {
        '.gitignore': 'scratch/\n',
        'package.json': pkg({ bullmq: '5' }),
        'scratch/try.ts': "import { Queue } from 'bullmq';\n",
      },
    });
    expect(r.outcome).toBe('no');
  });
});
