// Generated files must match their sources: docs/rubric.md, the JSON Schemas, the registry.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generated-files.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('generated files', async () => {
  const files = await generatedFiles(root);
  it.each([...files.keys()])('%s is up to date (run `npm run generate`)', (rel) => {
    expect(readFileSync(join(root, rel), 'utf8')).toBe(files.get(rel));
  });
});
