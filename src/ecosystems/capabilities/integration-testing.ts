import { defineCapability, type LibraryEntry } from '../capability.ts';
import type { Ecosystem } from '../../core/types.ts';
import { TEST_TOOLS } from '../testing.ts';

// Tools that exercise the running system (HTTP stack, real databases in containers, browsers).
// Mocking libraries (nock, msw, requests-mock, WireMock) and unit-test helpers are deliberately
// absent. The table, with each tool's kind (integration or e2e), lives in src/ecosystems/testing.ts.
const libraries: Partial<Record<Ecosystem, LibraryEntry[]>> = {};
for (const t of TEST_TOOLS) (libraries[t.ecosystem] ??= []).push(t.module);

export default defineCapability({
  id: 'integration-testing',
  description: 'Integration / end-to-end test tooling',
  libraries,
});
