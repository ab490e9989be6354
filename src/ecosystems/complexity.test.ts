import { describe, expect, it } from 'vitest';
import { makeRepo } from '../../test/harness.ts';
import type { RepoView } from '../core/detector.ts';
import type { Language } from '../core/types.ts';
import { scanRepository } from '../repo/index.ts';
import { blankComments } from '../util/text.ts';
import { inString, measureComplexity, stringRanges } from './complexity.ts';

const measure = (language: Language, code: string) => measureComplexity(language, blankComments(code, language));

describe('measureComplexity', () => {
  it('counts TypeScript decisions and functions, not comments, strings, ?. ?? or type arrows', () => {
    const code = [
      '// if (a && b) in a comment',
      'export function route(req: Request, opts?: Options): Response {', // function 1
      "  const id = req.params?.id ?? 'if && || ? x : y';", // nothing
      "  if (!id || id === '') return bad();", // if, ||
      '  for (const x of xs) {', // for
      '    if (x.a && x.b) continue;', // if, &&
      '  }',
      '  return id ? ok(id) : bad();', // ternary
      '}',
      'type Handler = (req: Request) => Promise<void>;', // a type, not a function
      'const f = (x: number) => x > 1 ? 1 : 2;', // function 2, ternary
      'class A {',
      '  constructor(private readonly b: B) {}', // function 3
      '  async load(id: string): Promise<X> {', // function 4
      '    try { return await this.b.get(id); } catch (e) { throw e; }', // catch
      '  }',
      '}',
    ].join('\n');
    // route: 1 + if, ||, for, if, &&, ?: = 7.
    expect(measure('typescript', code)).toEqual({ functions: 4, decisions: 8, maxFunction: 7 });
  });

  it('tells TypeScript function types from arrows returning a value', () => {
    const code = 'type A = (x: string) => void;\ntype B = () => Promise<X>;\nlet c: (e: Event) => boolean;\nconst Empty = () => null;\nconst id = (x: T) => x;\n';
    expect(measure('typescript', code)).toEqual({ functions: 2, decisions: 0 });
  });

  it('counts JavaScript arrows, callbacks and object methods once each', () => {
    const code = "describe('x', function () {\n  it('y', async () => { if (a) b(); });\n});\nconst o = {\n  get(k) { return k && 1; },\n};\n";
    expect(measure('javascript', code)).toEqual({ functions: 3, decisions: 2, maxFunction: 2 });
  });

  it('counts Python by indentation: docstrings, comprehensions and and/or', () => {
    const code = 'def a(x):\n    """if and or"""\n    if x and y:  # or\n        return [i for i in x if i]\n    return 1\n\nclass K:\n    def m(self,\n          y):\n        while y or z:\n            pass\ntop = 1 if a else 2\n';
    // a: if, and, for, if -> 5; m: while, or -> 3; top level: if.
    expect(measure('python', code)).toEqual({ functions: 2, decisions: 7, maxFunction: 5 });
  });

  it('counts Go funcs with bodies, not function types', () => {
    const code = 'package x\ntype H func(int) error\nfunc (s *S) Handle(w http.ResponseWriter, r *http.Request) {\n\tif r == nil || w == nil { return }\n\tswitch r.Method {\n\tcase "GET":\n\tcase "POST":\n\t}\n\tgo func() { for {} }()\n}\n';
    expect(measure('go', code)).toEqual({ functions: 2, decisions: 5, maxFunction: 5 });
  });

  it('counts Java methods and constructors, not declarations, wildcards or anonymous classes', () => {
    const code = 'package a;\npublic class Foo {\n  private final Bar bar = new Bar() {\n  };\n  public Foo(Bar b) { this.bar = b; }\n  public List<String> names(Map<String, ? extends X> m) throws IOException {\n    if (m.isEmpty() && ok) { return List.of(); }\n    return m.size() > 1 ? a : b;\n  }\n  void run();\n}\n';
    expect(measure('java', code)).toEqual({ functions: 2, decisions: 3, maxFunction: 4 });
  });

  it('counts C# foreach and expression-bodied members, not nullable types', () => {
    const code = 'public class S\n{\n    public int? Find(string? name)\n    {\n        foreach (var x in xs) { if (x == name) return 1; }\n        return null;\n    }\n    public int Twice(int x) => x * 2;\n}\n';
    expect(measure('csharp', code)).toEqual({ functions: 2, decisions: 2, maxFunction: 3 });
  });

  it('counts Kotlin fun and when, not the elvis operator', () => {
    const code = 'fun f(x: Int?): Int {\n    val y = x ?: 0\n    return when (y) { 1 -> 2 else -> 3 }\n}\nfun g() = 1\n';
    expect(measure('kotlin', code)).toEqual({ functions: 2, decisions: 1, maxFunction: 2 });
  });

  it('counts Ruby keywords and modifiers, not hash keys, symbols or predicate methods', () => {
    const code = 'class A\n  validates :x, if: :y?\n  def call(x)\n    return nil unless x\n    x.empty? ? 1 : 2\n  end\n  def other; end\nend\n';
    expect(measure('ruby', code)).toEqual({ functions: 2, decisions: 2 });
  });

  it('counts PHP functions and arrow functions, not nullable types or ?->', () => {
    const code = '<?php\nfunction f(?string $x): ?int {\n    if ($x and $y) { return $x?->len ?? 0; }\n    $g = fn($a) => $a ? 1 : 2;\n    return 0;\n}\nabstract function h();\n';
    expect(measure('php', code)).toEqual({ functions: 2, decisions: 3, maxFunction: 4 });
  });

  it('knows no rules for data and markup', () => {
    expect(measure('yaml', 'if: x\n')).toBeUndefined();
    expect(measure('markdown', 'if a && b\n')).toBeUndefined();
  });
});

