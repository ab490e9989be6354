import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const prose = 'The API receives orders over HTTP, validates them and writes them to PostgreSQL. A worker publishes order events to Kafka for billing and shipping.';
const arc42 = `# Billing architecture\n\n## 1. Introduction and Goals\n${prose}\n\n## 5. Building Block View\n${prose}\n`;
const words = (n: number, w = 'module'): string => Array.from({ length: n }, () => w).join(' ');

describe('has-architecture-docs', () => {
  it.each([
    ['an ARCHITECTURE.md', { 'ARCHITECTURE.md': `# Architecture\n\n${prose}\n` }, ['ARCHITECTURE.md']],
    ['docs/architecture/**', { 'docs/architecture/overview.md': `# Overview\n${prose}\n`, 'docs/architecture/.gitkeep': '' }, ['docs/architecture/overview.md']],
    ['a docs/arch* file', { 'docs/arch-overview.md': `# Arch\n${prose}\n`, 'docs/archive/old.md': `# Old notes\n${prose}\n` }, ['docs/arch-overview.md']],
    ['a design folder', { 'doc/design/payments.md': `# Payments design\n${prose}\n` }, ['doc/design/payments.md']],
    [
      'diagrams under docs',
      { 'docs/diagrams/context.puml': '@startuml\nactor Customer\nCustomer -> API : places order\nAPI -> DB : writes\n@enduml\n', 'docs/flow.mmd': 'graph TD\n  API --> DB\n  API --> Queue\n' },
      ['docs/diagrams/context.puml', 'docs/flow.mmd'],
    ],
    ['a Structurizr workspace', { 'model/workspace.dsl': '// C4 model\nworkspace "Shop" {\n  model {\n    u = person "User"\n  }\n}\n' }, ['model/workspace.dsl:2']],
    [
      'a C4-PlantUML container diagram outside docs',
      { 'diagrams/containers.puml': '@startuml\n!include <C4/C4_Container>\nPerson(user, "Customer")\nContainer(api, "API", "Go")\nRel(user, api, "Uses")\n@enduml\n' },
      ['diagrams/containers.puml:2'],
    ],
    [
      'a mermaid C4 context diagram in the README',
      { 'README.md': '# Shop\n\n```mermaid\nC4Context\n  Person(customer, "Customer")\n  System(shop, "Shop")\n  Rel(customer, shop, "Orders")\n```\n' },
      ['README.md:4'],
    ],
    ['an arc42 document', { 'docs/billing.md': arc42 }, ['docs/billing.md:3']],
    [
      'a document that quotes template syntax in inline code and links a Summary section',
      { 'docs/architecture/deploy.md': `# Deployment view\n\n- [Summary](#summary)\n\n## Summary\n${prose} The chart sets \`{{ .Values.image }}\` and tags images \`YYYY-MM-DD\`.\n` },
      ['docs/architecture/deploy.md'],
    ],
    ['an Architecture section of substance in the README', { 'README.md': `# Shop\n\n## Architecture\n\n${words(90)}\n\n## Running\n\nnpm start\n` }, ['README.md:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['architecture-documents']?.value).toBe(locs.length);
  });

  it.each([
    ['only the README has a short Architecture heading', { 'README.md': '# App\n## Architecture\nA monolith.\n## 5. Building Block View\n## Runtime View\n' }],
    ['a .dsl file is not a Structurizr workspace', { 'rules/pricing.dsl': 'rule "x" when y then z\n' }],
    ['the workspace keyword is commented out in a non-dsl file', { 'src/ws.ts': 'const workspace = {};\n' }],
    ['the architecture docs are in a vendored or fixture folder', { 'vendor/lib/ARCHITECTURE.md': `# A\n${prose}\n`, 'examples/docs/architecture/x.md': `# A\n${prose}\n` }],
    ['a diagram outside docs', { 'src/flow.mmd': 'graph TD\n  A --> B\n' }],
    ['a single arc42-like heading', { 'docs/guide.md': `## Solution Strategy\n${prose}\n` }],
    ['ARCHITECTURE.md is an empty stub', { 'ARCHITECTURE.md': '# Architecture\n\nTODO: describe the modules.\n', 'docs/architecture/README.md': '' }],
    ['an empty PlantUML diagram', { 'docs/architecture/context.puml': '@startuml\n@enduml\n' }],
    ['the architecture document is an unfilled template', { 'docs/architecture/template.md': `# <title>\n\n## Context\n[Describe the system context]\n\n## Date\nYYYY-MM-DD\n${prose}\n` }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
