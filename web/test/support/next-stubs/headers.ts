// The incoming request's cookies, as a test sets them (Next reads them from the request).
const jar = new Map<string, string>();

export function setRequestCookies(cookies: Record<string, string>): void {
  jar.clear();
  for (const [name, value] of Object.entries(cookies)) jar.set(name, value);
}

export async function cookies() {
  return {
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
}

export async function headers() {
  return new Headers();
}
