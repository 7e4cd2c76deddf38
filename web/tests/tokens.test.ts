import { describe, expect, it } from "vitest";
import { needsRefresh, readClaims, SingleFlightRefresh, type TokenPair } from "@/lib/tokens";

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.s`;
const pair = (n: number): TokenPair => ({ accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn: 900 });

describe("access token claims", () => {
  it("reads the user, role and expiry", () => {
    expect(readClaims(jwt({ sub: "u1", role: "owner", exp: 100 }))).toEqual({ userId: "u1", role: "owner", exp: 100 });
  });

  it("refuses what is not a token of ours", () => {
    expect(readClaims(undefined)).toBeNull();
    expect(readClaims("garbage")).toBeNull();
    expect(readClaims("a.!!!.c")).toBeNull();
    expect(readClaims(jwt({ sub: "u1", role: "root", exp: 100 }))).toBeNull();
    expect(readClaims(jwt({ sub: "u1", role: "guest" }))).toBeNull();
  });

  it("asks for a refresh a minute before expiry", () => {
    const token = jwt({ sub: "u", role: "guest", exp: 1000 });
    expect(needsRefresh(token, 900)).toBe(false);
    expect(needsRefresh(token, 940)).toBe(true);
    expect(needsRefresh(undefined, 0)).toBe(true);
  });
});

describe("SingleFlightRefresh", () => {
  it("refreshes once for parallel callers with the same token", async () => {
    let calls = 0;
    let release: (p: TokenPair) => void = () => {};
    const refresh = new SingleFlightRefresh(() => {
      calls++;
      return new Promise<TokenPair>((resolve) => {
        release = resolve;
      });
    });
    const waiting = [refresh.run("r0"), refresh.run("r0"), refresh.run("r0")];
    release(pair(1));
    expect(await Promise.all(waiting)).toEqual([pair(1), pair(1), pair(1)]);
    // A late tab with the old token still gets the new pair, not a second (revoking) use.
    expect(await refresh.run("r0")).toEqual(pair(1));
    expect(calls).toBe(1);
  });

  it("forgets after a while and never throws", async () => {
    let now = 0;
    let calls = 0;
    const refresh = new SingleFlightRefresh(
      async () => {
        calls++;
        if (calls === 1) throw new Error("network");
        return pair(calls);
      },
      30_000,
      () => now,
    );
    expect(await refresh.run("r0")).toBeNull();
    now = 31_000;
    expect(await refresh.run("r0")).toEqual(pair(2));
    expect(calls).toBe(2);
  });
});
