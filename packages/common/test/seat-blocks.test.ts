import fc from 'fast-check';
import {
  SplitRule,
  blockAllowed,
  buyable,
  candidateBlocks,
  remainderAllowed,
  ruleFitsQuantity,
  runsOf,
  sellableQuantities,
} from '@bigtix/common';

const seats = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('split rules', () => {
  it('pairs sells only even quantities and never leaves an odd fragment', () => {
    expect(sellableQuantities(seats(0, 3), 'pairs', true)).toEqual([2, 4]);
    // Seats 1-4, 2 bought from the edge: 2 left, only a pair.
    expect(sellableQuantities([2, 3], 'pairs', true)).toEqual([2]);
    // A pair from the middle of four would leave two single seats: never offered.
    expect(candidateBlocks(seats(0, 3), 2, 'pairs', true)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('all sells only the whole group', () => {
    expect(sellableQuantities([0, 1], 'all', true)).toEqual([2]);
    expect(candidateBlocks([0, 1], 1, 'all', true)).toEqual([]);
  });

  it('avoid-one never leaves a single seat', () => {
    expect(sellableQuantities(seats(0, 3), 'avoid-one', true)).toEqual([1, 2, 4]);
    expect(candidateBlocks(seats(0, 3), 1, 'avoid-one', true)).toEqual([[0], [3]]);
  });

  it('an explicit list allows those quantities, leaving what the list can still sell', () => {
    expect(sellableQuantities(seats(0, 5), [2, 4], true)).toEqual([2, 4, 6].filter((q) => q !== 6));
    expect(remainderAllowed([2, 3], 5)).toBe(true);
    expect(remainderAllowed([2, 3], 1)).toBe(false);
  });

  it('general admission has no adjacency: one run of every seat left', () => {
    expect(runsOf([0, 5, 9], false)).toEqual([[0, 5, 9]]);
    expect(sellableQuantities(seats(0, 9), 'any', false)).toEqual(seats(1, 10));
    expect(candidateBlocks(seats(0, 9), 3, 'any', false)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
  });

  it('prefers a block that fills a run exactly, then an edge', () => {
    // Seats 0-3 and 6-7 left: a pair best takes 6-7 (fragments nothing).
    expect(candidateBlocks([0, 1, 2, 3, 6, 7], 2, 'any', true)[0]).toEqual([6, 7]);
    expect(candidateBlocks(seats(0, 4), 2, 'any', true).slice(0, 2)).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });

  it('a listing must be sellable down to none', () => {
    expect(ruleFitsQuantity('pairs', 3)).toBe(false);
    expect(ruleFitsQuantity('pairs', 4)).toBe(true);
    expect(ruleFitsQuantity('all', 3)).toBe(true);
    expect(ruleFitsQuantity('avoid-one', 1)).toBe(false);
    expect(ruleFitsQuantity([2, 3], 7)).toBe(true);
  });
});

const ruleArb: fc.Arbitrary<SplitRule> = fc.oneof(
  fc.constantFrom<SplitRule>('any', 'pairs', 'avoid-one', 'all'),
  fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
);
const stateArb = fc.record({
  available: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 16 }).map((a) => a.sort((x, y) => x - y)),
  quantity: fc.integer({ min: 1, max: 8 }),
  rule: ruleArb,
  seated: fc.boolean(),
});

/** The fragments a block cuts its run into (GA: one remainder of everything else). */
function fragmentsLeft(available: number[], block: number[], seated: boolean): number[] {
  const rest = available.filter((p) => !block.includes(p));
  if (!seated) return [rest.length];
  const run = runsOf(available, true).find((r) => r.includes(block[0]))!;
  return runsOf(
    run.filter((p) => !block.includes(p)),
    true,
  ).map((r) => r.length);
}

describe('seat blocks (properties)', () => {
  it('every block is consecutive available seats in seat order, of the quantity asked', () => {
    fc.assert(
      fc.property(stateArb, ({ available, quantity, rule, seated }) => {
        for (const block of candidateBlocks(available, quantity, rule, seated)) {
          expect(block).toHaveLength(quantity);
          expect(block.every((p) => available.includes(p))).toBe(true);
          if (seated) block.forEach((p, i) => i > 0 && expect(p).toBe(block[i - 1] + 1));
        }
      }),
    );
  });

  it('never leaves a remainder the rule forbids, and only sells what the rule allows', () => {
    fc.assert(
      fc.property(stateArb, ({ available, quantity, rule, seated }) => {
        for (const block of candidateBlocks(available, quantity, rule, seated)) {
          expect(buyable(rule, quantity, available.length)).toBe(true);
          for (const left of fragmentsLeft(available, block, seated)) expect(remainderAllowed(rule, left)).toBe(true);
          expect(blockAllowed(available, block, rule, seated)).toBe(true);
        }
      }),
    );
  });

  it('the quantities offered are exactly those a hold can take, and blocks are complete', () => {
    fc.assert(
      fc.property(stateArb, ({ available, quantity, rule, seated }) => {
        const offered = sellableQuantities(available, rule, seated);
        expect(offered.includes(quantity)).toBe(candidateBlocks(available, quantity, rule, seated).length > 0);
        if (!seated) return;
        // Any consecutive window the rule allows is among the candidates (none is missed).
        const keys = new Set(candidateBlocks(available, quantity, rule, seated).map((b) => b.join(',')));
        for (const run of runsOf(available, true))
          for (let s = 0; s + quantity <= run.length; s++) {
            const block = run.slice(s, s + quantity);
            const ok =
              buyable(rule, quantity, available.length) &&
              fragmentsLeft(available, block, true).every((l) => remainderAllowed(rule, l));
            expect(keys.has(block.join(','))).toBe(ok);
          }
      }),
    );
  });

  it('a listing whose rule fits its quantity can always be sold out', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 1, max: 12 }), fc.boolean(), (rule, n, seated) => {
        fc.pre(ruleFitsQuantity(rule, n));
        // Buyers take the first block of the smallest quantity offered until nothing is left.
        let available = seats(0, n - 1);
        while (available.length > 0) {
          const q = sellableQuantities(available, rule, seated)[0];
          expect(q).toBeDefined();
          const block = candidateBlocks(available, q, rule, seated)[0];
          available = available.filter((p) => !block.includes(p));
        }
      }),
    );
  });
});
