import { formatCents } from '@bigtix/common';
import type { Proceeds } from '../../models/proceeds';
import type { PaymentsDeps } from '../../deps';
import { payoutNoticeFact } from '../../models/keys';

/** "Payout sent", once per (order, seller), after the Transfer is booked: the amount it carried and what was sold. */
export async function emailPayout(
  deps: PaymentsDeps,
  p: Proceeds,
  transfer: { id: string; amount: number },
): Promise<void> {
  if (!deps.notifier) return;
  const amount = formatCents(transfer.amount, p.currency);
  const n = p.tickets.length;
  await deps.notifier.notify(payoutNoticeFact(p), p.sellerId, {
    subject: `Payout sent: ${amount}`,
    paragraphs: [
      `We sent ${amount} to your payout account for ${n} ticket${n === 1 ? '' : 's'} you sold (order ${p.orderId}):`,
      ...p.tickets.map((t) => `${t.title} — ${formatCents(t.price, p.currency)}`),
      `Transfer ${transfer.id}. It reaches your bank on your Stripe payout schedule.`,
    ],
    action: { label: 'See your payouts', path: '/my/payouts' },
  });
}
