import type { Collection, Document } from 'mongodb';

/**
 * A deterministic interleaving scheduler for code that talks to a real database. Every database
 * operation of the code under test first waits at the gate; the driver lets exactly one waiting
 * operation through at a time, and only when nothing else is in flight, choosing which one from a
 * seeded stream of choices. So a fast-check seed names one interleaving of real operations on
 * the real database, and shrinking finds the shortest program that breaks an invariant.
 *
 * Written here rather than with fast-check's own `scheduler()`: that one releases tasks after a
 * fixed number of microtask ticks, which real network I/O outlasts, so it cannot tell "blocked at
 * the gate" from "still waiting for PostgreSQL"; this one counts flows in flight instead.
 */
export class Gate {
  private waiting: { label: string; release: () => void }[] = [];
  /** Operations let through whose database answer has not come back yet. */
  private running = 0;
  private choiceIndex = 0;
  /** What was let through, in order: printed with a failure to show the interleaving. */
  readonly trace: string[] = [];

  constructor(private readonly choices: number[]) {}

  /** Runs `flows` concurrently, one database operation at a time, in the order the choices pick. */
  async run<T>(flows: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    let done = false;
    const results = Promise.allSettled(flows.map((flow) => flow())).finally(() => (done = true));
    while (!done) {
      await this.settled();
      if (done) break;
      if (this.waiting.length === 0) {
        // Every flow is in a timer (a retry delay): give it time to come back to the gate.
        await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      const pick = this.choices[this.choiceIndex++ % this.choices.length] % this.waiting.length;
      const [next] = this.waiting.splice(pick, 1);
      this.trace.push(next.label);
      next.release();
    }
    return results;
  }

  /** Runs one database operation once the driver picks it. */
  async around<R>(label: string, op: () => Promise<R>): Promise<R> {
    await new Promise<void>((release) => this.waiting.push({ label, release }));
    this.running += 1;
    try {
      return await op();
    } finally {
      this.running -= 1;
    }
  }

  /**
   * Resolves once the operation let through has answered and its caller has run on to its next
   * operation (or finished): continuations run as microtasks, before the next setImmediate.
   */
  private async settled(): Promise<void> {
    do await new Promise((r) => setImmediate(r));
    while (this.running > 0);
    await new Promise((r) => setImmediate(r));
  }
}

const GATED = [
  'insertOne',
  'insertMany',
  'findOne',
  'replaceOne',
  'updateOne',
  'updateMany',
  'deleteOne',
  'countDocuments',
];

/**
 * The collection with every operation behind the gate (`find(...).toArray()` too). While no gate
 * is active (setting up, checking invariants), operations pass straight through.
 */
export function gated<T extends Document>(collection: Collection<T>, gate: () => Gate | null): Collection<T> {
  return new Proxy(collection, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (GATED.includes(prop as string)) {
        return async (...args: unknown[]) => {
          const g = gate();
          const op = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          return g ? g.around(`${target.collectionName}.${String(prop)} ${label(args[0])}`, op) : op();
        };
      }
      if (prop === 'find') {
        return (...args: unknown[]) => {
          const cursor = (value as (...a: unknown[]) => { toArray(): Promise<unknown[]> }).apply(target, args);
          return new Proxy(cursor, {
            get(c, p, r) {
              const v = Reflect.get(c, p, r);
              if (p === 'toArray')
                return async () => {
                  const g = gate();
                  const op = () => (v as () => Promise<unknown[]>).apply(c);
                  return g ? g.around(`${target.collectionName}.find ${label(args[0])}`, op) : op();
                };
              if (typeof v !== 'function') return v;
              // sort/limit/project return the cursor itself: keep it wrapped.
              return (...a: unknown[]) => {
                const out = (v as (...x: unknown[]) => unknown).apply(c, a);
                return out === c ? r : out;
              };
            },
          });
        };
      }
      return value.bind(target);
    },
  });
}

function label(filter: unknown): string {
  if (!filter || typeof filter !== 'object') return '';
  const id = (filter as { _id?: unknown })._id;
  return typeof id === 'string' ? id.slice(-10) : '';
}
