import { defineCapability } from '../capability.ts';

// Error-tracking SDKs that can also record performance traces when a traces sample rate is set.
export default defineCapability({
  id: 'error-tracking',
  description: 'Error tracking SDKs with optional tracing (Sentry)',
  libraries: {
    js: ['@sentry/node', '@sentry/nestjs', '@sentry/nextjs', '@sentry/bun', '@sentry/serverless', '@sentry/aws-serverless', '@sentry/google-cloud-serverless'],
    python: [{ package: 'sentry-sdk', imports: ['sentry_sdk'] }],
    ruby: [
      { package: 'sentry-ruby', imports: ['sentry-ruby', 'Sentry'] },
      { package: 'sentry-rails', imports: ['sentry-rails', 'Sentry'] },
    ],
    php: [
      { package: 'sentry/sentry', imports: ['Sentry'] },
      { package: 'sentry/sentry-laravel', imports: ['Sentry'] },
      { package: 'sentry/sentry-symfony', imports: ['Sentry'] },
    ],
  },
});
