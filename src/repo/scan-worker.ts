// A worker thread of the content pass: takes batches of files, returns their outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { compilePatterns, scanFile, type CompiledPattern, type FileTask } from './scan-file.ts';
import { mapLimit } from '../util/concurrency.ts';

const { root, plan, inFlight } = workerData as { root: string; plan: CompiledPattern[]; inFlight: number };
const compiled = compilePatterns(plan);

parentPort?.on('message', (batch: FileTask[]) => {
  void mapLimit(batch, inFlight, (task) => scanFile(root, task, plan, compiled)).then((outcomes) => {
    parentPort?.postMessage(outcomes);
  });
});
