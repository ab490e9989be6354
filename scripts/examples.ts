// npm run examples [-- outDir]: writes examples/legacy-platform and examples/modern-platform
// (git repositories with their history) for demos, docs and the end-to-end tests.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExamples } from './example-platforms/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = resolve(process.argv[2] ?? resolve(root, 'examples'));
const out = generateExamples(outDir);
const l = out.legacy.facts;
const m = out.modern.facts;
process.stdout.write(
  [
    `legacy-platform  ${out.legacy.path}`,
    `  ${l.commits} commits; routes/api.js ${l.apiLines} lines, routes/admin.js ${l.adminLines} lines; ${l.workerApps} PM2 apps, ${l.workerProcesses} worker processes`,
    `modern-platform  ${out.modern.path}`,
    `  ${m.commits} commits, ${m.pullRequests} merged pull requests, ${m.releases} release tags, ${m.endpoints} endpoints, ${m.files} files`,
    `done in ${(out.ms / 1000).toFixed(1)} s`,
    '',
  ].join('\n'),
);
