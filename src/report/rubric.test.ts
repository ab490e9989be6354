import { describe, expect, it } from 'vitest';
import type { LoadedRubric } from '../rubric/schema.ts';
import { renderRubric, type RubricView } from './rubric.ts';

// The loaded rubric must satisfy the reporter's structural view (checked by tsc).
const fits: LoadedRubric extends RubricView ? true : never = true;

const RUBRIC: RubricView = {
  id: 'readiness-core',
  version: '1.2.3',
  title: 'Enterprise Readiness maturity model',
  hash: 'f'.repeat(64),
  typicalLevel: 3,
  levels: [
    { level: 1, name: 'Initial', reading: 'Ad-hoc, heroic, undocumented' },
    { level: 2, name: 'Repeatable', reading: 'The same person can do it twice' },
    { level: 3, name: 'Defined', reading: 'Codified' },
    { level: 4, name: 'Quantitatively Managed', reading: 'Instrumented, measured' },
    { level: 5, name: 'Optimizing', reading: 'Continuous improvement' },
  ],
  pillars: [
    {
      id: 'background',
      name: 'Background Processing',
      applicability: { absentMeans: 'No background work.' },
      criteria: [
        { id: 'background.real-queue', level: 1, statement: 'A real queue carries work.', antiPattern: 'No queue', evidence: { kind: 'detected' } },
        { id: 'background.depth-slo', level: 4, statement: 'A queue-depth SLO is tracked.', evidence: { kind: 'attested' } },
        { id: 'background.retries', level: 2, statement: 'Jobs retry with backoff.', evidence: { kind: 'measured' } },
      ],
    },
  ],
};

describe('renderRubric', () => {
  it('prints id, version, hash and the levels table', () => {
    expect(fits).toBe(true);
    const lines = renderRubric(RUBRIC, { color: false, width: 100 }).split('\n');
    expect(lines.slice(0, 11)).toEqual([
      'Enterprise Readiness maturity model',
      'id readiness-core, version 1.2.3',
      `hash ${'f'.repeat(64)}`,
      'typical level 3',
      '',
      'Level  Name                    Reading',
      '1      Initial                 Ad-hoc, heroic, undocumented',
      '2      Repeatable              The same person can do it twice',
      '3      Defined                 Codified',
      '4      Quantitatively Managed  Instrumented, measured',
      '5      Optimizing              Continuous improvement',
    ]);
  });

  it('prints each pillar with its criteria per level: id, evidence kind and statement', () => {
    const text = renderRubric(RUBRIC, { color: false, width: 100 });
    expect(text.split('\n\n')[2]!.trimEnd().split('\n')).toEqual([
      'Background Processing (background)',
      '  applies only when present; when absent: No background work.',
      '  Level 1 - Initial (anti-patterns: each must be absent)',
      '    background.real-queue [detected]',
      '      anti-pattern: No queue; met when: A real queue carries work.',
      '  Level 2 - Repeatable',
      '    background.retries [measured]',
      '      Jobs retry with backoff.',
      '  Level 4 - Quantitatively Managed',
      '    background.depth-slo [attested]',
      '      A queue-depth SLO is tracked.',
    ]);
  });
});
