/** A tiny HTTP client for black-box tests: one signed-in person talking to the stack's origin. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Person {
  cookie = '';
  id = '';
  constructor(
    readonly baseUrl: string,
    readonly email: string,
    readonly password = 'password123',
  ) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('session=')) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  async signUp(): Promise<this> {
    const res = await this.call('POST', '/api/users/signup', { email: this.email, password: this.password });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.id = res.body.id;
    return this;
  }
}

let counter = 0;
export async function newPerson(baseUrl: string, label: string): Promise<Person> {
  return new Person(baseUrl, `${label}-${Date.now().toString(36)}-${++counter}@example.test`).signUp();
}
