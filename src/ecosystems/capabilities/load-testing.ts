import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'load-testing',
  description: 'Load-testing tools',
  libraries: {
  "js": [
    "k6",
    "artillery",
    "autocannon",
    "loadtest",
    "@grafana/k6"
  ],
  "python": [
    "locust"
  ]
},
});
