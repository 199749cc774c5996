import { FIXTURE_IDS, type RunningFakeTicketmaster } from '../src';
import { startFake } from './helpers';

let fake: RunningFakeTicketmaster;

beforeAll(async () => {
  fake = await startFake();
});
afterAll(() => fake.close());
beforeEach(() => fake.controls.reset());

const move = (id: string, body: unknown) =>
  fetch(`${fake.url}/__control/events/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const details = async (id: string) =>
  (await (await fetch(`${fake.url}/discovery/v2/events/${id}.json?apikey=test-key`)).json()) as {
    dates: { start: { dateTime?: string; localDate: string }; end?: { dateTime: string }; status: { code: string } };
  };

describe('POST /__control/events/:id', () => {
  it('moves an event’s start and end and serves the new dates in Discovery’s shape', async () => {
    const id = FIXTURE_IDS.erasTourMetLife;
    const res = await move(id, { dates: { start: '2026-01-10T01:00:00Z', end: '2026-01-10T04:00:00Z' } });
    expect(res.status).toBe(200);
    const event = await details(id);
    expect(event.dates.start).toMatchObject({ dateTime: '2026-01-10T01:00:00Z', localDate: '2026-01-09' });
    expect(event.dates.end).toMatchObject({
      dateTime: '2026-01-10T04:00:00Z',
      localDate: '2026-01-09',
      localTime: '23:00:00',
    });
  });

  it('changes an event’s status, and reset puts every event back', async () => {
    const id = FIXTURE_IDS.hamiltonNewYork;
    const before = await details(id);
    expect((await move(id, { status: 'cancelled' })).status).toBe(200);
    expect((await details(id)).dates.status.code).toBe('cancelled');
    fake.controls.reset();
    expect(await details(id)).toEqual(before);
  });

  it('answers 400 for a bad body and 404 for an unknown event', async () => {
    expect((await move(FIXTURE_IDS.soonest, { status: 'over' })).status).toBe(400);
    expect((await move(FIXTURE_IDS.soonest, { dates: { start: 'tomorrow' } })).status).toBe(400);
    expect((await move(FIXTURE_IDS.soonest, { when: 'now' })).status).toBe(400);
    expect((await move('vvG1ZZZZnotAnEvent', { status: 'cancelled' })).status).toBe(404);
  });
});
