import type { Logger } from '@bigtix/middleware';
import type { Notifier } from '@bigtix/mailer';
import type { PaymentsConfig } from '../config';
import type { OrderReplicaStore } from '../models/order-replica';
import type { PaymentCollections } from '../models/payment';
import type { LedgerCollection } from '../models/ledger';
import type { PayoutCollections } from '../models/proceeds';
import type { RefundFactCollection } from '../models/refund-facts';
import type { SellerAccountCollection } from '../models/seller-account';
import type { VerifiedSellerCollection } from '../models/verified-sellers';
import type { ConnectGateway } from '../stripe/connect-gateway';
import type { PaymentGateway } from '../stripe/payment-gateway';
import type { EventScheduleLookup } from '../ticketmaster/event-schedule';

/** Marketplace money: the ledger, sellers' proceeds and accounts, Stripe Connect, event dates. */
export interface PayoutParts {
  ledger: LedgerCollection;
  /** Refunds seen in Stripe, booked once orders' verdict on their PaymentIntent is known. */
  refunds: RefundFactCollection;
  store: PayoutCollections;
  accounts: SellerAccountCollection;
  /** Sellers whose email auth has verified; only they are paid. */
  verifiedSellers: VerifiedSellerCollection;
  connect: ConnectGateway;
  eventSchedule: EventScheduleLookup;
}

/** What the use cases need, passed in so tests can control the clock and the gateway. */
export interface PaymentsDeps {
  orders: OrderReplicaStore;
  payments: PaymentCollections;
  gateway: PaymentGateway;
  config: PaymentsConfig;
  logger: Logger;
  /** Wakes the outbox relay after a write that carries events. */
  nudge: () => void;
  now: () => number;
  payouts: PayoutParts;
  /** Refund notices and "payout sent" (domain/notifications); absent in tests that do not read mail. */
  notifier?: Notifier;
}
