import type { EventSummaryDto } from '@bigtix/common';
import { pickEvent } from '../../../src/commands/tickets/pick-event';
import { runList } from '../../../src/commands/tickets/list';
import { CancelledError } from '../../../src/lib/errors';
import type { Choice } from '../../../src/lib/prompts';
import { testDeps, ticket } from '../../support/deps';

const event = (id: string, name: string): EventSummaryDto => ({
  id,
  name,
  url: `https://www.ticketmaster.com/event/${id}`,
  date: '2026-07-15T22:30:00Z',
  venue: { name: 'MetLife Stadium', city: 'East Rutherford', state: 'NJ', country: 'US' },
  image: null,
  status: 'onsale',
});
const ERAS = event('vvG1OMw20GdtWRW4', 'Taylor Swift | The Eras Tour');
const ACDC = event('vv1AYZ6aBPIpARR', 'AC/DC & friends #1');

/** Answers prompts in order: keywords for input(), and for select() the index of the choice to take. */
function scripted(keywords: string[], picks: number[]) {
  const shown: string[][] = [];
  return {
    shown,
    prompts: {
      input: async () => keywords.shift() ?? '',
      select: async <T>(_m: string, choices: Choice<T>[]) => {
        shown.push(choices.map((c) => c.name));
        return choices[picks.shift()!].value;
      },
    },
  };
}

const search = {
  'GET /api/events/search': (req: { path: string }): [number, unknown] => {
    const keyword = new URL(req.path, 'http://x').searchParams.get('keyword');
    const items = keyword === 'swift' ? [ERAS] : keyword === 'acdc' ? [ACDC] : [];
    return [200, { items, page: 0, totalPages: 1, totalElements: items.length }];
  },
};

it('searches again after no match or "search again", then returns the chosen event', async () => {
  const s = scripted(['nobody', 'acdc', 'swift'], [1, 0]);
  const d = await testDeps({ interactive: true, routes: search, prompts: s.prompts });
  const { api } = await d.session({});
  expect(await pickEvent(api, d)).toEqual(ERAS);
  expect(d.stderr()).toContain('No events match "nobody"; try another keyword.');
  expect(s.shown[0]).toHaveLength(2); // AC/DC and "search again"
  expect(s.shown[1][0]).toMatch(/Taylor Swift/);
});

it('cancels on an empty keyword', async () => {
  const d = await testDeps({ interactive: true, routes: search, prompts: scripted([''], []).prompts });
  const { api } = await d.session({});
  await expect(pickEvent(api, d)).rejects.toThrow(CancelledError);
});

it('lets `bigtix list` on a terminal pick its event instead of --event', async () => {
  const s = scripted(['swift'], [0]);
  const d = await testDeps({
    token: 'tok',
    interactive: true,
    routes: {
      ...search,
      'POST /api/tickets/create': (req): [number, unknown] => {
        const rows = (req.body as { tickets: { serialNumber: string }[] }).tickets;
        return [
          201,
          {
            created: rows.length,
            alreadyListed: 0,
            failed: 0,
            results: rows.map((r, index) => ({
              index,
              status: 'created',
              ticket: ticket({ serialNumber: r.serialNumber }),
            })),
          },
        ];
      },
    },
    prompts: { ...s.prompts, confirm: async () => true },
  });
  await runList({ count: '2', price: '60', serialPrefix: 'P-' }, d);
  const sent = d.requests.find((r) => r.method === 'POST')!.body as { tickets: { eventId: string }[] };
  expect(sent.tickets.map((t) => t.eventId)).toEqual([ERAS.id, ERAS.id]);
});
