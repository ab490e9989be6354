import { defineCapability } from '../capability.ts';

// Mutation-testing tools as manifests declare them. Stryker.NET is a dotnet tool (read from
// .config/dotnet-tools.json by the detector) and PIT a build plugin (read from pom.xml / Gradle).
export default defineCapability({
  id: 'mutation-testing',
  description: 'Mutation testing',
  libraries: {
    js: ['@stryker-mutator/core'],
    python: ['mutmut', 'cosmic-ray', 'mutatest'],
    go: ['github.com/avito-tech/go-mutesting', 'github.com/zimmski/go-mutesting', 'github.com/go-gremlins/gremlins'],
    ruby: ['mutant', 'mutant-rspec', 'mutant-minitest'],
    php: ['infection/infection'],
  },
});
