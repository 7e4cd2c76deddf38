import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import fr from "../messages/fr.json";

/** Every key path of a message tree. */
const keys = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe("messages", () => {
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
