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
    "hashi-vault-js"
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
        "google"
      ]
    },
    {
      "package": "azure-keyvault-secrets",
      "imports": [
        "azure.keyvault.secrets",
        "azure"
      ]
    }
  ]
},
});
