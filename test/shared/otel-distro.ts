// One fixture for the two observability detectors that OpenTelemetry API use with the distro
// satisfies (traces and metrics), as in saleor.
import { describe, expect, it } from 'vitest';
import type { AnyDetector } from '../../src/core/detector.ts';
import { detect } from '../harness.ts';

const CODE = 'from opentelemetry.trace import get_tracer\nfrom opentelemetry.metrics import get_meter\n\ntracer = get_tracer(__name__)\nmeter = get_meter(__name__)\n';
const pyproject = (deps: string[]): string => `[project]\nname = "shop"\ndependencies = [${deps.map((d) => `"${d}"`).join(', ')}]\n`;

export function describeOtelDistro(detector: AnyDetector): void {
  describe('OpenTelemetry API with the SDK configured by opentelemetry-distro at launch (saleor)', () => {
    it('counts the API in production code when the distro is a production dependency', async () => {
      const r = await detect(detector, { 'pyproject.toml': pyproject(['opentelemetry-api>=1.32', 'opentelemetry-sdk>=1.32', 'opentelemetry-distro[otlp]>=0.53b1']), 'shop/core/telemetry.py': CODE });
      expect(r.outcome).toBe('yes');
    });

    it('does not count the API alone (a no-op), or the distro with the API only in tests', async () => {
      expect((await detect(detector, { 'pyproject.toml': pyproject(['opentelemetry-api>=1.32']), 'shop/core/telemetry.py': CODE })).outcome).toBe('no');
      expect((await detect(detector, { 'pyproject.toml': pyproject(['opentelemetry-api', 'opentelemetry-distro']), 'tests/test_telemetry.py': CODE })).outcome).toBe('no');
    });
  });
}
