import { defineDetector, fromImport, no, notApplicable, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { GRAPH_CONTENTS, blindSpot, importGraph, type ModuleEdge } from '../../ecosystems/import-graph.ts';

/** Strongly connected components with two or more nodes (Tarjan), each sorted, in node order. */
function cyclicComponents(nodes: readonly string[], next: (n: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  // Iterative, so a long chain of modules cannot overflow the call stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const succ = next(top.node);
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== top.node);
        if (scc.length > 1) out.push(scc.sort());
      }
    }
  }
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest cycle through `start` inside one component, as a list of nodes (start first). */
function shortestCycle(start: string, inside: ReadonlySet<string>, next: (n: string) => readonly string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const w of next(n)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [n];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(w)) {
        previous.set(w, n);
        queue.push(w);
      }
    }
  }
  return [start];
}

export default defineDetector({
  id: 'has-module-cycles',
  pillar: 'architecture',
  question: 'Do modules depend on each other in a cycle (runtime imports, type-only imports aside)?',
  rationale: 'Modules in a cycle cannot be understood, tested, released or extracted one without the other: they are one module.',
  measures: {
    'module-cycles': { unit: 'cycles', description: 'Groups of modules that depend on each other in a cycle (strongly connected components of the module graph).' },
    'modules-in-cycles': { unit: 'modules', description: 'Modules that belong to a dependency cycle.' },
  },
  contents: GRAPH_CONTENTS,
  detect({ repo }) {
    const graph = importGraph(repo);
    if (graph.modules.length < 2) return notApplicable(`Fewer than two modules (${graph.modules.length}): there is no module graph.`);
    const blind = blindSpot(graph);
    if (blind) return unknown(`${graph.modules.length} modules, but no dependency between them can be seen: ${blind}.`);
    // Runtime edges only: `import type` is erased and cannot make an initialisation cycle.
    const edges = new Map<string, ModuleEdge>();
    const next = new Map<string, string[]>();
    for (const e of graph.moduleEdges) {
      if (e.typeOnly) continue;
      edges.set(`${e.from.dir}\0${e.to.dir}`, e);
      const list = next.get(e.from.dir);
      if (list) list.push(e.to.dir);
      else next.set(e.from.dir, [e.to.dir]);
    }
    const successors = (n: string): readonly string[] => next.get(n) ?? [];
    const sccs = cyclicComponents(graph.modules.map((m) => m.dir), successors);
    const measures = {
      'module-cycles': { value: sccs.length, unit: 'cycles' },
      'modules-in-cycles': { value: sccs.reduce((s, c) => s + c.length, 0), unit: 'modules' },
    };
    if (sccs.length === 0) {
      return no(`The ${graph.modules.length} modules depend on each other without cycles (${edges.size} runtime module dependencies).`, [], measures);
    }
    const name = new Map(graph.modules.map((m) => [m.dir, m.name] as const));
    const evidence: EvidenceItem[] = [];
    const cycles: string[] = [];
    for (const scc of sccs) {
      const cycle = shortestCycle(scc[0]!, new Set(scc), successors);
      const label = [...cycle, cycle[0]!].map((d) => name.get(d)!).join(' → ');
      cycles.push(label);
      // One import line per edge of the cycle: the first runtime import of that dependency.
      cycle.forEach((from, i) => {
        const e = edges.get(`${from}\0${cycle[(i + 1) % cycle.length]}`)!;
        const site = e.imports.find((r) => !r.site.typeOnly)!.site;
        evidence.push(fromImport(site, label));
      });
    }
    return yes(
      `${sccs.length} dependency cycle(s) between modules: ${cycles.slice(0, 3).join('; ')}${cycles.length > 3 ? '; ...' : ''}.`,
      evidence.slice(0, 10),
      measures,
    );
  },
});
