/**
 * Split rules and seat blocks: which quantities a listing can sell and which adjacent seats a
 * sale of one quantity takes. Pure functions, shared by tickets (the listings query) and orders
 * (the hold), so a buyer is never shown a quantity the hold would refuse.
 *
 * A listing's seats are positions 0..n-1 in seat order; consecutive positions are adjacent.
 * `available` is the sorted positions still for sale. A sale takes a *block*: consecutive
 * available positions. What it leaves next to the block (the fragments of the run it is cut
 * from) must be a remainder the rule allows, so no seller is left with seats nobody may buy.
 * General admission (no seat labels) has no adjacency: every available seat is one run.
 */

export const SPLIT_KINDS = ['any', 'pairs', 'avoid-one', 'all'] as const;
/** `any`; `pairs` even quantities only; `avoid-one` never leave a single seat; `all` the whole group; or the allowed quantities. */
export type SplitRule = (typeof SPLIT_KINDS)[number] | number[];

/** Whether a buyer may take `quantity` seats under the rule (from `remaining` still for sale). */
export function buyable(rule: SplitRule, quantity: number, remaining: number): boolean {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > remaining) return false;
  if (Array.isArray(rule)) return rule.includes(quantity);
  switch (rule) {
    case 'any':
    case 'avoid-one':
      return true;
    case 'pairs':
      return quantity % 2 === 0;
    case 'all':
      return quantity === remaining;
  }
}

/** Whether `left` seats (a fragment next to a sold block) can still be sold down to none under the rule. */
export function remainderAllowed(rule: SplitRule, left: number): boolean {
  if (left === 0) return true;
  if (Array.isArray(rule)) return sumsOf(rule, left)[left];
  switch (rule) {
    case 'any':
      return true;
    case 'avoid-one':
      return left !== 1;
    case 'pairs':
      return left % 2 === 0;
    case 'all':
      return false; // the whole group goes at once: nothing may be left
  }
}

/** reachable[k]: k is a sum of allowed quantities (each usable any number of times). */
function sumsOf(allowed: number[], upTo: number): boolean[] {
  const reachable = new Array<boolean>(upTo + 1).fill(false);
  reachable[0] = true;
  for (let k = 1; k <= upTo; k++) reachable[k] = allowed.some((q) => q >= 1 && q <= k && reachable[k - q]);
  return reachable;
}

/** Maximal runs of consecutive positions (general admission: all of them, one run). */
export function runsOf(available: readonly number[], seated: boolean): number[][] {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (!seated) return sorted.length > 0 ? [sorted] : [];
  const runs: number[][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && p === last[last.length - 1] + 1) last.push(p);
    else runs.push([p]);
  }
  return runs;
}

/**
 * Every block of `quantity` seats the rule allows, best first: a block that fills a run exactly
 * (it fragments nothing), then one at a run's edge (one fragment), then the rest; ties by seat
 * order. Each block is consecutive positions in seat order (any `quantity` seats for general
 * admission, whose blocks are disjoint so a buyer that lost one to a racer can try the next).
 */
export function candidateBlocks(
  available: readonly number[],
  quantity: number,
  rule: SplitRule,
  seated: boolean,
): number[][] {
  const runs = runsOf(available, seated);
  const remaining = runs.reduce((n, r) => n + r.length, 0);
  if (!buyable(rule, quantity, remaining)) return [];
  const ranked: { block: number[]; rank: number; order: number }[] = [];
  let order = 0;
  for (const run of runs) {
    if (run.length < quantity) continue;
    // General admission: which seats does not matter, so only disjoint blocks (from the start).
    const step = seated ? 1 : quantity;
    for (let start = 0; start + quantity <= run.length; start += step) {
      const before = start;
      const after = run.length - start - quantity;
      if (!seated && (before !== 0 || after !== 0)) {
        if (!remainderAllowed(rule, run.length - quantity)) continue;
      } else if (!remainderAllowed(rule, before) || !remainderAllowed(rule, after)) continue;
      const fragments = seated ? Number(before > 0) + Number(after > 0) : Number(run.length > quantity);
      ranked.push({ block: run.slice(start, start + quantity), rank: fragments, order: order++ });
    }
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.block);
}

/** Whether taking `block` out of `available` (which includes it) leaves only remainders the rule allows. */
export function blockAllowed(
  available: readonly number[],
  block: readonly number[],
  rule: SplitRule,
  seated: boolean,
): boolean {
  const key = block.join(',');
  const set = new Set(available);
  if (!block.every((p) => set.has(p))) return false;
  return candidateBlocks(available, block.length, rule, seated).some((b) => (seated ? b.join(',') === key : true));
}

/** The quantities a listing can sell now, ascending. */
export function sellableQuantities(available: readonly number[], rule: SplitRule, seated: boolean): number[] {
  const remaining = new Set(available).size;
  const out: number[] = [];
  for (let q = 1; q <= remaining; q++) if (candidateBlocks(available, q, rule, seated).length > 0) out.push(q);
  return out;
}

/** Whether a listing of `quantity` seats, untouched, can be sold out under the rule (a listing must be). */
export function ruleFitsQuantity(rule: SplitRule, quantity: number): boolean {
  if (!Number.isInteger(quantity) || quantity < 1) return false;
  return rule === 'all' || remainderAllowed(rule, quantity);
}
