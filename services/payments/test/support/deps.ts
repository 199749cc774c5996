import { createLogger } from '@bigtix/middleware';
import type { Connection } from 'mongoose';
import { readPaymentsConfig } from '../../src/config';
import { PaymentsDeps, createPaymentsDeps, ensurePaymentsIndexes } from '../../src/deps';
import type { EventScheduleLookup } from '../../src/adapters/ticketmaster/event-schedule';

/** The service's use-case dependencies on a real database, for calling domain functions directly. */
export async function domainDeps(
  db: Connection,
  stripeApiBase: string,
  eventSchedule: EventScheduleLookup = async () => null,
): Promise<PaymentsDeps> {
  const config = readPaymentsConfig({
    STRIPE_API_BASE: stripeApiBase,
    STRIPE_SECRET_KEY: 'sk_test_domain',
    STRIPE_MAX_NETWORK_RETRIES: '0',
  } as unknown as NodeJS.ProcessEnv);
  const deps = createPaymentsDeps(db, {
    config,
    logger: createLogger('payments-test', 'silent'),
    eventSchedule,
    now: Date.now,
  });
  await ensurePaymentsIndexes(deps);
  return deps;
}
