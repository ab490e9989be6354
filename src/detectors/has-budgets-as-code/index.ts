import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CFN_GLOBS, parseCloudFormation, readTerraform } from '../../ecosystems/terraform.ts';

const BUDGET_TYPES = /^(?:aws_budgets_budget|azurerm_consumption_budget_\w+|google_billing_budget)$/;
const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];

export default defineDetector({
  id: 'has-budgets-as-code',
  pillar: 'finops',
  question: 'Are cloud budgets defined as code?',
  rationale: 'A budget in code is reviewed, versioned and alerts before the bill does.',
  patterns: {
    construct: { regex: /\bnew\s+(?:aws\.)?budgets\.(?:Budget|CfnBudget)\s*\(|\bbudgets\.CfnBudget\(\s*self\b|\bnew\s+(?:gcp\.billing\.Budget|azure\.consumption\.Budget\w*)\s*\(/, literals: ['budgets.', 'billing.Budget', 'consumption.Budget'], languages: ['typescript', 'javascript', 'python'], maxPerFile: 3 },
  },
  contents: ['**/*.tf', ...CFN_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const tf = readTerraform(repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' })));
    for (const r of tf.resources) if (BUDGET_TYPES.test(r.type)) evidence.push({ path: r.file, line: r.line, note: `${r.type}.${r.name}` });
    for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
      for (const r of parseCloudFormation(f.path, repo.text(f.path) ?? '')?.resources ?? []) {
        if (r.type === 'AWS::Budgets::Budget') evidence.push({ path: r.file, line: r.line, note: `AWS::Budgets::Budget ${r.logicalId}` });
      }
    }
    evidence.push(...matches('construct').map((m) => fromMatch(m, 'budget construct (CDK/Pulumi)')));
    if (evidence.length === 0) return no('No cloud budget is defined in IaC (aws_budgets_budget, AWS::Budgets::Budget, azurerm_consumption_budget_*, google_billing_budget).');
    return yes(`${evidence.length} budget${evidence.length === 1 ? '' : 's'} defined as code.`, evidence.slice(0, 10));
  },
});
