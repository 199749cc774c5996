/**
 * Marketplace fees: the one place fee arithmetic lives (orders prices an order with it, payments
 * books the ledger from the order's numbers, web and cli show all-in prices and proceeds).
 *
 * Rounding rule: each fee is computed **per ticket**, as `price × bps / 10 000` rounded **half up**
 * to a whole cent, in integer arithmetic. Per ticket (not per order) because that is the unit
 * people see: the all-in price on a listing and the proceeds of one sale must add up to exactly
 * what the receipt and the payout show, however tickets are grouped into orders.
 */

export const DEFAULT_BUYER_FEE_BPS = 1000;
export const DEFAULT_SELLER_FEE_BPS = 1000;
/** 100 % in basis points: a fee can never exceed the price it is taken from. */
export const MAX_FEE_BPS = 10_000;

export interface FeeSchedule {
  /** Added to the listing price: what the buyer pays on top (BUYER_FEE_BPS). */
  buyerFeeBps: number;
  /** Taken from the listing price: what the seller gives up (SELLER_FEE_BPS). */
  sellerFeeBps: number;
}

export const DEFAULT_FEES: FeeSchedule = { buyerFeeBps: DEFAULT_BUYER_FEE_BPS, sellerFeeBps: DEFAULT_SELLER_FEE_BPS };

/** `price × bps / 10 000`, rounded half up, integers only (no float ever touches money). */
export function feeCents(priceCents: number, bps: number): number {
  if (!Number.isSafeInteger(priceCents) || priceCents < 0) throw new RangeError('price must be whole cents ≥ 0');
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_FEE_BPS) throw new RangeError(`fee must be 0–${MAX_FEE_BPS} bps`);
  return Math.floor((priceCents * bps + 5_000) / 10_000);
}

/** What a buyer pays for one ticket: the listing price plus the buyer fee. */
export function allInPrice(priceCents: number, fees: FeeSchedule): number {
  return priceCents + feeCents(priceCents, fees.buyerFeeBps);
}

/** What a seller receives for one ticket: the listing price minus the seller fee. */
export function sellerProceeds(priceCents: number, fees: FeeSchedule): number {
  return priceCents - feeCents(priceCents, fees.sellerFeeBps);
}

export interface LineFees {
  price: number;
  buyerFee: number;
  sellerFee: number;
}

export function lineFees(priceCents: number, fees: FeeSchedule): LineFees {
  return {
    price: priceCents,
    buyerFee: feeCents(priceCents, fees.buyerFeeBps),
    sellerFee: feeCents(priceCents, fees.sellerFeeBps),
  };
}

/**
 * What a seller is paid for some lines of a paid order: each line's price minus the seller fee
 * fixed on it when the order was made (a line stored before fees existed has none). Payments
 * books and transfers this; the "your listing sold" email shows it: one computation for both.
 */
export function proceedsOfLines(lines: readonly { price: number; sellerFee?: number }[]): number {
  return lines.reduce((sum, l) => sum + l.price - (l.sellerFee ?? 0), 0);
}

export interface OrderTotals {
  /** Sum of listing prices. */
  subtotal: number;
  /** Sum of the per-ticket buyer fees. */
  buyerFee: number;
  /** subtotal + buyerFee: the all-in amount the buyer is charged. */
  total: number;
}

/** An order's breakdown is the sum of its lines (per-ticket rounding, see above). */
export function orderTotals(lines: readonly Pick<LineFees, 'price' | 'buyerFee'>[]): OrderTotals {
  const subtotal = lines.reduce((sum, l) => sum + l.price, 0);
  const buyerFee = lines.reduce((sum, l) => sum + l.buyerFee, 0);
  return { subtotal, buyerFee, total: subtotal + buyerFee };
}

function bpsFromEnv(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_FEE_BPS) {
    throw new Error(`${name} must be an integer number of basis points from 0 to ${MAX_FEE_BPS} (got "${value}")`);
  }
  return n;
}

/** BUYER_FEE_BPS and SELLER_FEE_BPS (default 1000 = 10 % each); a bad value stops the process at start. */
export function readFeeSchedule(env: Record<string, string | undefined>): FeeSchedule {
  return {
    buyerFeeBps: bpsFromEnv(env.BUYER_FEE_BPS, 'BUYER_FEE_BPS', DEFAULT_BUYER_FEE_BPS),
    sellerFeeBps: bpsFromEnv(env.SELLER_FEE_BPS, 'SELLER_FEE_BPS', DEFAULT_SELLER_FEE_BPS),
  };
}
