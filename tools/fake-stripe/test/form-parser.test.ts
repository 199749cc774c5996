import { FormParseError, parseForm } from '../src/lib/form-parser';

describe('parseForm', () => {
  it('builds nested objects and arrays from bracket notation', () => {
    expect(
      parseForm(
        'a=1&metadata[orderId]=x&automatic_payment_methods[enabled]=true&expand[0]=latest_charge&expand[1]=payment_method&t[]=card&t[]=link&o[0][k]=v',
      ),
    ).toEqual({
      a: '1',
      metadata: { orderId: 'x' },
      automatic_payment_methods: { enabled: 'true' },
      expand: ['latest_charge', 'payment_method'],
      t: ['card', 'link'],
      o: [{ k: 'v' }],
    });
  });

  it('keeps empty values (Stripe uses them to unset) and decodes + and %XX', () => {
    expect(parseForm('metadata[k]=&d=a+b%26c')).toEqual({ metadata: { k: '' }, d: 'a b&c' });
  });

  it('compacts sparse indexes', () => {
    expect(parseForm('a[2]=y&a[0]=x')).toEqual({ a: ['x', 'y'] });
  });

  it('refuses prototype keys, conflicting shapes and broken names', () => {
    expect(() => parseForm('__proto__[x]=1')).toThrow(FormParseError);
    expect(() => parseForm('a[constructor]=1')).toThrow(FormParseError);
    expect(() => parseForm('a=1&a[b]=2')).toThrow(FormParseError);
    expect(() => parseForm('a[b]=1&a=2')).toThrow(FormParseError);
    expect(() => parseForm('a[b=1')).toThrow(FormParseError);
    expect(() => parseForm('a[99999]=1')).toThrow(FormParseError);
    expect(parseForm('toString=1')).toEqual({ toString: '1' });
  });
});
