import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const INFRA: readonly FileRole[] = ['iac', 'config'];
const NOT_OURS: ReadonlySet<FileRole> = new Set(['test', 'fixture', 'vendored', 'generated', 'docs']);
/** The generic AWS SDK v2 package gives a secrets manager only where its SecretsManager or SSM client is used. */
const GENERIC_SDK = 'aws-sdk';

export default defineDetector({
  id: 'uses-secrets-manager',
  pillar: 'security',
  question: 'Do secrets come from a secrets manager (Vault, AWS/GCP/Azure secret stores, External Secrets, SOPS)?',
  rationale:
    'A secrets manager keeps secrets out of the repository and images, audits access and allows rotation without a deploy.',
  patterns: {
    awsSdkV2: {
      regex: /\bnew\s+(?:[\w$]+\.)?(?:SecretsManager|SSM)\s*\(|\.getSecretValue\s*\(/,
      literals: ['SecretsManager', 'SSM', 'getSecretValue'],
      languages: ['javascript', 'typescript'],
    },
    pythonClient: {
      // `from google.cloud import secretmanager`, boto3 `client("secretsmanager")` / `client("ssm")`.
      regex: /^[ \t]*from[ \t]+google\.cloud[ \t]+import[ \t]+[^\n]*\bsecretmanager(?:_v1)?\b|\.client\s*\(\s*(?:service_name\s*=\s*)?(['"])(?:secretsmanager|ssm)\1/m,
      literals: ['secretmanager', 'secretsmanager', 'ssm'],
      languages: ['python'],
    },
    goClient: {
      regex: /\bsecretmanager\.NewClient\s*\(|\bvault\.NewClient\s*\(|\bsecretsmanager\.NewFromConfig\s*\(/,
      literals: ['secretmanager.NewClient', 'vault.NewClient', 'secretsmanager.NewFromConfig'],
      languages: ['go'],
    },
    dotnetConfig: {
      // ASP.NET Core configuration providers: Azure Key Vault (its extension method lives in
      // Microsoft.Extensions.Configuration, so no import names it), AWS Secrets Manager and Parameter Store.
      regex: /\.AddAzureKeyVault(?:Secrets)?\s*\(|\.AddSecretsManager\s*\(|\.AddSystemsManager\s*\(/,
      literals: ['AddAzureKeyVault', 'AddSecretsManager', 'AddSystemsManager'],
      languages: ['csharp'],
    },
    terraform: {
      regex: /\b(?:resource|data)\s+"(aws_secretsmanager_secret(?:_version)?|google_secret_manager_secret(?:_version|_iam_member)?|azurerm_key_vault_secret|azurerm_key_vault|vault_[a-z0-9_]*secret[a-z0-9_]*|vault_kv_[a-z0-9_]+)"|\bprovider\s+"vault"/,
      literals: ['secret', 'vault', 'key_vault'],
      roles: INFRA,
      languages: ['hcl'],
    },
    cloudRefs: {
      // CloudFormation secrets and dynamic references, ECS `valueFrom` ARNs, SSM SecureString parameters.
      regex: /AWS::SecretsManager::Secret\b|\{\{resolve:(?:secretsmanager|ssm-secure):|\barn:aws:secretsmanager:|["']?SecureString["']?/,
      literals: ['SecretsManager', 'resolve:', 'arn:aws:secretsmanager', 'SecureString'],
      roles: INFRA,
    },
    k8s: {
      // External Secrets, Sealed Secrets, Secrets Store CSI, Vault operator and agent injector.
      regex: /^\s*kind:\s*["']?(ExternalSecret|ClusterExternalSecret|SealedSecret|SecretStore|ClusterSecretStore|SecretProviderClass|VaultStaticSecret|VaultDynamicSecret|OnePasswordItem)\b|\bvault\.hashicorp\.com\/agent-inject["']?\s*:\s*["']?true/m,
      literals: ['kind:', 'vault.hashicorp.com'],
      roles: INFRA,
      languages: ['yaml'],
    },
    sopsData: {
      // Files encrypted with SOPS.
      regex: /ENC\[AES256_GCM,data:/,
      literals: ['ENC[AES256_GCM'],
      roles: ['iac', 'config', 'other'],
      code: false,
      maxPerFile: 1,
    },
    cliInjection: {
      // Secrets injected at start-up by the Doppler or Infisical CLI (Dockerfile, Procfile, scripts).
      regex: /\b(?:doppler|infisical)\s+run\b/,
      literals: ['doppler', 'infisical'],
      roles: ['config', 'iac', 'other', 'source'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];
    const sdkClientFiles = new Set(matches('awsSdkV2').map((m) => m.path));
    for (const u of usedLibraries(repo, CAPABILITIES['secrets-manager'])) {
      const sites = u.ecosystem === 'js' && u.library === GENERIC_SDK ? u.sites.filter((s) => sdkClientFiles.has(s.path)) : u.sites;
      if (sites.length === 0) continue;
      kinds.push(`${u.library} in code`);
      evidence.push(...sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported`)));
      if (u.ecosystem === 'js' && u.library === GENERIC_SDK) {
        const client = matches('awsSdkV2').find((m) => m.path === sites[0]!.path);
        if (client) evidence.push(fromMatch(client, 'SecretsManager/SSM client'));
      }
    }
    const add = (label: string, found: readonly Match[], note: (m: Match) => string): void => {
      if (found.length === 0) return;
      kinds.push(label);
      evidence.push(...found.slice(0, 3).map((m) => fromMatch(m, note(m))));
    };
    add('secrets-manager client in Python', matches('pythonClient'), () => 'secrets-manager client');
    add('secrets-manager client in Go', matches('goClient'), () => 'secrets-manager client');
    add('secrets-manager configuration provider in .NET', matches('dotnetConfig'), () => 'secrets-manager configuration provider');
    add('Terraform secrets resources', matches('terraform'), (m) => `${m.groups[0] ?? 'vault provider'}`);
    add('cloud secret references', matches('cloudRefs'), () => 'secret from a secrets store');
    add('Kubernetes secrets operator', matches('k8s'), (m) => (m.groups[0] ? `kind ${m.groups[0]}` : 'Vault agent injector'));
    add('SOPS-encrypted files', matches('sopsData'), () => 'SOPS-encrypted values');
    add('secrets injected by CLI', matches('cliInjection'), () => 'secrets injected at start-up');
    const sops = repo.glob(['.sops.yaml', '.sops.yml', '**/.sops.yaml', '**/.sops.yml']).filter((f) => !NOT_OURS.has(f.role));
    if (sops.length > 0) {
      kinds.push('SOPS configuration');
      evidence.push(...sops.slice(0, 1).map((f) => ({ path: f.path, note: 'SOPS creation rules' })));
    }
    if (kinds.length === 0) {
      return no('No secrets manager is used by production code, infrastructure or deployment config.');
    }
    return yes(`Secrets come from a manager: ${kinds.join('; ')}.`, firstN(evidence, 10));
  },
});
