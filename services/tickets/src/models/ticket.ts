import { SplitRule, TICKET_STATUSES, TicketStatus, WithdrawnReason } from '@bigtix/common';
import { getModelForClass, index, modelOptions, prop } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/**
 * A listing. Documents are written by VersionedStore (raw driver, one claim per version); the
 * model exists for its indexes and typed reads. `userId` is the current owner (the seller until
 * the ticket is sold, then the buyer); `sellerId` never changes.
 */
// One serial per event *per seller*: the index, not a read, refuses a seller's own duplicates.
// Not across sellers: that would tell anyone which serials others hold and let a squatter block
// the real owner (docs/ARCHITECTURE.md, "Serial numbers"); copies are settled at sale time.
@index({ eventId: 1, sellerId: 1, serialNumber: 1 }, { unique: true })
@index({ status: 1, createdAt: -1, _id: -1 })
@index({ eventId: 1, status: 1, price: 1, _id: 1 })
@index({ eventId: 1, status: 1, createdAt: -1, _id: -1 })
@index({ sellerId: 1, createdAt: -1, _id: -1 })
@index({ sellerId: 1, eventId: 1 })
@index({ userId: 1, createdAt: -1, _id: -1 })
@index({ userId: 1, serialNumber: 1 })
@index({ listingId: 1 })
@modelOptions({ schemaOptions: { collection: 'tickets', versionKey: false, timestamps: false } })
export class Ticket {
  @prop({ type: String, required: true })
  public _id!: string;

  @prop({ type: String, required: true })
  public title!: string;

  /** Integer cents. */
  @prop({ type: Number, required: true })
  public price!: number;

  @prop({ type: String, required: true })
  public currency!: string;

  @prop({ type: String, default: '' })
  public description!: string;

  @prop({ type: String, required: true })
  public serialNumber!: string;

  @prop({ type: String, required: true })
  public eventId!: string;

  @prop({ type: String, required: true })
  public userId!: string;

  @prop({ type: String, required: true })
  public sellerId!: string;

  @prop({ type: String, required: true, enum: TICKET_STATUSES })
  public status!: TicketStatus;

  /** The order holding or that bought the ticket. */
  @prop({ type: String, default: null })
  public orderId!: string | null;

  /**
   * The seller withdrew the ticket while an order held it (the hold wins; see
   * hold-tickets-for-order.ts): when the hold ends the ticket goes back to `withdrawn`.
   */
  @prop({ type: Boolean, default: false })
  public withdrawRequested!: boolean;

  /** The platform withdrew it (or will, when its hold ends): its event was cancelled, or has started. */
  @prop({ type: String, default: null })
  public withdrawnReason!: WithdrawnReason | null;

  /** The listing (group of seats) this ticket is one seat of; see models/listing.ts. */
  @prop({ type: String, default: null })
  public listingId!: string | null;

  @prop({ type: String, default: null })
  public section!: string | null;

  @prop({ type: String, default: null })
  public row!: string | null;

  /** The seat label; null for general admission. */
  @prop({ type: String, default: null })
  public seat!: string | null;

  @prop({ type: Number, required: true })
  public version!: number;

  @prop({ type: Date, required: true })
  public createdAt!: Date;

  @prop({ type: Date, required: true })
  public updatedAt!: Date;
}

/** The stored shape, as VersionedStore reads and writes it. */
export interface TicketDoc {
  _id: string;
  title: string;
  price: number;
  currency: string;
  description: string;
  serialNumber: string;
  eventId: string;
  userId: string;
  sellerId: string;
  status: TicketStatus;
  orderId: string | null;
  withdrawRequested?: boolean;
  withdrawnReason?: WithdrawnReason | null;

  /** Set on tickets listed as part of a listing (all since listings exist; absent on older ones). */
  listingId?: string | null;
  section?: string | null;
  row?: string | null;
  seat?: string | null;
  /** The seat's index in the listing's seat order (adjacent seats are consecutive). */
  position?: number;
  /** The listing's split rule, copied to each seat so orders can apply it when holding a block. */
  splits?: SplitRule;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * typegoose caches models by class name across connections, so a second service instance in one
 * process (tests, a restart) would get a model bound to a closed connection. Caching is off and
 * the connection's own registry is used instead.
 */
export function ticketModel(connection: Connection) {
  type Model = ReturnType<typeof getModelForClass<typeof Ticket>>;
  return (
    (connection.models.Ticket as Model | undefined) ??
    getModelForClass(Ticket, { existingConnection: connection, options: { disableCaching: true } })
  );
}
export type TicketModel = ReturnType<typeof ticketModel>;

/** The cross-seller unique index of earlier versions; an existing database still has it until dropped. */
const RETIRED_INDEXES = ['eventId_1_serialNumber_1'];

export async function dropRetiredIndexes(model: TicketModel): Promise<void> {
  for (const name of RETIRED_INDEXES) {
    // Every replica tries at start; all but the first find nothing to drop.
    // A new database has no collection yet (NamespaceNotFound), an upgraded one has no such index left.
    await model.collection.dropIndex(name).catch((err: { codeName?: string }) => {
      if (err.codeName !== 'IndexNotFound' && err.codeName !== 'NamespaceNotFound') throw err;
    });
  }
}
