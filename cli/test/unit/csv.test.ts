import { parseCsv } from '../../src/lib/csv';

describe('parseCsv', () => {
  it('splits plain rows and numbers each record by its line in the file', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF endings', () => {
    const text = 'serialNumber,price,description\r\n"A,1","1,250.00","say ""hi""\nsecond line"\r\nB2,5,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['serialNumber', 'price', 'description'] },
      { line: 2, fields: ['A,1', '1,250.00', 'say "hi"\nsecond line'] },
      { line: 4, fields: ['B2', '5', ''] },
    ]);
  });

  it('ignores a UTF-8 byte order mark and accepts a last line without a newline', () => {
    expect(parseCsv('\uFEFFa,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,2\n"3,4\n5,6\n')).toThrow('line 3: a quoted field is never closed');
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow('line 2: unexpected text after a closing quote');
  });
});
