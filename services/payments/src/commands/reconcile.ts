import { connectDatabase, readBaseConfig } from '@bigtix/middleware';
import { readPaymentsConfig } from '../config';
import { ledgerCollection } from '../models/ledger';
import { createStripeClient } from '../adapters/stripe/stripe-client';
import { reconcile } from '../domain/ledger/reconcile';

/**
 * `make reconcile`: the ledger of the payments database (MONGO_URL, default bigtix-payments)
 * against the Stripe account of STRIPE_SECRET_KEY (the fake Stripe without one). Prints the
 * report as JSON; exits 1 if anything disagrees.
 */
async function main(): Promise<number> {
  const base = readBaseConfig('payments', 4004);
  const db = await connectDatabase(base.mongoUrl);
  try {
    const report = await reconcile(ledgerCollection(db), createStripeClient(readPaymentsConfig(process.env)));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(
      report.discrepancies.length === 0
        ? `reconcile: clean (${report.entries} ledger entries, ${report.orders} orders)\n`
        : `reconcile: ${report.discrepancies.length} discrepancies\n`,
    );
    return report.discrepancies.length === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`reconcile: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
