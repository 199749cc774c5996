import { formatCents, parseDollarsToCents } from '@bigtix/common';

describe('parseDollarsToCents', () => {
  it.each([
    ['125', 12500],
    ['125.5', 12550],
    ['125.05', 12505],
    ['$1,250.00', 125000],
    ['0.29', 29],
  ])('reads %s as %d cents without float error', (text, cents) => {
    expect(parseDollarsToCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1.234', '-5', '1e3', '12.'])('rejects %p', (text) => {
    expect(parseDollarsToCents(text)).toBeNull();
  });
});

it('formats cents as dollars', () => {
  expect(formatCents(12505)).toBe('$125.05');
});
