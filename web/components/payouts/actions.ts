'use server';
import { redirect } from 'next/navigation';
import { startOnboarding } from '@/lib/api/payouts';

/** Sends the seller to Stripe's onboarding; Stripe sends them back to /my/payouts/setup. */
export async function goToOnboarding(): Promise<void> {
  const url = await startOnboarding();
  redirect(url);
}
