import { z } from 'zod';

/** The user confirmed their email address by the emailed link (once per user). Payments then releases their payouts. */
export const userEmailVerifiedDataSchema = z.object({
  userId: z.string(),
  verifiedAt: z.iso.datetime(),
});
export type UserEmailVerifiedData = z.infer<typeof userEmailVerifiedDataSchema>;
