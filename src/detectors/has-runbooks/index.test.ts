import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const steps = 'Check the replication lag on the dashboard, page the database owner if it exceeds one minute, then promote the replica.';

describe('has-runbooks', () => {
  it('counts runbook folders, runbook files and operational procedures', async () => {
    const r = await detect(detector, {
      'runbooks/README.md': '# Runbooks index\n',
      'runbooks/db-failover.md': `# DB failover\n## Steps\n1. ${steps}\n`,
      'runbooks/cache-flush.md': '# Cache flush\n\nTODO\n',
      'ops/playbooks/queue-backlog.md': `# Queue backlog\n${steps}\n`,
      'docs/payments-runbook.md': `# Payments\n${steps}\n`,
      'docs/operations/restart.md': `# Restart\n\nIntro.\n\n## Diagnosis\n${steps}\n`,
      'docs/operations/overview.md': `# Overview\nWhat ops does. ${steps}\n`,
      'docs/ops/README.md': '# Ops\n## Steps\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual([
      'docs/operations/restart.md:5',
      'docs/payments-runbook.md',
      'ops/playbooks/queue-backlog.md',
      'runbooks/db-failover.md',
    ]);
    expect(r.measures).toEqual({ runbooks: { value: 4, unit: 'documents' } });
  });

  it.each([
    ['only the README mentions runbooks', { 'README.md': '# App\n## Runbooks\nAsk Bob.\n## Steps\n' }],
    ['an Ansible playbooks folder holds YAML and a README', { 'ansible/playbooks/site.yml': '- hosts: all\n', 'ansible/playbooks/README.md': '# Playbooks\n' }],
    ['runbooks are code, not docs', { 'src/runbook/engine.ts': 'export const run = 1;\n' }],
    ['a runbook template only', { 'docs/runbook-template.md': '# Title\n## Steps\n' }],
    ['operations docs have no procedure', { 'docs/operations/team.md': '# Team\n## Members\n' }],
    ['runbooks are fixtures', { 'test/fixtures/runbooks/x.md': `# X\n## Steps\n${steps}\n` }],
    ['the runbook folder holds only empty stubs', { 'docs/runbooks/db-failover.md': '# DB failover\n\n## Steps\n\nTBD\n', 'docs/runbooks/queue.md': '' }],
    ['a runbook is an unfilled template', { 'runbooks/service.md': '# Runbook: <service>\n\n## Symptoms\n[Describe the alert]\n\n## Steps\n[List the steps]\n\nOwner: {{ team }} since YYYY-MM-DD\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.runbooks?.value).toBe(0);
  });
});
