// `readiness attest <criterion> [path]`: scaffold an attestation file with the fields the criterion
// needs, the cited documents bound to their current blob ids. Filling in the claim is the person's
// job: an unfilled scaffold is refused at assessment, never counted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { defaultExpiry } from '../../attest/apply.ts';
import { DEFAULT_FOLDERS, type EvidenceInput } from '../../attest/files.ts';
import { loadConfig } from '../../config/load.ts';
import { UserError } from '../../errors/index.ts';
import { loadRubric } from '../../rubric/load.ts';
import { gitBlobId } from '../../util/git-blob.ts';
import type { CliIo } from '../io.ts';

interface AttestOptions {
  claim?: string;
  by?: string;
  date?: string;
  document: string[];
  url: string[];
  output?: string;
  force?: boolean;
  config?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function gitUserName(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function registerAttest(program: Command, io: CliIo): void {
  program
    .command('attest')
    .description('scaffold an attestation: human evidence for a criterion, bound to the documents it cites')
    .argument('<criterion>', 'criterion id (`readiness rubric` lists them), e.g. security.pentest')
    .argument('[path]', 'folder of the assessed repository', '.')
    .option('--claim <text>', 'what is true, in a sentence')
    .option('--by <name>', 'who attests (default: git user.name)')
    .option('--date <YYYY-MM-DD>', 'date of the attestation (default: today)')
    .option('--document <path>', 'a document of the repository that shows it (repeatable); its blob id is recorded', collect, [])
    .option('--url <url>', 'a link that shows it (repeatable)', collect, [])
    .option('-c, --config <file>', 'config file naming the attestations folder')
    .option('-o, --output <file>', 'write here instead of the attestations folder')
    .option('--force', 'overwrite an existing file')
    .action(async (criterion: string, path: string, opts: AttestOptions) => {
      const root = resolve(path);
      if (!existsSync(root)) throw new UserError('path-not-found', `path not found: ${path} (give the folder of the assessed repository)`);
      const rubric = loadRubric();
      const rule = rubric.pillars.flatMap((p) => p.criteria).find((c) => c.id === criterion);
      if (!rule) throw new UserError('usage', `unknown criterion "${criterion}" (\`readiness rubric\` lists them)`);
      const date = opts.date ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError('usage', `--date ${date}: a date YYYY-MM-DD`);

      const evidence: Record<string, unknown>[] = [];
      for (const doc of opts.document) {
        const rel = relative(root, resolve(root, doc)).split('\\').join('/');
        if (rel.startsWith('..')) throw new UserError('usage', `--document ${doc}: not inside ${path}`);
        let content: Buffer;
        try {
          content = readFileSync(join(root, rel));
        } catch {
          throw new UserError('usage', `--document ${doc}: no such file in ${path}`);
        }
        evidence.push({ document: rel, blob: gitBlobId(content) });
      }
      for (const url of opts.url) evidence.push({ url });
      const measuredHint = rule.evidence.kind === 'measured';

      const { config } = await loadConfig(root, opts.config);
      const folder = config.attestations ?? DEFAULT_FOLDERS.attestations;
      const file = opts.output ? resolve(opts.output) : resolve(root, folder, `${criterion}-${date}.yaml`);
      if (existsSync(file) && !opts.force) throw new UserError('output-unwritable', `cannot write ${file}: it exists (use --force to replace it)`);

      // Without evidence given, a blank item of the kind the criterion calls for.
      const items = evidence.length > 0 ? evidence : [measuredHint ? { measured: { value: 0, unit: '', source: '' } } : { url: '' }];
      const body = { criterion, claim: opts.claim ?? '', evidence: items, by: opts.by ?? gitUserName(root) ?? '', date };
      const expiry = defaultExpiry({ date, evidence: items as EvidenceInput[] }, rule);
      const needs = rule.evidence.kind === 'attested' ? `Needs: ${rule.evidence.artefact}.` : 'The scan cannot decide this criterion here; say what shows it.';
      const header = [
        `# Attestation for ${criterion}: ${rule.statement}`,
        `# ${needs}`,
        '# Evidence: url, document (a repository path; its blob id binds the attestation to that content:',
        '# if the document changes, the attestation is re-opened until re-attested) or measured {value, unit, source}.',
        `# Counts until ${expiry} unless you add \`expires: YYYY-MM-DD\`. An empty claim or evidence is refused.`,
        '',
      ].join('\n');
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, header + stringify(body));
      } catch (e) {
        throw new UserError('output-unwritable', `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const missing = [!opts.claim && 'claim', evidence.length === 0 && 'evidence', !body.by && 'by'].filter(Boolean);
      io.stdout.write(`${relative(process.cwd(), file) || file}\n`);
      if (missing.length > 0) io.stderr.write(`readiness: fill in ${missing.join(', ')} before it counts\n`);
    });
}
