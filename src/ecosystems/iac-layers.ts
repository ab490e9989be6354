// The layers of a stack (compute, network, data, observability) as data: which resource types of
// each IaC dialect belong to which layer, per cloud (AWS, Azure, Google, Kubernetes and the common
// SaaS monitoring providers).

export type Layer = 'compute' | 'network' | 'data' | 'observability';
export const LAYERS: readonly Layer[] = ['compute', 'network', 'data', 'observability'];

export const TF_LAYERS: Record<Layer, RegExp> = {
  compute:
    /^(?:aws_(?:instance|launch_template|launch_configuration|autoscaling_group|ecs_(?:service|task_definition|cluster)|lambda_function|eks_(?:cluster|node_group|fargate_profile)|batch_compute_environment|apprunner_service|elastic_beanstalk_environment|lightsail_instance)|google_(?:compute_instance|compute_instance_template|compute_instance_group_manager|container_(?:cluster|node_pool)|cloud_run_\w+|cloudfunctions2?_function|app_engine_\w+)|azurerm_(?:linux_virtual_machine\w*|windows_virtual_machine\w*|virtual_machine\w*|kubernetes_cluster\w*|container_group|app_service\w*|service_plan|\w+_app(?:_\w+)?)|kubernetes_(?:deployment|stateful_set|daemon_set|cron_job|job)(?:_v1)?|digitalocean_(?:droplet|app|kubernetes_cluster))$/,
  network:
    /^(?:aws_(?:vpc\w*|subnet|security_group\w*|lb\w*|alb\w*|elb|nat_gateway|internet_gateway|egress_only_internet_gateway|route_table\w*|route53_\w+|cloudfront_distribution|api_gateway_(?:rest_api|stage|domain_name)|apigatewayv2_(?:api|stage|domain_name)|eip|network_acl\w*|vpn_\w+|ec2_transit_gateway\w*|globalaccelerator_\w+)|google_compute_(?:network|subnetwork|firewall|router\w*|global_address|address|url_map|backend_service|target_\w+|forwarding_rule|global_forwarding_rule)|google_dns_\w+|azurerm_(?:virtual_network\w*|subnet\w*|network_\w+|lb\w*|application_gateway|public_ip\w*|dns_\w+|private_dns_\w+|private_endpoint|frontdoor\w*|cdn_\w+|nat_gateway)|kubernetes_(?:service|ingress\w*|network_policy)(?:_v1)?|cloudflare_(?:record|zone|load_balancer)|digitalocean_(?:vpc|loadbalancer|firewall|domain|record))$/,
  data:
    /^(?:aws_(?:db_instance|db_cluster\w*|rds_cluster\w*|dynamodb_table|elasticache_(?:cluster|replication_group|serverless_cache)|s3_bucket|docdb_cluster\w*|neptune_cluster\w*|redshift_cluster|opensearch_domain|elasticsearch_domain|msk_cluster|memorydb_cluster|efs_file_system|keyspaces_table|timestreamwrite_\w+)|google_(?:sql_\w+|storage_bucket|bigquery_(?:dataset|table)|spanner_\w+|redis_instance|firestore_\w+|bigtable_\w+|alloydb_\w+|memcache_instance)|azurerm_(?:\w*sql\w*|storage_account|cosmosdb_\w+|redis_cache|postgresql_\w+|mysql_\w+|mariadb_\w+)|mongodbatlas_(?:cluster|advanced_cluster)|digitalocean_(?:database_cluster|spaces_bucket))$/,
  observability:
    /^(?:aws_(?:cloudwatch_(?!event_)\w+|xray_\w+|prometheus_\w+|grafana_\w+)|datadog_\w+|grafana_\w+|google_monitoring_\w+|google_logging_\w+|azurerm_(?:monitor_\w+|application_insights\w*|log_analytics_\w+)|newrelic_\w+|pagerduty_\w+|opsgenie_\w+|honeycombio_\w+|sentry_\w+|signalfx_\w+|betteruptime_\w+)$/,
};

export const CFN_LAYERS: Record<Layer, RegExp> = {
  compute: /^AWS::(?:EC2::(?:Instance|LaunchTemplate)|AutoScaling::AutoScalingGroup|ECS::(?:Service|TaskDefinition|Cluster)|Lambda::Function|Serverless::Function|EKS::\w+|AppRunner::Service|Batch::ComputeEnvironment|ElasticBeanstalk::Environment)$/,
  network: /^AWS::(?:EC2::(?:VPC\w*|Subnet\w*|SecurityGroup\w*|InternetGateway|NatGateway|RouteTable|EIP|TransitGateway\w*|NetworkAcl\w*)|ElasticLoadBalancing(?:V2)?::\w+|Route53::\w+|CloudFront::Distribution|ApiGateway(?:V2)?::(?:RestApi|Api|Stage|DomainName)|Serverless::(?:Api|HttpApi))$/,
  data: /^AWS::(?:RDS::DB(?:Instance|Cluster)|DynamoDB::\w*Table|ElastiCache::\w+|S3::Bucket|Serverless::SimpleTable|DocDB::DBCluster|Redshift::Cluster|OpenSearchService::Domain|EFS::FileSystem|MSK::Cluster)$/,
  observability: /^AWS::(?:CloudWatch::\w+|Logs::\w+|XRay::\w+|ApplicationInsights::\w+)$/,
};

