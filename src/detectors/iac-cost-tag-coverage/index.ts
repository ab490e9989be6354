import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CFN_GLOBS, parseCloudFormation, providerOfType, readTerraform, type TagSet, type TfProvider, type TfResource } from '../../ecosystems/terraform.ts';

/** Tag keys that attribute cost to an owner, service, product or environment. */
const COST_KEY = /cost.?cent(er|re)|costcenter|team|owner|service|project|application|app|environment|env|business.?unit|product/i;

/** AWS resource types that cannot carry tags (sub-resources, attachments, policies, records). */
const AWS_UNTAGGABLE =
  /_(?:attachment|association|membership|permission|version|validation|subscription|mapping|record|policy|rule|target|alias|schedule|notification|integration|integration_response|method|method_response|deployment|resource|route|access_key|login_profile|listener_certificate|cors_configuration|ownership_controls|public_access_block|versioning|acl|lifecycle_configuration|server_side_encryption_configuration|logging|website_configuration|replication_configuration)$|^aws_s3_bucket_(?!object$)|^aws_api_gateway_(?!rest_api$|stage$|api_key$|usage_plan$|client_certificate$|domain_name$|vpc_link$)|^aws_apigatewayv2_(?!api$|stage$|domain_name$|vpc_link$)|^aws_(?:iam_group|launch_configuration|ec2_tag|autoscaling_group_tag|default_tags|cloudwatch_dashboard|cloudfront_origin_access_identity|cloudfront_origin_access_control|cloudfront_cache_policy|cloudfront_function|lambda_function_url|ecs_cluster_capacity_providers|autoscaling_lifecycle_hook|cognito_user_pool_client|cognito_user_pool_domain|cognito_user_group|ses_\w+)$/;
const AWS_TAGGABLE_ANYWAY = new Set([
  'aws_iam_policy',
  'aws_organizations_policy',
  'aws_lb_listener_rule',
  'aws_cloudwatch_event_rule',
  'aws_config_config_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_appautoscaling_target',
  'aws_ce_anomaly_subscription',
  'aws_ec2_transit_gateway_vpc_attachment',
  'aws_wafv2_rule_group',
]);

/** Google resource types that carry billing labels. */
const GOOGLE_LABELED =
  /^google_(?:compute_(?:instance|instance_template|disk|image|snapshot|forwarding_rule|global_forwarding_rule|address|region_disk)|storage_bucket|sql_database_instance|container_cluster|cloud_run_(?:service|v2_service|v2_job)|cloudfunctions2?_function|pubsub_(?:topic|subscription)|bigquery_(?:dataset|table)|redis_instance|spanner_instance|dataproc_cluster|dataflow_job|kms_crypto_key|secret_manager_secret|artifact_registry_repository|filestore_instance|memcache_instance|alloydb_(?:cluster|instance)|composer_environment|project|vertex_ai_\w+)$/;

const AZURE_UNTAGGABLE =
  /_(?:association|assignment|rule|policy|attachment|lock|diagnostic_setting|definition|access_policy|container|blob|queue|share|database|configuration|member|secret_version|api|api_operation|backend|product|certificate_binding)$|^azurerm_(?:subnet|client_config|role_definition|management_lock)$/;

const CFN_UNTAGGABLE =
  /^(?:Custom::|AWS::CloudFormation::|AWS::ApplicationAutoScaling::)|::(?:\w*Policy|\w*Association|\w*Attachment|Permission|Route|RecordSet(?:Group)?|Alias|Version|LayerVersionPermission|SecurityGroupIngress|SecurityGroupEgress|Deployment|Method|Resource|Subscription|\w*Target|ListenerRule|ListenerCertificate|BasePathMapping|Model|RequestValidator|Authorizer|Integration|IntegrationResponse|Account|Dashboard|MetricFilter|SubscriptionFilter|LogStream|ScalingPolicy|ScheduledAction|LifecycleHook|WaitCondition|WaitConditionHandle|InstanceProfile|Group|UserToGroupAddition|AccessKey|RouteResponse|ApiMapping|NetworkAclEntry|EventSourceMapping)$/;

function isTaggable(type: string): boolean {
  const p = providerOfType(type);
  if (p === 'aws') return AWS_TAGGABLE_ANYWAY.has(type) || !AWS_UNTAGGABLE.test(type);
  if (p === 'google') return GOOGLE_LABELED.test(type);
  if (p === 'azurerm') return !AZURE_UNTAGGABLE.test(type);
  return false;
}

const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];

type Verdict = 'tagged' | 'untagged' | 'unresolved';

