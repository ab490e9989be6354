import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.ts';
import { gitBlobId } from './git-blob.ts';

describe('gitBlobId', () => {
  it.each([['empty', ''], ['text', '# SLOs\n\nCheckout 99.9%\n'], ['unicode', 'naïve café ✓\n']])('agrees with git hash-object for %s content', (_c, content) => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, content);
    expect(gitBlobId(content)).toBe(execFileSync('git', ['hash-object', file], { encoding: 'utf8' }).trim());
  });
});
