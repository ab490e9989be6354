import { describe, expect, it } from 'vitest';
import { defineDetector, yes, no, type AnyDetector } from '../core/detector.ts';
import { makeRepo } from '../../test/harness.ts';
import { assess } from './assess.ts';

/** A detector that reports where its pattern matched, so the test sees what each one was given. */
function echo(id: string, regex: RegExp, events: string[]): AnyDetector {
  return defineDetector({
    id,
    pillar: 'security',
    question: `${id}?`,
    rationale: 'test',
    patterns: { p: { regex, literals: ['helmet'] } },
    detect({ matches }) {
      const found = matches('p').map((m) => `${m.path}:${m.line}`);
      events.push(`${id} ${found.join(' ')}`);
      return found.length > 0 ? yes('found', []) : no('none');
    },
  });
}

describe('assess: shared patterns', () => {
  it('runs an identical pattern once and gives every detector that declared it the same matches', async () => {
    const dir = makeRepo({ 'src/app.js': "const helmet = require('helmet');\napp.use(helmet());\n" });
    const events: string[] = [];
    const run = await assess(dir, {
      detectors: [echo('a', /helmet\(\)/, events), echo('b', /helmet\(\)/, events), echo('c', /helmet\(/, events)],
      workers: 0,
    });
    expect(events).toEqual(['a src/app.js:2', 'b src/app.js:2', 'c src/app.js:2']);
    expect(run.stats.patterns).toBe(2);
  });
});
