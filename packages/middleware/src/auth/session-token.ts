import { UserDto } from '@bigtix/common';
import jwt from 'jsonwebtoken';

export type TokenKind = 'session' | 'cli';

interface Claims {
  sub: string;
  email: string;
  kind: TokenKind;
}

/** Signs a JWT for a user. Sessions (cookie) and CLI tokens (bearer) differ only in kind and lifetime. */
export function signUserToken(
  user: UserDto,
  secret: string,
  kind: TokenKind,
  ttlSeconds: number,
): { token: string; expiresAt: Date } {
  const token = jwt.sign({ email: user.email, kind } satisfies Omit<Claims, 'sub'>, secret, {
    subject: user.id,
    expiresIn: ttlSeconds,
    algorithm: 'HS256',
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

/** The user a token names, or null when it is missing, forged, expired or malformed. */
export function verifyUserToken(token: string, secret: string): UserDto | null {
  try {
    const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as Partial<Claims>;
    if (typeof claims.sub !== 'string' || typeof claims.email !== 'string') return null;
    return { id: claims.sub, email: claims.email };
  } catch {
    return null;
  }
}
