import { describe, expect, it } from "vitest";
import { loadMessages, NAMESPACES } from "@/i18n/messages";

const fr = await loadMessages("fr");
const en = await loadMessages("en");

/** Every key path of a message tree. */
const keys = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe("messages", () => {
  it("has one file per namespace, named after it", () => {
    expect(Object.keys(fr).sort()).toEqual([...NAMESPACES].sort());
    expect(Object.keys(en).sort()).toEqual([...NAMESPACES].sort());
  });

  it("English has every French key and no other", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it("has no empty message", () => {
    for (const tree of [fr, en]) {
      const empty = keys(tree).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) === "",
      );
      expect(empty).toEqual([]);
    }
  });
});
