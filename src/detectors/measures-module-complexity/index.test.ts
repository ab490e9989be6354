import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const SERVICE = [
  '// if (a && b) in a comment does not count',
  'export function charge(amount: number, card?: Card): number {',
  "  if (amount <= 0 || !card) throw new Error('if && || in a string');",
  '  for (const fee of fees) {',
  '    if (fee.applies && fee.rate > 0) amount += fee.rate;',
  '  }',
  '  return card?.vip ?? false ? amount * 0.9 : amount;',
  '}',
  'export const refund = (x: number) => x > 0 ? x : 0;',
  '',
].join('\n');

const BRANCHY = `if (a) x();\n`.repeat(60);

describe('measures-module-complexity', () => {
  it('measures complexity per module, per function and per file, by hand-counted figures', async () => {
    const r = await detect(detector, {
      'src/modules/billing/index.ts': "export { charge } from './service';\n",
      // charge: if, ||, for, if, &&, ?: -> 6 decisions + 1; refund: ?: + 1. File: 9.
      'src/modules/billing/service.ts': SERVICE,
      // 1 arrow, 1 ternary: 2.
      'src/modules/users/index.ts': 'export const findUser = (id: string) => (id ? users.get(id) : undefined);\n',
      // Outside modules, grouped by top-level folder: for, if, and + 1 = 4.
      'scripts/seed.py': 'def seed(rows):\n    """if and or"""\n    for r in rows:\n        if r and r.ok:\n            save(r)\n',
      // At the root: if, && + 1 = 3.
      'main.go': 'package main\n\nfunc main() {\n\tif len(os.Args) > 1 && os.Args[1] == "x" {\n\t\trun()\n\t}\n}\n',
      // Not production code.
      'src/modules/billing/service.test.ts': `it('x', () => {\n${BRANCHY}});\n`,
      'vendor/lib/x.js': `function f() {\n${BRANCHY}}\n`,
      'README.md': `\`\`\`js\n${BRANCHY}\`\`\`\n`,
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual({
      'max-module-complexity': { value: 9, unit: 'complexity' },
      // (9 + 0 + 2 + 4 + 3) / (2 + 0 + 1 + 1 + 1)
      'mean-function-complexity': { value: 3.6, unit: 'complexity' },
      'max-function-complexity': { value: 7, unit: 'complexity' },
      'files-over-complexity-50': { value: 0, unit: 'files' },
    });
    expect(locations(r)).toEqual([
      'src/modules/billing', 'scripts', 'main.go', 'src/modules/users',
      'src/modules/billing/service.ts', 'scripts/seed.py', 'main.go', 'src/modules/users/index.ts', 'src/modules/billing/index.ts',
    ]);
    expect(r.evidence.map((e) => e.value)).toEqual([9, 4, 3, 2, 9, 4, 3, 2, 0]);
    expect(r.evidence[0]!.note).toBe('module billing: complexity 9 over 2 functions (mean 4.5) in 2 files');
    expect(r.evidence[1]!.note).toBe('folder scripts: complexity 4 over 1 functions (mean 4) in 1 files');
    expect(r.evidence[4]!.note).toBe('file: complexity 9 over 2 functions, most complex function 7');
  });

  it('counts files over 50 across Java, Kotlin, Ruby, C# and PHP', async () => {
    const java = `package a;\nclass Big {\n  void run() {\n${BRANCHY}  }\n}\n`;
    const r = await detect(detector, {
      'src/main/java/a/Big.java': java,
      'src/main/kotlin/a/Small.kt': 'fun small(x: Int) = if (x > 0) 1 else 0\n',
      'app/models/user.rb': "class User\n  def admin?\n    role == 'admin' || owner\n  end\nend\n",
      'src/Api/Handler.cs': 'class Handler\n{\n    public void Handle(int x)\n    {\n        if (x > 0) { }\n    }\n}\n',
      'src/Users.php': '<?php\nfunction find($id) { return $id ?? null; }\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['files-over-complexity-50']?.value).toBe(1);
    expect(r.measures?.['max-function-complexity']?.value).toBe(61);
    // Big.java 61, Small.kt 2, user.rb 2, Handler.cs 2, Users.php 1: 68 over 5 functions.
    expect(r.measures?.['mean-function-complexity']?.value).toBe(13.6);
    expect(r.evidence.find((e) => e.path === 'src/main/java/a/Big.java')?.value).toBe(61);
  });

  it('answers no without production source the counter reads', async () => {
    const r = await detect(detector, { 'README.md': '# Docs\n', 'test/a.test.ts': BRANCHY, 'deploy/values.yaml': 'if: true\n' });
    expect(r.outcome).toBe('no');
    expect(r.measures).toBeUndefined();
  });
});
