/**
 * The contract between bench scripts and run-all: `node bench/dist/<script>.js --json` prints
 * one BenchResult as the last line of stdout. run-all passes the running stack in BENCH_STACK
 * (see stack-info.ts); a script run by hand without it starts its own stack.
 */
export interface BenchTable {
  caption?: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchCheck {
  name: string;
  pass: boolean;
  detail?: string;
}

export interface BenchResult {
  /** Script name without extension, e.g. `read-tickets`; also the section's anchor. */
  name: string;
  /** Section heading in docs/BENCHMARKS.md. */
  title: string;
  /** The exact command that produced these numbers. */
  command: string;
  /** What is measured and how (markdown). */
  description: string;
  tables: BenchTable[];
  checks?: BenchCheck[];
  notes?: string[];
  /** Raw per-run figures, for anyone who wants more than the tables. */
  raw?: unknown;
}

/** True when the value looks like a BenchResult (scripts by other engineers may print anything). */
export function isBenchResult(value: unknown): value is BenchResult {
  const v = value as BenchResult;
  return (
    !!v && typeof v === 'object' && typeof v.name === 'string' && typeof v.title === 'string' && Array.isArray(v.tables)
  );
}
