import { defineCapability } from '../capability.ts';

// Libraries that stop accepting connections and drain in-flight requests on SIGTERM.
export default defineCapability({
  id: 'graceful-shutdown',
  description: 'Graceful shutdown helpers (signal handling and connection draining)',
  libraries: {
    js: ['@godaddy/terminus', 'lightship', 'http-terminator', 'close-with-grace', 'fastify-graceful-shutdown', 'http-graceful-shutdown', 'stoppable'],
  },
});

/**
 * Servers and workers whose own SIGTERM handling drains in-flight work, so an application run by
 * them shuts down gracefully without code of its own. They count when declared for production
 * and started by a Procfile, Dockerfile, compose or Kubernetes command, or their config file.
 */
export const DRAINING_SERVERS: readonly {
  ecosystem: 'ruby' | 'python';
  package: string;
  /** The command word that starts it. */
  command: string;
  /** Its config file, whose presence means the app is served by it. */
  config?: string;
  note: string;
}[] = [
  { ecosystem: 'ruby', package: 'puma', command: 'puma', config: 'config/puma.rb', note: 'Puma stops accepting connections and finishes in-flight requests on SIGTERM' },
  { ecosystem: 'ruby', package: 'sidekiq', command: 'sidekiq', note: 'Sidekiq stops fetching and waits for running jobs (its timeout) on SIGTERM' },
  { ecosystem: 'python', package: 'gunicorn', command: 'gunicorn', config: 'gunicorn.conf.py', note: 'Gunicorn waits graceful_timeout for workers to finish their requests on SIGTERM' },
  { ecosystem: 'python', package: 'uvicorn', command: 'uvicorn', note: 'Uvicorn stops accepting connections and waits for open requests on SIGTERM' },
  { ecosystem: 'python', package: 'celery', command: 'celery', note: 'Celery workers finish their current tasks (warm shutdown) on SIGTERM' },
];
