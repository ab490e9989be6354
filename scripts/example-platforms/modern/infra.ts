// infra/terraform/**: the AWS account of one environment (network, EKS, RDS, Redis, S3,
// secrets, monitoring, budgets), parameterised by envs/<env>.tfvars. Applied from CI.

export const TF: Record<string, [feature: string, text: string]> = {
  'versions.tf': [
    'iac',
    `terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.14"
    }
  }

  # One state per environment: terraform init -backend-config=envs/<env>.backend.hcl
  backend "s3" {
    bucket       = "meridian-terraform-state"
    region       = "eu-central-1"
    encrypt      = true
    use_lockfile = true
  }
}
`,
  ],
  'providers.tf': [
    'iac',
    `# Every resource carries the cost-allocation tags (activated in the billing console), so the
# cost explorer splits the bill by environment, service and team.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      environment = var.environment
      service     = "meridian-platform"
      team        = "platform"
      cost-center = var.cost_center
      managed-by  = "terraform"
      repository  = "meridian-commerce/platform"
    }
  }
}

# Budgets and cost anomaly detection live in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      environment = var.environment
      service     = "meridian-platform"
      team        = "platform"
      cost-center = var.cost_center
      managed-by  = "terraform"
      repository  = "meridian-commerce/platform"
    }
  }
}
`,
  ],
  'variables.tf': [
    'iac',
    `variable "environment" {
  description = "Environment name: staging or prod."
  type        = string
  validation {
    condition     = contains(["staging", "prod"], var.environment)
    error_message = "environment must be staging or prod."
  }
}

variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "cost_center" {
  description = "Finance cost center the environment is charged to."
  type        = string
}

variable "vpc_cidr" {
  type = string
}

variable "availability_zones" {
  type = list(string)
}

variable "eks_version" {
  type    = string
  default = "1.33"
}

variable "node_instance_types" {
  type = list(string)
}

variable "node_min_size" {
  type = number
}

variable "node_max_size" {
  type = number
}

variable "db_instance_class" {
  type = string
}

variable "db_allocated_storage_gb" {
  type = number
}

variable "db_backup_retention_days" {
  type = number
}

variable "redis_node_type" {
  type = string
}

variable "monthly_budget_usd" {
  type = number
}

variable "alert_email" {
  description = "Where budget and anomaly alerts go (the on-call alias)."
  type        = string
}
`,
  ],
  'network.tf': [
    'iac',
    `resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = { Name = "meridian-\${var.environment}" }
}

resource "aws_subnet" "private" {
  count             = length(var.availability_zones)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.availability_zones[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)

  tags = {
    Name                              = "meridian-\${var.environment}-private-\${count.index}"
    "kubernetes.io/role/internal-elb" = "1"
  }
}

resource "aws_subnet" "public" {
  count                   = length(var.availability_zones)
  vpc_id                  = aws_vpc.main.id
  availability_zone       = var.availability_zones[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, 200 + count.index)
  map_public_ip_on_launch = false

  tags = {
    Name                     = "meridian-\${var.environment}-public-\${count.index}"
    "kubernetes.io/role/elb" = "1"
  }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_eip" "nat" {
  count  = length(var.availability_zones)
  domain = "vpc"
}

# One NAT gateway per zone: losing a zone does not cut the others off.
resource "aws_nat_gateway" "main" {
  count         = length(var.availability_zones)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}

resource "aws_route_table" "private" {
  count  = length(var.availability_zones)
  vpc_id = aws_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main[count.index].id
  }
}

resource "aws_route_table_association" "private" {
  count          = length(var.availability_zones)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

resource "aws_security_group" "data" {
  name        = "meridian-\${var.environment}-data"
  description = "Postgres and Redis, reachable from the cluster only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "postgres_from_cluster" {
  security_group_id            = aws_security_group.data.id
  referenced_security_group_id = aws_eks_cluster.main.vpc_config[0].cluster_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_cluster" {
  security_group_id            = aws_security_group.data.id
  referenced_security_group_id = aws_eks_cluster.main.vpc_config[0].cluster_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}
`,
  ],
  'eks.tf': [
    'iac',
    `resource "aws_eks_cluster" "main" {
  name     = "meridian-\${var.environment}"
  version  = var.eks_version
  role_arn = aws_iam_role.cluster.arn

  access_config {
    authentication_mode = "API"
  }

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = false
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]
}

resource "aws_eks_node_group" "default" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "default"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = aws_subnet.private[*].id
  instance_types  = var.node_instance_types
  capacity_type   = "ON_DEMAND"

  scaling_config {
    min_size     = var.node_min_size
    desired_size = var.node_min_size
    max_size     = var.node_max_size
  }

  update_config {
    max_unavailable_percentage = 25
  }
}

resource "aws_iam_role" "cluster" {
  name = "meridian-\${var.environment}-eks-cluster"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "eks.amazonaws.com" }, Action = ["sts:AssumeRole", "sts:TagSession"] }]
  })
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role" "node" {
  name = "meridian-\${var.environment}-eks-node"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
  ])
  role       = aws_iam_role.node.name
  policy_arn = each.value
}

resource "aws_ecr_repository" "platform" {
  name                 = "meridian/platform"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
`,
  ],
  'rds.tf': [
    'iac-data',
    `# Postgres: primary in two zones (synchronous standby), plus a read replica for listings,
# search and reporting. The master password is generated and rotated by RDS inside Secrets
# Manager; it never appears in this code or in the state.
resource "aws_db_subnet_group" "main" {
  name       = "meridian-\${var.environment}"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_parameter_group" "postgres17" {
  name   = "meridian-\${var.environment}-pg17"
  family = "postgres17"

  parameter {
    name  = "log_min_duration_statement"
@@tw:pg-slow-log@@    value = "250"
@@!tw:pg-slow-log@@    value = "1000"
  }

  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }
}

resource "aws_db_instance" "primary" {
  identifier                  = "meridian-\${var.environment}"
  engine                      = "postgres"
  engine_version              = "17.5"
  instance_class              = var.db_instance_class
  allocated_storage           = var.db_allocated_storage_gb
  max_allocated_storage       = var.db_allocated_storage_gb * 4
  storage_type                = "gp3"
  storage_encrypted           = true
  db_name                     = "meridian"
  username                    = "meridian_admin"
  manage_master_user_password = true
  multi_az                    = true
  db_subnet_group_name        = aws_db_subnet_group.main.name
  vpc_security_group_ids      = [aws_security_group.data.id]
  parameter_group_name        = aws_db_parameter_group.postgres17.name
  backup_retention_period     = var.db_backup_retention_days
  backup_window               = "01:00-02:00"
  maintenance_window          = "sun:03:00-sun:04:00"
  copy_tags_to_snapshot       = true
  deletion_protection         = true
@@tw:rds-insights@@  performance_insights_enabled = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  final_snapshot_identifier   = "meridian-\${var.environment}-final"
}
@@{read-replica

resource "aws_db_instance" "replica" {
  identifier             = "meridian-\${var.environment}-replica"
  replicate_source_db    = aws_db_instance.primary.identifier
  instance_class         = var.db_instance_class
  multi_az               = true
  vpc_security_group_ids = [aws_security_group.data.id]
  parameter_group_name   = aws_db_parameter_group.postgres17.name
  storage_encrypted      = true
  performance_insights_enabled = true
  skip_final_snapshot    = true
}
@@}
`,
  ],
  'backup.tf': [
    'backups',
    `# Daily snapshots copied to a second region: an RDS outage or a lost region still leaves a
# restorable copy. Restores are exercised weekly (.github/workflows/restore-drill.yml).
resource "aws_backup_vault" "main" {
  name = "meridian-\${var.environment}"
}

resource "aws_backup_vault" "dr" {
  provider = aws.us_east_1
  name     = "meridian-\${var.environment}-dr"
}

resource "aws_backup_plan" "rds" {
  name = "meridian-\${var.environment}-rds"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 2 * * ? *)"

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
      lifecycle {
        delete_after = 35
      }
    }
  }
}

resource "aws_iam_role" "backup" {
  name = "meridian-\${var.environment}-backup"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "backup.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_backup_selection" "rds" {
  name         = "rds"
  plan_id      = aws_backup_plan.rds.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_db_instance.primary.arn]
}
`,
  ],
  'redis.tf': [
    'iac-data',
    `resource "aws_elasticache_subnet_group" "main" {
  name       = "meridian-\${var.environment}"
  subnet_ids = aws_subnet.private[*].id
}

# Queues, sessions and rate limits. Two nodes in two zones with automatic failover.
resource "aws_elasticache_replication_group" "main" {
  replication_group_id       = "meridian-\${var.environment}"
  description                = "Meridian queues, sessions and rate limits"
  engine                     = "valkey"
  engine_version             = "8.0"
  node_type                  = var.redis_node_type
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  subnet_group_name          = aws_elasticache_subnet_group.main.name
  security_group_ids         = [aws_security_group.data.id]
@@tw:redis-snapshots@@  snapshot_retention_limit   = 3
@@!tw:redis-snapshots@@  snapshot_retention_limit   = 1
  # BullMQ needs keys to survive memory pressure.
  parameter_group_name       = "default.valkey8"
}
`,
  ],
  's3.tf': [
    'iac-s3',
    `resource "aws_s3_bucket" "assets" {
  bucket = "meridian-\${var.environment}-assets"
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

@@{tw:s3-expire-exports
resource "aws_s3_bucket_lifecycle_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    id     = "expire-exports"
    status = "Enabled"
    filter {
      prefix = "exports/"
    }
    expiration {
      days = 7
    }
  }
}
@@}
`,
  ],
  'secrets.tf': [
    'iac-secrets',
    `# Application secrets (database URLs, signing keys, PSP credentials). Values are set out of band
# by the security on-call (docs/runbooks/secret-rotation.md); Terraform only owns the container
# and who may read it.
resource "aws_kms_key" "secrets" {
  description         = "meridian \${var.environment} application secrets"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "app" {
  name                    = "meridian/\${var.environment}/app"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = 30
}

data "aws_iam_policy_document" "read_app_secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.app.arn]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.secrets.arn]
  }
}

resource "aws_iam_policy" "read_app_secret" {
  name   = "meridian-\${var.environment}-read-app-secret"
  policy = data.aws_iam_policy_document.read_app_secret.json
}

# The platform pods' role (EKS Pod Identity): secrets and the assets bucket, nothing else.
resource "aws_iam_role" "platform" {
  name = "meridian-\${var.environment}-platform"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "pods.eks.amazonaws.com" }, Action = ["sts:AssumeRole", "sts:TagSession"] }]
  })
}

resource "aws_iam_role_policy_attachment" "platform_secrets" {
  role       = aws_iam_role.platform.name
  policy_arn = aws_iam_policy.read_app_secret.arn
}

resource "aws_eks_pod_identity_association" "platform" {
  cluster_name    = aws_eks_cluster.main.name
  namespace       = "meridian"
  service_account = "meridian-platform"
  role_arn        = aws_iam_role.platform.arn
}
`,
  ],
  'monitoring.tf': [
    'iac-monitoring',
    `resource "aws_sns_topic" "alerts" {
  name = "meridian-\${var.environment}-alerts"
}

resource "aws_sns_topic_subscription" "alerts_email" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.alert_email
}

resource "aws_cloudwatch_log_group" "eks" {
  name              = "/aws/eks/meridian-\${var.environment}/cluster"
  retention_in_days = 30
}

resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  alarm_name          = "meridian-\${var.environment}-db-cpu"
  alarm_description   = "RDS CPU above 80% for 15 minutes. Runbook: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/database.md"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.primary.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
  ok_actions          = [aws_sns_topic.alerts.arn]
}
@@{tw:alarm-storage

resource "aws_cloudwatch_metric_alarm" "db_free_storage" {
  alarm_name          = "meridian-\${var.environment}-db-free-storage"
  alarm_description   = "RDS free storage below 10 GiB. Runbook: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/database.md"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.primary.identifier }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10737418240
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
@@}
@@{read-replica

resource "aws_cloudwatch_metric_alarm" "replica_lag" {
  alarm_name          = "meridian-\${var.environment}-replica-lag"
  alarm_description   = "Read replica more than 30 s behind. Runbook: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/database.md"
  namespace           = "AWS/RDS"
  metric_name         = "ReplicaLag"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.replica.identifier }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 30
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
@@}
`,
  ],
  'budgets.tf': [
    'budgets',
    `# Monthly budget per environment, alerting at 80% actual and 100% forecast, and AWS cost
# anomaly detection per service. Reviewed weekly in the platform sync (docs/runbooks/cost-review.md).
resource "aws_budgets_budget" "monthly" {
  provider     = aws.us_east_1
  name         = "meridian-\${var.environment}-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = [format("user:environment$%s", var.environment)]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "ACTUAL"
    subscriber_email_addresses = [var.alert_email]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = [var.alert_email]
  }
}
@@{cost-anomaly

resource "aws_ce_anomaly_monitor" "services" {
  provider          = aws.us_east_1
  name              = "meridian-\${var.environment}-services"
  monitor_type      = "DIMENSIONAL"
  monitor_dimension = "SERVICE"
}

resource "aws_ce_anomaly_subscription" "daily" {
  provider         = aws.us_east_1
  name             = "meridian-\${var.environment}-daily"
  frequency        = "DAILY"
  monitor_arn_list = [aws_ce_anomaly_monitor.services.arn]

  subscriber {
    type    = "EMAIL"
    address = var.alert_email
  }

  threshold_expression {
    dimension {
      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"
      match_options = ["GREATER_THAN_OR_EQUAL"]
      values        = ["100"]
    }
  }
}
@@}
`,
  ],
  'outputs.tf': [
    'iac',
    `output "cluster_name" {
  value = aws_eks_cluster.main.name
}

output "ecr_repository_url" {
  value = aws_ecr_repository.platform.repository_url
}

output "app_secret_arn" {
  value = aws_secretsmanager_secret.app.arn
}
`,
  ],
};

