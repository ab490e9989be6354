import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'feature-flags',
  description: 'Feature-flag services',
  libraries: {
  "js": [
    "launchdarkly-node-server-sdk",
    "@launchdarkly/node-server-sdk",
    "unleash-client",
    "@growthbook/growthbook",
    "flagsmith-nodejs",
    "@openfeature/server-sdk",
    "configcat-node",
    "@vercel/flags",
    "flagsmith"
  ],
  "python": [
    {
      "package": "launchdarkly-server-sdk",
      "imports": [
        "ldclient"
      ]
    },
    {
      "package": "UnleashClient",
      "imports": [
        "UnleashClient"
      ]
    },
    "flagsmith",
    {
      "package": "openfeature-sdk",
      "imports": [
        "openfeature"
      ]
    }
  ]
},
});
