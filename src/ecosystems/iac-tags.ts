// Cost-allocation tagging as data: which tag keys attribute cost, which name a tenant, and which
// resource types can carry tags at all, per IaC dialect (Terraform AWS/Google/Azure, CloudFormation
// and CDK, Pulumi, Bicep/ARM).

/** Keys of a tag (or label) map, when they can be read without evaluating the IaC. */
export interface TagSet {
  keys: string[];
  /** Part of the map could not be read (a variable, a module output, a function call). */
  dynamic: boolean;
  line: number;
}

/**
 * Tag keys that attribute cost, compared without case, separators or a namespace prefix
 * (`CostCenter`, `cost-center`, `acme:cost_center` are one key). `Name`, `ManagedBy`, `Backup`
 * and the like describe a resource but attribute no cost to anyone.
 */
export const COST_ALLOCATION_KEYS: readonly string[] = [
  'costcenter', 'costcentre', 'costcode', 'costallocation', 'costowner', 'billing', 'billingcode', 'billingproject', 'chargeback', 'chargecode',
  'team', 'owner', 'ownerteam', 'squad', 'department', 'businessunit', 'bu',
  'project', 'product', 'application', 'app', 'service', 'component', 'workload', 'system',
  'environment', 'env', 'stage',
];
/** A cost key followed by one of these is still a cost key (`team_name`, `service-id`, `cost-center-code`). */
const KEY_SUFFIX = /(?:name|id|code|key)$/;

/** Tag keys that name the tenant or customer a resource serves. */
export const TENANT_KEYS: readonly string[] = ['tenant', 'tenantid', 'tenantname', 'tenantcode', 'customer', 'customerid', 'customername', 'customercode', 'client', 'clientid', 'clientname'];

/** `acme:Cost-Center` -> `costcenter`. */
export function normaliseKey(key: string): string {
  const last = key.split(/[:/]/).filter(Boolean).pop() ?? key;
  return last.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isCostKey(key: string): boolean {
  const k = normaliseKey(key);
  if (COST_ALLOCATION_KEYS.includes(k)) return true;
  const stem = k.replace(KEY_SUFFIX, '');
  return stem !== k && COST_ALLOCATION_KEYS.includes(stem);
}

export function isTenantKey(key: string): boolean {
  return TENANT_KEYS.includes(normaliseKey(key));
}

export type TagVerdict = 'tagged' | 'untagged' | 'unresolved';

/** A resource with a cost key is tagged; one whose tags cannot be read is unresolved. */
export function tagVerdict(tags: TagSet | undefined): TagVerdict {
  if (!tags) return 'untagged';
  if (tags.keys.some(isCostKey)) return 'tagged';
  return tags.dynamic ? 'unresolved' : 'untagged';
}

// ---------------------------------------------------------------------------------------------
// Which resource types carry tags.

/** AWS Terraform types that cannot carry tags (sub-resources, attachments, policies, records). */
const AWS_UNTAGGABLE =
  /_(?:attachment|association|membership|permission|version|validation|subscription|mapping|record|policy|rule|target|alias|schedule|notification|integration|integration_response|method|method_response|deployment|resource|route|access_key|login_profile|listener_certificate|cors_configuration|ownership_controls|public_access_block|versioning|acl|lifecycle_configuration|server_side_encryption_configuration|logging|website_configuration|replication_configuration|document|caller_identity|region|availability_zones|partition|selection|registration|invitation_accepter)$|^aws_s3_bucket_(?!object$)|^aws_api_gateway_(?!rest_api$|stage$|api_key$|usage_plan$|client_certificate$|domain_name$|vpc_link$)|^aws_apigatewayv2_(?!api$|stage$|domain_name$|vpc_link$)|^aws_(?:iam_group|launch_configuration|ec2_tag|autoscaling_group_tag|default_tags|cloudwatch_dashboard|cloudfront_origin_access_identity|cloudfront_origin_access_control|cloudfront_cache_policy|cloudfront_function|lambda_function_url|ecs_cluster_capacity_providers|autoscaling_lifecycle_hook|cognito_user_pool_client|cognito_user_pool_domain|cognito_user_group|ses_\w+|budgets_budget_action|ce_anomaly_monitor_\w+|main_route_table_association|default_route_table)$/;
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
  /^google_(?:compute_(?:instance|instance_template|disk|image|snapshot|forwarding_rule|global_forwarding_rule|address|region_disk)|storage_bucket|sql_database_instance|container_cluster|container_node_pool|cloud_run_(?:service|v2_service|v2_job)|cloudfunctions2?_function|pubsub_(?:topic|subscription)|bigquery_(?:dataset|table)|redis_instance|spanner_instance|dataproc_cluster|dataflow_job|kms_crypto_key|secret_manager_secret|artifact_registry_repository|filestore_instance|memcache_instance|alloydb_(?:cluster|instance)|composer_environment|project|vertex_ai_\w+)$/;

const AZURE_UNTAGGABLE =
  /_(?:association|assignment|rule|policy|attachment|lock|diagnostic_setting|definition|access_policy|container|blob|queue|share|database|configuration|member|secret_version|api|api_operation|backend|product|certificate_binding|budget_\w+|budget)$|^azurerm_(?:subnet|client_config|role_definition|management_lock|resource_provider_registration|consumption_budget_\w+|cost_anomaly_alert)$/;

/** Whether a Terraform resource type can carry tags (AWS, Google labels, Azure). */
export function isTaggableTerraformType(type: string): boolean {
  const cloud = type.slice(0, Math.max(0, type.indexOf('_')));
  if (cloud === 'aws') return AWS_TAGGABLE_ANYWAY.has(type) || !AWS_UNTAGGABLE.test(type);
  if (cloud === 'google') return GOOGLE_LABELED.test(type);
  if (cloud === 'azurerm') return !AZURE_UNTAGGABLE.test(type);
  return false;
}

/** CloudFormation types that cannot carry tags. */
const CFN_UNTAGGABLE =
  /^(?:Custom::|AWS::CloudFormation::|AWS::ApplicationAutoScaling::|AWS::Serverless::(?:Api|HttpApi|SimpleTable|Application|LayerVersion)$)|::(?:\w*Policy|\w*Association|\w*Attachment|Permission|Route|RecordSet(?:Group)?|Alias|Version|LayerVersionPermission|SecurityGroupIngress|SecurityGroupEgress|Deployment|Method|Resource|Subscription|\w*Target|ListenerRule|ListenerCertificate|BasePathMapping|Model|RequestValidator|Authorizer|Integration|IntegrationResponse|Account|Dashboard|MetricFilter|SubscriptionFilter|LogStream|ScalingPolicy|ScheduledAction|LifecycleHook|WaitCondition|WaitConditionHandle|InstanceProfile|Group|UserToGroupAddition|AccessKey|RouteResponse|ApiMapping|NetworkAclEntry|EventSourceMapping|Budget|BudgetsAction|AnomalyMonitor)$/;

export function isTaggableCfnType(type: string): boolean {
  return type.startsWith('AWS::') && !CFN_UNTAGGABLE.test(type);
}

/** ARM/Bicep: top-level resources of a provider namespace carry tags; child resources and RBAC/policy do not. */
export function isTaggableAzureType(type: string): boolean {
  const [ns, ...rest] = type.split('/');
  if (!ns || rest.length !== 1) return false;
  if (/^Microsoft\.(?:Authorization|Resources|Insights\/diagnosticSettings|Consumption|CostManagement|Billing|Management|Security|PolicyInsights)$/i.test(ns)) return false;
  return /^Microsoft\./i.test(ns);
}
