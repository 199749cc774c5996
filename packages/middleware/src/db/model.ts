import { getModelForClass, getName, ReturnModelType } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

type AnyClass = new (...args: never[]) => unknown;

/**
 * The typegoose model of `cls` bound to this connection. typegoose caches models by class name
 * across connections, so a second service instance in one process (tests, replicas) would get
 * a model bound to the first, possibly closed, connection; this keeps one model per connection.
 */
export function modelOn<C extends AnyClass>(connection: Connection, cls: C): ReturnModelType<C> {
  const existing = connection.models[getName(cls)];
  if (existing) return existing as unknown as ReturnModelType<C>;
  return getModelForClass(cls, { existingConnection: connection, options: { disableCaching: true } });
}
