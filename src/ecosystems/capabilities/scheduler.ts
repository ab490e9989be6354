import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'scheduler',
  description: 'In-process timers and cron libraries',
  libraries: {
  "js": [
    "node-cron",
    "cron",
    "node-schedule",
    "later",
    "toad-scheduler",
    "@nestjs/schedule",
    "croner",
    "bree"
  ],
  "python": [
    "schedule",
    "apscheduler",
    {
      "package": "celery",
      "imports": [
        "celery"
      ]
    }
  ]
},
});
