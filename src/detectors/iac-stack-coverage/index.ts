import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Measure } from '../../core/types.ts';
import { CFN_GLOBS, parseCloudFormation, readTerraform } from '../../ecosystems/terraform.ts';

type Layer = 'compute' | 'network' | 'data' | 'observability';
const LAYERS: readonly Layer[] = ['compute', 'network', 'data', 'observability'];

const TF: Record<Layer, RegExp> = {
  compute:
    /^(?:aws_(?:instance|launch_template|launch_configuration|autoscaling_group|ecs_(?:service|task_definition|cluster)|lambda_function|eks_(?:cluster|node_group|fargate_profile)|batch_compute_environment|apprunner_service|elastic_beanstalk_environment|lightsail_instance)|google_(?:compute_instance|compute_instance_template|compute_instance_group_manager|container_(?:cluster|node_pool)|cloud_run_\w+|cloudfunctions2?_function|app_engine_\w+)|azurerm_(?:linux_virtual_machine\w*|windows_virtual_machine\w*|virtual_machine\w*|kubernetes_cluster\w*|container_group|app_service\w*|service_plan|\w+_app(?:_\w+)?)|kubernetes_(?:deployment|stateful_set|daemon_set|cron_job|job)(?:_v1)?|digitalocean_(?:droplet|app|kubernetes_cluster))$/,
  network:
    /^(?:aws_(?:vpc\w*|subnet|security_group\w*|lb\w*|alb\w*|elb|nat_gateway|internet_gateway|egress_only_internet_gateway|route_table\w*|route53_\w+|cloudfront_distribution|api_gateway_(?:rest_api|stage|domain_name)|apigatewayv2_(?:api|stage|domain_name)|eip|network_acl\w*|vpn_\w+|ec2_transit_gateway\w*|globalaccelerator_\w+)|google_compute_(?:network|subnetwork|firewall|router\w*|global_address|address|url_map|backend_service|target_\w+|forwarding_rule|global_forwarding_rule)|google_dns_\w+|azurerm_(?:virtual_network\w*|subnet\w*|network_\w+|lb\w*|application_gateway|public_ip\w*|dns_\w+|private_dns_\w+|private_endpoint|frontdoor\w*|cdn_\w+|nat_gateway)|kubernetes_(?:service|ingress\w*|network_policy)(?:_v1)?|cloudflare_(?:record|zone|load_balancer)|digitalocean_(?:vpc|loadbalancer|firewall|domain|record))$/,
  data:
    /^(?:aws_(?:db_instance|db_cluster\w*|rds_cluster\w*|dynamodb_table|elasticache_(?:cluster|replication_group|serverless_cache)|s3_bucket|docdb_cluster\w*|neptune_cluster\w*|redshift_cluster|opensearch_domain|elasticsearch_domain|msk_cluster|memorydb_cluster|efs_file_system|keyspaces_table|timestreamwrite_\w+)|google_(?:sql_\w+|storage_bucket|bigquery_(?:dataset|table)|spanner_\w+|redis_instance|firestore_\w+|bigtable_\w+|alloydb_\w+|memcache_instance)|azurerm_(?:\w*sql\w*|storage_account|cosmosdb_\w+|redis_cache|postgresql_\w+|mysql_\w+|mariadb_\w+)|mongodbatlas_(?:cluster|advanced_cluster)|digitalocean_(?:database_cluster|spaces_bucket))$/,
  observability:
    /^(?:aws_(?:cloudwatch_(?!event_)\w+|xray_\w+|prometheus_\w+|grafana_\w+)|datadog_\w+|grafana_\w+|google_monitoring_\w+|google_logging_\w+|azurerm_(?:monitor_\w+|application_insights\w*|log_analytics_\w+)|newrelic_\w+|pagerduty_\w+|opsgenie_\w+|honeycombio_\w+|sentry_\w+|signalfx_\w+|betteruptime_\w+)$/,
};

const CFN: Record<Layer, RegExp> = {
  compute: /^AWS::(?:EC2::(?:Instance|LaunchTemplate)|AutoScaling::AutoScalingGroup|ECS::(?:Service|TaskDefinition|Cluster)|Lambda::Function|Serverless::Function|EKS::\w+|AppRunner::Service|Batch::ComputeEnvironment|ElasticBeanstalk::Environment)$/,
  network: /^AWS::(?:EC2::(?:VPC\w*|Subnet\w*|SecurityGroup\w*|InternetGateway|NatGateway|RouteTable|EIP|TransitGateway\w*|NetworkAcl\w*)|ElasticLoadBalancing(?:V2)?::\w+|Route53::\w+|CloudFront::Distribution|ApiGateway(?:V2)?::(?:RestApi|Api|Stage|DomainName)|Serverless::(?:Api|HttpApi))$/,
  data: /^AWS::(?:RDS::DB(?:Instance|Cluster)|DynamoDB::\w*Table|ElastiCache::\w+|S3::Bucket|Serverless::SimpleTable|DocDB::DBCluster|Redshift::Cluster|OpenSearchService::Domain|EFS::FileSystem|MSK::Cluster)$/,
  observability: /^AWS::(?:CloudWatch::\w+|Logs::\w+|XRay::\w+|ApplicationInsights::\w+)$/,
};

