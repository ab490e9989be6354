// The library API: what a worker process or another tool imports. Re-exports only.
export { assess, TOOL, type AssessOptions, type AssessRun } from './engine/assess.ts';
export { loadRubric, hashRubric, referencedDetectors, RubricError } from './rubric/load.ts';
export type { LoadedRubric, Rubric, Pillar, Criterion } from './rubric/schema.ts';
export { evaluate } from './rubric/evaluate.ts';
export { loadConfig, CONFIG_LOCATIONS } from './config/load.ts';
export { Config } from './config/schema.ts';
export { AssessmentSchema, ASSESSMENT_SCHEMA_VERSION } from './core/assessment.ts';
export type { Assessment, PillarResult, CriterionResult, Evidence } from './core/assessment.ts';
export type { DetectorDefinition, RepoView, PatternSpec } from './core/detector.ts';
export { PILLAR_IDS, TYPICAL_LEVEL, type PillarId } from './core/types.ts';
export { DETECTORS } from './detectors/registry.generated.ts';
export { UserError } from './errors/index.ts';
export type { EngineEvent } from './events/index.ts';
export * from './report/index.ts';
