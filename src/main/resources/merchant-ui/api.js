// The server's JSON endpoints, called with the API key kept in this tab's session storage only.
const KEY = 'leverans.apiKey';
// The server's root as this page was reached (the page is <root>/merchant/ui/), so the page also
// works behind a proxy that mounts the server under a prefix.
const SERVER_ROOT = new URL('../../', document.baseURI);

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: key => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** Calls the server; resolves to parsed JSON (or text), rejects with ApiError carrying status and body. */
export async function call(method, path, { body, contentType = 'application/json', accept = 'application/json' } = {}) {
  const headers = { 'X-Api-Key': session.key() ?? '', Accept: accept };
  if (body !== undefined) headers['Content-Type'] = contentType;
  const response = await fetch(new URL(path.slice(1), SERVER_ROOT), { method, headers, body, cache: 'no-store' });
  const type = response.headers.get('Content-Type') ?? '';
  const payload = response.status === 204 ? null
      : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const reason = response.status === 401 ? 'the API key was not accepted'
        : payload?.failure_reason ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, reason, payload);
  }
  return { body: payload, headers: response.headers, status: response.status };
}

export const json = value => JSON.stringify(value);
