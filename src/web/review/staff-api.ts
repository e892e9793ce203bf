/** Calls to /api/staff/*: the session cookie goes by itself; each change carries the CSRF token. */
let csrfToken = '';

export class LoggedOut extends Error {}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: method === 'POST' ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401) throw new LoggedOut('logged out');
  const data = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `HTTP ${res.status}`);
  return data;
}

export async function startSession(): Promise<string> {
  const { username, csrfToken: token } = await call<{ username: string; csrfToken: string }>('GET', '/api/staff/session');
  csrfToken = token;
  return username;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => call<T>('POST', path, body);
