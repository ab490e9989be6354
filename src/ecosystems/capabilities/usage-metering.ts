import { defineCapability } from '../capability.ts';

// Usage-metering and usage-based-billing SDKs: usage recorded per customer/tenant.
export default defineCapability({
  id: 'usage-metering',
  description: 'Usage metering / usage-based billing per customer',
  libraries: {
    js: ['@openmeter/sdk', 'lago-javascript-client', '@metronome/sdk', 'orb-billing'],
    python: [
      'openmeter',
      { package: 'lago-python-client', imports: ['lago_python_client'] },
      { package: 'amberflo-metering-python', imports: ['metering'] },
      { package: 'metronome-sdk', imports: ['metronome'] },
      { package: 'orb-billing', imports: ['orb'] },
    ],
  },
});
