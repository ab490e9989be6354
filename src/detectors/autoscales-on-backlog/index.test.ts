import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const KEDA = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: worker
spec:
  scaleTargetRef:
    name: worker
  triggers:
    - type: rabbitmq
      metadata:
        queueName: tasks
`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
spec:
  metrics:
    - type: External
      external:
        metric:
          name: pubsub.googleapis.com|subscription|num_undelivered_messages
`;

const TF_POLICY = 'resource "aws_appautoscaling_policy" "workers" {\n  policy_type = "StepScaling"\n}\n';
const TF_ALARM = 'resource "aws_cloudwatch_metric_alarm" "backlog" {\n  metric_name = "ApproximateNumberOfMessagesVisible"\n  namespace   = "AWS/SQS"\n}\n';

describe('autoscales-on-backlog', () => {
  it.each<[string, Files, string[]]>([
    ['a KEDA ScaledObject with a RabbitMQ trigger', { 'k8s/worker-scaler.yaml': KEDA }, ['k8s/worker-scaler.yaml:9']],
    ['an HPA on a Pub/Sub backlog metric', { 'k8s/hpa.yaml': HPA }, ['k8s/hpa.yaml:8']],
    ['a Terraform scaling policy next to an SQS depth alarm', { 'infra/workers/scaling.tf': TF_POLICY, 'infra/workers/alarms.tf': TF_ALARM }, ['infra/workers/alarms.tf:2']],
    ['a CDK queue-processing service', { 'infra/lib/stack.ts': "new ecsPatterns.QueueProcessingFargateService(this, 'Workers', { queue });\n" }, ['infra/lib/stack.ts:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['a KEDA ScaledObject scales on CPU only', { 'k8s/s.yaml': KEDA.replace('type: rabbitmq', 'type: cpu') }],
    ['the SQS alarm and a CPU scaling policy live in different modules', { 'infra/alarms/main.tf': TF_ALARM, 'infra/ecs/main.tf': TF_POLICY }],
    ['the KEDA trigger is commented out', { 'k8s/s.yaml': KEDA.replace('    - type: rabbitmq', '    # - type: rabbitmq') }],
    ['the ScaledObject is an example', { 'examples/keda.yaml': KEDA }],
    ['only docs describe KEDA', { 'docs/scaling.md': KEDA }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
