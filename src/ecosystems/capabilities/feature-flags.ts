import { defineCapability } from '../capability.ts';

// SDKs of feature-flag services and flag frameworks. Analytics tools with incidental flags
// (PostHog) are not here: uses-feature-flags counts them only where code evaluates a flag.
export default defineCapability({
  id: 'feature-flags',
  description: 'Feature-flag services',
  libraries: {
    js: [
      'launchdarkly-node-server-sdk',
      '@launchdarkly/node-server-sdk',
      'launchdarkly-js-client-sdk',
      '@launchdarkly/js-client-sdk',
      'launchdarkly-react-client-sdk',
      'unleash-client',
      'unleash-proxy-client',
      '@unleash/proxy-client-react',
      '@growthbook/growthbook',
      '@growthbook/growthbook-react',
      'flagsmith-nodejs',
      'flagsmith',
      '@openfeature/server-sdk',
      '@openfeature/web-sdk',
      'configcat-node',
      'configcat-js',
      '@vercel/flags',
      '@splitsoftware/splitio',
      'statsig-node',
      '@statsig/js-client',
      '@devcycle/nodejs-server-sdk',
      '@optimizely/optimizely-sdk',
      '@harnessio/ff-nodejs-server-sdk',
      '@flipt-io/flipt',
      '@flipt-io/flipt-client',
      '@openfeature/react-sdk',
      '@openfeature/nestjs-sdk',
      '@unleash/nextjs',
      'launchdarkly-node-client-sdk',
      '@launchdarkly/react-native-client-sdk',
      'configcat-react',
    ],
    python: [
      { package: 'launchdarkly-server-sdk', imports: ['ldclient'] },
      { package: 'UnleashClient', imports: ['UnleashClient'] },
      'flagsmith',
      { package: 'openfeature-sdk', imports: ['openfeature'] },
      { package: 'splitio-client', imports: ['splitio'] },
      { package: 'configcat-client', imports: ['configcatclient'] },
      { package: 'statsig', imports: ['statsig'] },
      { package: 'growthbook', imports: ['growthbook'] },
      { package: 'django-waffle', imports: ['waffle'] },
      { package: 'optimizely-sdk', imports: ['optimizely'] },
      { package: 'flipt', imports: ['flipt'] },
      { package: 'flipt-client', imports: ['flipt_client'] },
    ],
    go: [
      'github.com/launchdarkly/go-server-sdk',
      'gopkg.in/launchdarkly/go-server-sdk.v5',
      'github.com/Unleash/unleash-client-go',
      'github.com/growthbook/growthbook-golang',
      'github.com/Flagsmith/flagsmith-go-client',
      'github.com/open-feature/go-sdk',
      'github.com/configcat/go-sdk',
      'go.flipt.io/flipt-client',
      'go.flipt.io/flipt/sdk/go',
      'github.com/splitio/go-client',
      'github.com/statsig-io/go-sdk',
    ],
    // Java and Kotlin, by package.
    jvm: [
      'com.launchdarkly.sdk.server',
      'io.getunleash',
      'com.flagsmith',
      'dev.openfeature.sdk',
      'com.configcat',
      'org.togglz',
      'org.ff4j',
      'io.split.client',
      'io.flipt',
      'com.statsig.sdk',
    ],
    // .NET, by namespace, with the NuGet package where it differs.
    dotnet: [
      'Microsoft.FeatureManagement',
      { package: 'LaunchDarkly.ServerSdk', imports: ['LaunchDarkly.Sdk.Server'] },
      { package: 'Unleash.Client', imports: ['Unleash'] },
      'Flagsmith',
      'OpenFeature',
      'ConfigCat.Client',
      { package: 'growthbook-c-sharp', imports: ['GrowthBook'] },
      { package: 'Splitio', imports: ['Splitio'] },
    ],
    ruby: [
      { package: 'flipper', imports: ['flipper', 'Flipper'] },
      { package: 'launchdarkly-server-sdk', imports: ['ldclient-rb', 'LaunchDarkly'] },
      { package: 'unleash', imports: ['unleash', 'Unleash'] },
      { package: 'growthbook', imports: ['growthbook', 'Growthbook'] },
      { package: 'flagsmith', imports: ['flagsmith', 'Flagsmith'] },
      { package: 'openfeature-sdk', imports: ['open_feature/sdk', 'OpenFeature::SDK'] },
      { package: 'configcat', imports: ['configcat', 'ConfigCat'] },
      { package: 'splitclient-rb', imports: ['splitclient-rb', 'SplitIoClient'] },
    ],
    php: [
      { package: 'laravel/pennant', imports: ['Laravel\\Pennant'] },
      { package: 'launchdarkly/server-sdk', imports: ['LaunchDarkly'] },
      { package: 'unleash/client', imports: ['Unleash\\Client'] },
      { package: 'flagsmith/flagsmith-php-client', imports: ['Flagsmith'] },
      { package: 'open-feature/sdk', imports: ['OpenFeature'] },
      { package: 'growthbook/growthbook', imports: ['Growthbook'] },
      { package: 'configcat/configcat-client', imports: ['ConfigCat'] },
      { package: 'splitsoftware/split-sdk-php', imports: ['SplitIO'] },
    ],
  },
});

/**
 * Product-analytics SDKs that also serve feature flags: they count as flags only in a file that
 * evaluates one (FLAG_EVALUATION), since most projects import them for analytics alone.
 */
export const ANALYTICS_WITH_FLAGS = defineCapability({
  id: 'analytics-feature-flags',
  description: 'Analytics SDKs with feature flags',
  libraries: {
    js: ['posthog-node', 'posthog-js', 'posthog-react-native'],
    python: ['posthog'],
    go: ['github.com/posthog/posthog-go'],
    ruby: [{ package: 'posthog-ruby', imports: ['posthog-ruby', 'PostHog'] }],
    php: [{ package: 'posthog/posthog-php', imports: ['PostHog'] }],
    jvm: ['com.posthog.java', 'com.posthog'],
    dotnet: [{ package: 'PostHog', imports: ['PostHog'] }],
  },
});

/** Calls that evaluate a flag with those SDKs (`posthog.isFeatureEnabled('x')`, `get_feature_flag`, `useFeatureFlagEnabled`). */
export const FLAG_EVALUATION = /\b(?:isFeatureEnabled|getFeatureFlag(?:Payload)?|getAllFlags|is_feature_enabled|get_feature_flag(?:_payload)?|get_all_flags|feature_enabled\?|IsFeatureEnabled(?:Async)?|GetFeatureFlag(?:Async)?|useFeatureFlagEnabled|useFeatureFlagVariantKey|useFeatureFlagPayload)\s*\(/;
