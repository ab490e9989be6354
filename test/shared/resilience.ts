// One fixture for the three reliability detectors that the .NET standard resilience handler
// satisfies at once (circuit breaker, retry with backoff, timeouts).
import { describe, expect, it } from 'vitest';
import type { AnyDetector } from '../../src/core/detector.ts';
import { detect, locations } from '../harness.ts';

const csproj = (pkg: string): string => `<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="${pkg}" />\n  </ItemGroup>\n</Project>\n`;
const DEFAULTS =
  'namespace Shop.ServiceDefaults;\n\npublic static class Extensions\n{\n    public static void AddDefaults(IServiceCollection services)\n    {\n        services.ConfigureHttpClientDefaults(http =>\n        {\n            http.AddStandardResilienceHandler();\n        });\n    }\n}\n';

export function describeStandardResilienceHandler(detector: AnyDetector): void {
  describe('the .NET standard resilience handler', () => {
    it('counts AddStandardResilienceHandler where Microsoft.Extensions.Http.Resilience is declared', async () => {
      const r = await detect(detector, { 'src/ServiceDefaults/ServiceDefaults.csproj': csproj('Microsoft.Extensions.Http.Resilience'), 'src/ServiceDefaults/Extensions.cs': DEFAULTS });
      expect(r.outcome).toBe('yes');
      expect(locations(r)).toContain('src/ServiceDefaults/Extensions.cs:9');
    });

    it('does not count it without the package, or only in a test project', async () => {
      expect((await detect(detector, { 'src/ServiceDefaults/ServiceDefaults.csproj': csproj('Microsoft.Extensions.Http'), 'src/ServiceDefaults/Extensions.cs': DEFAULTS })).outcome).not.toBe('yes');
      expect((await detect(detector, { 'tests/Api.Tests/Api.Tests.csproj': csproj('Microsoft.Extensions.Http.Resilience'), 'tests/Api.Tests/Setup.cs': DEFAULTS })).outcome).not.toBe('yes');
    });
  });
}
