import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'contract-testing',
  description: 'Consumer-driven contract tests',
  libraries: {
  "js": [
    "@pact-foundation/pact",
    "@pact-foundation/pact-node",
    "@pact-foundation/pact-core",
    "@specmatic/specmatic"
  ],
  "python": [
    {
      "package": "pact-python",
      "imports": [
        "pact"
      ]
    }
  ],
  "go": [
    "github.com/pact-foundation/pact-go"
  ],
  "jvm": [
    "au.com.dius.pact",
    "org.springframework.cloud.contract"
  ],
  "ruby": [
    "pact"
  ],
  "dotnet": [
    "PactNet"
  ],
  "php": [
    {
      "package": "pact-foundation/pact-php",
      "imports": [
        "PhpPact"
      ]
    }
  ]
},
});
