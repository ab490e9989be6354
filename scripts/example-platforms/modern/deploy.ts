// deploy/helm/meridian/**: the Helm chart deployed by .github/workflows/deploy.yml with
// `helm upgrade --install --atomic`, and deploy/slo/**: SLOs as code (Sloth).
// Templates substitute values only inside quoted strings, so every file stays valid YAML.

const H = 'deploy/helm/meridian';

export const CHART: Record<string, [feature: string, text: string]> = {
  [`${H}/Chart.yaml`]: [
    'helm',
    `apiVersion: v2
name: meridian
description: Meridian platform API and workers
type: application
version: 1.4.0
appVersion: "set-by-ci"
`,
  ],
  [`${H}/values.yaml`]: [
    'helm',
    `# Defaults; per-environment overrides in values-<env>.yaml.
image:
  repository: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/meridian/platform
  tag: set-by-ci

environment: staging
logLevel: info
secretsId: meridian/staging/app
corsAllowedOrigins: https://app.staging.meridian.example
assetsBucket: meridian-staging-assets
ingress:
  host: api.staging.meridian.example
  certificateArn: ""

api:
  replicas: 3
  resources:
    requests:
      cpu: 250m
      memory: 384Mi
    limits:
      cpu: "1"
      memory: 768Mi
  autoscaling:
    minReplicas: 3
    maxReplicas: 12
    targetCPUUtilizationPercentage: 65

worker:
  replicas: 2
  resources:
    requests:
      cpu: 200m
      memory: 384Mi
    limits:
      cpu: "1"
      memory: 1Gi
  autoscaling:
    minReplicas: 2
    maxReplicas: 20
    waitingJobsPerReplica: 200
`,
  ],
  [`${H}/values-staging.yaml`]: [
    'helm',
    `environment: staging
logLevel: debug
secretsId: meridian/staging/app
corsAllowedOrigins: https://app.staging.meridian.example
assetsBucket: meridian-staging-assets
ingress:
  host: api.staging.meridian.example
  certificateArn: arn:aws:acm:eu-central-1:123456789012:certificate/7f0c9a52-6d1e-4c1b-9a55-3b8c0d2e4f11
`,
  ],
  [`${H}/values-prod.yaml`]: [
    'helm',
    `environment: prod
logLevel: info
secretsId: meridian/prod/app
@@tw:cors-admin@@corsAllowedOrigins: https://app.meridian.example,https://admin.meridian.example
@@!tw:cors-admin@@corsAllowedOrigins: https://app.meridian.example
assetsBucket: meridian-prod-assets
ingress:
  host: api.meridian.example
  certificateArn: arn:aws:acm:eu-central-1:123456789012:certificate/2b7e51a0-9c3d-4f8e-8b21-6a4d0e9c7f35
`,
  ],
  [`${H}/templates/serviceaccount.yaml`]: [
    'helm',
    `# Bound to the meridian-<env>-platform IAM role by an EKS Pod Identity association
# (infra/terraform/secrets.tf): Secrets Manager and the assets bucket only.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: meridian-platform
  labels:
    app.kubernetes.io/name: meridian
`,
  ],
  [`${H}/templates/deployment-api.yaml`]: [
    'helm',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: meridian-api
  labels:
    app.kubernetes.io/name: meridian
    app.kubernetes.io/component: api
spec:
  replicas: 3
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 25%
  selector:
    matchLabels:
      app.kubernetes.io/name: meridian
      app.kubernetes.io/component: api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: meridian
        app.kubernetes.io/component: api
    spec:
      serviceAccountName: meridian-platform
      # Longer than SHUTDOWN_GRACE_MS: the process drains before the kubelet kills it.
@@tw:api-grace@@      terminationGracePeriodSeconds: 40
@@!tw:api-grace@@      terminationGracePeriodSeconds: 30
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: api
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          args: ["node", "dist/server.js"]
          ports:
            - name: http
              containerPort: 8080
            - name: ops
              containerPort: 9464
          env:
            - name: NODE_ENV
              value: production
            - name: APP_VERSION
              value: "{{ .Values.image.tag }}"
            - name: LOG_LEVEL
              value: "{{ .Values.logLevel }}"
            - name: APP_SECRETS_ID
              value: "{{ .Values.secretsId }}"
            - name: CORS_ALLOWED_ORIGINS
              value: "{{ .Values.corsAllowedOrigins }}"
            - name: ASSETS_BUCKET
              value: "{{ .Values.assetsBucket }}"
            - name: REDIS_URL
              value: "rediss://meridian-{{ .Values.environment }}.cache.internal:6379"
            - name: OTEL_SERVICE_NAME
              value: meridian-api
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://otel-collector.observability:4318
            - name: SHUTDOWN_GRACE_MS
              value: "25000"
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
            failureThreshold: 2
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
            failureThreshold: 3
          lifecycle:
            preStop:
              sleep:
                seconds: 5
          resources:
            requests:
              cpu: 250m
              memory: 384Mi
            limits:
              cpu: "1"
              memory: 768Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`,
  ],
  [`${H}/templates/deployment-worker.yaml`]: [
    'helm-worker',
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: meridian-worker
  labels:
    app.kubernetes.io/name: meridian
    app.kubernetes.io/component: worker
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: meridian
      app.kubernetes.io/component: worker
  template:
    metadata:
      labels:
        app.kubernetes.io/name: meridian
        app.kubernetes.io/component: worker
    spec:
      serviceAccountName: meridian-platform
      # Long jobs (imports, exports) get a minute to finish before BullMQ hands them back.
      terminationGracePeriodSeconds: 75
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: worker
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: worker
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          args: ["node", "dist/worker.js"]
          env:
            - name: NODE_ENV
              value: production
            - name: APP_VERSION
              value: "{{ .Values.image.tag }}"
            - name: LOG_LEVEL
              value: "{{ .Values.logLevel }}"
            - name: APP_SECRETS_ID
              value: "{{ .Values.secretsId }}"
            - name: ASSETS_BUCKET
              value: "{{ .Values.assetsBucket }}"
            - name: REDIS_URL
              value: "rediss://meridian-{{ .Values.environment }}.cache.internal:6379"
            - name: OTEL_SERVICE_NAME
              value: meridian-worker
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://otel-collector.observability:4318
            - name: SHUTDOWN_GRACE_MS
              value: "60000"
          resources:
            requests:
              cpu: 200m
              memory: 384Mi
            limits:
              cpu: "1"
              memory: 1Gi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
`,
  ],
  [`${H}/templates/service.yaml`]: [
    'helm',
    `apiVersion: v1
kind: Service
metadata:
  name: meridian-api
  labels:
    app.kubernetes.io/name: meridian
    app.kubernetes.io/component: api
spec:
  selector:
    app.kubernetes.io/name: meridian
    app.kubernetes.io/component: api
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: ops
      port: 9464
      targetPort: ops
`,
  ],
  [`${H}/templates/ingress.yaml`]: [
    'helm',
    `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: meridian-api
  annotations:
    alb.ingress.kubernetes.io/scheme: internet-facing
    alb.ingress.kubernetes.io/target-type: ip
    alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS":443}]'
    alb.ingress.kubernetes.io/certificate-arn: "{{ .Values.ingress.certificateArn }}"
    alb.ingress.kubernetes.io/healthcheck-path: /readyz
@@tw:keepalive@@    alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=60
spec:
  ingressClassName: alb
  rules:
    - host: "{{ .Values.ingress.host }}"
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: meridian-api
                port:
                  name: http
`,
  ],
  [`${H}/templates/hpa.yaml`]: [
    'autoscaling',
    `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: meridian-api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: meridian-api
  minReplicas: 3
  maxReplicas: 12
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
@@tw:hpa-cpu@@          averageUtilization: 65
@@!tw:hpa-cpu@@          averageUtilization: 75
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
      policies:
        - type: Percent
          value: 25
          periodSeconds: 60
`,
  ],
  [`${H}/templates/scaledobject-worker.yaml`]: [
    'keda',
    `# Workers scale on queue backlog: the length of each BullMQ wait list.
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: meridian-worker
spec:
  scaleTargetRef:
    name: meridian-worker
  minReplicaCount: 2
  maxReplicaCount: 20
  cooldownPeriod: 300
  triggers:
    - type: redis
      metadata:
        address: "meridian-{{ .Values.environment }}.cache.internal:6379"
        enableTLS: "true"
        listName: bull:billing-psp-events:wait
        listLength: "200"
    - type: redis
      metadata:
        address: "meridian-{{ .Values.environment }}.cache.internal:6379"
        enableTLS: "true"
        listName: bull:billing-invoices:wait
        listLength: "100"
    - type: redis
      metadata:
        address: "meridian-{{ .Values.environment }}.cache.internal:6379"
        enableTLS: "true"
        listName: bull:catalog-imports:wait
        listLength: "5"
`,
  ],
  [`${H}/templates/pdb.yaml`]: [
    'helm',
    `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: meridian-api
spec:
@@tw:pdb-min@@  minAvailable: 2
@@!tw:pdb-min@@  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/component: api
`,
  ],
  [`${H}/templates/migrate-job.yaml`]: [
    'helm',
    `# Schema migrations run before the new pods: a failed migration fails the release, and
# --atomic rolls everything back.
apiVersion: batch/v1
kind: Job
metadata:
  name: meridian-migrate
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-5"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: 0
  activeDeadlineSeconds: 600
  template:
    spec:
      serviceAccountName: meridian-platform
      restartPolicy: Never
      containers:
        - name: migrate
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          args: ["node", "dist/migrate.js"]
          env:
            - name: APP_SECRETS_ID
              value: "{{ .Values.secretsId }}"
          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              cpu: 500m
              memory: 512Mi
`,
  ],
  [`${H}/templates/servicemonitor.yaml`]: [
    'alerts',
    `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: meridian-api
  labels:
    release: kube-prometheus-stack
spec:
  selector:
    matchLabels:
      app.kubernetes.io/component: api
  endpoints:
    - port: ops
      path: /metrics
      interval: 30s
`,
  ],
  [`${H}/templates/prometheusrule.yaml`]: [
    'alerts',
    `# Every alert links to the runbook that says what to do (docs/runbooks/).
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: meridian
  labels:
    release: kube-prometheus-stack
spec:
  groups:
    - name: meridian-api
      rules:
        - alert: MeridianApiHighErrorRate
          expr: sum(rate(meridian_http_requests_total{status="5xx"}[5m])) / sum(rate(meridian_http_requests_total[5m])) > 0.02
          for: 10m
          labels:
            severity: page
          annotations:
            summary: More than 2% of API requests fail
            runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/high-error-rate.md
        - alert: MeridianApiHighLatency
          expr: histogram_quantile(0.95, sum by (le) (rate(meridian_http_request_duration_seconds_bucket[5m]))) > 0.5
          for: 15m
          labels:
            severity: ticket
          annotations:
            summary: API p95 latency above 500 ms
            runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/high-latency.md
        - alert: MeridianCircuitBreakerOpen
          expr: max by (breaker) (meridian_circuit_breaker_open) == 1
          for: 5m
          labels:
            severity: page
          annotations:
            summary: A circuit breaker has been open for 5 minutes (dependency down)
            runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/psp-outage.md
    - name: meridian-queues
      rules:
        - alert: MeridianQueueBacklog
          expr: max by (queue) (meridian_queue_jobs{state="waiting"}) > 1000
          for: 15m
          labels:
            severity: page
          annotations:
            summary: Jobs are waiting faster than workers process them
            runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/queue-backlog.md
@@{dead-letter
        - alert: MeridianDeadLetterJobs
          expr: max(meridian_queue_jobs{queue="dead-letter", state="waiting"}) > 0
          for: 5m
          labels:
            severity: ticket
          annotations:
            summary: Jobs exhausted their retries and wait in the dead-letter queue
            runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/queue-backlog.md#dead-letter-queue
@@}
`,
  ],
};

