import { describe, expect, it } from 'vitest';
import { displayWidth, joinLines, padEnd, stripAnsi, styles, truncate, wrap } from './text.ts';

describe('text helpers', () => {
  it('measures wide and combining characters by terminal columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('設定')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth(styles(true).red('ab'))).toBe(2);
    expect(padEnd('設', 4)).toBe('設  ');
  });

  it('truncates with an ellipsis without splitting a character', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('設定設定', 5)).toBe('設定…');
  });

  it('wraps words with a first-line prefix and a hanging indent, breaking words longer than a line', () => {
    expect(wrap('one two three four', 10, '- ')).toEqual(['- one two', '  three', '  four']);
    expect(wrap('abcdefghijkl', 6)).toEqual(['abcdef', 'ghijkl']);
    expect(wrap('', 10, '  ')).toEqual(['']);
  });

  it('joins lines without trailing spaces, also before closing colour codes', () => {
    const red = styles(true).red;
    expect(joinLines(['a  ', red('b  ')])).toBe('a\n\u001b[31mb\u001b[39m\n');
    expect(stripAnsi(red('b'))).toBe('b');
  });
});
