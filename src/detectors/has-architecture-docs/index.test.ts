import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const arc42 = '# Billing architecture\n\n## 1. Introduction and Goals\ntext\n\n## 5. Building Block View\ntext\n';

describe('has-architecture-docs', () => {
  it.each([
    ['an ARCHITECTURE.md', { 'ARCHITECTURE.md': '# Architecture\nModules...\n' }, ['ARCHITECTURE.md']],
    ['docs/architecture/**', { 'docs/architecture/overview.md': '# Overview\n', 'docs/architecture/.gitkeep': '' }, ['docs/architecture/overview.md']],
    ['a docs/arch* file', { 'docs/arch-overview.md': '# Arch\n', 'docs/archive/old.md': '# Old notes\n' }, ['docs/arch-overview.md']],
    ['a design folder', { 'doc/design/payments.md': '# Payments design\n' }, ['doc/design/payments.md']],
    ['diagrams under docs', { 'docs/diagrams/context.puml': '@startuml\n@enduml\n', 'docs/flow.mmd': 'graph TD\n' }, ['docs/diagrams/context.puml', 'docs/flow.mmd']],
    ['a Structurizr workspace', { 'model/workspace.dsl': '// C4 model\nworkspace "Shop" {\n  model {}\n}\n' }, ['model/workspace.dsl:2']],
    ['an arc42 document', { 'docs/billing.md': arc42 }, ['docs/billing.md:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only the README has an Architecture heading', { 'README.md': '# App\n## Architecture\nA monolith.\n## 5. Building Block View\n## Runtime View\n' }],
    ['a .dsl file is not a Structurizr workspace', { 'rules/pricing.dsl': 'rule "x" when y then z\n' }],
    ['the workspace keyword is commented out in a non-dsl file', { 'src/ws.ts': 'const workspace = {};\n' }],
    ['the architecture docs are in a vendored or fixture folder', { 'vendor/lib/ARCHITECTURE.md': '# A\n', 'examples/docs/architecture/x.md': '# A\n' }],
    ['a diagram outside docs', { 'src/flow.mmd': 'graph TD\n' }],
    ['a single arc42-like heading', { 'docs/guide.md': '## Solution Strategy\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
