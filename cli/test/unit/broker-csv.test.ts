import { readBrokerCsv } from '../../src/lib/broker-csv';
import { planSync } from '../../src/commands/listings/sync';
import type { ListingDto } from '@bigtix/common';

const FILE =
  '\ufeffeventid,Section,ROW,SeatFrom,SeatThru,Quantity,Price,Splits,Serials,ExternalRef,Notes\r\n' +
  'G5vYZ9fake,101,F,1,4,4,125.00,pairs,A1;A2;A3;A4,L1,"aisle, great view"\r\n' +
  'G5vYZ9fake,102,A,7,8,2,"1,000.00",all,B1;B2,L2,\r\n' +
  'G5vYZ9fake,GA,,,,10,50.00,any,C0;C1;C2;C3;C4;C5;C6;C7;C8;C9,L3,\r\n';

describe('broker CSV', () => {
  it('reads listings with BOM, CRLF, quoted commas and case-insensitive headers', () => {
    const { rows, problems } = readBrokerCsv(FILE);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0].listing).toMatchObject({
      seats: ['1', '2', '3', '4'],
      splits: 'pairs',
      price: 12_500,
      notes: 'aisle, great view',
    });
    expect(rows[1].listing).toMatchObject({ price: 100_000, splits: 'all', quantity: 2 });
    expect(rows[2].listing.seats).toBeUndefined();
  });

  it('names unknown columns, and each bad cell by line and column; nothing is returned then', () => {
    expect(readBrokerCsv('Section,Colour\n1,red').problems[0]).toMatch(/unknown column\(s\): Colour/);
    const bad = readBrokerCsv(
      'EventId,Section,Row,SeatFrom,SeatThru,Quantity,Price,Splits,Serials\n' +
        'G5vYZ9fake,101,F,1,3,3,12x,pairs,A;B;C\n' +
        'G5vYZ9fake,101,F,1,2,2,10.00,sometimes,A;B\n',
    );
    expect(bad.rows).toEqual([]);
    expect(bad.problems).toEqual([
      expect.stringMatching(/^line 2, column 7 \(Price\)/),
      expect.stringMatching(/^line 3, column 8 \(Splits\)/),
    ]);
  });

  it('takes the event from --event when the file has no EventId', () => {
    const { rows } = readBrokerCsv('Section,Quantity,Price,Serials\nGA,1,20.00,X', { event: 'G5vYZ9fake' });
    expect(rows[0].listing.eventId).toBe('G5vYZ9fake');
  });
});

describe('sync plan', () => {
  it('creates new refs, updates changed ones, withdraws those no longer in the file', () => {
    const file = readBrokerCsv(FILE).rows.map((r) => r.listing);
    const mine = [
      { ...file[0], id: 'a', externalRef: 'L1', status: 'active', available: 4, price: 12_500 },
      { ...file[1], id: 'b', externalRef: 'L2', status: 'active', available: 2, price: 90_000 },
      { ...file[2], id: 'c', externalRef: 'OLD', status: 'active', available: 10 },
    ] as unknown as ListingDto[];
    const plan = planSync(file, mine);
    expect(plan.unchanged.map((l) => l.externalRef)).toEqual(['L1']);
    expect(plan.update.map((l) => l.externalRef)).toEqual(['L2']);
    expect(plan.create.map((l) => l.externalRef)).toEqual(['L3']);
    expect(plan.withdraw.map((l) => l.id)).toEqual(['c']);
  });
});
