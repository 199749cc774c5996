import {
  BadRequestError,
  credentialsSchema,
  createOrderSchema,
  listingInputSchema,
  parseOrThrow,
} from '@bigtix/common';

describe('parseOrThrow', () => {
  it('names every bad field in a 400', () => {
    let error: unknown;
    try {
      parseOrThrow(credentialsSchema, { email: { $gt: '' }, password: 5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequestError);
    const items = (error as BadRequestError).serialize();
    expect(items.map((i) => i.field).sort()).toEqual(['email', 'password']);
  });

  it('rejects unknown fields', () => {
    expect(() => parseOrThrow(credentialsSchema, { email: 'a@b.co', password: 'longenough', admin: true })).toThrow(
      BadRequestError,
    );
  });

  it('refuses an order that lists one ticket twice', () => {
    const id = 'a'.repeat(24);
    const result = createOrderSchema.safeParse({
      tickets: [
        { ticketId: id, price: 100 },
        { ticketId: id, price: 100 },
      ],
    });
    expect(result.success).toBe(false);
  });
});

it('says a too-long title is too long, not that it is not a string', async () => {
  const { ticketInputSchema } = await import('@bigtix/common');
  const result = ticketInputSchema.safeParse({ title: 'x'.repeat(201), price: 100, serialNumber: 'S1', eventId: 'E1' });
  expect(result.success).toBe(false);
  expect(result.error!.issues[0].message).toBe('must be at most 200 characters');
});

describe('listing dates', () => {
  const listing = {
    eventId: 'vvG1OMw20GdtWRW4',
    section: '101',
    quantity: 1,
    price: 5_000,
    serials: ['SN-1'],
  };

  it('takes a real in-hand date and refuses one the calendar does not have', () => {
    expect(listingInputSchema.parse({ ...listing, inHandDate: '2028-02-29' }).inHandDate).toBe('2028-02-29');
    for (const day of ['2026-02-30', '2026-04-31', '2027-02-29', '2026-13-01']) {
      const result = listingInputSchema.safeParse({ ...listing, inHandDate: day });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['inHandDate', 'must be a real date'],
      ]);
    }
  });
});
