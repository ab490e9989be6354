// PHP: `composer.json` require / require-dev. Platform requirements (php, ext-*, lib-*) are not
// packages and are skipped.
import type { Dependency } from '../../core/types.ts';
import type { ManifestReader } from '../manifests.ts';
import { lineAt } from './util.ts';

export const composerJson: ManifestReader = {
  ecosystem: 'php',
  glob: '**/composer.json',
  read(path, text) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { dependencies: [], problem: `not valid JSON (${(e as Error).message})` };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { dependencies: [], problem: 'not a JSON object' };
    const deps: Dependency[] = [];
    for (const [section, dev] of [['require', false], ['require-dev', true]] as const) {
      const block = (doc as Record<string, unknown>)[section];
      if (typeof block !== 'object' || block === null) continue;
      const sectionAt = text.indexOf(`"${section}"`);
      for (const [name, version] of Object.entries(block)) {
        if (!name.includes('/')) continue;
        const d: Dependency = { ecosystem: 'php', name, manifest: path, dev };
        if (typeof version === 'string') d.version = version;
        const at = text.indexOf(`"${name}"`, Math.max(0, sectionAt));
        if (at !== -1) d.line = lineAt(text, at);
        deps.push(d);
      }
    }
    return { dependencies: deps };
  },
};
