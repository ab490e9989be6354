// A history as a sequence of events over a platform's state: each commit changes the state, the
// platform renders the state to a file tree, and the difference becomes the commit. The final
// tree is therefore exactly the platform at its newest state, and every earlier commit is a
// consistent earlier version of it.
import { HistoryStream, type Person, type Tree, type WallClock } from './git.ts';

/** Feature flags and counters: enough to describe how a code base grew. */
export interface State {
  features: Set<string>;
  counters: Map<string, number>;
  /** Free-form log the renderer may read (e.g. merged pull requests for the changelog). */
  log: string[];
}

export function emptyState(): State {
  return { features: new Set(), counters: new Map(), log: [] };
}

export function cloneState(s: State): State {
  return { features: new Set(s.features), counters: new Map(s.counters), log: [...s.log] };
}

/** What a merge produces: every feature of both sides, the larger of each counter. */
export function mergeStates(main: State, branch: State): State {
  const out = cloneState(main);
  for (const f of branch.features) out.features.add(f);
  for (const [k, v] of branch.counters) out.counters.set(k, Math.max(v, out.counters.get(k) ?? 0));
  for (const l of branch.log) if (!out.log.includes(l)) out.log.push(l);
  return out;
}

export type Change = (s: State) => void;

/** Add features. */
export const add =
  (...features: string[]): Change =>
  (s) => {
    for (const f of features) s.features.add(f);
  };

/** Set a counter. */
export const set =
  (counter: string, value: number): Change =>
  (s) => {
    s.counters.set(counter, value);
  };

export type TimelineEvent =
  | {
      kind: 'commit';
      ref?: string;
      author: Person;
      committer?: Person;
      at: WallClock;
      /** A function is called after the change, with the new state. */
      message: string | ((s: State) => string);
      change: Change | Change[];
    }
  | { kind: 'branch'; ref: string; from?: string }
  | { kind: 'merge'; ref?: string; branch: string; author: Person; committer?: Person; at: WallClock; message: string }
  | { kind: 'tag'; name: string; ref?: string; tagger: Person; at: WallClock; message: string };

export interface PlayResult {
  history: HistoryStream;
  /** The state of main after the last event. */
  state: State;
  tree: Tree;
}

/** Render every state change into commits; a commit that changes nothing is a bug in the plan. */
export function play(render: (s: State) => Tree, events: readonly TimelineEvent[]): PlayResult {
  const history = new HistoryStream();
  const states = new Map<string, State>([['main', emptyState()]]);
  for (const e of events) {
    switch (e.kind) {
      case 'branch': {
        const from = e.from ?? 'main';
        states.set(e.ref, cloneState(states.get(from)!));
        history.branch(e.ref, from);
        break;
      }
      case 'commit': {
        const ref = e.ref ?? 'main';
        const state = states.get(ref);
        if (!state) throw new Error(`commit on unknown branch ${ref}`);
        for (const c of Array.isArray(e.change) ? e.change : [e.change]) c(state);
        const message = typeof e.message === 'string' ? e.message : e.message(state);
        const o = { author: e.author, at: e.at, message, tree: render(state) };
        const ok = history.commit(ref, e.committer ? { ...o, committer: e.committer } : o);
        if (!ok) throw new Error(`commit "${message.split('\n')[0]}" on ${ref} at ${e.at} changes nothing`);
        break;
      }
      case 'merge': {
        const ref = e.ref ?? 'main';
        const merged = mergeStates(states.get(ref)!, states.get(e.branch)!);
        states.set(ref, merged);
        const o = { author: e.author, at: e.at, message: e.message, tree: render(merged), merge: [e.branch] };
        history.commit(ref, e.committer ? { ...o, committer: e.committer } : o);
        states.delete(e.branch);
        break;
      }
      case 'tag':
        history.tag(e.name, e.ref ?? 'main', e.tagger, e.at, e.message);
        break;
    }
  }
  const state = states.get('main')!;
  return { history, state, tree: history.tree('main') };
}
