// .github/**: CI on every pull request, deploys from main, security scanning, IaC checks,
// the weekly restore drill, Dependabot, code owners and the pull-request template.

export const GITHUB: Record<string, [feature: string, text: string]> = {
  '.github/workflows/ci.yml': [
    'ci',
    `name: ci

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

@@{tw:ci-concurrency
concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true

@@}
jobs:
  lint:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version-file: .nvmrc
          cache: npm
      - run: npm ci
@@db@@      - run: npx prisma generate
      - run: npm run lint
      - run: npm run typecheck
@@commit-conventions@@      - name: Pull request title follows Conventional Commits
@@commit-conventions@@        if: github.event_name == 'pull_request'
@@commit-conventions@@        run: echo "\${{ github.event.pull_request.title }}" | npx commitlint

  test:
    runs-on: ubuntu-24.04
@@{integration-tests
    services:
      postgres:
        image: postgres:17
        env:
          POSTGRES_USER: meridian
          POSTGRES_DB: meridian_test
          POSTGRES_HOST_AUTH_METHOD: trust
        ports: ["5432:5432"]
        options: --health-cmd "pg_isready -U meridian" --health-interval 5s --health-retries 10
      redis:
        image: valkey/valkey:8
        ports: ["6379:6379"]
    env:
      DATABASE_URL: postgresql://meridian@localhost:5432/meridian_test
      REDIS_URL: redis://localhost:6379/1
@@}
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version-file: .nvmrc
          cache: npm
      - run: npm ci
@@db@@      - run: npx prisma migrate deploy
@@coverage@@      - run: npm run test:coverage
@@!coverage@@      - run: npm test
@@{coverage
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: coverage
          path: coverage/
@@}
@@{openapi

  api-contract:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version-file: .nvmrc
          cache: npm
      - run: npm ci
      - name: openapi.yaml is generated from the code
        run: |
          npm run openapi:generate
          git diff --exit-code openapi.yaml || (echo "::error::openapi.yaml is stale: run npm run openapi:generate" && exit 1)
@@api-lint@@      - name: Lint the spec (Spectral)
@@api-lint@@        run: npx spectral lint openapi.yaml --fail-severity=warn
@@{api-breaking
      - name: No breaking change to /v1 without a new version
        if: github.event_name == 'pull_request'
        run: |
          git fetch --depth=1 origin "\${{ github.base_ref }}"
          git show "origin/\${{ github.base_ref }}:openapi.yaml" > /tmp/base.yaml
          docker run --rm -v /tmp:/base -v "$PWD":/head tufin/oasdiff:v1.11 breaking /base/base.yaml /head/openapi.yaml --fail-on ERR
@@}
@@}

  audit:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version-file: .nvmrc
      - name: Dependencies have no known high or critical vulnerability
        run: npm audit --omit=dev --audit-level=high
@@{docker

  image:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - uses: docker/setup-buildx-action@v3
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: false
          cache-from: type=gha
          cache-to: type=gha,mode=max
@@}
`,
  ],
  '.github/workflows/codeql.yml': [
    'sast',
    `name: codeql

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 4 * * 1"

permissions:
  contents: read
  security-events: write

jobs:
  analyze:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - uses: github/codeql-action/init@v3
        with:
          languages: javascript-typescript
@@tw:codeql-extended@@          queries: security-extended
      - uses: github/codeql-action/analyze@v3
`,
  ],
  '.github/workflows/deploy.yml': [
    'deploy-pipeline',
    `name: deploy

# Every merge to main goes to staging, passes the load test there, then goes to production.
# helm --atomic rolls a release back by itself when pods do not become ready.
on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  id-token: write

concurrency:
  group: deploy
  cancel-in-progress: false

env:
  AWS_REGION: eu-central-1
  ECR_REPOSITORY: meridian/platform

jobs:
  build:
    runs-on: ubuntu-24.04
    outputs:
      tag: \${{ steps.meta.outputs.tag }}
    steps:
      - uses: actions/checkout@v5
      - id: meta
        run: echo "tag=\${GITHUB_SHA::12}" >> "$GITHUB_OUTPUT"
      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_DEPLOY_ROLE_ARN }}
          aws-region: \${{ env.AWS_REGION }}
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - uses: docker/setup-buildx-action@v3
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: true
          tags: \${{ steps.ecr.outputs.registry }}/\${{ env.ECR_REPOSITORY }}:\${{ steps.meta.outputs.tag }}
          cache-from: type=gha
          cache-to: type=gha,mode=max

  staging:
    needs: build
    runs-on: ubuntu-24.04
    environment: staging
    steps:
      - uses: actions/checkout@v5
      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_DEPLOY_ROLE_ARN }}
          aws-region: \${{ env.AWS_REGION }}
      - run: aws eks update-kubeconfig --name meridian-staging
      - name: Helm upgrade (rolls back on failure)
        run: |
          helm upgrade --install meridian deploy/helm/meridian \\
            --namespace meridian --create-namespace \\
            -f deploy/helm/meridian/values-staging.yaml \\
            --set image.tag=\${{ needs.build.outputs.tag }} \\
            --atomic --timeout 10m --wait
@@{ci-load-tests
      - name: Load test (k6) against staging
        uses: grafana/run-k6-action@v1
        env:
          BASE_URL: https://api.staging.meridian.example
          LOAD_TEST_ACCESS_TOKEN: \${{ secrets.STAGING_LOAD_TEST_TOKEN }}
        with:
          path: test/load/catalog-browse.js
@@}

  production:
    needs: [build, staging]
    runs-on: ubuntu-24.04
    environment: production
    steps:
      - uses: actions/checkout@v5
      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_DEPLOY_ROLE_ARN }}
          aws-region: \${{ env.AWS_REGION }}
      - run: aws eks update-kubeconfig --name meridian-prod
      - name: Helm upgrade (rolls back on failure)
        run: |
          helm upgrade --install meridian deploy/helm/meridian \\
            --namespace meridian --create-namespace \\
            -f deploy/helm/meridian/values-prod.yaml \\
            --set image.tag=\${{ needs.build.outputs.tag }} \\
            --atomic --timeout 10m --wait
@@tw:deploy-smoke@@      - name: Smoke test
@@tw:deploy-smoke@@        run: curl --fail --retry 5 --retry-delay 5 https://api.meridian.example/healthz
`,
  ],
  '.github/workflows/terraform.yml': [
    'iac-ci',
    `name: terraform

on:
  pull_request:
    paths: ["infra/terraform/**"]
  push:
    branches: [main]
    paths: ["infra/terraform/**"]

permissions:
  contents: read
  id-token: write
  pull-requests: write

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-24.04
    strategy:
      matrix:
        env: [staging, prod]
    defaults:
      run:
        working-directory: infra/terraform
    steps:
      - uses: actions/checkout@v5
      - uses: hashicorp/setup-terraform@v3
        with:
          terraform_version: 1.13.3
      - run: terraform fmt -check -recursive
      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_TERRAFORM_PLAN_ROLE_ARN }}
          aws-region: eu-central-1
      - run: terraform init -backend-config=envs/\${{ matrix.env }}.backend.hcl
      - run: terraform validate
      - uses: terraform-linters/setup-tflint@v4
      - run: tflint --recursive
      - name: Checkov
        uses: bridgecrewio/checkov-action@v12
        with:
          directory: infra/terraform
          framework: terraform
          quiet: true
      - run: terraform plan -input=false -var-file=envs/\${{ matrix.env }}.tfvars -out=plan.tfplan
@@{infracost
      - uses: infracost/actions/setup@v3
        with:
          api-key: \${{ secrets.INFRACOST_API_KEY }}
      - name: Cost of the change
        run: |
          terraform show -json plan.tfplan > plan.json
          infracost breakdown --path plan.json --format json --out-file /tmp/infracost.json
          infracost comment github --path /tmp/infracost.json --repo $GITHUB_REPOSITORY --pull-request \${{ github.event.pull_request.number }} --github-token \${{ github.token }} --behavior update
@@}

  apply:
    if: github.event_name == 'push'
    runs-on: ubuntu-24.04
    strategy:
      max-parallel: 1
      matrix:
        env: [staging, prod]
    environment: infra-\${{ matrix.env }}
    defaults:
      run:
        working-directory: infra/terraform
    steps:
      - uses: actions/checkout@v5
      - uses: hashicorp/setup-terraform@v3
        with:
          terraform_version: 1.13.3
      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_TERRAFORM_APPLY_ROLE_ARN }}
          aws-region: eu-central-1
      - run: terraform init -backend-config=envs/\${{ matrix.env }}.backend.hcl
      - run: terraform apply -input=false -auto-approve -var-file=envs/\${{ matrix.env }}.tfvars
`,
  ],
  '.github/workflows/restore-drill.yml': [
    'restore-drill',
    `name: restore-drill

# Weekly: restore the latest production snapshot into a scratch instance and check it.
# A backup nobody has restored is a hope, not a backup (docs/runbooks/disaster-recovery.md).
on:
  schedule:
    - cron: "0 5 * * 2"
  workflow_dispatch:

permissions:
  contents: read
  id-token: write

jobs:
  restore:
    runs-on: ubuntu-24.04
    environment: restore-drill
    timeout-minutes: 120
    steps:
      - uses: actions/checkout@v5
      - uses: aws-actions/configure-aws-credentials@v5
        with:
          role-to-assume: \${{ vars.AWS_RESTORE_DRILL_ROLE_ARN }}
          aws-region: eu-central-1
      - name: Restore and verify
        run: scripts/restore-drill.sh meridian-prod
        env:
          DRILL_DB_PASSWORD_SECRET_ID: meridian/restore-drill/db
`,
  ],
  '.github/dependabot.yml': [
    'sca',
    `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule:
      interval: weekly
      day: monday
    open-pull-requests-limit: 10
    commit-message:
      prefix: chore
      prefix-development: chore
      include: scope
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: monthly
  - package-ecosystem: docker
    directory: /
    schedule:
      interval: monthly
  - package-ecosystem: terraform
    directory: /infra/terraform
    schedule:
      interval: monthly
`,
  ],
  '.github/CODEOWNERS': [
    'codeowners',
    `# Reviews are requested from the owners of what a pull request touches; one approval from an
# owner is required to merge (branch protection on main).
*                         @meridian-commerce/platform
/src/modules/identity/    @mayachen @meridian-commerce/platform
/src/modules/billing/     @jlindqvist @meridian-commerce/platform
/src/modules/catalog/     @amara-okafor @meridian-commerce/platform
/src/platform/            @mayachen @jlindqvist
/prisma/                  @jlindqvist @amara-okafor
/infra/                   @dramirez
/deploy/                  @dramirez
/.github/workflows/       @dramirez @mayachen
/docs/                    @meridian-commerce/platform
/docs/adr/                @mayachen
/openapi.yaml             @amara-okafor
/SECURITY.md              @mayachen
`,
  ],
  '.github/pull_request_template.md': [
    'pr-template',
    `## What and why

<!-- The change, and the problem it solves. Link the issue. -->

## How it was tested

<!-- Unit / integration tests added, manual checks on staging. -->

## Risk and rollback

<!-- What could break, for whom. How to roll back: revert + deploy, feature off, migration down? -->
- Risk: low / medium / high
- Rollback:

## Checklist

- [ ] Tests cover the change (unit, and integration for API changes)
- [ ] \`openapi.yaml\` regenerated; no breaking change to a released /v1 endpoint
- [ ] Database migration is backwards compatible with the running version (expand, then contract)
@@tw:pr-idempotency-item@@- [ ] New background work is idempotent (jobId or idempotency key) and retried with backoff
- [ ] Logs carry no personal data or secrets; new endpoints have metrics via the route label
- [ ] Docs updated (README, runbook, ADR) where behaviour or operations change
@@tw:pr-security-item@@- [ ] Security-sensitive change (auth, payments, secrets, permissions) reviewed by a second owner
`,
  ],
};
