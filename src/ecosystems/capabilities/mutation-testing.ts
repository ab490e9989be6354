import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'mutation-testing',
  description: 'Mutation testing',
  libraries: {
    js: ['@stryker-mutator/core'],
    python: ['mutmut', 'cosmic-ray', 'mutatest'],
    php: ['infection/infection'],
  },
});
