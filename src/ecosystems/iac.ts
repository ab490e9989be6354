// Every dialect of infrastructure code read into one model: Terraform/OpenTofu (terraform.ts),
// CloudFormation/SAM (cloudformation.ts), Bicep/ARM (iac-azure.ts), and CDK/CDKTF/Pulumi programs
// (iac-code.ts). `iacResources` flattens them into resources with a type, a location, their tags
// and whether their type can carry tags. A detector that calls readIac declares IAC_CONTENTS as
// contents and spreads IAC_CODE_PATTERNS into its patterns.
import type { RepoView } from '../core/detector.ts';
import type { Match } from '../core/types.ts';
import { CFN_GLOBS, parseCloudFormation, type CfnTemplate } from './cloudformation.ts';
import { AZURE_GLOBS, readAzureTemplates, type AzureResource } from './iac-azure.ts';
import { IAC_CODE_CONTENTS, readIacCode, type IacCodeModel, type IacConstruct } from './iac-code.ts';
import { isTaggableAzureType, isTaggableCfnType, isTaggableTerraformType, type TagSet } from './iac-tags.ts';
import { IAC_ROLES, TF_GLOBS, repoTerraform, type TerraformModel } from './terraform.ts';

export { IAC_CODE_PATTERNS } from './iac-code.ts';

export const IAC_CONTENTS: readonly string[] = [...TF_GLOBS, ...CFN_GLOBS, ...AZURE_GLOBS, ...IAC_CODE_CONTENTS];

export interface IacModel {
  terraform: TerraformModel;
  cfn: CfnTemplate[];
  azure: AzureResource[];
  code: IacCodeModel;
}

export function readIac(repo: RepoView, matches: (name: string) => readonly Match[]): IacModel {
  const cfn: CfnTemplate[] = [];
  for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
    const t = parseCloudFormation(f.path, repo.text(f.path) ?? '');
    if (t) cfn.push(t);
  }
  return { terraform: repoTerraform(repo), cfn, azure: readAzureTemplates(repo), code: readIacCode(repo, matches) };
}

export type IacDialect = 'terraform' | 'cloudformation' | 'bicep' | 'arm' | 'cdk' | 'cdktf' | 'pulumi';

export interface IacResource {
  dialect: IacDialect;
  /** Terraform type, CloudFormation type, Azure type, or `service.Type` of a construct. */
  type: string;
  /** How a reader finds it: `aws_s3_bucket.logs`, `AWS::S3::Bucket Logs`, `s3.Bucket`. */
  label: string;
  path: string;
  line: number;
  tags?: TagSet;
  taggable: boolean;
  /** The construct, for CDK/Pulumi resources. */
  construct?: IacConstruct;
}

/** `BucketV2` -> `bucket_v2`. */
function snake(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** The Terraform type a construct corresponds to, for the taggable-type data (`aws.s3.Bucket` -> `aws_s3_bucket`). */
export function constructTerraformType(c: IacConstruct): string | undefined {
  const prefix = c.cloud === 'aws' ? 'aws' : c.cloud === 'gcp' ? 'google' : c.cloud === 'azure' ? 'azurerm' : undefined;
  if (!prefix) return undefined;
  // CDKTF classes are the Terraform type in PascalCase (`S3Bucket` from @cdktf/provider-aws).
  if (c.framework === 'cdktf') return `${prefix}_${snake(c.type).replace(/^(?:aws|google|azurerm)_/, '')}`;
  if (!c.service) return undefined;
  return `${prefix}_${c.service}_${snake(c.type.replace(/V\d+$/, ''))}`;
}

export function iacResources(model: IacModel): IacResource[] {
  const out: IacResource[] = [];
  for (const r of model.terraform.resources) {
    out.push({ dialect: 'terraform', type: r.type, label: `${r.type}.${r.name}`, path: r.file, line: r.line, ...(r.tags ? { tags: r.tags } : {}), taggable: isTaggableTerraformType(r.type) });
  }
  for (const t of model.cfn) {
    for (const r of t.resources) {
      out.push({ dialect: 'cloudformation', type: r.type, label: `${r.type} ${r.logicalId}`, path: r.file, line: r.line, ...(r.tags ? { tags: r.tags } : {}), taggable: isTaggableCfnType(r.type) });
    }
  }
  for (const r of model.azure) {
    out.push({ dialect: r.dialect, type: r.type, label: `${r.type} ${r.name}`, path: r.path, line: r.line, ...(r.tags ? { tags: r.tags } : {}), taggable: isTaggableAzureType(r.type) });
  }
  for (const c of model.code.constructs) {
    const tf = constructTerraformType(c);
    out.push({ dialect: c.framework, type: c.name, label: `${c.framework === 'pulumi' ? 'Pulumi' : c.framework === 'cdktf' ? 'CDKTF' : 'CDK'} ${c.name}`, path: c.path, line: c.line, ...(c.tags ? { tags: c.tags } : {}), taggable: tf !== undefined && isTaggableTerraformType(tf), construct: c });
  }
  return out;
}
