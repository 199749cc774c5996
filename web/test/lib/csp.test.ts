import { TICKETMASTER_IMAGE_ORIGINS, contentSecurityPolicy, imageOrigins } from '@/lib/csp';

const imgSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('img-src '));

describe('the image origins of the Content-Security-Policy', () => {
  it('are Ticketmaster’s image and seat map hosts with the real API', () => {
    expect(imageOrigins({ TICKETMASTER_CONSUMER_KEY: 'k' })).toEqual(TICKETMASTER_IMAGE_ORIGINS);
    expect(imageOrigins({ TICKETMASTER_BASE_URL: 'https://app.ticketmaster.com' })).toEqual(TICKETMASTER_IMAGE_ORIGINS);
  });

  it('add the fake at its default address when neither a key nor a base URL is set, as tickets does', () => {
    expect(imageOrigins({})).toEqual([...TICKETMASTER_IMAGE_ORIGINS, 'http://127.0.0.1:12112']);
  });

  it('add the fake Ticketmaster’s origin (it serves its own images), and only its origin', () => {
    expect(imageOrigins({ TICKETMASTER_BASE_URL: 'http://127.0.0.1:15112/some/path' })).toEqual([
      ...TICKETMASTER_IMAGE_ORIGINS,
      'http://127.0.0.1:15112',
    ]);
  });

  it('are exactly TICKETMASTER_IMAGE_ORIGINS when set, dropping what is not an http(s) origin', () => {
    expect(
      imageOrigins({
        TICKETMASTER_IMAGE_ORIGINS: 'https://img.example.test/x, https://maps.example.test  javascript:alert(1) *',
        TICKETMASTER_BASE_URL: 'http://127.0.0.1:1',
      }),
    ).toEqual(['https://img.example.test', 'https://maps.example.test']);
  });

  it('allow images from those origins, this one and Stripe, and no other host', () => {
    const policy = contentSecurityPolicy('n0nce', false, ['https://maps.ticketmaster.com']);
    expect(imgSrc(policy)).toBe("img-src 'self' data: blob: https://maps.ticketmaster.com https://*.stripe.com");
    expect(imgSrc(policy)).not.toMatch(/ https: /);
  });
});
