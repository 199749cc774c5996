// Next's redirect() ends the action by throwing; so does this one, carrying the target.
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

export function redirect(url: string): never {
  throw new RedirectSignal(url);
}

export function notFound(): never {
  throw new Error('NEXT_NOT_FOUND');
}
