// Development-only bootstrap: when readiness runs from TypeScript sources (tests, tsx), worker
// threads need the tsx loader registered in their own thread before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