function verdictOf(tags: TagSet | undefined): Verdict {
  if (!tags) return 'untagged';
  if (tags.keys.some((k) => COST_KEY.test(k))) return 'tagged';
  return tags.dynamic ? 'unresolved' : 'untagged';
}

const dirOf = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('/')));

export default defineDetector({
  id: 'iac-cost-tag-coverage',
  pillar: 'finops',
  question: 'Do all taggable cloud resources in IaC carry a cost-allocation tag (team, service, cost centre, environment)?',
  rationale: 'Untagged resources turn into an unattributed share of the cloud bill that nobody owns or optimises.',
  measures: {
    'taggable-resources': { unit: 'resources', description: 'Terraform/CloudFormation resources of taggable types whose tags could be read' },
    'tagged-resources': { unit: 'resources', description: 'Taggable resources with a cost-allocation tag (directly or via provider default tags)' },
    'tagged-share': { unit: '%', description: 'tagged-resources / taggable-resources, rounded percent' },
  },
  contents: ['**/*.tf', ...CFN_GLOBS],
  detect({ repo }) {
    const tf = readTerraform(repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' })));
    // Provider default tags/labels apply to resources in the same module; modules without their own
    // provider block inherit from the caller, approximated by any provider of that name.
    const providersByDir = new Map<string, TfProvider[]>();
    for (const p of tf.providers) providersByDir.set(dirOf(p.file), [...(providersByDir.get(dirOf(p.file)) ?? []), p]);
    const fromProvider = (r: TfResource): TfProvider | undefined => {
      const name = providerOfType(r.type);
      const names = name === 'google' ? ['google', 'google-beta'] : [name];
      const local = (providersByDir.get(dirOf(r.file)) ?? []).filter((p) => names.includes(p.name));
      const alias = r.provider?.split('.')[1];
      const candidates = local.length > 0 ? local.filter((p) => (alias ? p.alias === alias : p.alias === undefined)) : tf.providers.filter((p) => names.includes(p.name));
      return candidates.find((p) => verdictOf(p.defaultTags) === 'tagged');
    };

    const tagged: EvidenceItem[] = [];
    const untagged: EvidenceItem[] = [];
    let unresolved = 0;
    const defaults = new Set<TfProvider>();
    for (const r of tf.resources) {
      if (!isTaggable(r.type)) continue;
      let v = verdictOf(r.tags);
      const prov = v === 'tagged' ? undefined : fromProvider(r);
      if (prov) {
        v = 'tagged';
        defaults.add(prov);
      }
      const at = { path: r.file, line: r.line, note: `${r.type}.${r.name}` };
      if (v === 'tagged') tagged.push(at);
      else if (v === 'untagged') untagged.push({ ...at, note: `${at.note} has no cost-allocation tag` });
      else unresolved++;
    }
    for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
      const tpl = parseCloudFormation(f.path, repo.text(f.path) ?? '');
      for (const r of tpl?.resources ?? []) {
        if (!r.type.startsWith('AWS::') || CFN_UNTAGGABLE.test(r.type)) continue;
        let v = verdictOf(r.tags);
        if (v !== 'tagged' && r.type === 'AWS::Serverless::Function' && verdictOf(tpl!.functionGlobalTags) === 'tagged') v = 'tagged';
        const at = { path: r.file, line: r.line, note: `${r.type} ${r.logicalId}` };
        if (v === 'tagged') tagged.push(at);
        else if (v === 'untagged') untagged.push({ ...at, note: `${at.note} has no cost-allocation tag` });
        else unresolved++;
      }
    }
    const total = tagged.length + untagged.length;
    const skipped = unresolved > 0 ? ` ${unresolved} resources with tags from variables or module outputs were not counted.` : '';
    if (total === 0) {
      return unknown(unresolved > 0 ? `All ${unresolved} taggable resources take their tags from variables or module outputs, which cannot be read statically.` : 'No taggable cloud resources in Terraform or CloudFormation.');
    }
    const share = Math.round((tagged.length * 100) / total);
    const measures = {
      'taggable-resources': { value: total, unit: 'resources' },
      'tagged-resources': { value: tagged.length, unit: 'resources' },
      'tagged-share': { value: share, unit: '%' },
    };
    if (untagged.length === 0) {
      const evidence: EvidenceItem[] = [...defaults].map((p) => ({ path: p.file, line: p.defaultTags!.line, note: `provider ${p.name} default tags: ${p.defaultTags!.keys.join(', ')}` }));
      return yes(`All ${total} taggable resources carry a cost-allocation tag.${skipped}`, [...evidence, ...tagged].slice(0, 10), measures);
    }
    return no(`${untagged.length} of ${total} taggable resources lack a cost-allocation tag (${share}% tagged).${skipped}`, untagged.slice(0, 10), measures);
  },
});
