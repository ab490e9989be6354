// Python: `Pipfile` [packages] and [dev-packages] (TOML).
import type { Dependency } from '../../core/types.ts';
import type { ManifestReader } from '../manifests.ts';
import { normalisePython, parseTomlTable } from './util.ts';

export const pipfile: ManifestReader = {
  ecosystem: 'python',
  glob: '**/Pipfile',
  read(path, text) {
    const doc = parseTomlTable(text);
    if (typeof doc === 'string') return { dependencies: [], problem: doc };
    const lines = text.split('\n');
    const deps: Dependency[] = [];
    for (const [section, dev] of [['packages', false], ['dev-packages', true]] as const) {
      const table = doc[section];
      if (typeof table !== 'object' || table === null) continue;
      const header = lines.findIndex((l) => l.trim() === `[${section}]`);
      for (const [name, spec] of Object.entries(table as Record<string, unknown>)) {
        const d: Dependency = { ecosystem: 'python', name: normalisePython(name), manifest: path, dev };
        if (typeof spec === 'string' && spec !== '*') d.version = spec;
        const key = new RegExp(`^\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`);
        const i = lines.findIndex((l, n) => n > header && key.test(l));
        if (i !== -1) d.line = i + 1;
        deps.push(d);
      }
    }
    return { dependencies: deps };
  },
};
