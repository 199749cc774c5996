import type { FormObject } from '../lib/form-parser';
import { newId, randomToken } from '../lib/ids';
import {
  applyMetadata,
  assertKnownParams,
  optionalEnum,
  optionalObject,
  optionalString,
  requiredString,
} from '../lib/params';
import { invalidRequest, resourceMissing } from '../lib/stripe-error';
import type { Account, AccountLink, AccountRequirements } from '../state/objects';
import { recordEvent, type DomainContext } from './context';

const ACCOUNT_PARAMS = [
  'account_token',
  'business_profile',
  'business_type',
  'capabilities',
  'company',
  'controller',
  'country',
  'default_currency',
  'documents',
  'email',
  'expand',
  'external_account',
  'groups',
  'individual',
  'metadata',
  'settings',
  'tos_acceptance',
  'type',
] as const;

/** What Stripe asks of a new US Express account before it can be paid out. */
const ONBOARDING_DUE = ['business_type', 'external_account', 'individual.dob.day', 'tos_acceptance.date'];

function requirements(due: string[]): AccountRequirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  };
}

export function findAccount(dc: DomainContext, id: string): Account {
  const account = dc.store.accounts.get(id);
  if (!account) {
    throw invalidRequest(`No such account: '${id}'`, { code: 'account_invalid', param: 'account' });
  }
  return account;
}

/** `POST /v1/accounts`: a connected account that has not been onboarded yet (nothing enabled). */
export function createAccount(dc: DomainContext, params: FormObject): Account {
  assertKnownParams(params, ACCOUNT_PARAMS);
  const type = optionalEnum(params, 'type', ['custom', 'express', 'standard'] as const) ?? 'express';
  const capabilities = optionalObject(params, 'capabilities') ?? {};
  const id = newId('acct');
  const account: Account = {
    id,
    object: 'account',
    business_profile: { mcc: null, name: null, product_description: null, support_email: null, url: null },
    business_type: null,
    capabilities: Object.fromEntries(Object.keys(capabilities).map((c) => [c, 'inactive' as const])),
    charges_enabled: false,
    controller: { is_controller: true, type: 'application' },
    country: optionalString(params, 'country') ?? 'US',
    created: dc.clock.nowSeconds(),
    default_currency: optionalString(params, 'default_currency') ?? 'usd',
    details_submitted: false,
    email: optionalString(params, 'email') ?? null,
    external_accounts: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/accounts/${id}/external_accounts`,
    },
    future_requirements: requirements([]),
    metadata: applyMetadata(params, {}),
    payouts_enabled: false,
    requirements: requirements(ONBOARDING_DUE),
    settings: {},
    tos_acceptance: { date: null },
    type,
  };
  dc.store.accounts.set(id, account);
  return account;
}

/** `POST /v1/account_links`: a single-use link that, opened, completes onboarding (the fake asks nothing). */
export function createAccountLink(dc: DomainContext, params: FormObject): AccountLink {
  assertKnownParams(params, [
    'account',
    'collect',
    'collection_options',
    'expand',
    'refresh_url',
    'return_url',
    'type',
  ]);
  const accountId = requiredString(params, 'account');
  findAccount(dc, accountId);
  optionalEnum(params, 'type', ['account_onboarding', 'account_update'] as const);
  if (!optionalString(params, 'type')) {
    throw invalidRequest('Missing required param: type.', { code: 'parameter_missing', param: 'type' });
  }
  const returnUrl = optionalString(params, 'return_url') ?? `${dc.origin}/`;
  const token = randomToken(32);
  const created = dc.clock.nowSeconds();
  const expiresAt = created + 300;
  dc.store.onboardingLinks.set(token, { account: accountId, returnUrl, expiresAt });
  return { object: 'account_link', created, expires_at: expiresAt, url: `${dc.origin}/connect/onboarding/${token}` };
}

export type OnboardingResult = { kind: 'completed'; account: Account; returnUrl: string } | { kind: 'expired' };

/**
 * Opening the link: the seller "fills in" Stripe's form. The account becomes fully enabled and
 * `account.updated` is sent, as Stripe does when onboarding finishes. Links are single use.
 */
export function completeOnboarding(dc: DomainContext, token: string): OnboardingResult {
  const link = dc.store.onboardingLinks.get(token);
  if (!link || link.expiresAt < dc.clock.nowSeconds()) return { kind: 'expired' };
  dc.store.onboardingLinks.delete(token);
  const account = dc.store.accounts.get(link.account);
  if (!account) return { kind: 'expired' };
  const previous = {
    charges_enabled: account.charges_enabled,
    payouts_enabled: account.payouts_enabled,
    details_submitted: account.details_submitted,
    requirements: structuredClone(account.requirements),
  };
  account.charges_enabled = true;
  account.payouts_enabled = true;
  account.details_submitted = true;
  account.business_type = null;
  account.requirements = requirements([]);
  account.tos_acceptance = { date: dc.clock.nowSeconds() };
  for (const capability of Object.keys(account.capabilities)) account.capabilities[capability] = 'active';
  recordEvent(dc, 'account.updated', account, previous);
  return { kind: 'completed', account, returnUrl: link.returnUrl };
}

export function retrieveAccount(dc: DomainContext, id: string): Account {
  const account = dc.store.accounts.get(id);
  if (!account) throw resourceMissing('account', id);
  return account;
}
