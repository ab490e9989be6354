import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'integration-testing',
  description: 'Integration / end-to-end test tooling',
  libraries: {
  "js": [
    "supertest",
    "testcontainers",
    "@testcontainers/postgresql",
    "@playwright/test",
    "playwright",
    "cypress",
    "puppeteer",
    "nock",
    "msw",
    "light-my-request",
    "pactum",
    "@nestjs/testing"
  ],
  "python": [
    "testcontainers",
    "httpx",
    "requests-mock",
    "pytest-django",
    "playwright",
    "selenium"
  ]
},
});
