// Which CI commands and actions deploy, as data. Shared by the deploy detectors (automatic deploys,
// manual deploys, deploy frequency) so they agree on what a deploy is.
import type { CiStep } from './ci.ts';

export interface DeployRule {
  id: string;
  /** Few words for evidence notes. */
  label: string;
  regex: RegExp;
  /** The deploy happens over SSH on a host (still automated when CI runs it, but not a safe rollout). */
  overSsh?: boolean;
}

/** Commands (one shell command each, prefixes like `sudo`/`VAR=x` stripped) that deploy. */
export const DEPLOY_COMMANDS: readonly DeployRule[] = [
  { id: 'kubectl', label: 'kubectl apply/rollout', regex: /^kubectl\b.*\s(?:apply|set\s+image|rollout\s+restart|replace)\b/ },
  { id: 'helm', label: 'helm upgrade/install', regex: /^(?:helm\s+(?:upgrade|install)\b|helmfile\b.*\s(?:apply|sync)(?:\s|$))/ },
  { id: 'ecs', label: 'ECS deploy', regex: /^(?:aws\s+ecs\s+update-service|aws\s+deploy\s+create-deployment|ecs\s+deploy|ecs-deploy|copilot\s+(?:svc\s+|job\s+|app\s+)?deploy)\b/ },
  { id: 'serverless', label: 'serverless deploy', regex: /^(?:serverless|sls)\s+deploy\b/ },
  { id: 'sam', label: 'sam deploy', regex: /^sam\s+deploy\b/ },
  { id: 'cdk', label: 'cdk deploy', regex: /^cdk\s+deploy\b/ },
  { id: 'cloudformation', label: 'CloudFormation deploy', regex: /^aws\s+cloudformation\s+(?:deploy|update-stack|create-stack)\b/ },
  { id: 'terraform', label: 'terraform apply', regex: /^(?:terraform|tofu|terragrunt)\b.*\sapply(?:\s|$)/ },
  { id: 'pulumi', label: 'pulumi up', regex: /^pulumi\b.*\sup(?:\s|$)/ },
  { id: 'fly', label: 'fly deploy', regex: /^fly(?:ctl)?\s+deploy\b/ },
  { id: 'vercel', label: 'vercel deploy', regex: /^vercel\b.*(?:\s--prod\b|\sdeploy\b.*--prod)/ },
  { id: 'netlify', label: 'netlify deploy --prod', regex: /^netlify\s+deploy\b.*\s--prod\b/ },
  { id: 'gcloud', label: 'gcloud deploy', regex: /^gcloud\s+(?:beta\s+)?(?:run\s+deploy|app\s+deploy|functions\s+deploy|run\s+services\s+update)\b/ },
  { id: 'az', label: 'az deploy', regex: /^az\s+(?:webapp\s+(?:deploy|up)|webapp\s+deployment\s+source|containerapp\s+(?:update|up)|functionapp\s+deployment)\b/ },
  { id: 'argocd', label: 'argocd app sync', regex: /^argocd\s+app\s+sync\b/ },
  { id: 'heroku', label: 'heroku release', regex: /^(?:heroku\s+container:release\b|git\s+push\b.*\bheroku\b)/ },
  { id: 'kamal', label: 'kamal deploy', regex: /^kamal\s+deploy\b/ },
  { id: 'capistrano', label: 'capistrano deploy', regex: /^(?:bundle\s+exec\s+)?cap\s+\w+\s+deploy(?:\s|$)/, overSsh: true },
  { id: 'deployer', label: 'Deployer (dep deploy)', regex: /^(?:php\s+)?(?:\.?\/?vendor\/bin\/)?dep\s+deploy\b/, overSsh: true },
  { id: 'fabric', label: 'fabric deploy', regex: /^fab\b.*\sdeploy\b/, overSsh: true },
  { id: 'pm2-deploy', label: 'pm2 deploy', regex: /^pm2\s+deploy\s+\S+(?:\s+(?!setup\b)\S+)?\s*$/, overSsh: true },
  { id: 'ansible', label: 'ansible deploy playbook', regex: /^ansible-playbook\b.*\b(?:deploy|release)[\w-]*\.ya?ml\b/, overSsh: true },
  { id: 'beanstalk', label: 'eb deploy', regex: /^eb\s+deploy\b/ },
  { id: 'firebase', label: 'firebase deploy', regex: /^firebase\s+deploy\b/ },
  { id: 'wrangler', label: 'wrangler deploy', regex: /^wrangler\s+(?:deploy|publish|pages\s+deploy)\b/ },
  { id: 'docker-stack', label: 'docker stack deploy', regex: /^docker\s+stack\s+deploy\b/ },
  { id: 'skaffold', label: 'skaffold run/deploy', regex: /^skaffold\s+(?:run|deploy)\b/ },
  { id: 'railway', label: 'railway up', regex: /^railway\s+up\b/ },
  { id: 'fastapi-cloud', label: 'fastapi deploy', regex: /^fastapi\s+deploy\b/ },
  { id: 'compose-deploy', label: 'docker compose up with a deploy/prod file', regex: /^docker(?:-|\s+)compose\b.*\s-f\s+\S*(?:deploy|prod)\S*.*\sup\b/ },
  { id: 'script', label: 'runs a deploy script', regex: /^(?:(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?deploy(?::[\w-]+)?|make\s+deploy[\w-]*|(?:bash\s+|sh\s+)?\.?\/?[\w./-]*\bdeploy[\w.-]*\.sh)(?:\s|$)/ },
];

/** A command that only looks like a deploy: a dry run, a diff, help. */
const NOT_A_DEPLOY = /--dry-run(?!=none)|--dryrun|\s--help\b|\s-h\b|\bdiff\b/;
/** Deploy scripts that publish documentation, not the platform. */
const DOCS_SCRIPT = /docs|storybook|gh-pages|pages/;

export interface DeployActionRule {
  label: string;
  /** Matched against the action reference (`owner/repo@ref`). */
  uses: RegExp;
  /** When given, the step's `with:` text must also match. */
  with?: RegExp;
  overSsh?: boolean;
}

export const DEPLOY_ACTIONS: readonly DeployActionRule[] = [
  { label: 'ECS task definition deploy', uses: /^aws-actions\/amazon-ecs-deploy-task-definition@/ },
  { label: 'CloudFormation deploy', uses: /^aws-actions\/aws-cloudformation-github-deploy@/ },
  { label: 'Azure web app deploy', uses: /^azure\/(?:webapps-deploy|functions-action|k8s-deploy|container-apps-deploy-action|aci-deploy|arm-deploy)@/i },
  { label: 'Cloud Run / App Engine deploy', uses: /^google-github-actions\/(?:deploy-cloudrun|deploy-appengine|deploy-cloud-functions)@/ },
  { label: 'fly deploy', uses: /^superfly\/flyctl-actions(?:@|\/)/, with: /\bdeploy\b/ },
  { label: 'vercel deploy', uses: /^amondnet\/vercel-action@/, with: /--prod/ },
  { label: 'heroku deploy', uses: /^akhileshns\/heroku-deploy@/ },
  { label: 'cloudflare deploy', uses: /^cloudflare\/(?:wrangler-action|pages-action)@/ },
  { label: 'firebase hosting deploy', uses: /^FirebaseExtended\/action-hosting-deploy@/i, with: /channelId:\s*live/ },
  { label: 'serverless deploy', uses: /^serverless\/github-action@/, with: /\bdeploy\b/ },
  { label: 'pulumi up', uses: /^pulumi\/actions@/, with: /command:\s*up\b/ },
  { label: 'terraform apply', uses: /^(?:dflook\/terraform-apply|hashicorp\/tfc-workflows-github\/actions\/apply-run)@/ },
  { label: 'helm deploy', uses: /^(?:deliverybot\/helm|koslib\/helm-eks-action|bitovi\/github-actions-deploy-eks-helm)@/ },
  { label: 'DigitalOcean app deploy', uses: /^digitalocean\/app_action(?:@|\/)/ },
  { label: 'deploy over SSH', uses: /^(?:appleboy\/(?:ssh|scp)-action|easingthemes\/ssh-deploy)@/, overSsh: true },
  // Azure Pipelines tasks.
  { label: 'Azure deploy task', uses: /^(?:AzureWebApp|AzureRmWebAppDeployment|AzureFunctionApp|AzureWebAppContainer|AzureFunctionAppContainer|AzureContainerApps|AzureSpringCloud|AzureStaticWebApp|AzureResourceManagerTemplateDeployment|SqlAzureDacpacDeployment)@\d/i },
  { label: 'Kubernetes deploy task', uses: /^KubernetesManifest@\d/i, with: /^action:\s*(?:deploy|promote)\b/m },
  { label: 'Kubernetes deploy task', uses: /^Kubernetes@\d/i, with: /^command:\s*(?:apply|set)\b/m },
  { label: 'helm deploy task', uses: /^HelmDeploy@\d/i, with: /^command:\s*(?:upgrade|install)\b/m },
  // Bitbucket pipes.
  {
    label: 'Bitbucket deploy pipe',
    uses: /^atlassian\/(?:aws-ecs-deploy|aws-elasticbeanstalk-deploy|aws-lambda-deploy|aws-code-deploy|aws-cloudformation-deploy|aws-sam-deploy|aws-s3-deploy|kubectl-run|helm-release|google-cloud-run-deploy|google-app-engine-deploy|google-gke-kubectl-run|azure-web-apps-deploy|azure-functions-deploy|azure-aks-deploy|azure-arm-deploy|heroku-deploy|firebase-deploy|serverless-deploy):/,
  },
  { label: 'deploy over SSH', uses: /^atlassian\/(?:ssh-run|rsync-deploy|scp-deploy|sftp-deploy):/, overSsh: true },
  // CircleCI orb jobs and commands.
  {
    label: 'CircleCI deploy orb',
    uses: /^(?:aws-ecs\/(?:deploy[-_]service[-_]update|deploy[-_]update[-_]service|update[-_]service)|aws-code-deploy\/deploy|helm\/(?:upgrade[-_]helm[-_]chart|install[-_]helm[-_]chart)|kubernetes\/(?:create[-_]or[-_]update[-_]resource|update[-_]container[-_]image)|heroku\/deploy[-_]via[-_]git|gcp-cloud-run\/deploy|gcp-gke\/(?:rollout[-_]image|publish[-_]and[-_]rollout[-_]image)|aws-eks\/update[-_]container[-_]image|serverless-framework\/deploy|azure-\w+\/deploy\w*)$/,
  },
];

/** `ssh`/`scp`/`rsync` to a remote host. */
export const SSH_REMOTE = /(?<![\w./-])(?:ssh|scp|rsync)\s+[^\n]*?(?:[\w.${}-]+@[\w.${}-]+|\$\{?\w*(?:HOST|SERVER|REMOTE|TARGET)\w*\}?|\s[\w-]+(?:\.[\w-]+)+:\S*)/;

/** Restarting processes on a host: the second half of a by-hand deploy. */
export const PROCESS_RESTART =
  /\b(?:pm2\s+(?:restart|reload|start|startOrRestart|startOrReload)|systemctl\s+(?:restart|reload|start)|service\s+[\w@.-]+\s+(?:restart|reload)|forever\s+restart|supervisorctl\s+(?:restart|reload|update)|passenger-config\s+restart-app|docker(?:-|\s+)compose\b[^\n]*\sup\b|docker\s+restart)\b/;

/** Split a step's script into single commands, with common prefixes removed. */
export function commandSegments(text: string): string[] {
  // Jenkins `sh 'cmd'` / `sh(script: "cmd")` wrappers become their command lines.
  const joined = text
    .replace(/\\\r?\n\s*/g, ' ')
    .replace(/(?<![\w./-])(?:sh|bat|pwsh|powershell)\s*\(?\s*(?:script:\s*)?('''|"""|'|")([\s\S]*?)\1\s*\)?/g, '\n$2\n');
  const out: string[] = [];
  for (const raw of joined.split(/\r?\n|&&|\|\||;|\|(?!\|)/)) {
    let s = raw.trim();
    // YAML list items and CI keys of line-based providers (`- run: npm test`, `sh 'npm test'`).
    s = s.replace(/^-\s+/, '').replace(/^(?:run|command|script|sh|bat|cmd|pwsh|powershell)\s*:\s*/, '');
    s = s.replace(/^(?:sh|bat|pwsh)\s*\(?\s*['"]+/, '').replace(/['")]+\s*$/, '').replace(/^['"]+/, '');
    for (let k = 0; k < 6; k++) {
      const before = s;
      s = s
        .replace(/^(?:sudo(?:\s+-\w+)*|time|exec|env|nohup|command)\s+/, '')
        .replace(/^[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|\S*)\s+/, '')
        .replace(/^(?:poetry|uv|pipenv|hatch|pdm|rye)\s+run\s+/, '')
        .replace(/^(?:npx|bunx|pnpm\s+exec|pnpm\s+dlx|yarn\s+dlx)\s+(?:--yes\s+|-y\s+)?(?=\S)/, '')
        .replace(/^timeout\s+\S+\s+/, '')
        .replace(/^xvfb-run\s+(?:-\S+\s+)*/, '')
        .replace(/^docker(?:-|\s+)compose\s+(?:-f\s+\S+\s+|-p\s+\S+\s+)*(?:run|exec)\s+(?:(?:-\S+)(?:\s+\S+=\S+)?\s+)*[\w.-]+\s+/, '')
        .trim();
      if (s === before) break;
    }
    s = s.replace(/\s+/g, ' ');
    if (s && !/^(?:echo|printf|#)/.test(s)) out.push(s);
  }
  return out;
}

export interface DeployHit {
  label: string;
  overSsh: boolean;
  /** The deploying command (for run steps). */
  command?: string;
}

/** Whether a CI step deploys, and how. */
export function deployOfStep(step: CiStep): DeployHit | undefined {
  if (step.uses) {
    for (const a of DEPLOY_ACTIONS) {
      if (a.uses.test(step.uses) && (!a.with || a.with.test(step.text))) return { label: a.label, overSsh: a.overSsh === true };
    }
    return undefined;
  }
  for (const seg of commandSegments(step.text)) {
    if (NOT_A_DEPLOY.test(seg)) continue;
    for (const r of DEPLOY_COMMANDS) {
      if (!r.regex.test(seg) || (r.id === 'script' && DOCS_SCRIPT.test(seg))) continue;
      return { label: r.label, overSsh: r.overSsh === true, command: seg };
    }
  }
  const ssh = SSH_REMOTE.exec(step.text);
  if (ssh && PROCESS_RESTART.test(step.text)) return { label: 'ssh + restart', overSsh: true, command: ssh[0].trim() };
  return undefined;
}
