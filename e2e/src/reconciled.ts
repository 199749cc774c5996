import type { RunningFakeStripe } from '@bigtix/fake-stripe';
import { waitFor } from '@bigtix/testkit';
import type { Connection } from 'mongoose';
import Stripe from 'stripe';
import { ledgerCollection } from '@bigtix/payments-service/src/models/ledger';
import { reconcile } from '@bigtix/payments-service/src/domain/ledger/reconcile';

/**
 * The money a suite moved must reconcile when it ends, whatever the suite did to the system on
 * the way (kills, broker restarts, races): every order's ledger sums to zero and every charge,
 * transfer, reversal and refund matches Stripe, both ways. Webhooks and events may still be in
 * flight when the last test ends, so it polls until the books are clean and fails with the
 * discrepancies at the deadline.
 */
export async function assertReconciled(paymentsDb: Connection, stripe: RunningFakeStripe, timeoutMs = 30_000) {
  const client = new Stripe('sk_test_reconcile', { ...stripe.stripeClientOptions, maxNetworkRetries: 0 });
  const ledger = ledgerCollection(paymentsDb);
  return waitFor(
    async () => {
      const report = await reconcile(ledger, client);
      if (report.discrepancies.length > 0) throw new Error(JSON.stringify(report.discrepancies));
      return report;
    },
    { what: 'the ledger to reconcile with Stripe', timeoutMs, intervalMs: 500 },
  );
}
