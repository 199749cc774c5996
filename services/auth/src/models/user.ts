import { modelOn } from '@bigtix/middleware';
import { index, modelOptions, prop } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

// The unique index is what makes ten simultaneous sign-ups with one email create one account.
@index({ email: 1 }, { unique: true })
@modelOptions({ schemaOptions: { collection: 'users', timestamps: true, versionKey: false } })
export class User {
  @prop({ required: true, type: String })
  public email!: string;

  /** `scrypt$N$r$p$salt$hash`, all base64: the parameters travel with the hash so they can change later. */
  @prop({ required: true, type: String })
  public passwordHash!: string;

  /** When the address was confirmed by the emailed link; null until then (payouts wait). */
  @prop({ type: Date, default: null })
  public emailVerifiedAt!: Date | null;
}

export function userModel(connection: Connection) {
  return modelOn(connection, User);
}
export type UserModel = ReturnType<typeof userModel>;
