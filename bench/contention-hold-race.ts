// Contention: 500 buyers race for 100 tickets (five buyers per ticket, all requests in flight at
// once through the router). Exactly one order may win each ticket; the rest must get 409, never
// a 5xx. Each run lists 100 fresh tickets so runs do not see each other's holds.
import { waitForReplica, withServiceDb } from './lib/db';
import { call } from './lib/http';
import { BenchCheck } from './lib/result';
import { commandLine, runScript } from './lib/script';
import { seedTickets } from './lib/seed';
import { fmt, fmtSpread, percentile, spread } from './lib/stats';
import { signUpSeller, signedBuyers } from './lib/users';
import type { Db } from 'mongodb';

/** Holds of these tickets that have no release marker (see services/orders/src/models/hold.ts). */
async function liveHolds(db: Db, ticketIds: string[]): Promise<number> {
  let live = 0;
  for (const ticketId of ticketIds)
    for (const hold of await db.collection('holds').find({ ticketId }).toArray())
      if (!(await db.collection('hold_releases').findOne({ _id: hold._id }))) live += 1;
  return live;
}

const TICKETS = 100;
const BUYERS = 500;
/** beyonceLosAngeles: its own event, so the reading benchmark's listing is not disturbed. */
const EVENT_ID = 'G5vfpSe7Mg4lAnoY';

interface RunFigures {
  wallMs: number;
  attemptsPerSecond: number;
  winsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  won: number;
  distinctWon: number;
  conflicts: number;
  status5xx: number;
  other: Record<string, number>;
  holdsInDb: number;
  ordersInDb: number;
  phantomDuplicates: number;
}

