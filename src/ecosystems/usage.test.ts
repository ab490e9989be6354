import { describe, expect, it } from 'vitest';
import { defineCapability } from './capability.ts';
import { foreignImportKeys, foreignImports } from './usage.ts';

const CAP = defineCapability({
  id: 'test',
  description: 'test capability',
  libraries: {
    js: ['ignored-here'],
    go: ['go.uber.org/zap', 'log/slog'],
    jvm: [{ package: 'io.github.resilience4j:resilience4j-circuitbreaker', imports: ['io.github.resilience4j'] }],
  },
});

describe('foreign imports', () => {
  it('declares one pattern per ecosystem with libraries, under the prefixed keys', () => {
    const p = foreignImports(CAP, 'lib');
    expect(Object.keys(p)).toEqual(['libGo', 'libJvm']);
    expect(foreignImportKeys('lib')).toEqual(['libGo', 'libJvm', 'libDotnet']);
    expect(p.libGo!.languages).toEqual(['go']);
    expect(p.libJvm!.literals).toEqual(['io.github.resilience4j']);
  });

  it('matches imports of the packages and their sub-packages, capturing the package', () => {
    const { libGo, libJvm } = foreignImports(CAP, 'lib');
    expect(libGo!.regex.exec('import (\n\t"go.uber.org/zap/zapcore"\n)')?.[1]).toBe('go.uber.org/zap');
    expect(libGo!.regex.exec('import "log/slog"')?.[1]).toBe('log/slog');
    expect(libGo!.regex.test('import "go.uber.org/zapper"')).toBe(false);
    expect(libJvm!.regex.exec('import static io.github.resilience4j.retry.Retry.of;')?.[1]).toBe('io.github.resilience4j');
    expect(libJvm!.regex.test('import io.github.resilience4jx.Foo;')).toBe(false);
    expect(libJvm!.regex.test('// see io.github.resilience4j')).toBe(false);
  });
});
