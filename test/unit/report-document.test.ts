/**
 * The report as one HTML file: well formed (every element closed in order), right to left in
 * fa, self-contained (the font and the charts embedded, nothing fetched), the paragraph, the
 * tables' rows and the images in it, every text escaped.
 */
import { describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n";
import { renderReportCharts, renderReportDocument, renderReportParagraph } from "../../src/services/report/render";
import { escapeHtml } from "../../src/services/report/render/document";
import { reportFixture } from "../support/report-fixture";

const t = translatorFor(createI18n("fa"));
const VOID = new Set(["meta", "img", "br", "link", "hr", "input"]);

/** The elements in document order with their nesting checked: throws on a stray or unclosed tag. */
function parse(html: string): Array<{ name: string; attributes: string; text: string }> {
  const stack: Array<{ name: string; start: number; attributes: string }> = [];
  const elements: Array<{ name: string; attributes: string; text: string }> = [];
  const body = html.replace(/^<!doctype html>\s*/i, "").replace(/<style>[\s\S]*?<\/style>/, "<style></style>");
  for (const match of body.matchAll(/<(\/?)([a-z][a-z0-9]*)([^>]*)>/g)) {
    const [tag, closing, name = "", attributes = ""] = match;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? "nothing"}> at ${match.index}`);
      elements.push({ name, attributes: open.attributes, text: body.slice(open.start, match.index).replace(/<[^>]*>/g, "") });
    } else if (VOID.has(name)) elements.push({ name, attributes, text: "" });
    else stack.push({ name, start: (match.index ?? 0) + tag.length, attributes });
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.map((s) => s.name).join(", ")}`);
  return elements;
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

async function documentFor(locale: "fa" | "en", report = reportFixture()) {
  const charts = await renderReportCharts(report, locale, t);
  const html = (await renderReportDocument(report, locale, charts, t)).toString("utf8");
  return { html, charts, elements: parse(html) };
}

describe("renderReportDocument", () => {
  it("is a well-formed right-to-left Persian page with the paragraph first", async () => {
    const report = reportFixture();
    const { html, elements } = await documentFor("fa", report);
    expect(html.startsWith("<!doctype html>\n<html lang=\"fa\" dir=\"rtl\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const title = elements.find((e) => e.name === "h1");
    expect(title?.text).toBe("گزارش کارگروه تسهیل و رفع موانع تولید خوزستان — سه‌ماهه نخست سال ۱۴۰۵");
    expect(elements.find((e) => e.name === "title")?.text).toBe(title?.text);
    const paragraph = elements.find((e) => e.name === "p" && e.attributes.includes("paragraph"));
    expect(paragraph && unescape(paragraph.text)).toBe(renderReportParagraph(report, "fa", t));
    expect(paragraph?.text).toContain("۳۲ جلسه کارگروه");
    expect(paragraph?.text).toContain("مبلغ ۱۷۵ میلیارد تومان تسهیلات به ۷۵ واحد تولیدی");
    // The paragraph comes before the first table.
    expect(html.indexOf('class="paragraph"')).toBeLessThan(html.indexOf("<table>"));
  });

  it("has every table with its headers and rows, Persian digits and signs kept in order", async () => {
    const { elements } = await documentFor("fa");
    const headings = elements.filter((e) => e.name === "h2").map((e) => e.text);
    expect(headings).toEqual(["خلاصه", "جلسات", "موضوعات جلسات", "موضوعات پرونده‌ها", "دستگاه‌های اجرایی", "بانک‌ها", "ماه به ماه", "واحدهای معرفی‌شده"]);
    expect(elements.filter((e) => e.name === "table")).toHaveLength(8);
    const rows = elements.filter((e) => e.name === "tr").map((e) => e.text);
    expect(rows).toContain("شاخصبهار ۱۴۰۵زمستان ۱۴۰۴تغییردرصد تغییر");
    expect(rows).toContain("جلسات کارگروه۳۲۲۸+۴۱۴٪");
    expect(rows).toContain("جلسات کمیته تخصصی۱۵۳۱۶۰−۷−۴٪");
    expect(rows).toContain("تسهیلات موافقت‌شده (تومان)۱۷۵٬۰۰۰٬۰۰۰٬۰۰۰۱۲۱٬۰۰۰٬۰۰۰٬۰۰۰+۵۴٬۰۰۰٬۰۰۰٬۰۰۰۴۵٪");
    expect(rows).toContain("تکلیف بدهی‌های معوق۸۷۷۱+۱۶۲۳٪۴۳٪");
    expect(rows).toContain("سازمان تأمین اجتماعی۱۱۰۶۴+۴۶");
    expect(rows).toContain("بانک ملی ایران۴۱۳۴۸۰٬۰۰۰٬۰۰۰٬۰۰۰۵۳۲");
    expect(rows).toContain("تیر ۱۴۰۴1404/04۲۰۲۵-۰۶-۲۲۴۸۳۱۴۱");
    // The agency with nothing due: its shares read "—", not 0%.
    expect(rows.find((row) => row.startsWith("شرکت شهرک‌های صنعتی"))).toBe("شرکت شهرک‌های صنعتی۲۰۰۲۰۰۰۰—۰۰——");
    // Numbers sit in left-to-right isolates so a sign stays before its digits.
    expect(elements.filter((e) => e.name === "bdi").every((e) => e.attributes.includes('dir="ltr"'))).toBe(true);
  });

  it("embeds the charts and the font: nothing to fetch", async () => {
    const { html, charts, elements } = await documentFor("fa");
    const images = elements.filter((e) => e.name === "img");
    expect(images).toHaveLength(charts.length);
    for (const [index, image] of images.entries()) {
      const src = /src="data:image\/png;base64,([^"]+)"/.exec(image.attributes)?.[1] ?? "";
      expect(Buffer.from(src, "base64").equals(charts[index]!.png)).toBe(true);
      expect(image.attributes).toContain(`alt="${escapeHtml(charts[index]!.caption)}"`);
    }
    expect(elements.filter((e) => e.name === "figcaption").map((e) => e.text)).toEqual(charts.map((chart) => chart.caption));
    // Each chart follows the table it pictures.
    expect(html.indexOf('id="chart-topics"')).toBeGreaterThan(html.indexOf('id="topics-heard"'));
    expect(html.indexOf('id="chart-topics"')).toBeLessThan(html.indexOf('id="topics-reported"'));
    expect(html.indexOf('id="chart-agencies-on-time"')).toBeGreaterThan(html.indexOf('id="agencies"'));
    const fonts = [...html.matchAll(/@font-face\{font-family:"Vazirmatn";src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(fonts).toHaveLength(2);
    for (const [, data] of fonts) expect(Buffer.from(data ?? "", "base64").subarray(0, 4).toString("latin1")).toBe("wOF2");
    expect(html).toMatch(/font-family:"Vazirmatn",Tahoma/);
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it("escapes every text that comes from the data", async () => {
    const report = reportFixture();
    report.workingGroup.nameFa = `<script>alert("x")</script>`;
    report.agencies[0]!.nameFa = `بانک "آینده" & <b>شرکا</b>`;
    const { html, elements } = await documentFor("fa", report);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(elements.filter((e) => e.name === "td").map((e) => unescape(e.text))).toContain(`بانک "آینده" & <b>شرکا</b>`);
  });

  it("is left to right in English", async () => {
    const { html, elements } = await documentFor("en");
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(elements.find((e) => e.name === "h1")?.text).toBe("Report of the Khuzestan working group for removing production obstacles — the first quarter of 1405");
    expect(elements.find((e) => e.name === "p" && e.attributes.includes("paragraph"))?.text).toContain("held 32 meetings");
    expect(elements.filter((e) => e.name === "tr").map((e) => e.text)).toContain("Working-group meetings3228+414%");
  });
});
