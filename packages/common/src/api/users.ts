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
  currentUser: UserDto | null;
}

export interface TokenResponse {
  token: string;
  expiresAt: string;
}
