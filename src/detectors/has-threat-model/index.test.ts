import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-threat-model', () => {
  it.each<[string, Files, string[]]>([
    ['a threat-model document in docs', { 'docs/security/threat-model.md': '# API\nSTRIDE table\n' }, ['docs/security/threat-model.md']],
    ['a THREAT_MODEL.md at the root', { 'THREAT_MODEL.md': 'x\n' }, ['THREAT_MODEL.md']],
    ['a Microsoft TMT file', { 'security/platform.tm7': '<ThreatModel/>\n' }, ['security/platform.tm7']],
    ['a threagile model', { 'threagile.yaml': 'threagile_version: 1.0.0\n' }, ['threagile.yaml']],
    ['a pytm model', { 'security/tm.py': 'from pytm import TM, Server\ntm = TM("api")\n' }, ['security/tm.py:1']],
    ['a "Threat model" heading in the architecture doc', { 'docs/architecture.md': '# Architecture\n\n## Threat model\n\nAssets...\n' }, ['docs/architecture.md:3']],
    ['a Threat Dragon model', { 'security/api.json': '{ "summary": {}, "detail": { "diagrams": [{ "diagramType": "STRIDE" }] } }\n' }, ['security/api.json:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['only prose mentions threats', { 'README.md': '# App\nWe care about threats and modelling data.\n', 'docs/sec.md': 'A threat model would be nice.\n' }],
    ['the threat model section is a TODO', { 'docs/security.md': '# Security\n\n## Threat model\n\nTODO\n\n## Reporting\nEmail us.\n' }],
    ['the threat model section is empty', { 'docs/architecture.md': '# Architecture\n\n## Threat Model\n## Deployment\nk8s\n', 'docs/notes.md': '## Threat modelling\n' }],
    ['a vendored library ships one', { 'vendor/lib/THREAT_MODEL.md': 'x\n', 'node_modules/x/threat-model.md': 'y\n' }],
    ['a test fixture is named like one', { 'test/fixtures/threat-model.json': '{}\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
