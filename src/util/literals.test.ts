import { describe, expect, it } from 'vitest';
import { LiteralIndex } from './literals.ts';

describe('LiteralIndex', () => {
  const lits = ['import', 'SELECT', 'k_live_', '@Cron', 'x', 'é-accent', 'imp', ''];
  const index = new LiteralIndex(lits);
  const found = (t: string): string[] => [...index.find(t)].sort((a, b) => a - b).map((i) => lits[i]!);

  it('finds exactly the literals that occur, wherever they are', () => {
    expect(found('const a = 1; // import x from "y"')).toEqual(['import', 'x', 'imp', '']);
    expect(found('SELECT 1')).toEqual(['SELECT', '']);
    expect(found('sk_live_abc @Cron()')).toEqual(['k_live_', '@Cron', '']);
    expect(found('tail im')).toEqual(['']);
    expect(found('un é-accent')).toEqual(['é-accent', '']);
  });

  it('agrees with includes on every literal of a realistic text', () => {
    const text = "import express from 'express';\napp.use(helmet());\nSELECT * FROM t; // k_live_x\n";
    const expected = lits.map((l, i) => [l, i] as const).filter(([l]) => text.includes(l)).map(([, i]) => i);
    expect([...index.find(text)].sort((a, b) => a - b)).toEqual(expected);
  });
});
