import 'server-only';
import type { Page, PayoutAccountDto, PayoutOnboardingDto, PayoutsSummaryDto, SaleDto } from '@bigtix/common';
import { callService, getJson } from './http';

export function fetchPayoutAccount(): Promise<PayoutAccountDto> {
  return getJson<PayoutAccountDto>('payments', '/api/payouts/account');
}

export function fetchPayoutsSummary(): Promise<PayoutsSummaryDto> {
  return getJson<PayoutsSummaryDto>('payments', '/api/payouts/summary');
}

export async function fetchSales(): Promise<SaleDto[]> {
  const out: SaleDto[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page<SaleDto> = await getJson<Page<SaleDto>>('payments', `/api/payouts?${qs}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < 2000);
  return out;
}

/** Creates the seller's Stripe account the first time; answers a fresh single-use onboarding link. */
export async function startOnboarding(): Promise<string> {
  const { data } = await callService<PayoutOnboardingDto>('payments', '/api/payouts/account', { method: 'POST' });
  return data.url;
}
