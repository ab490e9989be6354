// Go modules: `go.mod` require directives, single-line and blocks. Module paths are the names;
// `// indirect` requirements are kept (dev: false), since the build uses them too.
import type { Dependency } from '../../core/types.ts';
import type { ManifestReader } from '../manifests.ts';

const REQUIRE_SPEC = /^("?)([^\s"]+)\1\s+(\S+)\s*$/;

export const goMod: ManifestReader = {
  ecosystem: 'go',
  glob: '**/go.mod',
  read(path, text) {
    const deps: Dependency[] = [];
    let inBlock = false;
    let blockLine = 0;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/\/\/.*$/, '').trim();
      if (!line) continue;
      if (inBlock) {
        if (line === ')') {
          inBlock = false;
          continue;
        }
        const m = REQUIRE_SPEC.exec(line);
        if (!m) return { dependencies: [], problem: `unreadable require at line ${i + 1}` };
        deps.push({ ecosystem: 'go', name: m[2]!, version: m[3]!, manifest: path, line: i + 1, dev: false });
        continue;
      }
      const directive = /^require\b\s*(.*)$/.exec(line);
      if (!directive) continue;
      const rest = directive[1]!;
      if (rest === '(') {
        inBlock = true;
        blockLine = i + 1;
        continue;
      }
      const m = REQUIRE_SPEC.exec(rest);
      if (!m) return { dependencies: [], problem: `unreadable require at line ${i + 1}` };
      deps.push({ ecosystem: 'go', name: m[2]!, version: m[3]!, manifest: path, line: i + 1, dev: false });
    }
    if (inBlock) return { dependencies: [], problem: `require block at line ${blockLine} is never closed` };
    return { dependencies: deps };
  },
};
