import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'secrets-manager',
  description: 'Secrets managers',
  libraries: {
  "js": [
    "@aws-sdk/client-secrets-manager",
    "@aws-sdk/client-ssm",
    "aws-sdk",
    "node-vault",
    "@google-cloud/secret-manager",
    "@azure/keyvault-secrets",
    "@doppler/sdk",
    "@infisical/sdk",
    "@1password/sdk",
    "hashi-vault-js",
    {
      "package": "aws-cdk-lib",
      "imports": [
        "aws-cdk-lib/aws-secretsmanager"
      ]
    }
  ],
  "python": [
    {
      "package": "hvac",
      "imports": [
        "hvac"
      ]
    },
    {
      "package": "google-cloud-secret-manager",
      "imports": [
        "google.cloud.secretmanager",
        "google.cloud.secretmanager_v1"
      ]
    },
    {
      "package": "azure-keyvault-secrets",
      "imports": [
        "azure.keyvault.secrets"
      ]
    },
    {
      "package": "aws-secretsmanager-caching",
      "imports": [
        "aws_secretsmanager_caching"
      ]
    }
  ],
  "go": [
    "github.com/hashicorp/vault/api",
    "cloud.google.com/go/secretmanager",
    "github.com/aws/aws-sdk-go-v2/service/secretsmanager",
    "github.com/aws/aws-sdk-go/service/secretsmanager",
    "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
  ],
  "jvm": [
    "software.amazon.awssdk.services.secretsmanager",
    "software.amazon.awssdk.services.ssm",
    "com.amazonaws.services.secretsmanager",
    "com.amazonaws.secretsmanager.caching",
    "org.springframework.vault",
    "com.azure.security.keyvault.secrets",
    "com.google.cloud.secretmanager",
    "io.github.jopenlibs.vault",
    "com.bettercloud.vault"
  ],
  "dotnet": [
    "Azure.Security.KeyVault.Secrets",
    "Azure.Extensions.AspNetCore.Configuration.Secrets",
    "Amazon.SecretsManager",
    "Amazon.SimpleSystemsManagement",
    "Amazon.Extensions.Configuration.SystemsManager",
    "Google.Cloud.SecretManager.V1",
    "VaultSharp"
  ],
  "ruby": [
    { "package": "aws-sdk-secretsmanager", "imports": ["aws-sdk-secretsmanager", "Aws::SecretsManager"] },
    { "package": "aws-sdk-ssm", "imports": ["aws-sdk-ssm", "Aws::SSM"] },
    { "package": "aws-sdk", "imports": ["Aws::SecretsManager", "Aws::SSM"] },
    { "package": "vault", "imports": ["vault", "Vault"] },
    { "package": "google-cloud-secret_manager", "imports": ["google/cloud/secret_manager", "Google::Cloud::SecretManager"] }
  ],
  "php": [
    { "package": "aws/aws-sdk-php", "imports": ["Aws\\SecretsManager", "Aws\\Ssm"] },
    { "package": "aws/aws-sdk-php-laravel", "imports": ["Aws\\SecretsManager", "Aws\\Ssm"] },
    { "package": "google/cloud-secret-manager", "imports": ["Google\\Cloud\\SecretManager"] }
  ]
},
});
