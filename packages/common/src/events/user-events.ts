import { z } from 'zod';

/** The user confirmed their email address by the emailed link (once per user). Payments then releases their payouts. */
export const userEmailVerifiedDataSchema = z.object({
  userId: z.string(),
  verifiedAt: z.iso.datetime(),
});
export type UserEmailVerifiedData = z.infer<typeof userEmailVerifiedDataSchema>;

/**
 * A user signed up with this address (once per user: auth's outbox record `registered:<userId>`).
 * The services that email people keep it in their recipients replica (`@bigtix/mailer`); sign-up
 * is the only way an address is set today (there is no route to change it).
 */
export const userRegisteredDataSchema = z.object({
  userId: z.string(),
  email: z.email(),
  registeredAt: z.iso.datetime(),
});
export type UserRegisteredData = z.infer<typeof userRegisteredDataSchema>;