export const K8S_LAYERS: Record<Layer, RegExp> = {
  compute: /^(?:Deployment|StatefulSet|DaemonSet|CronJob|Job|Rollout)$/,
  network: /^(?:Service|Ingress|Gateway|HTTPRoute|NetworkPolicy|VirtualService)$/,
  data: /^$/,
  observability: /^(?:PrometheusRule|ServiceMonitor|PodMonitor|GrafanaDashboard|Probe)$/,
};

/** CDK / CDKTF / Pulumi constructs as `service.Type` (service normalised: `aws_s3`, `awss3` -> `s3`), any language. */
export const CODE_LAYERS: Record<Layer, RegExp> = {
  compute:
    /^(?:ec2\.(?:Instance|LaunchTemplate)|autoscaling\.\w+|ecs\.\w*(?:Service|Cluster|TaskDefinition)|ecspatterns\.\w+|lambda\.(?:Function|DockerImageFunction|SingletonFunction)|lambda\w+\.\w*Function|eks\.\w+|apprunner\.\w+|batch\.\w*ComputeEnvironment|elasticbeanstalk\.Environment|compute\.(?:Instance\w*|VirtualMachine\w*|LinuxVirtualMachine\w*|WindowsVirtualMachine\w*|RegionInstanceGroupManager|InstanceGroupManager)|cloudrun(?:v2)?\.\w+|container\.(?:Cluster|NodePool)|containerservice\.\w+|cloudfunctions(?:v2)?\.Function|appservice\.\w+|web\.(?:WebApp\w*|AppServicePlan)|app\.ContainerApp|apps\.(?:Deployment|StatefulSet|DaemonSet)|batch\.(?:Job|CronJob)|(?:Lambda|Ecs|Eks)\w+|Instance|Function)$/,
  network:
    /^(?:ec2\.(?:Vpc|Subnet|SecurityGroup|InternetGateway|NatGateway|RouteTable|Eip)|elasticloadbalancingv2\.\w+|elbv2\.\w+|lb\.\w+|alb\.\w+|apigateway\.\w*Api|apigatewayv2\.\w*Api|route53\.\w+|cloudfront\.Distribution|compute\.(?:Network|Subnetwork|Firewall)|network\.\w+|dns\.\w+|core\.Service|networking\.Ingress|Vpc|Subnet|SecurityGroup|Lb|Alb|Route53\w+|CloudfrontDistribution)$/,
  data:
    /^(?:rds\.\w+|dynamodb\.\w*Table\w*|s3\.Bucket\w*|elasticache\.\w+|docdb\.\w+|efs\.FileSystem|opensearch\w*\.Domain|redshift\.Cluster|msk\.\w*Cluster|sql\.\w+|storage\.(?:Bucket|Account|StorageAccount)|bigquery\.\w+|spanner\.\w+|redis\.\w+|firestore\.\w+|cosmosdb\.\w+|documentdb\.\w+|dbforpostgresql\.\w+|dbformysql\.\w+|postgresql\.\w+|mysql\.\w+|cache\.Redis\w*|S3Bucket|DbInstance|RdsCluster|DynamodbTable|ElasticacheCluster|Bucket|Table|DatabaseInstance|DatabaseCluster)$/,
  observability: /^(?:cloudwatch\.\w+|logs\.LogGroup|monitoring\.\w+|insights\.\w+|operationalinsights\.\w+|appinsights\.\w+|xray\.\w+|Cloudwatch\w+)$/,
};

/** Bicep / ARM resource types. */
export const AZURE_LAYERS: Record<Layer, RegExp> = {
  compute: /^Microsoft\.(?:Compute\/(?:virtualMachines|virtualMachineScaleSets)|Web\/(?:sites|serverfarms)|ContainerService\/managedClusters|App\/(?:containerApps|jobs)|ContainerInstance\/containerGroups|Batch\/batchAccounts)$/i,
  network: /^Microsoft\.(?:Network\/\w+|Cdn\/\w+)$/i,
  data: /^Microsoft\.(?:Sql\/servers(?:\/databases)?|DBforPostgreSQL\/\w+|DBforMySQL\/\w+|DocumentDB\/databaseAccounts|Storage\/storageAccounts|Cache\/(?:redis|redisEnterprise))$/i,
  observability: /^Microsoft\.(?:Insights\/\w+|OperationalInsights\/workspaces|AlertsManagement\/\w+|Monitor\/\w+|Dashboard\/grafana)$/i,
};

/** Registry/remote modules (and Terragrunt units) by the words of their source or folder. */
export const MODULE_LAYERS: Record<Layer, RegExp> = {
  compute: /(?:^|[^a-z])(?:eks|ecs|lambda|autoscaling|asg|ec2-instance|fargate|gke|aks|kubernetes-engine|cloud-run|app-service|container-apps?|webserver(?:-cluster)?|compute)(?:[^a-z]|$)/i,
  network: /(?:^|[^a-z])(?:vpc|network|subnets?|security-group|alb|elb|nlb|cloudfront|route53|dns|api-gateway|apigateway|cdn)(?:[^a-z]|$)/i,
  data: /(?:^|[^a-z])(?:rds|aurora|dynamodb|s3-bucket|s3|elasticache|redis|memcached|cloudsql|cloud-sql|database|postgres(?:ql)?|mysql|documentdb|opensearch|elasticsearch|msk|kafka)(?:[^a-z]|$)/i,
  observability: /(?:^|[^a-z])(?:cloudwatch|monitoring|datadog|grafana|prometheus|newrelic|alarms?)(?:[^a-z]|$)/i,
};

export function layerOf(rules: Record<Layer, RegExp>, type: string): Layer | undefined {
  return LAYERS.find((l) => rules[l].test(type));
}
