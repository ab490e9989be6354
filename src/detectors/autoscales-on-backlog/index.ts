import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Match } from '../../core/types.ts';

const INFRA: readonly FileRole[] = ['iac', 'config'];
/** KEDA scalers that read a queue, stream or pending-work query. */
const QUEUE_SCALERS =
  'redis|redis-streams|redis-cluster|redis-cluster-streams|redis-sentinel|redis-sentinel-streams|rabbitmq|aws-sqs-queue|aws-kinesis-stream|kafka|apache-kafka|azure-servicebus|azure-queue|azure-eventhub|gcp-pubsub|nats-jetstream|stan|activemq|artemis-queue|ibmmq|pulsar|solace-event-queue|beanstalkd|postgresql|mysql|mongodb|mssql';

const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

export default defineDetector({
  id: 'autoscales-on-backlog',
  pillar: 'background',
  question: 'Do workers scale automatically on queue backlog?',
  rationale:
    'Scaling on backlog (not CPU) keeps queue latency bounded when load spikes and saves cost when queues are empty.',
  patterns: {
    kedaKind: {
      regex: /^\s*kind:\s*["']?Scaled(?:Object|Job)\b/m,
      literals: ['Scaled'],
      roles: INFRA,
      languages: ['yaml'],
    },
    kedaTrigger: {
      regex: new RegExp(String.raw`^\s*-?\s*type:\s*["']?(${QUEUE_SCALERS})["']?\s*$`, 'm'),
      literals: ['type:'],
      roles: INFRA,
      languages: ['yaml'],
    },
    backlogMetric: {
      // SQS, Pub/Sub, Service Bus and Storage Queue depth metrics.
      regex: /\b(?:metric)?ApproximateNumberOfMessages(?:Visible)?\b|num_undelivered_messages|\bActiveMessages\b|\bApproximateMessageCount\b|\bbacklog_?per_?(?:task|instance|worker)\b/i,
      literals: ['ApproximateNumberOfMessages', 'num_undelivered_messages', 'ActiveMessages', 'ApproximateMessageCount', 'acklog'],
      roles: [...INFRA, 'source'],
    },
    autoscaler: {
      regex: /\baws_appautoscaling_policy\b|\baws_autoscaling_policy\b|AWS::ApplicationAutoScaling::ScalingPolicy|AWS::AutoScaling::ScalingPolicy|\bscaleOnMetric\s*\(|\bgoogle_compute_(?:region_)?autoscaler\b|\bazurerm_monitor_autoscale_setting\b|kind:\s*["']?HorizontalPodAutoscaler\b/,
      literals: ['aws_appautoscaling_policy', 'aws_autoscaling_policy', 'ScalingPolicy', 'scaleOnMetric', 'autoscaler', 'azurerm_monitor_autoscale_setting', 'HorizontalPodAutoscaler'],
      roles: [...INFRA, 'source'],
      maxPerFile: 1,
    },
    hpaQueueMetric: {
      // An HPA external metric named after a queue (prometheus-adapter, stackdriver adapter).
      regex: /^\s*name:\s*["']?([\w.\/|:-]*(?:queue|backlog|undelivered|messages|consumer_lag|_lag)[\w.\/|:-]*)["']?\s*$/im,
      literals: ['External'],
      roles: INFRA,
      languages: ['yaml'],
    },
    cdkQueueService: {
      // CDK patterns that scale a service on SQS backlog by default.
      regex: /\bQueueProcessing(?:Fargate|Ec2)Service\b/,
      literals: ['QueueProcessing'],
      languages: ['typescript', 'javascript', 'python', 'java', 'go', 'csharp'],
    },
  },
  detect({ matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];
    const seen = new Set<string>();
    const add = (label: string, items: [Match, string][]): void => {
      if (items.length === 0) return;
      kinds.push(label);
      let added = 0;
      for (const [m, note] of items) {
        const key = `${m.path}:${m.line}`;
        if (seen.has(key) || added >= 4) continue;
        seen.add(key);
        added++;
        evidence.push(fromMatch(m, note));
      }
    };

    const keda = new Map(matches('kedaKind').map((m) => [m.path, m] as const));
    add(
      'KEDA scaler on a queue',
      matches('kedaTrigger')
        .filter((m) => keda.has(m.path))
        .map((m) => [m, `KEDA ${m.groups[0]} trigger (${keda.get(m.path)!.path}:${keda.get(m.path)!.line})`]),
    );

    const autoscalers = matches('autoscaler');
    const hpaFiles = new Set(autoscalers.filter((m) => m.text.includes('HorizontalPodAutoscaler')).map((m) => m.path));
    add(
      'HPA on an external queue metric',
      matches('hpaQueueMetric').filter((m) => hpaFiles.has(m.path)).map((m) => [m, 'HPA scales on a queue metric']),
    );

    // A queue-depth metric next to (same module directory as) an autoscaling policy.
    const scalerDirs = new Map<string, Match>();
    for (const a of autoscalers) if (!scalerDirs.has(dirOf(a.path))) scalerDirs.set(dirOf(a.path), a);
    const policy: [Match, string][] = [];
    for (const m of matches('backlogMetric')) {
      const a = scalerDirs.get(dirOf(m.path));
      if (a) policy.push([m, `queue-depth metric next to autoscaling policy ${a.path}:${a.line}`]);
    }
    add('autoscaling policy on queue depth', policy);

    add('CDK queue-processing service', matches('cdkQueueService').map((m) => [m, 'service scaled on SQS backlog']));

    if (kinds.length === 0) {
      return no('No autoscaling on queue backlog (KEDA queue scaler, queue-depth scaling policy, HPA on a queue metric) was found.');
    }
    return yes(`Workers scale on backlog: ${kinds.join('; ')}.`, firstN(evidence, 10));
  },
});
