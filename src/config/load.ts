// Config discovery: a fixed list of places in the assessed repository, first found wins.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { UserError, MESSAGES } from '../errors/index.ts';
import { Config } from './schema.ts';

export const CONFIG_LOCATIONS = [
  'readiness.config.yaml',
  'readiness.config.yml',
  '.readiness/config.yaml',
  '.readiness/config.yml',
] as const;

export interface LoadedConfig {
  file: string | null;
  config: Config;
}

/** The parser's first line names the problem and its position; the code frame after it is noise. */
export function yamlProblem(e: unknown): string {
  return ((e as Error).message.split('\n')[0] ?? 'not YAML').replace(/:\s*$/, '');
}

export async function loadConfig(root: string, explicit?: string): Promise<LoadedConfig> {
  const candidates = explicit ? [explicit] : CONFIG_LOCATIONS.map((p) => join(root, p));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if (explicit) throw new UserError('config-unreadable', MESSAGES.configUnreadable(file, (e as NodeJS.ErrnoException).code ?? 'unreadable'));
      continue;
    }
    let raw: unknown;
    try {
      raw = parse(text);
    } catch (e) {
      throw new UserError('config-invalid', MESSAGES.configInvalid(file, [yamlProblem(e)]));
    }
    const parsed = Config.safeParse(raw ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new UserError('config-invalid', MESSAGES.configInvalid(file, issues));
    }
    return { file, config: parsed.data };
  }
  return { file: null, config: {} };
}
