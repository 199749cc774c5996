import type { PayoutAccountDto, UserDto } from '@bigtix/common';
import { claim } from '@bigtix/middleware';
import { SellerAccount, findSellerAccount, statusOf } from '../../models/seller-account';
import { isVerifiedSeller } from '../../models/verified-sellers';
import type { PaymentsDeps } from '../../deps';

/**
 * POST /api/payouts/account: gives the seller an onboarding link, creating their Express account
 * the first time. The account is created with an idempotency key per seller and stored under the
 * seller's id (a unique insert), so two tabs or two replicas end with one account.
 */
export async function onboardSeller(deps: PaymentsDeps, user: UserDto): Promise<{ url: string }> {
  const { accounts, connect } = deps.payouts;
  let account = await findSellerAccount(accounts, user.id);
  if (!account) {
    const created = await connect.createExpressAccount(user.id, user.email ?? null);
    const now = new Date(deps.now());
    const doc: Omit<SellerAccount, '_id'> = {
      accountId: created.id,
      payoutsEnabled: created.payoutsEnabled,
      detailsSubmitted: created.detailsSubmitted,
      requirements: created.requirements,
      createdAt: now,
      updatedAt: now,
    };
    await claim(accounts, user.id, doc);
    account = (await findSellerAccount(accounts, user.id))!;
  }
  const page = `${deps.config.publicWebUrl}/my/payouts/setup`;
  const url = await connect.createOnboardingLink(account.accountId, `${page}?done=1`, `${page}?refresh=1`);
  return { url };
}

export async function payoutAccountOf(deps: PaymentsDeps, userId: string): Promise<PayoutAccountDto> {
  const account = await findSellerAccount(deps.payouts.accounts, userId);
  return {
    status: statusOf(account),
    payoutsEnabled: account?.payoutsEnabled ?? false,
    requirements: account?.requirements ?? [],
    emailVerified: await isVerifiedSeller(deps.payouts.verifiedSellers, userId),
  };
}

/**
 * `account.updated`: the account's state is re-read from Stripe rather than taken from the event,
 * so webhooks that arrive late or out of order still leave Stripe's current state.
 */
export async function applyAccountUpdate(deps: PaymentsDeps, accountId: string): Promise<boolean> {
  const { accounts, connect } = deps.payouts;
  const existing = await accounts.findOne({ accountId });
  if (!existing) return false;
  const current = await connect.retrieveAccount(accountId);
  await accounts.updateOne(
    { _id: existing._id },
    {
      $set: {
        payoutsEnabled: current.payoutsEnabled,
        detailsSubmitted: current.detailsSubmitted,
        requirements: current.requirements,
        updatedAt: new Date(deps.now()),
      },
    },
  );
  return true;
}
