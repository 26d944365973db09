import { type Api, ApiRefusal, type Schemas, answered, apiWithKey } from './api.js';

/** A signed-in person: their key (for the event stream), the client and who the key is. */
export interface Session {
  apiKey: string;
  api: Api;
  me: Schemas['Me'];
}

/** The API refused the key (unknown or revoked): a message for the person signing in. */
export class KeyRefused extends Error {}

// Only for this browser tab's session: closing the tab signs out.
const STORAGE_KEY = 'taskwright.apiKey';

/** Signs in with `apiKey`: the API says whose key it is, or why it refuses it. */
export async function signIn(apiKey: string): Promise<Session> {
  const api = apiWithKey(apiKey);
  try {
    const me = answered(await api.GET('/v1/me'));
    sessionStorage.setItem(STORAGE_KEY, apiKey);
    return { apiKey, api, me };
  } catch (error) {
    if (error instanceof ApiRefusal && error.status === 401) {
      throw new KeyRefused(`This key was not accepted: ${error.problem.detail ?? 'unknown key'} Check it, or ask an admin for a new one.`);
    }
    throw error;
  }
}

/**
 * The session of this tab, if a key was signed in with; throws (forgetting the key) when the API
 * no longer accepts it (KeyRefused: revoked since, say), or when the API cannot be reached.
 */
export async function resumeSession(): Promise<Session | null> {
  const apiKey = sessionStorage.getItem(STORAGE_KEY);
  if (!apiKey) return null;
  try {
    return await signIn(apiKey);
  } catch (error) {
    if (error instanceof KeyRefused) sessionStorage.removeItem(STORAGE_KEY);
    throw error;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
