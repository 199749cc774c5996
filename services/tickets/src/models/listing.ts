import {
  DELIVERY_METHODS,
  DeliveryMethod,
  Disclosure,
  LISTING_STATUSES,
  ListingStatus,
  SplitRule,
} from '@bigtix/common';
import { Severity, getModelForClass, index, modelOptions, prop } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/**
 * A listing: one seller's group of seats for one event. Each seat is a ticket (models/ticket.ts)
 * with its private serial; the listing holds what the group shares. Written by VersionedStore
 * (one claim per version). Its `_id` is derived from (seller, externalRef) when the seller gives
 * one (listing-ids.ts), so "one listing per externalRef per seller" is the unique `_id` itself and
 * re-importing a file never creates a second one. Availability is not stored here: it is what the
 * listing's tickets say (orders' holds decide them).
 */
@index({ eventId: 1, status: 1 })
@index({ sellerId: 1, eventId: 1 })
@index({ sellerId: 1, createdAt: -1, _id: -1 })
@modelOptions({
  schemaOptions: { collection: 'listings', versionKey: false, timestamps: false },
  options: { allowMixed: Severity.ALLOW },
})
export class Listing {
  @prop({ type: String, required: true })
  public _id!: string;

  @prop({ type: String, required: true })
  public sellerId!: string;

  @prop({ type: String, required: true })
  public eventId!: string;

  @prop({ type: String, required: true })
  public section!: string;

  @prop({ type: String, default: null })
  public row!: string | null;

  @prop({ type: [String], default: null })
  public seats!: string[] | null;

  @prop({ type: Number, required: true })
  public price!: number;

  @prop({ type: String, required: true, enum: DELIVERY_METHODS })
  public delivery!: DeliveryMethod;

  @prop({ type: String, required: true, enum: LISTING_STATUSES })
  public status!: ListingStatus;

  @prop({ type: Number, required: true })
  public version!: number;

  @prop({ type: Date, required: true })
  public createdAt!: Date;
}

/** The stored shape, as VersionedStore reads and writes it. */
export interface ListingDoc {
  _id: string;
  sellerId: string;
  eventId: string;
  externalRef: string | null;
  section: string;
  row: string | null;
  seats: string[] | null;
  quantity: number;
  /** The seller's price per ticket, cents (every seat's ticket carries it too). */
  price: number;
  currency: string;
  faceValue: number | null;
  splits: SplitRule;
  inHandDate: string | null;
  delivery: DeliveryMethod;
  disclosures: Disclosure[];
  notes: string;
  status: ListingStatus;
  /** The seats' ticket ids, in seat order. */
  ticketIds: string[];
  /** sha256 of the serials in seat order (serials stay on the tickets, private). */
  serialsDigest?: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function listingModel(connection: Connection) {
  type Model = ReturnType<typeof getModelForClass<typeof Listing>>;
  return (
    (connection.models.Listing as Model | undefined) ??
    getModelForClass(Listing, { existingConnection: connection, options: { disableCaching: true } })
  );
}
export type ListingModel = ReturnType<typeof listingModel>;
