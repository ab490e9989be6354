import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { IAC_CODE_PATTERNS, IAC_CONTENTS, constructTerraformType, readIac } from '../../ecosystems/iac.ts';

/** Budget resource types per dialect: Terraform, CloudFormation, Bicep/ARM, and constructs as `service.Type`. */
const TF_BUDGET = /^(?:aws_budgets_budget|azurerm_consumption_budget_\w+|google_billing_budget)$/;
const CFN_BUDGET = /^AWS::Budgets::Budget$/;
const AZURE_BUDGET = /^Microsoft\.Consumption\/budgets$/i;
const CONSTRUCT_BUDGET = /^(?:budgets\.Budget|billing\.Budget|consumption\.Budget\w*)$/;

export default defineDetector({
  id: 'has-budgets-as-code',
  pillar: 'finops',
  question: 'Are cloud budgets defined as code?',
  rationale: 'A budget in code is reviewed, versioned and alerts before the bill does.',
  patterns: { ...IAC_CODE_PATTERNS },
  contents: [...IAC_CONTENTS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const model = readIac(repo, matches);
    for (const r of model.terraform.resources) if (TF_BUDGET.test(r.type)) evidence.push({ path: r.file, line: r.line, note: `${r.type}.${r.name}` });
    for (const t of model.cfn) for (const r of t.resources) if (CFN_BUDGET.test(r.type)) evidence.push({ path: r.file, line: r.line, note: `${r.type} ${r.logicalId}` });
    for (const r of model.azure) if (AZURE_BUDGET.test(r.type)) evidence.push({ path: r.path, line: r.line, note: `${r.type} ${r.name}` });
    for (const c of model.code.constructs) {
      const budget = c.framework === 'cdktf' ? TF_BUDGET.test(constructTerraformType(c) ?? '') : CONSTRUCT_BUDGET.test(c.name);
      if (budget) evidence.push({ path: c.path, line: c.line, excerpt: c.excerpt, note: `${c.framework} ${c.name}` });
    }
    if (evidence.length === 0) return no('No cloud budget is defined in IaC (aws_budgets_budget, AWS::Budgets::Budget, CDK CfnBudget, azurerm_consumption_budget_*, Microsoft.Consumption/budgets, google_billing_budget, Pulumi budgets).');
    return yes(`${evidence.length} budget${evidence.length === 1 ? '' : 's'} defined as code.`, evidence.slice(0, 10));
  },
});
