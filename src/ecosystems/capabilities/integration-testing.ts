import { defineCapability } from '../capability.ts';

// Tools that exercise the running system (HTTP stack, real databases in containers, browsers).
// Mocking libraries (nock, msw, requests-mock) and unit-test helpers are deliberately absent.
export default defineCapability({
  id: 'integration-testing',
  description: 'Integration / end-to-end test tooling',
  libraries: {
    js: [
      'supertest',
      'testcontainers',
      '@testcontainers/postgresql',
      '@testcontainers/mysql',
      '@testcontainers/mongodb',
      '@testcontainers/redis',
      '@testcontainers/kafka',
      '@testcontainers/localstack',
      '@playwright/test',
      'playwright',
      'cypress',
      'puppeteer',
      'webdriverio',
      'selenium-webdriver',
      'light-my-request',
      'pactum',
    ],
    python: [
      'testcontainers',
      { package: 'pytest-django', imports: ['pytest_django'] },
      { package: 'pytest-playwright', imports: ['pytest_playwright'] },
      'playwright',
      'selenium',
      { package: 'fastapi', imports: ['fastapi.testclient'] },
      { package: 'starlette', imports: ['starlette.testclient'] },
    ],
  },
});
