import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in an emailed link (password reset, email verification): 32 random bytes,
 * URL-safe. Only its SHA-256 is stored, so a copy of the database cannot use a pending link.
 */
export function newEmailedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashEmailedToken(token) };
}

export function hashEmailedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
