import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'queue-dashboard',
  description: 'Queue dashboards and queue metrics',
  libraries: {
  "js": [
    "@bull-board/api",
    "@bull-board/express",
    "bull-board",
    "bull-arena",
    "bullmq-prometheus",
    "bull-prom",
    "@willsoto/nestjs-prometheus"
  ],
  "python": [
    "flower"
  ]
},
});
