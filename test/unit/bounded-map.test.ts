import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/bounded-map";

describe("BoundedMap", () => {
  it("keeps at most its limit, forgetting the key set longest ago; setting a key again makes it the newest", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    map.set("a", 3); // a is now newer than b
    map.set("c", 4);
    expect([...map.entries()]).toEqual([
      ["a", 3],
      ["c", 4],
    ]);
  });
});
