import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', devDependencies: deps }, null, 2);

describe('uses-chaos-testing', () => {
  it.each([
    ['a Chaos Mesh PodChaos', { 'chaos/pod-kill.yaml': 'apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\nspec:\n  action: pod-kill\n' }, ['chaos/pod-kill.yaml:1', 'chaos/pod-kill.yaml:2']],
    ['a LitmusChaos engine', { 'k8s/litmus/engine.yaml': 'apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\n' }, ['k8s/litmus/engine.yaml:2']],
    ['an AWS FIS template', { 'infra/fis.tf': 'resource "aws_fis_experiment_template" "az_outage" {\n  description = "AZ outage"\n}\n' }, ['infra/fis.tf:1']],
    ['toxiproxy in an integration test', {
      'package.json': pkg({ 'toxiproxy-node-client': '4' }),
      'test/resilience.test.ts': "import { Toxiproxy } from 'toxiproxy-node-client';\nconst toxiproxy = new Toxiproxy('http://localhost:8474');\n",
    }, ['test/resilience.test.ts:1', 'test/resilience.test.ts:2']],
    ['Chaos Monkey for Spring Boot enabled in YAML', {
      'pom.xml': '<project><dependencies><dependency><artifactId>chaos-monkey-spring-boot</artifactId></dependency></dependencies></project>\n',
      'src/main/resources/application-staging.yml': 'chaos:\n  monkey:\n    assaults:\n      latency-active: true\n    enabled: true\n',
    }, ['src/main/resources/application-staging.yml:1']],
    ['Chaos Monkey for Spring Boot enabled in properties', { 'src/main/resources/application-chaos.properties': 'chaos.monkey.enabled=true\n' }, ['src/main/resources/application-chaos.properties:1']],
    ['toxiproxy in docker compose', { 'docker-compose.yml': 'services:\n  toxiproxy:\n    image: ghcr.io/shopify/toxiproxy:2.9.0\n' }, ['docker-compose.yml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only docs mention chaos engineering', { 'docs/resilience.md': 'We plan to use Chaos Mesh (kind: PodChaos) and toxiproxy.\n' }],
    ['a fixture holds an experiment', { 'test/fixtures/chaos.yaml': 'apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\n' }],
    ['the experiment is commented out', { 'chaos.yaml': '# apiVersion: chaos-mesh.org/v1alpha1\n# kind: PodChaos\n' }],
    ['Chaos Monkey for Spring Boot is declared but disabled', {
      'pom.xml': '<project><dependencies><dependency><artifactId>chaos-monkey-spring-boot</artifactId></dependency></dependencies></project>\n',
      'src/main/resources/application.yml': 'chaos:\n  monkey:\n    enabled: false\n',
    }],
    ['Apache TinkerPop gremlin queries are used', { 'package.json': pkg({ gremlin: '3' }), 'src/graph.ts': "import gremlin from 'gremlin';\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