const K8S: Record<Layer, RegExp> = {
  compute: /^(?:Deployment|StatefulSet|DaemonSet|CronJob|Job|Rollout)$/,
  network: /^(?:Service|Ingress|Gateway|HTTPRoute|NetworkPolicy|VirtualService)$/,
  data: /^$/,
  observability: /^(?:PrometheusRule|ServiceMonitor|PodMonitor|GrafanaDashboard|Probe)$/,
};

/** CDK / Pulumi constructs as `service.Type` (lowercase service). */
const CODE: Record<Layer, RegExp> = {
  compute: /^(?:ec2\.(?:Instance|LaunchTemplate)|autoscaling\.\w+|ecs\.\w*(?:Service|Cluster|TaskDefinition)|ecs_patterns\.\w+|lambda\.Function|lambda_nodejs\.NodejsFunction|lambda_python\.\w+|eks\.\w+|compute\.Instance\w*|cloudrun(?:v2)?\.\w+|container\.(?:Cluster|NodePool)|cloudfunctions(?:v2)?\.Function)$/,
  network: /^(?:ec2\.(?:Vpc|Subnet|SecurityGroup|InternetGateway|NatGateway|RouteTable|Eip)|elbv2\.\w+|lb\.\w+|alb\.\w+|apigateway\.\w*Api|apigatewayv2\.\w*Api|route53\.\w+|cloudfront\.Distribution|compute\.(?:Network|Subnetwork|Firewall))$/,
  data: /^(?:rds\.\w+|dynamodb\.\w*Table\w*|s3\.Bucket\w*|elasticache\.\w+|sql\.\w+|storage\.Bucket|docdb\.\w+|efs\.FileSystem)$/,
  observability: /^(?:cloudwatch\.\w+|logs\.LogGroup|monitoring\.\w+)$/,
};

/** Registry/remote modules (and Terragrunt units) by the words of their source or folder. */
const MODULE: Record<Layer, RegExp> = {
  compute: /(?:^|[^a-z])(?:eks|ecs|lambda|autoscaling|asg|ec2-instance|fargate|gke|aks|kubernetes-engine|cloud-run|app-service|container-apps?|webserver(?:-cluster)?|compute)(?:[^a-z]|$)/i,
  network: /(?:^|[^a-z])(?:vpc|network|subnets?|security-group|alb|elb|nlb|cloudfront|route53|dns|api-gateway|apigateway|cdn)(?:[^a-z]|$)/i,
  data: /(?:^|[^a-z])(?:rds|aurora|dynamodb|s3-bucket|s3|elasticache|redis|memcached|cloudsql|cloud-sql|database|postgres(?:ql)?|mysql|documentdb|opensearch|elasticsearch|msk|kafka)(?:[^a-z]|$)/i,
  observability: /(?:^|[^a-z])(?:cloudwatch|monitoring|datadog|grafana|prometheus|newrelic|alarms?)(?:[^a-z]|$)/i,
};

const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];
const MANIFEST_ROLES = ['iac', 'config', 'other'] as const;
const IAC_MODULE = /^(?:aws-cdk-lib|@aws-cdk\/|@pulumi\/|aws_cdk|pulumi_|cdktf)/;

function layerOf(rules: Record<Layer, RegExp>, type: string): Layer | undefined {
  return LAYERS.find((l) => rules[l].test(type));
}

