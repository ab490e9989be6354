// The shape of ecosystem knowledge: which packages give a platform which capability.
import type { Ecosystem } from '../core/types.ts';

/** A package, and the module names that import it when they differ (pyyaml -> yaml). */
export type LibraryEntry = string | { package: string; imports: readonly string[] };

export interface Capability {
  id: string;
  description: string;
  libraries: Partial<Record<Ecosystem, readonly LibraryEntry[]>>;
}

export function defineCapability(c: Capability): Capability {
  return c;
}

export function packageName(e: LibraryEntry): string {
  return typeof e === 'string' ? e : e.package;
}

export function importNames(e: LibraryEntry): readonly string[] {
  return typeof e === 'string' ? [e] : e.imports;
}
