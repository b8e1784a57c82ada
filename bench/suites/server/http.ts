/** Small HTTP helpers for talking to the sync server from the bench process. */

export async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function getText(url: string, token: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.text();
}

/**
 * `count` more members of `space` (viewers, as pulling needs no more), each with their own token: the server's
 * rate limit is per token, so 50 clients need 50 tokens to be served as 50 people would be.
 */
export async function moreMembers(base: string, space: string, ownerToken: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { code } = await post<{ code: string }>(
      base,
      `/v1/spaces/${space}/invites`,
      { role: 'viewer', expiresInHours: 24 },
      ownerToken,
    );
    tokens.push((await post<{ token: string }>(base, `/v1/invites/${code}/accept`, { name: `Viewer ${i + 1}` })).token);
  }
  return tokens;
}

export const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
