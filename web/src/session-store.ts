// The session id and token the server handed out, kept for this tab so a
// reload rejoins the session, and read from the page's URL
// (?session=<id>&token=<token>, Session::get_url()) so a link can be shared.
// The URL wins over sessionStorage: a link opened in this tab means that
// session.
const KEY = "pgwidgets.session";

export interface StoredSession {
  id: string;
  token: string;
}

export function saveSession(s: StoredSession): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage may be unavailable (privacy settings); reconnecting then starts afresh.
  }
}

export function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredSession>;
    return typeof v.id === "string" && typeof v.token === "string" ? { id: v.id, token: v.token } : null;
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}

/** ?session=&token= of `search` (location.search), when both are there. */
export function sessionInUrl(search: string): StoredSession | null {
  const q = new URLSearchParams(search);
  const id = q.get("session");
  const token = q.get("token");
  return id && token ? { id, token } : null;
}

/** The session to ask for: the URL's, else this tab's, else none. */
export function sessionToJoin(search: string): StoredSession | null {
  return sessionInUrl(search) ?? loadSession();
}

/**
 * The URL once the server answered: a link naming another session (one
 * that expired) would start a new session on every reload, so it names
 * the session the server gave. `null` when it needs no change.
 */
export function urlAfterHello(href: string, s: StoredSession): string | null {
  const url = new URL(href);
  const asked = sessionInUrl(url.search);
  if (!asked || (asked.id === s.id && asked.token === s.token)) return null;
  url.searchParams.set("session", s.id);
  url.searchParams.set("token", s.token);
  return url.toString();
}

/** `href` without ?session= and &token=. */
export function withoutSession(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("session");
  url.searchParams.delete("token");
  return url.toString();
}

/**
 * The WebSocket address to open: `base` with ?session=<id> when the page
 * joins a session, so a proxy in front of several processes sends the
 * socket to the one that owns it (README, "Deploying"). The id only: the
 * token, a secret, stays in the hello. `base` unchanged when it is no URL
 * (the WebSocket constructor then says why).
 */
export function socketUrl(base: string, s: StoredSession | null): string {
  if (!s) return base;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return base;
  }
  url.searchParams.set("session", s.id);
  return url.toString();
}
