import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('uses-feature-flags', () => {
  it.each([
    ['LaunchDarkly (JS)', { 'package.json': pkg({ '@launchdarkly/node-server-sdk': '9' }), 'src/flags.ts': "import * as ld from '@launchdarkly/node-server-sdk';\n" }, ['src/flags.ts:1']],
    ['Unleash (JS require)', { 'package.json': pkg({ 'unleash-client': '5' }), 'src/flags.js': "const { initialize } = require('unleash-client');\n" }, ['src/flags.js:1']],
    ['LaunchDarkly (Python)', { 'requirements.txt': 'launchdarkly-server-sdk==9.0\n', 'app/flags.py': 'import ldclient\n' }, ['app/flags.py:1']],
    ['OpenFeature (Python)', { 'pyproject.toml': '[project]\nname = "a"\ndependencies = ["openfeature-sdk>=0.7"]\n', 'app/flags.py': 'from openfeature import api\n' }, ['app/flags.py:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a README mentions it', { 'package.json': pkg({}), 'README.md': "import { init } from 'unleash-client'\n" }],
    ['the import is commented out', { 'package.json': pkg({ 'unleash-client': '5' }), 'src/a.ts': "// import { initialize } from 'unleash-client';\n" }],
    ['only a test imports it', { 'package.json': pkg({ 'unleash-client': '5' }), 'src/a.test.ts': "import { initialize } from 'unleash-client';\n" }],
    ['it is imported but not declared', { 'package.json': pkg({}), 'src/a.ts': "import { initialize } from 'unleash-client';\n" }],
    ['flags are home-grown env checks', { 'package.json': pkg({}), 'src/a.ts': 'export const on = process.env.FEATURE_X === "1";\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
