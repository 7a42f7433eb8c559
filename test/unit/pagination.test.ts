import { describe, expect, it } from "vitest";
import { pageWindow } from "../../src/domain/pagination";

describe("pageWindow", () => {
  it("counts pages and offsets", () => {
    expect(pageWindow(25, 10, 1)).toEqual({ page: 1, pages: 3, offset: 10 });
    expect(pageWindow(30, 10, 2)).toEqual({ page: 2, pages: 3, offset: 20 });
  });

  it("shows the last page for a page past the end, and one empty page for an empty list", () => {
    expect(pageWindow(25, 10, 7)).toEqual({ page: 2, pages: 3, offset: 20 });
    expect(pageWindow(0, 10, 3)).toEqual({ page: 0, pages: 1, offset: 0 });
  });

  it("treats negative or fractional requests as the nearest valid page", () => {
    expect(pageWindow(25, 10, -4)).toEqual({ page: 0, pages: 3, offset: 0 });
    expect(pageWindow(25, 10, 1.9)).toEqual({ page: 1, pages: 3, offset: 10 });
  });
});