describe('stringRanges', () => {
  it('finds single, template and triple-quoted strings with escapes', () => {
    const code = "a = 'x\\'y' + `t\n${u}` + \"\"\"doc\n'\"\"\" + b";
    const r = stringRanges(code, "'\"`");
    const texts = [];
    for (let i = 0; i < r.length; i += 2) texts.push(code.slice(r[i], r[i + 1]));
    expect(texts).toEqual(["'x\\'y'", '`t\n${u}`', '"""doc\n\'"""']);
    expect(inString(r, code.indexOf('doc'))).toBe(true);
    expect(inString(r, code.indexOf('b'))).toBe(false);
  });
});

describe('complexity in the scan', () => {
  it('is counted for production source only, the same in worker threads as in-process', async () => {
    const files: Record<string, string> = { 'src/app.test.ts': 'if (a && b) x();\n', 'vendor/lib/x.js': 'function f() { if (a) b(); }\n' };
    for (let i = 0; i < 40; i++) files[`src/m${i}.ts`] = `import type { T } from './t';\nexport function f${i}(x: T) {\n  return x ? ${i} : 0;\n}\n`;
    const root = makeRepo(files);
    const scan = async (workers: number) => (await scanRepository(root, { patterns: new Map(), contents: [], history: false, workers })).view;
    const [inProcess, threads] = [await scan(0), await scan(2)];
    const all = (v: RepoView) => v.files.map((f) => [f.path, v.complexity(f.path)]);
    expect(all(threads)).toEqual(all(inProcess));
    expect(threads.imports()).toEqual(inProcess.imports());
    expect(inProcess.complexity('src/m7.ts')).toEqual({ functions: 1, decisions: 1, maxFunction: 2 });
    expect(threads.imports().find((s) => s.path === 'src/m7.ts')?.typeOnly).toBe(true);
    expect(inProcess.complexity('src/app.test.ts')).toBeUndefined();
    expect(inProcess.complexity('vendor/lib/x.js')).toBeUndefined();
  });
});
