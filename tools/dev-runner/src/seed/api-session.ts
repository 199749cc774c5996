/** One person talking to a stack's public origin, signed in by the session cookie auth sets. */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export class ApiSession {
  private cookie = '';
  id = '';

  constructor(
    private readonly baseUrl: string,
    readonly email: string,
    readonly password: string,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('session='));
    if (session) this.cookie = session.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Signs up, or signs in when the account exists already (a second start of `make dev`). */
  async enter(): Promise<this> {
    const credentials = { email: this.email, password: this.password };
    let res = await this.call<{ id: string }>('POST', '/api/users/signup', credentials);
    if (res.status === 409) res = await this.call<{ id: string }>('POST', '/api/users/signin', credentials);
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`could not sign in ${this.email}: ${res.status} ${JSON.stringify(res.body)}`);
    this.id = res.body.id;
    return this;
  }
}
