import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const rotation = 'One engineer from the platform team is primary for a week, handing over on Monday at 10:00; PagerDuty pages the secondary after fifteen minutes.';

describe('has-oncall-docs', () => {
  it.each([
    ['an on-call document', { 'docs/on-call.md': `# Rotation\n${rotation}\n` }, ['docs/on-call.md']],
    ['an oncall folder', { 'handbook/oncall/rotation.md': `# Rotation\n${rotation}\n` }, ['handbook/oncall/rotation.md']],
    ['an escalation policy', { 'docs/escalation-policy.md': `# Who to page\n${rotation}\n` }, ['docs/escalation-policy.md']],
    ['an On-call section in the ops guide', { 'docs/operations.md': `# Operations\n\n## On-call rotation\n${rotation}\n` }, ['docs/operations.md:3']],
    ['a PagerDuty schedule in Terraform', { 'infra/pagerduty.tf': 'resource "pagerduty_schedule" "primary" {\n  name = "Primary"\n}\n' }, ['infra/pagerduty.tf:1']],
    ['an Opsgenie schedule in Terraform', { 'terraform/opsgenie.tf': 'resource "opsgenie_schedule" "sre" {}\n' }, ['terraform/opsgenie.tf:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a PagerDuty client library README', { 'README.md': '# pd-client\n## PagerDuty API\nCall the API.\n' }],
    ['the schedule is commented out', { 'infra/pd.tf': '# resource "pagerduty_schedule" "x" {}\n' }],
    ['code handles on-call', { 'src/oncall.ts': 'export const onCall = 1;\n' }],
    ['a changelog mentions on-call', { 'CHANGELOG.md': '# 1.2\n## On-call export fixed\n' }],
    ['on-call docs are vendored', { 'vendor/tool/docs/on-call.md': `# On call\n${rotation}\n` }],
    ['the on-call document is a stub', { 'docs/on-call.md': '# On-call\n\nTBD\n' }],
    ['the On-call section is one line', { 'docs/operations.md': '# Operations\n\n## On-call\nAsk in #ops.\n\n## Deploys\n' + rotation + '\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
