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
    "@bull-board/fastify",
    "@bull-board/koa",
    "@bull-board/hapi",
    "@bull-board/nestjs",
    "@bull-board/hono",
    "bullmq-prometheus",
    "bull-prom",
    "@bull-monitor/express",
    "@bull-monitor/koa"
  ],
  "python": [
    "flower",
    {
      "package": "rq-dashboard",
      "imports": [
        "rq_dashboard"
      ]
    },
    {
      "package": "celery-exporter",
      "imports": [
        "celery_exporter"
      ]
    }
  ]
},
});
