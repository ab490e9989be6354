// Typed progress events. The engine emits them through a callback it is given; only the CLI
// listens, and it writes them to stderr, never to the report stream.
export type EngineEvent =
  | { type: 'scan:start'; path: string }
  | { type: 'scan:progress'; phase: 'inventory' | 'read' | 'history'; done: number; total: number }
  | { type: 'scan:done'; files: number; bytes: number; ms: number }
  | { type: 'detector:error'; detector: string; message: string }
  | { type: 'assess:done'; ms: number };

export type EventSink = (event: EngineEvent) => void;
