import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { CI_GLOBS, readCi, runnableJobs } from '../../ecosystems/ci.ts';
import { deployOfStep, PROCESS_RESTART, SSH_REMOTE } from '../../ecosystems/deploy-commands.ts';

/** Where hand-run deploy procedures live. */
const SCRIPT_PATHS = [
  '**/*.sh',
  '**/*.bash',
  '**/Makefile',
  '**/makefile',
  '**/*.mk',
  '**/package.json',
  '**/fabfile.py',
  '**/fabfile/*.py',
  '**/Taskfile.yml',
  '**/Taskfile.yaml',
  '**/justfile',
  '**/Justfile',
];
/** Deploy tools run from a workstation, as documented for people: `cap production deploy`, `dep deploy`, `pm2 deploy`, `fab deploy`. */
const HAND_DEPLOY_COMMAND = /(?:^|[\s`$>])(?:bundle\s+exec\s+)?(?:cap\s+\w+\s+deploy|(?:php\s+)?(?:vendor\/bin\/)?dep\s+deploy|pm2\s+deploy\s+\S+|fab\b[^\n`]*\sdeploy|kamal\s+deploy)\b/;
const ROLES = ['source', 'config', 'other'] as const;
const RESTART_LITERALS = ['pm2', 'systemctl', 'service', 'forever', 'supervisorctl', 'passenger-config', 'compose', 'docker'];

/** Makefiles and the like are not comment-blanked by the scanner. */
const notComment = (m: Match): boolean => !m.excerpt.startsWith('#');

export default defineDetector({
  id: 'deploys-manually',
  pillar: 'cicd',
  question: 'Is the platform deployed by hand (SSH to a host and restart processes, Capistrano, Deployer, Fabric, PM2 deploy run from a workstation) with no pipeline deploying it?',
  rationale: 'Hand deploys depend on one person’s memory and access, cannot be audited, and make rollback a guess.',
  patterns: {
    ssh: { regex: SSH_REMOTE, literals: ['ssh', 'scp', 'rsync'], paths: SCRIPT_PATHS, roles: ROLES, maxPerFile: 5 },
    restart: { regex: PROCESS_RESTART, literals: RESTART_LITERALS, paths: SCRIPT_PATHS, roles: ROLES, maxPerFile: 5 },
    pm2Deploy: { regex: /["']?post-deploy["']?\s*:/, literals: ['post-deploy'], paths: ['**/ecosystem.config.*', '**/pm2.config.*', '**/ecosystem.json'], roles: ROLES, maxPerFile: 1 },
    deployer: {
      regex: /^\s*namespace\s+Deployer\s*;|require\s+['"](?:recipe\/[\w/.-]+|vendor\/deployer\/[\w/.-]+)['"]/m,
      literals: ['Deployer', 'recipe/', 'deployer/'],
      paths: ['**/deploy.php', '**/deploy/*.php'],
      roles: ROLES,
      languages: ['php'],
      maxPerFile: 1,
    },
    docsCommand: { regex: HAND_DEPLOY_COMMAND, literals: ['deploy'], roles: ['docs'], code: false, maxPerFile: 2 },
    capistrano: {
      regex: /^\s*lock\s+["'][~>=\s]*3|require\s+["']capistrano\/(?:deploy|setup)["']/m,
      literals: ['lock', 'capistrano'],
      paths: ['**/Capfile', '**/config/deploy.rb'],
      roles: ROLES,
      maxPerFile: 1,
    },
    docsSsh: { regex: SSH_REMOTE, literals: ['ssh'], roles: ['docs'], code: false, maxPerFile: 2 },
    docsRestart: { regex: PROCESS_RESTART, literals: RESTART_LITERALS, roles: ['docs'], code: false, maxPerFile: 2 },
  },
  contents: [...CI_GLOBS],
  detect({ repo, matches }) {
    const ssh = matches('ssh').filter(notComment);
    const restart = matches('restart').filter(notComment);
    const sshFiles = new Set(ssh.map((m) => m.path));
    const manual: EvidenceItem[] = [];
    const scripts = new Set<string>();
    for (const path of new Set(restart.map((m) => m.path))) {
      // Fabric runs every command over SSH; elsewhere the script must reach a host itself.
      const fabric = /(^|\/)fabfile(\.py|\/)/.test(path);
      if (!fabric && !sshFiles.has(path)) continue;
      scripts.add(path);
      const s = ssh.find((m) => m.path === path);
      if (s) manual.push(fromMatch(s, 'copies to / logs into a host'));
      manual.push(fromMatch(restart.find((m) => m.path === path)!, 'restarts processes by hand'));
    }
    for (const m of matches('pm2Deploy')) {
      scripts.add(m.path);
      manual.push(fromMatch(m, 'PM2 deploy section (run from a workstation)'));
    }
    for (const m of matches('capistrano')) {
      scripts.add(m.path);
      manual.push(fromMatch(m, 'Capistrano deploy'));
    }
    for (const m of matches('deployer')) {
      scripts.add(m.path);
      manual.push(fromMatch(m, 'Deployer (PHP) recipe, run with dep deploy'));
    }
    if (manual.length === 0) return no('No hand-run deploy procedure (SSH + restart scripts, PM2 deploy, Capistrano, Deployer, Fabric) was found.');

    const ci = readCi(repo);
    const names = [...scripts].map((p) => p.slice(p.lastIndexOf('/') + 1)).filter((n) => !['package.json', 'Makefile', 'Capfile', 'deploy.rb', 'deploy.php'].includes(n));
    // A job that can run and ships (not a pull-request preview): the same procedure run by CI is automated.
    const automated = runnableJobs(ci)
      .filter((job) => job.triggers.some((t) => t !== 'pull_request'))
      .flatMap((job) =>
        job.steps
          .filter((st) => deployOfStep(st) !== undefined || names.some((n) => st.text.includes(n)))
          .map((st) => ({ path: job.file, line: st.line, note: `CI job ${job.name} (${job.triggers.join('/')}) deploys` })),
      );
    if (automated.length > 0) {
      return no('Deploy scripts exist, but a CI job runs the deploy.', [...automated.slice(0, 3), ...manual.slice(0, 4)]);
    }
    if (ci.problems.length > 0) {
      return unknown(`Deploy scripts run by hand exist, but ${ci.problems.length} CI file(s) could not be parsed to rule out a CI deploy.`, manual.slice(0, 10));
    }
    const docs = [...matches('docsSsh').filter((m) => matches('docsRestart').some((r) => r.path === m.path)), ...matches('docsCommand')];
    const evidence = [...manual.slice(0, 8), ...docs.slice(0, 2).map((m) => fromMatch(m, 'documented manual deploy step'))];
    return yes(`Deploys are run by hand (${[...scripts].join(', ')}) and no CI job deploys.`, evidence.slice(0, 10));
  },
});
