/** One page of a list: how many pages there are and which one to show (a page past the end
 *  — e.g. after items left the list — shows the last one; there is always at least one). */
export interface PageWindow {
  page: number;
  pages: number;
  /** Index of the page's first item. */
  offset: number;
}

export function pageWindow(total: number, pageSize: number, requestedPage: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pages - 1);
  return { page, pages, offset: page * pageSize };
}
