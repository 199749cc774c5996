import { randomBytes } from 'node:crypto';
import { signUserToken } from '@bigtix/middleware';
import { call, expectStatus } from './http';
import type { StackInfo } from './stack-info';

export interface BenchUser {
  id: string;
  email: string;
  authorization: string;
}

/** A real user through the auth service (signup, then a CLI bearer token). */
export async function signUpSeller(stack: StackInfo, label = 'seller'): Promise<BenchUser> {
  const email = `${label}-${randomBytes(4).toString('hex')}@bench.test`;
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const signup = await call<{ id: string }>('POST', `${stack.routerUrl}/api/users/signup`, { email, password });
  expectStatus(signup, 201, 'signup');
  const token = await call<{ token: string }>('POST', `${stack.routerUrl}/api/users/tokens`, { email, password });
  expectStatus(token, 201, 'token');
  return { id: signup.body.id, email, authorization: `Bearer ${token.body.token}` };
}

/**
 * Buyers signed with the bench stack's JWT secret, exactly as auth would issue them. Signing up
 * hundreds of buyers would measure password hashing, not the race being measured.
 */
export function signedBuyers(stack: StackInfo, n: number): BenchUser[] {
  return Array.from({ length: n }, (_, i) => {
    const id = randomBytes(12).toString('hex'); // ObjectId-shaped, as auth's ids are
    const email = `buyer-${i}-${id.slice(-6)}@bench.test`;
    // A bearer token is a CLI token (a session token only works as the cookie).
    const { token } = signUserToken({ id, email }, stack.jwtSecret, 'cli', 3600);
    return { id, email, authorization: `Bearer ${token}` };
  });
}
