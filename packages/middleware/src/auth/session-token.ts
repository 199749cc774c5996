import { UserDto } from '@bigtix/common';
import jwt from 'jsonwebtoken';
import { KeyObject, createSecretKey, randomBytes } from 'node:crypto';

/** A browser session (the cookie) or a CLI token (a bearer): each is accepted only where it belongs. */
export type TokenKind = 'session' | 'cli';

interface Claims {
  sub: string;
  email: string;
  kind: TokenKind;
  /** The token's server-side id: what sign-out and `bigtix tokens revoke` revoke. */
  jti: string;
  exp: number;
}

export interface IssuedToken {
  token: string;
  id: string;
  expiresAt: Date;
}

export interface VerifiedToken {
  user: UserDto;
  kind: TokenKind;
  id: string;
  expiresAt: Date;
}

/** Signs a JWT for a user with a fresh id. Sessions (cookie) and CLI tokens (bearer) differ in kind and lifetime. */
export function signUserToken(user: UserDto, secret: string, kind: TokenKind, ttlSeconds: number): IssuedToken {
  const id = randomBytes(16).toString('hex');
  const token = jwt.sign({ email: user.email, kind }, secret, {
    subject: user.id,
    jwtid: id,
    expiresIn: ttlSeconds,
    algorithm: 'HS256',
  });
  return { token, id, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

/**
 * The secret as a KeyObject, made once per secret. Given a string, jsonwebtoken first tries it as
 * a PEM public key (createPublicKey, which throws) on every verify: 9 % of the orders process's
 * CPU while 500 buyers race (bench/contention-hold-race.ts, BENCH_CPU_PROF=orders).
 */
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

/**
 * What a token says, or null when it is missing, forged, expired, malformed, or from before
 * tokens had ids (such a token could never be revoked, so it is not honoured).
 */
export function verifyToken(token: string, secret: string): VerifiedToken | null {
  try {
    const claims = jwt.verify(token, secretKey(secret), { algorithms: ['HS256'] }) as Partial<Claims>;
    if (typeof claims.sub !== 'string' || typeof claims.email !== 'string') return null;
    if (typeof claims.jti !== 'string' || (claims.kind !== 'session' && claims.kind !== 'cli')) return null;
    return {
      user: { id: claims.sub, email: claims.email },
      kind: claims.kind,
      id: claims.jti,
      expiresAt: new Date((claims.exp ?? 0) * 1000),
    };
  } catch {
    return null;
  }
}

/** The user a token names, or null (see verifyToken). */
export function verifyUserToken(token: string, secret: string): UserDto | null {
  return verifyToken(token, secret)?.user ?? null;
}
