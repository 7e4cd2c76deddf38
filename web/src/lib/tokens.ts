// Reading access tokens and refreshing them once: pure functions, no Next imports (unit-tested).

export type Role = "admin" | "manager" | "owner" | "guest";

/** What the web app reads from an access token (a JWT the API signed; the API verifies it). */
export interface Claims {
  userId: string;
  role: Role;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const ROLES: readonly string[] = ["admin", "manager", "owner", "guest"];

/** The claims of a JWT, without verifying it (only the API can), or null if unreadable. */
export function readClaims(token: string | undefined): Claims | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const { sub, role, exp } = json;
    if (typeof sub !== "string" || typeof role !== "string" || !ROLES.includes(role) || typeof exp !== "number") {
      return null;
    }
    return { userId: sub, role: role as Role, exp };
  } catch {
    return null;
  }
}

/** True when the token is missing, unreadable or expires within `marginSeconds`. */
export function needsRefresh(token: string | undefined, nowSeconds: number, marginSeconds = 60): boolean {
  const claims = readClaims(token);
  return !claims || claims.exp - nowSeconds <= marginSeconds;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/**
 * Refresh tokens are one-time: presenting one twice revokes the session. Several tabs (or
 * parallel requests of one page) may ask to refresh with the same token at once, so the first
 * call does the work and the others, for a while, get its result.
 */
export class SingleFlightRefresh {
  private readonly inFlight = new Map<string, { result: Promise<TokenPair | null>; at: number }>();

  constructor(
    private readonly refresh: (refreshToken: string, forwardedFor: string | null) => Promise<TokenPair | null>,
    private readonly keepMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  run(refreshToken: string, forwardedFor: string | null = null): Promise<TokenPair | null> {
    const now = this.now();
    for (const [token, entry] of this.inFlight) {
      if (now - entry.at > this.keepMs) this.inFlight.delete(token);
    }
    const existing = this.inFlight.get(refreshToken);
    if (existing) return existing.result;
    const result = this.refresh(refreshToken, forwardedFor).catch(() => null);
    this.inFlight.set(refreshToken, { result, at: now });
    return result;
  }
}
