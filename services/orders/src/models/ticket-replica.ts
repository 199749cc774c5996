import { TicketEventData } from '@bigtix/common';
import { getModelForClass, modelOptions, prop } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/** What orders knows about a ticket: the last `ticket.*` event applied, keyed by ticket id. */
@modelOptions({ schemaOptions: { collection: 'tickets', versionKey: false } })
export class TicketReplica {
  @prop({ required: true, type: String })
  public _id!: string;

  @prop({ required: true, type: Number })
  public version!: number;
}

export function ticketReplicaModel(connection: Connection) {
  return getModelForClass(TicketReplica, { existingConnection: connection });
}

export type TicketReplicaDoc = Omit<TicketEventData, 'id'> & { _id: string };

export function toReplicaDoc(data: TicketEventData): TicketReplicaDoc {
  const { id, ...rest } = data;
  return { _id: id, ...rest };
}