export function tfvars(env: 'staging' | 'prod'): string {
  const prod = env === 'prod';
  return `environment              = "${env}"
cost_center              = "${prod ? 'CC-4100' : 'CC-4190'}"
vpc_cidr                 = "${prod ? '10.40.0.0/16' : '10.50.0.0/16'}"
availability_zones       = ["eu-central-1a", "eu-central-1b"${prod ? ', "eu-central-1c"' : ''}]
node_instance_types      = ["${prod ? 'm7i.xlarge' : 'm7i.large'}"]
node_min_size            = ${prod ? 3 : 2}
node_max_size            = ${prod ? 12 : 4}
db_instance_class        = "${prod ? 'db.r7g.xlarge' : 'db.t4g.medium'}"
db_allocated_storage_gb  = ${prod ? 200 : 50}
db_backup_retention_days = ${prod ? 14 : 3}
redis_node_type          = "${prod ? 'cache.r7g.large' : 'cache.t4g.small'}"
monthly_budget_usd       = ${prod ? 14000 : 2500}
alert_email              = "platform-oncall@meridian.example"
`;
}

export function backendHcl(env: 'staging' | 'prod'): string {
  return `key = "platform/${env}/terraform.tfstate"\n`;
}

export const TFLINT = `plugin "aws" {
  enabled = true
  version = "0.40.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}

rule "terraform_required_providers" {
  enabled = true
}

rule "terraform_naming_convention" {
  enabled = true
}
`;
