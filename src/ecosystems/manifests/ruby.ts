// Ruby: `Gemfile` gem declarations. Gems in a :development or :test group (block or `group:`
// option) are dev.
import type { Dependency } from '../../core/types.ts';
import type { ManifestReader } from '../manifests.ts';

const DEV_GROUP = /:(?:development|test)\b|['"](?:development|test)['"]/;

export const gemfile: ManifestReader = {
  ecosystem: 'ruby',
  glob: '**/Gemfile',
  read(path, text) {
    const deps: Dependency[] = [];
    // One entry per open block: whether it is a development/test group.
    const blocks: boolean[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      if (/^end\b/.test(line)) {
        if (blocks.pop() === undefined) return { dependencies: [], problem: `unmatched 'end' at line ${i + 1}` };
        continue;
      }
      const group = /^group\b(.*)$/.exec(line);
      if (/\bdo\s*(\|[^|]*\|)?$/.test(line) || /^(?:if|unless|case)\b/.test(line)) {
        blocks.push(group !== null && DEV_GROUP.test(group[1]!));
        continue;
      }
      const gem = /^gem\s*\(?\s*(['"])([^'"]+)\1(.*)$/.exec(line);
      if (!gem) continue;
      const rest = gem[3]!;
      const groupOption = /\bgroups?\s*(?::|=>)\s*(\[[^\]]*\]|:\w+|['"]\w+['"])/.exec(rest);
      const dev = blocks.some(Boolean) || (groupOption !== null && DEV_GROUP.test(groupOption[1]!));
      const d: Dependency = { ecosystem: 'ruby', name: gem[2]!, manifest: path, line: i + 1, dev };
      const version = /^\s*,\s*(['"])([^'"]+)\1/.exec(rest);
      if (version) d.version = version[2]!;
      deps.push(d);
    }
    if (blocks.length > 0) return { dependencies: [], problem: `${blocks.length} block(s) never closed with 'end'` };
    return { dependencies: deps };
  },
};
