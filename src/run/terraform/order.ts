/**
 * Dependency-ordered, bounded-concurrency execution over stacks. A stack starts only after every
 * stack it depends on (within the selection) has succeeded; when one fails, everything downstream
 * is skipped with the reason, never run against a half-applied organization.
 */

export interface Node {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

export type Outcome<R> =
  | { readonly name: string; readonly status: "done"; readonly value: R }
  | { readonly name: string; readonly status: "failed"; readonly error: unknown }
  | { readonly name: string; readonly status: "skipped"; readonly reason: string };

/** Stacks in an order that respects dependencies (stable: input order among equals). */
export function topologicalOrder<N extends Node>(nodes: readonly N[]): N[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: N[] = [];
  const visit = (node: N, path: string[]) => {
    if (done.has(node.name)) return;
    if (visiting.has(node.name)) {
      throw new Error(`stack dependency cycle: ${[...path, node.name].join(" -> ")}`);
    }
    visiting.add(node.name);
    for (const dep of node.dependsOn) {
      const target = byName.get(dep);
      if (target) visit(target, [...path, node.name]);
    }
    visiting.delete(node.name);
    done.add(node.name);
    out.push(node);
  };
  for (const node of nodes) visit(node, []);
  return out;
}

/**
 * Runs `task` on every node, at most `concurrency` at a time, each after its dependencies.
 * Dependencies outside `nodes` count as satisfied (a `--stack` selection assumes they are applied).
 */
export async function runInOrder<N extends Node, R>(
  nodes: readonly N[],
  concurrency: number,
  task: (node: N) => Promise<R>,
  options: {
    /** Skip what depends on a failed stack (apply). Off for read-only runs (plan, drift). */
    readonly stopDownstream?: boolean;
  } = {},
): Promise<Outcome<R>[]> {
  const stopDownstream = options.stopDownstream ?? true;
  const ordered = topologicalOrder(nodes);
  const selected = new Set(ordered.map((n) => n.name));
  const outcomes = new Map<string, Outcome<R>>();
  const waiting = [...ordered];
  let running = 0;

  return new Promise((resolve) => {
    const pump = () => {
      for (let i = 0; i < waiting.length && running < concurrency;) {
        const node = waiting[i] as N;
        const deps = node.dependsOn.filter((d) => selected.has(d));
        const blocked = stopDownstream
          ? deps.find((d) => {
              const o = outcomes.get(d);
              return o !== undefined && o.status !== "done";
            })
          : undefined;
        if (blocked) {
          waiting.splice(i, 1);
          const why = outcomes.get(blocked);
          outcomes.set(node.name, {
            name: node.name,
            status: "skipped",
            reason:
              why?.status === "skipped"
                ? why.reason
                : `${blocked} did not succeed, and ${node.name} depends on it`,
          });
          i = 0; // a skip may unblock the end condition; rescan
          continue;
        }
        if (!deps.every((d) => outcomes.has(d))) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        running++;
        task(node).then(
          (value) => finish({ name: node.name, status: "done", value }),
          (error: unknown) => finish({ name: node.name, status: "failed", error }),
        );
      }
      if (running === 0 && waiting.length === 0) {
        resolve(ordered.map((n) => outcomes.get(n.name) as Outcome<R>));
      }
    };
    const finish = (outcome: Outcome<R>) => {
      running--;
      outcomes.set(outcome.name, outcome);
      pump();
    };
    pump();
  });
}
