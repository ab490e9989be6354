// Every capability the detectors know, by id. One file per capability: extend the data there.
import type { Capability } from '../capability.ts';
import http_server from './http-server.ts';
import api_spec_generator from './api-spec-generator.ts';
import request_validation from './request-validation.ts';
import contract_testing from './contract-testing.ts';
import database_driver from './database-driver.ts';
import migration_tool from './migration-tool.ts';
import job_queue from './job-queue.ts';
import scheduler from './scheduler.ts';
import queue_dashboard from './queue-dashboard.ts';
import structured_logger from './structured-logger.ts';
import metrics from './metrics.ts';
import tracing from './tracing.ts';
import correlation_id from './correlation-id.ts';
import circuit_breaker from './circuit-breaker.ts';
import retry from './retry.ts';
import health_check from './health-check.ts';
import rate_limiting from './rate-limiting.ts';
import security_headers from './security-headers.ts';
import secrets_manager from './secrets-manager.ts';
import cors from './cors.ts';
import session_store from './session-store.ts';
import load_testing from './load-testing.ts';
import feature_flags from './feature-flags.ts';
import data_warehouse from './data-warehouse.ts';
import integration_testing from './integration-testing.ts';
import mutation_testing from './mutation-testing.ts';
import test_framework from './test-framework.ts';
import schema_api from './schema-api.ts';

export const CAPABILITIES = {
  'http-server': http_server,
  'api-spec-generator': api_spec_generator,
  'request-validation': request_validation,
  'contract-testing': contract_testing,
  'database-driver': database_driver,
  'migration-tool': migration_tool,
  'job-queue': job_queue,
  'scheduler': scheduler,
  'queue-dashboard': queue_dashboard,
  'structured-logger': structured_logger,
  'metrics': metrics,
  'tracing': tracing,
  'correlation-id': correlation_id,
  'circuit-breaker': circuit_breaker,
  'retry': retry,
  'health-check': health_check,
  'rate-limiting': rate_limiting,
  'security-headers': security_headers,
  'secrets-manager': secrets_manager,
  'cors': cors,
  'session-store': session_store,
  'load-testing': load_testing,
  'feature-flags': feature_flags,
  'data-warehouse': data_warehouse,
  'integration-testing': integration_testing,
  'mutation-testing': mutation_testing,
  'test-framework': test_framework,
  'schema-api': schema_api,
} as const satisfies Record<string, Capability>;

export type CapabilityId = keyof typeof CAPABILITIES;
