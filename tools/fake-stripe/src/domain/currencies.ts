/**
 * Stripe's minimum charge amounts in the currency's smallest unit (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 * Currencies not listed here are accepted with a minimum of 50; zero-decimal currencies are not modelled.
 */
const MINIMUMS: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
  chf: 50,
  nzd: 50,
  sgd: 50,
  dkk: 250,
  nok: 300,
  sek: 300,
  mxn: 1000,
  hkd: 400,
};

export const MAX_AMOUNT = 99_999_999;

export function minimumAmount(currency: string): number {
  return MINIMUMS[currency] ?? 50;
}

/** "$0.50 usd" as Stripe's amount_too_small message words it. */
export function formatMinimum(currency: string): string {
  const minimum = minimumAmount(currency);
  const symbol = currency === 'usd' ? '$' : currency === 'eur' ? '€' : currency === 'gbp' ? '£' : '';
  return `${symbol}${(minimum / 100).toFixed(2)} ${currency}`;
}