export default defineDetector({
  id: 'iac-stack-coverage',
  pillar: 'iac',
  question: 'Which layers of the stack (compute, network, data, observability) does infrastructure code define?',
  rationale: 'IaC for only part of the stack leaves the rest hand-built: the part nobody can rebuild after a disaster.',
  measures: {
    'layers-covered': { unit: 'layers', description: 'Layers (compute, network, data, observability) with at least one IaC resource (0-4)' },
    'compute-resources': { unit: 'resources', description: 'Compute resources in IaC' },
    'network-resources': { unit: 'resources', description: 'Network resources in IaC' },
    'data-resources': { unit: 'resources', description: 'Data-store resources in IaC' },
    'observability-resources': { unit: 'resources', description: 'Monitoring, logging and alerting resources in IaC' },
  },
  patterns: {
    k8sKind: { regex: /^kind:\s*["']?(\w+)["']?\s*$/m, literals: ['kind:'], languages: ['yaml'], roles: MANIFEST_ROLES, maxPerFile: 20 },
    k8sApi: { regex: /^apiVersion:\s*["']?(?!backstage\.io)[\w.-]+(?:\/[\w.-]+)?["']?\s*$/m, literals: ['apiVersion'], languages: ['yaml'], roles: MANIFEST_ROLES, maxPerFile: 1 },
    construct: {
      regex: /\bnew\s+(?:(?:aws|gcp|azure|awsx)\.)?(\w+\.[A-Z]\w*)\s*\(|^\s*(?:\w+\s*=\s*)?(\w+\.[A-Z]\w*)\(\s*self\b/m,
      // Only files that import a CDK/Pulumi library are read as infrastructure code.
      literals: ['aws-cdk', '@pulumi', 'aws_cdk', 'pulumi_', 'cdktf'],
      languages: ['typescript', 'javascript', 'python'],
      maxPerFile: 200,
    },
  },
  contents: ['**/*.tf', '**/terragrunt.hcl', ...CFN_GLOBS],
  detect({ repo, matches }) {
    const found: Record<Layer, EvidenceItem[]> = { compute: [], network: [], data: [], observability: [] };
    let iac = repo.files.some((f) => f.role === 'iac');
    const tf = readTerraform(repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' })));
    for (const r of tf.resources) {
      iac = true;
      const l = layerOf(TF, r.type);
      if (l) found[l].push({ path: r.file, line: r.line, note: `${r.type}.${r.name}` });
    }
    for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
      const tpl = parseCloudFormation(f.path, repo.text(f.path) ?? '');
      if (!tpl) continue;
      iac = true;
      for (const r of tpl.resources) {
        const l = layerOf(CFN, r.type);
        if (l) found[l].push({ path: r.file, line: r.line, note: `${r.type} ${r.logicalId}` });
      }
    }
    // Remote modules: their resources live elsewhere, so their source names the layer.
    const remote: { path: string; line: number; words: string; label: string }[] = [];
    for (const mod of tf.modules) {
      if (!mod.source || /^\.\.?\//.test(mod.source)) continue;
      remote.push({ path: mod.file, line: mod.line, words: `${mod.source} ${mod.name}`, label: `module ${mod.name} (${mod.source})` });
    }
    for (const f of repo.glob('**/terragrunt.hcl', IAC_ROLES)) {
      const src = /^\s*source\s*=\s*"([^"]+)"/m.exec(repo.text(f.path) ?? '');
      const dir = f.path.split('/').slice(-2, -1)[0] ?? '';
      iac = true;
      remote.push({ path: f.path, line: 1, words: `${src?.[1] ?? ''} ${dir}`, label: `Terragrunt unit ${dir}` });
    }
    for (const r of remote) {
      iac = true;
      const l = LAYERS.find((x) => MODULE[x].test(r.words));
      if (l) found[l].push({ path: r.path, line: r.line, note: r.label });
    }
    const manifests = new Set(matches('k8sApi').map((m) => m.path));
    for (const m of matches('k8sKind')) {
      if (!manifests.has(m.path)) continue;
      const l = layerOf(K8S, m.groups[0]!);
      if (!l) continue;
      iac = true;
      found[l].push({ path: m.path, line: m.line, excerpt: m.excerpt, note: `Kubernetes ${m.groups[0]}` });
    }
    const iacCode = new Set(repo.imports().filter((s) => s.role === 'source' && IAC_MODULE.test(s.specifier)).map((s) => s.path));
    for (const m of matches('construct')) {
      if (!iacCode.has(m.path)) continue;
      iac = true;
      const name = (m.groups[0] ?? m.groups[1])!;
      const l = layerOf(CODE, name.replace(/^[a-z_0-9]+/, (s) => s.toLowerCase()));
      if (l) found[l].push({ path: m.path, line: m.line, excerpt: m.excerpt, note: name });
    }
    if (!iac) return unknown('No infrastructure code, so no layer is covered by IaC.');
    const covered = LAYERS.filter((l) => found[l].length > 0);
    const measures: Record<string, Measure> = { 'layers-covered': { value: covered.length, unit: 'layers' } };
    for (const l of LAYERS) measures[`${l}-resources`] = { value: found[l].length, unit: 'resources' };
    const evidence = covered.flatMap((l) => found[l].slice(0, 2).map((e) => ({ ...e, note: `${l}: ${e.note}` }))).slice(0, 10);
    if (covered.length === 0) return no('Infrastructure code defines no compute, network, data or observability resources.', [], measures);
    const missing = LAYERS.filter((l) => !covered.includes(l));
    return yes(`IaC covers ${covered.join(', ')}${missing.length > 0 ? ` (not ${missing.join(', ')})` : ''}.`, evidence, measures);
  },
});
