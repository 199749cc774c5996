import type { UserDto } from '@bigtix/common';
import { OutboxRecord, claim, outboxFields } from '@bigtix/middleware';
import type { Collection } from 'mongodb';
import { userRegistered } from '../events/publishers/user-events';
import { registeredKey } from '../models/keys';

/** `registered:<userId>`: the one `user.registered` event of a user, its own outbox record. */
export type RegisteredEventDoc = OutboxRecord;

export interface RegistrationDeps {
  events: Collection<RegisteredEventDoc>;
  nudgeOutbox: () => void;
}

/**
 * Tells the services that email people where this user's email goes (`user.registered`, once per
 * user by the key of its outbox record). Written after the user record, so a sign-up refused for
 * a taken address announces nothing; a crash between the two is repaired by the next sign-in,
 * which calls this again (a read by `_id` when the record is there, as it almost always is).
 */
export async function announceRegistration(
  deps: RegistrationDeps,
  user: UserDto,
  registeredAt: Date = new Date(),
): Promise<void> {
  if (await deps.events.findOne({ _id: registeredKey(user.id) }, { projection: { _id: 1 } })) return;
  const event = userRegistered(user.id, user.email, registeredAt);
  if (await claim(deps.events, registeredKey(user.id), outboxFields([event]))) deps.nudgeOutbox();
}

/**
 * Announces every account that has no `user.registered` yet (accounts made before the event
 * existed, or whose record a crash lost and that have not signed in since): `make
 * announce-users`, once after deploying notifications; running it again writes nothing. One read
 * by `_id` per user (FerretDB pushes an `_id` equality down, not an `$in`). Returns how many it
 * announced.
 */
export async function announceAllRegistrations(
  users: Collection<{ _id: unknown; email: string; createdAt?: Date }>,
  deps: RegistrationDeps,
): Promise<number> {
  let announced = 0;
  for await (const user of users.find({}, { projection: { email: 1, createdAt: 1 } }).sort({ _id: 1 })) {
    const id = String(user._id);
    if (await deps.events.findOne({ _id: registeredKey(id) }, { projection: { _id: 1 } })) continue;
    await announceRegistration(deps, { id, email: user.email }, user.createdAt ?? new Date());
    announced += 1;
  }
  return announced;
}
