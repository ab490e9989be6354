import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-budgets-as-code', () => {
  it.each([
    ['an AWS budget in Terraform', { 'infra/budget.tf': '# monthly\nresource "aws_budgets_budget" "monthly" {\n  budget_type = "COST"\n}\n' }, ['infra/budget.tf:2']],
    ['an Azure subscription budget', { 'infra/budget.tf': 'resource "azurerm_consumption_budget_subscription" "b" {}\n' }, ['infra/budget.tf:1']],
    ['a GCP billing budget', { 'infra/budget.tf': 'resource "google_billing_budget" "b" {}\n' }, ['infra/budget.tf:1']],
    ['a CloudFormation budget', { 'cfn/budget.yaml': 'Resources:\n  Budget:\n    Type: AWS::Budgets::Budget\n' }, ['cfn/budget.yaml:2']],
    ['a CDK budget', { 'lib/stack.ts': "new budgets.CfnBudget(this, 'B', { budget: {} });\n" }, ['lib/stack.ts:1']],
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
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
