// The heap's growth setting (src/runtime.ts, tuneHeap): the bot and the worker set V8's
// old-generation growth from HEAP_GROWING_PERCENT at start, unless the operator started node
// with their own --heap-growing-percent, and leave V8 alone at 0.
import v8 from "node:v8";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config";
import { tuneHeap } from "../../src/runtime";

const BASE = { BOT_TOKEN: "123456789:TEST_token_for_the_heap_setting", DATABASE_URL: "postgresql://x@127.0.0.1/x" };

describe("tuneHeap", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sets V8's growth to HEAP_GROWING_PERCENT, 20 by default", () => {
    const set = vi.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    tuneHeap(parseConfig(BASE), []);
    tuneHeap(parseConfig({ ...BASE, HEAP_GROWING_PERCENT: "50" }), ["--enable-source-maps"]);
    expect(set.mock.calls).toEqual([["--heap-growing-percent=20"], ["--heap-growing-percent=50"]]);
  });

  it("leaves V8 alone at 0, and when node was started with its own setting", () => {
    const set = vi.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
    tuneHeap(parseConfig({ ...BASE, HEAP_GROWING_PERCENT: "0" }), []);
    tuneHeap(parseConfig(BASE), ["--heap-growing-percent=100"]);
    tuneHeap(parseConfig(BASE), ["--heap_growing_percent=100"]);
    expect(set).not.toHaveBeenCalled();
  });

  it("refuses a setting out of range, naming it", () => {
    expect(() => parseConfig({ ...BASE, HEAP_GROWING_PERCENT: "-1" })).toThrow(/HEAP_GROWING_PERCENT/);
    expect(() => parseConfig({ ...BASE, HEAP_GROWING_PERCENT: "1000" })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
