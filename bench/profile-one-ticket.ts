// Where the time of one `GET /api/tickets/:id` goes: run with BENCH_CPU_PROF=tickets (the bench
// stack starts the tickets service under `node --cpu-prof`), load single tickets through the
// router, and the profile is written when the stack stops. Summarise it with profile-summary.
//   BENCH_CPU_PROF=tickets BENCH_CPU_PROF_DIR=/tmp/prof node bench/dist/profile-one-ticket.js --duration 20
//   node bench/dist/profile-one-ticket.js ... && node bench/dist/profile-summary.js /tmp/prof/*.cpuprofile
import { runLoad } from './lib/load';
import { commandLine, runScript } from './lib/script';
import { seedTickets } from './lib/seed';
import { fmt } from './lib/stats';
import { signUpSeller } from './lib/users';

runScript('profile-one-ticket', async (stack, o, log) => {
  if (!process.env.BENCH_CPU_PROF) log('BENCH_CPU_PROF is not set: measuring without a profile');
  const seller = await signUpSeller(stack, 'profiled-seller');
  const { tickets } = await seedTickets(stack, seller, 2000);
  const pick = () => `/api/tickets/${tickets[Math.floor(Math.random() * tickets.length)].id}`;
  await runLoad({ url: stack.routerUrl, path: pick, connections: 50, durationSeconds: 2 });
  const res = await runLoad({ url: stack.routerUrl, path: pick, connections: 50, durationSeconds: o.durationSeconds });
  log(`${fmt(res.rps)} req/s, p50 ${res.p50} ms, p99 ${res.p99} ms`);
  return {
    name: 'profile-one-ticket',
    title: 'Profile: one ticket by id',
    command: commandLine('profile-one-ticket', o),
    description: `2,000 tickets; random single tickets through the router at 50 connections for ${o.durationSeconds} s.`,
    tables: [
      { columns: ['req/s', 'p50 ms', 'p99 ms', 'requests'], rows: [[fmt(res.rps), res.p50, res.p99, res.total]] },
    ],
    checks: [{ name: 'every response 2xx', pass: res.non2xx + res.errors + res.timeouts === 0 }],
  };
});
