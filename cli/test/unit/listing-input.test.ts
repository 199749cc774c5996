import { draftsFromCsv, draftsFromGenerator, toTicketInputs } from '../../src/lib/listing-input';

describe('draftsFromCsv', () => {
  it('turns dollar prices into cents and keeps optional columns', () => {
    const { drafts, problems } = draftsFromCsv(
      'serialNumber,price,title,description\nA1,125.00,Floor,Standing\nA2,"$1,250.5",,\n',
    );
    expect(problems).toEqual([]);
    expect(drafts).toEqual([
      { label: 'line 2', serialNumber: 'A1', price: 12500, title: 'Floor', description: 'Standing' },
      { label: 'line 3', serialNumber: 'A2', price: 125050, title: undefined, description: '' },
    ]);
  });

  it('reads whole cents with --cents and refuses dollars then', () => {
    expect(draftsFromCsv('price,serialNumber\n12500,A1\n', { cents: true }).drafts[0].price).toBe(12500);
    expect(draftsFromCsv('price,serialNumber\n125.00,A1\n', { cents: true }).problems).toEqual([
      'line 2: price "125.00" is not a whole number of cents (like 12500)',
    ]);
  });

  it('reports every bad line by its number and returns no drafts', () => {
    const csv = [
      'serialNumber,price',
      'OK-1,10.00',
      ',10.00',
      'OK-2,ten',
      'OK-3,0',
      'OK-1,12.00',
      'x,1,extra',
      `${'S'.repeat(101)},5`,
    ].join('\n');
    const { drafts, problems } = draftsFromCsv(csv);
    expect(drafts).toEqual([]);
    expect(problems).toEqual([
      'line 3: serialNumber is required',
      'line 4: price "ten" is not a dollar amount (like 125.00)',
      'line 5: price must be at least 1 cent',
      'line 6: serialNumber "OK-1" already appears on line 2',
      'line 7: has 3 field(s), the header has 2',
      'line 8: serialNumber is longer than 100 characters',
    ]);
  });

  it('needs a header naming serialNumber and price and refuses unknown columns', () => {
    expect(draftsFromCsv('serial,price\nA,1\n').problems).toEqual([
      'line 1: unknown column(s) serial (expected serialNumber, price, title, description)',
      'line 1: missing column(s) serialNumber (the first line must be a header row)',
    ]);
    expect(draftsFromCsv('').problems[0]).toMatch(/empty/);
    expect(draftsFromCsv('serialNumber,price\n').problems).toEqual(['the file has a header but no tickets']);
  });
});

describe('draftsFromGenerator', () => {
  it('makes stable, zero-padded serials so a re-run lists the same tickets', () => {
    const { drafts } = draftsFromGenerator({ count: 3, price: '89.50', serialPrefix: 'SEC1-' });
    expect(drafts.map((d) => [d.serialNumber, d.price])).toEqual([
      ['SEC1-0001', 8950],
      ['SEC1-0002', 8950],
      ['SEC1-0003', 8950],
    ]);
  });

  it('reports bad flags once, not once per ticket', () => {
    expect(draftsFromGenerator({ count: 0, price: 'x', serialPrefix: ' ' }).problems).toEqual([
      '--count must be a whole number from 1 to 100000',
      '--price "x" is not a dollar amount (like 125.00)',
      '--serial-prefix must not be empty',
    ]);
  });
});

describe('toTicketInputs', () => {
  it('uses the event name as the title when there is none, and never the serial', () => {
    const [t] = toTicketInputs([{ label: 'line 2', serialNumber: 'SECRET-1', price: 100, description: '' }], {
      id: 'ev1',
      name: 'Taylor Swift | The Eras Tour',
    });
    expect(t).toEqual({
      title: 'Taylor Swift | The Eras Tour',
      price: 100,
      description: '',
      serialNumber: 'SECRET-1',
      eventId: 'ev1',
    });
  });
});
