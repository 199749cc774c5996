import type { EventHandler } from '@bigtix/middleware';
import type { PaymentsDeps } from '../../deps';
import { recordVerifiedSeller } from '../../models/verified-sellers';

/** The seller's address is verified: their proceeds may be transferred (the payout worker's next pass). */
export function onUserEmailVerified(deps: PaymentsDeps): EventHandler<'user.email-verified'> {
  return async (event) => {
    await recordVerifiedSeller(deps.payouts.verifiedSellers, event.data.userId, new Date(event.data.verifiedAt));
  };
}
