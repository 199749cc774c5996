/**
 * What the web server tells a service about who is asking. The services count rate limits per
 * client IP, and without this every visitor would be one client: the web pod. The chain the web
 * server received is passed on unchanged (Next adds the socket's address when nothing is in front
 * of it); the services believe it only because the web pods are among their TRUSTED_PROXIES, and
 * read it from the right, so entries a visitor forged in front of what the ingress appended change
 * nothing.
 */
export function forwardedFor(incoming: Pick<Headers, 'get'>): string | undefined {
  const chain = incoming.get('x-forwarded-for');
  if (!chain) return undefined;
  // A header is one line; anything else is not a chain of addresses.
  return /^[0-9a-fA-F.:, ]{1,512}$/.test(chain) ? chain : undefined;
}
