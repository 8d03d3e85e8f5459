import { randomInt } from 'node:crypto';

/** Test-only: cookies by name, as a browser keeps them for one site (paths are not needed here). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): this {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A CCCD number no other run has used. */
export const newCitizenId = () => `0${String(randomInt(1, 97)).padStart(2, '0')}${String(randomInt(0, 1e9)).padStart(9, '0')}`;

/**
 * Test-only: a person at the VNeID stand-in's own pages, over the network as a browser goes: opens
 * the authorization URL, signs in with the CCCD number and password (or presses "Từ chối"), and
 * follows the provider's redirects until it sends the browser back to `redirectUrl`. Returns that
 * callback URL (with `code` and `state`, or `error`).
 */
export async function answerAtProvider(authorizationUrl: string, redirectUrl: string, person: { citizenId: string; password: string } | 'deny'): Promise<URL> {
  const jar = new CookieJar();
  const go = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.take(response);
    return response;
  };
  let url = new URL(authorizationUrl);
  let response = await go(url);
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get('location');
    if (response.status === 200 && /\/interaction\/[\w-]+$/.test(url.pathname)) {
      const action = person === 'deny' ? 'abort' : 'login';
      const body = person === 'deny' ? '' : new URLSearchParams({ citizenId: person.citizenId, password: person.password }).toString();
      url = new URL(`${url.pathname}/${action}`, url);
      response = await go(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      continue;
    }
    if (!location) throw new Error(`the provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url);
    if (url.href.startsWith(redirectUrl)) return url;
    response = await go(url);
  }
  throw new Error('the provider redirected too many times');
}
