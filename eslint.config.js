// One linter: typescript-eslint's recommended rules, plus the pipeline's layer boundaries as
// executable rules. Each boundary carries its reason, as dependency-cruiser rules do.
import tseslint from 'typescript-eslint';

/** Imports a folder of src/ may not make: [pattern group, why]. */
const BOUNDARIES = {
  'src/core/**': [
    [['../*', '!../core/*'], 'core is the shared vocabulary: it depends on nothing else in src.'],
    [['node:fs', 'node:fs/*', 'node:child_process'], 'core is pure: no file system, no processes.'],
  ],
  'src/ecosystems/**': [
    [['../repo/*', '../detectors/*', '../engine/*', '../rubric/*', '../report/*', '../cli/*', '../../repo/*', '../../detectors/*'], 'ecosystem readers are text in, data out: they never read the tree or know detectors.'],
    [['node:fs', 'node:fs/*', 'node:child_process'], 'ecosystem readers get text from the scanner; they never read files.'],
  ],
  'src/detectors/**': [
    [['../../repo/*', '../../engine/*', '../../rubric/*', '../../report/*', '../../cli/*', '../../history/*'], 'a detector sees only the RepoView it is given; judgement belongs to the rubric.'],
    [['node:fs', 'node:fs/*', 'node:child_process'], 'detectors are pure: the scanner reads every file once for all of them.'],
  ],
  'src/rubric/**': [
    [['../detectors/*', '../repo/*', '../engine/*', '../report/*', '../cli/*'], 'the rubric names detectors by id string, never by import.'],
  ],
  'src/repo/**': [
    [['../detectors/*', '../rubric/*', '../engine/*', '../report/*', '../cli/*'], 'the scanner knows patterns, not the detectors or judgement that use them.'],
  ],
  'src/report/**': [
    [['../repo/*', '../engine/*', '../detectors/*', '../cli/*', 'node:fs', 'node:fs/*', 'node:child_process'], 'reporters are pure functions of an assessment; they never scan.'],
  ],
  'src/engine/**': [[['../report/*', '../cli/*'], 'the engine runs assessments; presenting them is the CLI\'s job.']],
};

export default tseslint.config(
  { ignores: ['dist/**', 'examples/**', 'coverage/**', 'node_modules/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(BOUNDARIES).map(([files, groups]) => ({
    files: [files],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
    },
  })),
  // Only the CLI prints; scripts and benchmarks are command-line programs too.
  { files: ['src/cli/**', 'scripts/**', 'bench/**'], rules: { 'no-console': 'off' } },
);
