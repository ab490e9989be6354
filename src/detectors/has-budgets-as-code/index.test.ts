import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-budgets-as-code', () => {
  it.each([
    ['an AWS budget in Terraform', { 'infra/budget.tf': '# monthly\nresource "aws_budgets_budget" "monthly" {\n  budget_type = "COST"\n}\n' }, ['infra/budget.tf:2']],
    ['an Azure subscription budget', { 'infra/budget.tf': 'resource "azurerm_consumption_budget_subscription" "b" {}\n' }, ['infra/budget.tf:1']],
    ['a GCP billing budget', { 'infra/budget.tf': 'resource "google_billing_budget" "b" {}\n' }, ['infra/budget.tf:1']],
    ['a CloudFormation budget', { 'cfn/budget.yaml': 'Resources:\n  Budget:\n    Type: AWS::Budgets::Budget\n' }, ['cfn/budget.yaml:2']],
    ['a CDK budget', { 'lib/stack.ts': "import * as budgets from 'aws-cdk-lib/aws-budgets';\nnew budgets.CfnBudget(this, 'B', { budget: {} });\n" }, ['lib/stack.ts:2']],
    ['a Pulumi budget in Python', { 'requirements.txt': 'pulumi-aws>=6\n', '__main__.py': 'import pulumi_aws as aws\n\nmonthly = aws.budgets.Budget("monthly", budget_type="COST", limit_amount="500", limit_unit="USD", time_unit="MONTHLY")\n' }, ['__main__.py:3']],
    ['a Pulumi GCP billing budget in Go', { 'main.go': 'package main\n\nimport (\n\t"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/billing"\n\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n)\n\nfunc run(ctx *pulumi.Context) error {\n\t_, err := billing.NewBudget(ctx, "monthly", &billing.BudgetArgs{})\n\treturn err\n}\n' }, ['main.go:9']],
    ['a Bicep consumption budget', { 'infra/budget.bicep': "resource budget 'Microsoft.Consumption/budgets@2023-05-01' = {\n  name: 'monthly'\n  properties: { amount: 500 }\n}\n" }, ['infra/budget.bicep:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the budget is commented out', { 'infra/budget.tf': '# resource "aws_budgets_budget" "b" {}\n' }],
    ['a budget is only a data source', { 'infra/budget.tf': 'data "aws_budgets_budget" "b" {\n  name = "x"\n}\n' }],
    ['a README shows one', { 'README.md': 'resource "aws_budgets_budget" "b" {}\n' }],
    ['an example module has one', { 'examples/budget/main.tf': 'resource "aws_budgets_budget" "b" {}\n' }],
    ['a downloaded module in .terraform/ has one', { 'infra/.terraform/modules/billing/main.tf': 'resource "aws_budgets_budget" "b" {}\n', 'infra/main.tf': 'module "billing" {\n  source = "acme/billing/aws"\n}\n' }],
    ['CDK code mentions a budget without importing CDK', { 'src/report.ts': "const b = new budgets.CfnBudget(this, 'B');\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
