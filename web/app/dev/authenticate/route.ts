import { NextResponse } from 'next/server';
import { completeTestAuthentication, testPaymentsEnabled } from '@/lib/test-stripe';

/** POST {clientSecret} → finishes the fake Stripe's 3-D Secure challenge as the customer would. Dev only. */
export async function POST(req: Request) {
  if (!testPaymentsEnabled()) return NextResponse.json({ errors: [{ message: 'Not found' }] }, { status: 404 });
  const body = (await req.json().catch(() => null)) as { clientSecret?: string } | null;
  const m = /^(pi_[A-Za-z0-9]+)_secret_/.exec(body?.clientSecret ?? '');
  if (!m)
    return NextResponse.json(
      { errors: [{ message: 'clientSecret must be a PaymentIntent client secret', field: 'clientSecret' }] },
      { status: 400 },
    );
  try {
    return NextResponse.json({ status: await completeTestAuthentication(m[1]) });
  } catch (err) {
    return NextResponse.json({ errors: [{ message: (err as Error).message }] }, { status: 502 });
  }
}
