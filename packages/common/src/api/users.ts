import { z } from 'zod';

export const credentialsSchema = z.strictObject({
  email: z
    .email('must be a valid email address')
    .max(254, 'must be at most 254 characters')
    .transform((e) => e.toLowerCase()),
  password: z
    .string({ error: 'must be a string' })
    .min(8, 'must be at least 8 characters')
    .max(128, 'must be at most 128 characters'),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** Sign-in checks nothing but presence and type: a length rule would leak which accounts exist. */
export const signinSchema = z.strictObject({
  email: z
    .string({ error: 'must be a string' })
    .min(1, 'is required')
    .max(254, 'must be at most 254 characters')
    .transform((e) => e.toLowerCase()),
  password: z.string({ error: 'must be a string' }).min(1, 'is required').max(128, 'must be at most 128 characters'),
});

export interface UserDto {
  id: string;
  email: string;
}

export interface CurrentUserResponse {
  /** `emailVerified` is there when the auth service answers (older callers read id and email only). */
  currentUser: (UserDto & { emailVerified?: boolean }) | null;
}

export interface TokenResponse {
  token: string;
  expiresAt: string;
}

const newPassword = z
  .string({ error: 'must be a string' })
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters');

/** `PUT /api/users/password`: the current password proves it is the owner, not a borrowed session. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: 'must be a string' })
    .min(1, 'is required')
    .max(128, 'must be at most 128 characters'),
  newPassword,
});

/** `POST /api/users/password-reset`: any well-formed email; the answer is the same whether it has an account. */
export const passwordResetRequestSchema = z.strictObject({
  email: z
    .string({ error: 'must be a string' })
    .min(1, 'is required')
    .max(254, 'must be at most 254 characters')
    .transform((e) => e.toLowerCase()),
});

/** A single-use token from an emailed link. */
const emailedToken = z
  .string({ error: 'must be a string' })
  .min(1, 'is required')
  .max(200, 'is not a valid link token');

export const passwordResetConfirmSchema = z.strictObject({ token: emailedToken, newPassword });
export const verifyEmailSchema = z.strictObject({ token: emailedToken });

/** What `GET /api/users/currentuser` answers for a signed-in caller. */
export interface CurrentUserDto extends UserDto {
  /** False until the address is confirmed by the emailed link; payouts wait until then. */
  emailVerified: boolean;
}