export const SLO_YAML = `# SLOs as code (Sloth generates the recording rules and multi-window burn-rate alerts).
# Error budget policy: docs/runbooks/error-budget-policy.md.
apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: meridian-api
  namespace: monitoring
spec:
  service: meridian-api
  labels:
    team: platform
  slos:
    - name: requests-availability
      objective: 99.9
      description: 99.9% of API requests succeed (non-5xx) over 30 days.
      sli:
        events:
          errorQuery: sum(rate(meridian_http_requests_total{status="5xx"}[{{.window}}]))
          totalQuery: sum(rate(meridian_http_requests_total[{{.window}}]))
      alerting:
        name: MeridianApiAvailabilityBudgetBurn
        annotations:
          runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/high-error-rate.md
        pageAlert:
          labels:
            severity: page
        ticketAlert:
          labels:
            severity: ticket
    - name: requests-latency
      objective: 99
      description: 99% of API requests complete within 500 ms over 30 days.
      sli:
        events:
          errorQuery: sum(rate(meridian_http_request_duration_seconds_count[{{.window}}])) - sum(rate(meridian_http_request_duration_seconds_bucket{le="0.5"}[{{.window}}]))
          totalQuery: sum(rate(meridian_http_request_duration_seconds_count[{{.window}}]))
      alerting:
        name: MeridianApiLatencyBudgetBurn
        annotations:
          runbook_url: https://github.com/meridian-commerce/platform/blob/main/docs/runbooks/high-latency.md
        pageAlert:
          labels:
            severity: page
        ticketAlert:
          labels:
            severity: ticket
`;
