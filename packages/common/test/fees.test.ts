import {
  allInPrice,
  feeCents,
  lineFees,
  orderTotals,
  proceedsOfLines,
  readFeeSchedule,
  sellerProceeds,
} from '@bigtix/common';

const TEN_PERCENT = { buyerFeeBps: 1000, sellerFeeBps: 1000 };

describe('feeCents', () => {
  it.each([
    [12500, 1000, 1250],
    [5, 1000, 1], // 0.5 cent rounds half up
    [4, 1000, 0], // 0.4 cent rounds down
    [15, 1000, 2], // 1.5 → 2
    [14, 1000, 1],
    [999, 250, 25], // 24.975 → 25
    [1, 0, 0],
    [100_000_000, 10_000, 100_000_000],
  ])('takes %d cents × %d bps as %d cents (per ticket, half up)', (price, bps, fee) => {
    expect(feeCents(price, bps)).toBe(fee);
  });

  it('refuses fractional cents and out-of-range rates', () => {
    expect(() => feeCents(1.5, 1000)).toThrow(RangeError);
    expect(() => feeCents(100, 10_001)).toThrow(RangeError);
    expect(() => feeCents(100, -1)).toThrow(RangeError);
  });
});

it('gives the buyer the all-in price and the seller the proceeds of one ticket', () => {
  expect(allInPrice(12500, TEN_PERCENT)).toBe(13750);
  expect(sellerProceeds(12500, TEN_PERCENT)).toBe(11250);
});

it('sums an order from its per-ticket lines, so the receipt adds up to what each listing showed', () => {
  const lines = [15, 15, 12500].map((p) => lineFees(p, TEN_PERCENT));
  expect(orderTotals(lines)).toEqual({ subtotal: 12530, buyerFee: 2 + 2 + 1250, total: 12530 + 1254 });
  expect(orderTotals(lines).total).toBe([15, 15, 12500].reduce((s, p) => s + allInPrice(p, TEN_PERCENT), 0));
});

it("gives a seller's proceeds of some lines as price − the seller fee fixed on each (none on a line stored before fees)", () => {
  const lines = [15, 5005, 12500].map((p) => lineFees(p, TEN_PERCENT));
  expect(proceedsOfLines(lines)).toBe([15, 5005, 12500].reduce((s, p) => s + sellerProceeds(p, TEN_PERCENT), 0));
  expect(proceedsOfLines(lines)).toBe(15 - 2 + (5005 - 501) + (12500 - 1250));
  expect(proceedsOfLines([{ price: 4000 }])).toBe(4000);
});

describe('readFeeSchedule', () => {
  it('defaults to 10 % on each side', () => {
    expect(readFeeSchedule({})).toEqual(TEN_PERCENT);
  });

  it('reads basis points and refuses anything else at start-up', () => {
    expect(readFeeSchedule({ BUYER_FEE_BPS: '500', SELLER_FEE_BPS: '0' })).toEqual({
      buyerFeeBps: 500,
      sellerFeeBps: 0,
    });
    expect(() => readFeeSchedule({ BUYER_FEE_BPS: '10%' })).toThrow(/BUYER_FEE_BPS/);
    expect(() => readFeeSchedule({ SELLER_FEE_BPS: '10001' })).toThrow(/SELLER_FEE_BPS/);
  });
});
