import { startStack } from '../src';

it('runs a Mailpit in the stack on ports moved by the offset, and gives its SMTP_URL to the services', async () => {
  const stack = await startStack({
    services: [],
    ports: { offset: 1190 },
    fakes: { ticketmaster: false, stripe: false },
    mail: { run: true },
    env: { base: process.env },
    output: () => ({ kind: 'memory' }),
  });
  try {
    expect(stack.smtpUrl).toBe('smtp://127.0.0.1:2215');
    expect(stack.mailUiUrl).toBe('http://127.0.0.1:9215');
    const res = await fetch(`${stack.mailUiUrl}/api/v1/messages`);
    expect(res.status).toBe(200);
  } finally {
    await stack.stop();
  }
  expect(stack.processes.every((p) => p.exited())).toBe(true);
});

it('passes an SMTP_URL given to it on, running no Mailpit', async () => {
  const stack = await startStack({
    services: [],
    ports: 'free',
    fakes: { ticketmaster: false, stripe: false },
    mail: { smtpUrl: 'smtp://relay.example:25' },
    env: { base: process.env },
    output: () => ({ kind: 'memory' }),
  });
  expect(stack.smtpUrl).toBe('smtp://relay.example:25');
  expect(stack.mailUiUrl).toBeNull();
  expect(stack.processes).toEqual([]);
  await stack.stop();
});
