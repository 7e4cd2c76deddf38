// Every problem code the API can answer has a sentence in French and in English (issue #10):
// the codes are read from the Rust sources (see rust-codes.ts), so that a code added to the
// API without its words fails here.
import path from "node:path";
import { type AbstractIntlMessages, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../messages/en/problems.json";
import fr from "../messages/fr/problems.json";
import { scanCrates } from "./rust-codes";

const { codes, unresolved } = scanCrates(path.join(import.meta.dirname, "..", "..", "crates"));
const found = [...codes.keys()].sort();

/** The message at `code` (dots are levels), if any. */
function at(tree: unknown, code: string): unknown {
  return code
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null && Object.hasOwn(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined,
      tree,
    );
}

/** Every leaf of a message tree, as a dotted code. */
const leaves = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

const hasSentence = (tree: unknown, code: string) => {
  const message = at(tree, code);
  return typeof message === "string" && message.trim() !== "";
};

describe("problem codes", () => {
  it("are read from the API's sources, and job or consumer names are not", () => {
    expect(found.length).toBeGreaterThan(150);
    for (const code of [
      "reservation.period_unavailable",
      "email.invalid_format",
      "phone_number.invalid_length",
      "validation.failed",
      "internal",
      "route.not_found",
      "property.not_found",
      "dead_letter.not_found",
      "user.version_mismatch",
      "owners.q_too_long",
      "guest.invalid_name",
    ])
      expect(found).toContain(code);
    for (const name of [
      "reservations.expire_holds",
      "auth.purge_expired_tokens",
      "properties.sync_ical_feeds",
      "reservations.timeline",
      "administration.audit",
      "users.role_changed",
      "admin.dead_letter_replayed",
      "mail.sender",
      "guest.email",
    ])
      expect(found).not.toContain(name);
  });

  it("are each made from a literal or a constant the scan can read", () => {
    expect(unresolved).toEqual([]);
  });

  it("are dotted snake_case, and none is also the start of another", () => {
    expect(found.filter((code) => !/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(code))).toEqual([]);
    const prefixes = found.filter((code) => found.some((other) => other.startsWith(`${code}.`)));
    expect(prefixes).toEqual([]);
  });

  it("each have a French and an English sentence", () => {
    const missing = (tree: unknown) =>
      found.filter((code) => !hasSentence(tree, code)).map((code) => `${code} (${codes.get(code)?.[0]})`);
    expect(missing(fr.problems)).toEqual([]);
    expect(missing(en.problems)).toEqual([]);
  });

  it("each read as written: no placeholder, nothing for the message format to change", () => {
    for (const [locale, messages] of [
      ["fr", fr],
      ["en", en],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages: messages as AbstractIntlMessages,
        namespace: "problems",
        onError: (e) => errors.push(e.message),
      });
      const changed = found.filter(
        (code) => hasSentence(messages.problems, code) && t(code) !== at(messages.problems, code),
      );
      expect(changed).toEqual([]);
      expect(errors).toEqual([]);
    }
  });

  it("are the only sentences, the same in both languages", () => {
    expect(leaves(fr.problems).sort()).toEqual(found);
    expect(leaves(en.problems).sort()).toEqual(leaves(fr.problems).sort());
  });
});
