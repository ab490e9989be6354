import { describe, expect, it } from 'vitest';
import { blankComments, countLines, lineAt, lineStarts, excerpt } from './text.ts';

describe('blankComments', () => {
  it('blanks line and block comments but keeps strings, offsets and newlines', () => {
    const src = "const a = 'http://x'; // import 'bullmq'\n/* require('pg')\n */ const b = \"//not\";\n";
    const out = blankComments(src, 'typescript');
    expect(out.length).toBe(src.length);
    expect(out.split('\n').length).toBe(src.split('\n').length);
    expect(out).toContain("'http://x'");
    expect(out).toContain('"//not"');
    expect(out).not.toContain('bullmq');
    expect(out).not.toContain("require('pg')");
  });

  it('handles hash comments in python without touching strings', () => {
    const out = blankComments("x = '#not a comment'  # import celery\nimport os\n", 'python');
    expect(out).toContain("'#not a comment'");
    expect(out).not.toContain('celery');
    expect(out).toContain('import os');
  });

  it('keeps template literals spanning lines', () => {
    const src = 'const q = `SELECT *\n// still sql\nFROM t`;\n';
    expect(blankComments(src, 'javascript')).toBe(src);
  });

  it('blanks string contents too when asked, keeping the quotes', () => {
    const src = "run('jest.retryTimes(3)'); jest.retryTimes(2); // x\n";
    const q = 'jest.retryTimes(3)'.length;
    expect(blankComments(src, 'typescript', true)).toBe(`run('${' '.repeat(q)}'); jest.retryTimes(2);     \n`);
  });

  it('leaves languages without comment syntax alone', () => {
    expect(blankComments('# title // x', 'markdown')).toBe('# title // x');
  });
});

describe('lines', () => {
  it('counts lines like an editor', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\n\n')).toBe(2);
  });

  it('maps offsets to 1-based lines', () => {
    const t = 'ab\ncd\nef';
    const s = lineStarts(t);
    expect([0, 2, 3, 5, 6, 7].map((o) => lineAt(s, o))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('trims, masks and shortens excerpts', () => {
    expect(excerpt('   const password = "s3cr3tP4ssw0rd!";  ')).toBe('const password = "s3cr********";');
    expect(excerpt('x'.repeat(500)).length).toBe(160);
  });
});
