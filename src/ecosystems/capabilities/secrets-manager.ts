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
    "cloud.google.com/go/secretmanager"
  ]
},
});
