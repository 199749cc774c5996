import { z } from 'zod';

/**
 * Every message on the bus. `version` is the version of the aggregate (ticket, order, payment)
 * after the change the event announces; replicas apply an event only when it is exactly the
 * next version they hold.
 */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().min(0),
  occurredAt: z.iso.datetime(),
  source: z.string().min(1),
  data: z.unknown(),
});
export type Envelope<T = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: T };
