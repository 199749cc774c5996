import { NextResponse } from 'next/server';
import { TEST_CARDS, createTestConfirmationToken, testPaymentsEnabled, type TestCard } from '@/lib/test-stripe';

/** POST {card: "succeeds"|"declined"|"authentication"} → {id: "ctoken_…"} from the fake Stripe. Dev only. */
export async function POST(req: Request) {
  if (!testPaymentsEnabled()) return NextResponse.json({ errors: [{ message: 'Not found' }] }, { status: 404 });
  const body = (await req.json().catch(() => null)) as { card?: string } | null;
  const card = body?.card;
  if (!card || !(card in TEST_CARDS)) {
    return NextResponse.json(
      { errors: [{ message: `card must be one of ${Object.keys(TEST_CARDS).join(', ')}`, field: 'card' }] },
      { status: 400 },
    );
  }
  try {
    return NextResponse.json({ id: await createTestConfirmationToken(card as TestCard) }, { status: 201 });
  } catch (err) {
    return NextResponse.json(
      { errors: [{ message: `The test payment server is unavailable: ${(err as Error).message}` }] },
      { status: 502 },
    );
  }
}
