import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'test-framework',
  description: 'Unit test frameworks',
  libraries: {
    js: ['jest', 'vitest', 'mocha', 'ava', 'tap', 'jasmine', '@jest/globals', 'uvu', 'node:test', 'karma', '@cucumber/cucumber'],
    python: ['pytest', 'unittest', 'nose2', 'hypothesis'],
  },
});