runScript('contention-hold-race', async (stack, o, log) => {
  const seller = await signUpSeller(stack, 'race-seller');
  const figures: RunFigures[] = [];

  for (let r = 1; r <= o.runs; r++) {
    const seeded = await seedTickets(stack, seller, TICKETS, EVENT_ID, `race${stack.runId}r${r}`);
    // A ticket whose ticket.created was dropped (see the read benchmark's check) cannot be held by
    // anyone; race only for tickets the orders service knows.
    const tickets = seeded.tickets;
    await waitForReplica(
      stack,
      tickets.map((t) => t.id),
      120_000,
    );
    const buyers = signedBuyers(stack, BUYERS);
    const attempts = buyers.map((buyer, i) => ({ buyer, ticket: tickets[i % tickets.length] }));
    // Shuffled so the five buyers of one ticket are not adjacent in the send order.
    for (let i = attempts.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [attempts[i], attempts[j]] = [attempts[j], attempts[i]];
    }

    const started = performance.now();
    const answers = await Promise.all(
      attempts.map(async (a) => {
        try {
          const res = await call<{ id?: string }>(
            'POST',
            `${stack.routerUrl}/api/orders`,
            { tickets: [{ ticketId: a.ticket.id, price: a.ticket.price }] },
            { authorization: a.buyer.authorization },
            60_000,
          );
          return { status: res.status, ms: res.ms, ticketId: a.ticket.id };
        } catch (err) {
          return { status: 0, ms: performance.now() - started, ticketId: a.ticket.id, error: (err as Error).message };
        }
      }),
    );
    const wallMs = performance.now() - started;

    const won = answers.filter((a) => a.status === 201);
    const ids = tickets.map((t) => t.id);
    const [holdsInDb, ordersInDb] = await withServiceDb(stack, 'orders', async (db) => [
      await liveHolds(db, ids),
      (
        await db
          .collection('orders')
          .find({ 'tickets.ticketId': { $in: ids } }, { projection: { _id: 1 } })
          .toArray()
      ).length,
    ]);
    const other: Record<string, number> = {};
    for (const a of answers) if (![201, 409].includes(a.status)) other[a.status] = (other[a.status] ?? 0) + 1;
    const lat = answers.map((a) => a.ms);
    const f: RunFigures = {
      wallMs,
      attemptsPerSecond: answers.length / (wallMs / 1000),
      winsPerSecond: won.length / (wallMs / 1000),
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
      max: Math.max(...lat),
      won: won.length,
      distinctWon: new Set(won.map((a) => a.ticketId)).size,
      conflicts: answers.filter((a) => a.status === 409).length,
      status5xx: answers.filter((a) => a.status >= 500 || a.status === 0).length,
      other,
      holdsInDb,
      ordersInDb,
      phantomDuplicates: seeded.phantomDuplicates.length,
    };
    figures.push(f);
    log(
      `run ${r}/${o.runs}: ${f.won} won (${f.distinctWon} distinct tickets), ${f.conflicts} × 409, ${f.status5xx} × 5xx/network, other ${JSON.stringify(other)}; ${wallMs.toFixed(0)} ms wall, p99 ${f.p99.toFixed(0)} ms; holds ${holdsInDb}, orders ${ordersInDb}`,
    );
  }

  const racedFor = (f: RunFigures) => TICKETS - f.phantomDuplicates;
  const checks: BenchCheck[] = [
    {
      name: 'every ticket won by exactly one order (201 count, distinct tickets, holds and orders in the database)',
      pass: figures.every(
        (f) =>
          f.won === racedFor(f) &&
          f.distinctWon === racedFor(f) &&
          f.holdsInDb === racedFor(f) &&
          f.ordersInDb === racedFor(f),
      ),
      detail: figures
        .map((f) => `won ${f.won}/${racedFor(f)}, holds ${f.holdsInDb}, orders ${f.ordersInDb}`)
        .join('; '),
    },
    {
      name: 'zero 5xx or network errors',
      pass: figures.every((f) => f.status5xx === 0),
      detail: figures.map((f) => f.status5xx).join(', '),
    },
    {
      name: 'every loser answered 409',
      pass: figures.every((f) => Object.keys(f.other).length === 0 && f.conflicts === BUYERS - f.won),
      detail: figures.map((f) => JSON.stringify(f.other)).join(' '),
    },
  ];
  if (figures.some((f) => f.phantomDuplicates > 0)) {
    checks.push({
      name: 'seeding: every bulk row answered created',
      pass: false,
      detail: `${figures.map((f) => f.phantomDuplicates).join(', ')} rows per run answered already_listed and were left out of the race`,
    });
  }
  const s = (pick: (f: RunFigures) => number, digits = 0) => fmtSpread(spread(figures.map(pick)), digits);

  return {
    name: 'contention-hold-race',
    title: 'Contention: 500 buyers racing for 100 tickets',
    command: commandLine('contention-hold-race', o),
    description: [
      `Per run: one seller lists ${TICKETS} fresh tickets (bulk route), the orders replica is awaited, then ${BUYERS} buyers (five per ticket, shuffled) send \`POST /api/orders\` all at once through the router (${BUYERS} concurrent connections).`,
      "Buyers carry session tokens signed with the stack's JWT secret, as auth issues them, so the race measures holds and not password hashing.",
      'Latency is per request, from send to full response; attempts/s and orders/s are over the wall time of the whole burst.',
      'After each run the orders database is read: holds for the raced tickets and orders naming them must each number exactly one per ticket.',
      `Median (min–max) over ${o.runs} runs.`,
    ].join(' '),
    tables: [
      {
        columns: ['figure', 'value'],
        rows: [
          ['burst wall time, ms', s((f) => f.wallMs)],
          ['attempts/s (500 / wall)', s((f) => f.attemptsPerSecond)],
          ['orders won/s (100 / wall)', s((f) => f.winsPerSecond)],
          ['p50 latency, ms', s((f) => f.p50)],
          ['p99 latency, ms', s((f) => f.p99)],
          ['max latency, ms', s((f) => f.max)],
          ['orders won (201)', figures.map((f) => f.won).join(', ')],
          ['409 answers', figures.map((f) => f.conflicts).join(', ')],
          ['5xx / network errors', figures.map((f) => f.status5xx).join(', ')],
          ['holds / orders in the database', figures.map((f) => `${f.holdsInDb} / ${f.ordersInDb}`).join(', ')],
        ],
      },
    ],
    checks,
    raw: figures.map((f) => ({ ...f, wallMs: Number(fmt(f.wallMs).replace(/,/g, '')) })),
  };
});
