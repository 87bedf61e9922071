import { describe, expect, it } from "vitest";

import { renderMarkdown, safeHref } from "../src/markdown/markdown";

describe("renderMarkdown", () => {
  it("escapes HTML before anything else", () => {
    const html = renderMarkdown('<script>alert("x")</script> & <img src=x onerror=alert(1)>');
    expect(html).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>",
    );
    expect(html).not.toMatch(/<script|<img/);
  });

  it("keeps HTML escaped inside code, tables and links", () => {
    expect(renderMarkdown("`<b>`")).toBe("<p><code>&lt;b&gt;</code></p>");
    expect(renderMarkdown("```\n<div onclick=x>\n```")).toBe("<pre><code>&lt;div onclick=x&gt;</code></pre>");
    expect(renderMarkdown('[<i>x</i>](https://example.com/"onmouseover="x)')).not.toMatch(/<i>|" onmouseover/);
  });

  it("renders paragraphs, line breaks, bold, italic, strike and inline code", () => {
    expect(renderMarkdown("Hello **Deco Addict**, *welcome* ~~gone~~ `S00042`\nnext line\n\nSecond")).toBe(
      "<p>Hello <strong>Deco Addict</strong>, <em>welcome</em> <del>gone</del> <code>S00042</code><br/>next line</p><p>Second</p>",
    );
  });

  it("does not treat snake_case or lone asterisks as emphasis", () => {
    expect(renderMarkdown("use product_uom_qty and 5 * 3 * 2")).toBe("<p>use product_uom_qty and 5 * 3 * 2</p>");
    expect(renderMarkdown("__bold__ and _it_")).toBe("<p><strong>bold</strong> and <em>it</em></p>");
  });

  it("does not apply emphasis inside code", () => {
    expect(renderMarkdown("`**not bold**` **bold**")).toBe("<p><code>**not bold**</code> <strong>bold</strong></p>");
  });

  it("renders fenced code with a sanitized language class", () => {
    expect(renderMarkdown("```python\nx = 1  # *not italic*\n\ny = 2\n```")).toBe(
      '<pre><code class="language-python">x = 1  # *not italic*\n\ny = 2</code></pre>',
    );
    expect(renderMarkdown('```js" onload="x\nok\n```')).toBe('<pre><code class="language-js">ok</code></pre>');
  });

  it("renders bullet and numbered lists, nested", () => {
    expect(renderMarkdown("Products:\n- Office Chair\n- Office Lamp\n  - white\n  - black")).toBe(
      "<p>Products:</p><ul><li>Office Chair</li><li>Office Lamp<ul><li>white</li><li>black</li></ul></li></ul>",
    );
    expect(renderMarkdown("1. first\n2. **second**\n3. third")).toBe(
      "<ol><li>first</li><li><strong>second</strong></li><li>third</li></ol>",
    );
    expect(renderMarkdown("3. three\n4. four")).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
  });

  it("keeps a list going across blank lines", () => {
    expect(renderMarkdown("- a\n\n- b")).toBe("<ul><li>a</li><li>b</li></ul>");
  });

  it("renders tables with alignment", () => {
    const html = renderMarkdown(
      "| Product | Qty | Price |\n|:--|:-:|--:|\n| Office Chair | 3 | 70.00 |\n| <b>Lamp</b> | 2 |",
    );
    expect(html).toBe(
      '<div class="o_copilot_md_table"><table class="table table-sm table-bordered">' +
        '<thead><tr><th class="text-start">Product</th><th class="text-center">Qty</th><th class="text-end">Price</th></tr></thead>' +
        '<tbody><tr><td class="text-start">Office Chair</td><td class="text-center">3</td><td class="text-end">70.00</td></tr>' +
        '<tr><td class="text-start">&lt;b&gt;Lamp&lt;/b&gt;</td><td class="text-center">2</td><td class="text-end"></td></tr></tbody>' +
        "</table></div>",
    );
  });

  it("renders headings (shifted for the panel), quotes and rules", () => {
    expect(renderMarkdown("# Title\n> quoted *text*\n\n---")).toBe(
      "<h3>Title</h3><blockquote><p>quoted <em>text</em></p></blockquote><hr/>",
    );
  });

  it("links http(s) and same-site paths only", () => {
    // another site: the address is what the user clicks, the label stays beside it as text
    expect(renderMarkdown("[Odoo](https://www.odoo.com/page?a=1&b=2)")).toBe(
      '<p>Odoo (<a href="https://www.odoo.com/page?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">https://www.odoo.com/page?a=1&amp;b=2</a>)</p>',
    );
    expect(renderMarkdown("[S00042](/odoo/sale.order/42)")).toBe('<p><a href="/odoo/sale.order/42">S00042</a></p>');
    expect(renderMarkdown("[click](javascript:alert(1))")).toBe("<p>click</p>");
    expect(renderMarkdown("[click](JavaScript:alert(1))")).toBe("<p>click</p>");
    expect(renderMarkdown("[click](data:text/html;base64,PHNjcmlwdD4=)")).toBe("<p>click</p>");
    expect(renderMarkdown("[click](//evil.example)")).toBe("<p>click</p>");
    expect(renderMarkdown("[click](/\\evil.example)")).toBe("<p>click</p>");
    expect(renderMarkdown("![tracker](https://evil.example/pixel.gif)")).toBe(
      '<p>tracker (<a href="https://evil.example/pixel.gif" target="_blank" rel="noopener noreferrer">https://evil.example/pixel.gif</a>)</p>',
    );
  });

  it("never passes a foreign link off under a record's name (security review, finding 3)", () => {
    // a project, product or attachment named like a markdown link, quoted in an answer
    const html = renderMarkdown("Tasks of **[pe](https://evil.example/proj)**: see [Specs [a](https://evil.example/att).pdf](/web/content/7)");
    const links = [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map(([, href, text]) => ({ href: href ?? "", text: text ?? "" }));
    const foreign = links.filter(({ href }) => href.startsWith("https://"));
    expect(foreign.length).toBeGreaterThan(0);
    // what the user clicks on is the address it opens, never a name
    for (const link of foreign) expect(link.text).toBe(link.href);
    // links to this Odoo keep their label
    expect(renderMarkdown("[S00042](/web#model=sale.order&id=42)")).toContain(">S00042</a>");
  });

  it("autolinks bare URLs without swallowing punctuation or escaped brackets", () => {
    expect(renderMarkdown("See https://example.com/a_b_c. Or <https://x.test>")).toBe(
      '<p>See <a href="https://example.com/a_b_c" target="_blank" rel="noopener noreferrer">https://example.com/a_b_c</a>. ' +
        'Or &lt;<a href="https://x.test" target="_blank" rel="noopener noreferrer">https://x.test</a>&gt;</p>',
    );
  });

  it("never lets a NUL placeholder from the input through", () => {
    expect(renderMarkdown("a\u00000\u0000b `c`")).toBe("<p>a0b <code>c</code></p>");
  });

  it("returns nothing for empty input", () => {
    expect(renderMarkdown("")).toBe("");
    expect(renderMarkdown("\n\n")).toBe("");
  });
});

describe("safeHref", () => {
  it("accepts http(s) and relative paths, refuses the rest", () => {
    expect(safeHref("https://example.com")).toBe("https://example.com");
    expect(safeHref("HTTP://example.com")).toBe("HTTP://example.com");
    expect(safeHref("/web#id=1&amp;model=sale.order")).toBe("/web#id=1&amp;model=sale.order");
    for (const bad of ["javascript:alert(1)", "vbscript:x", "data:x", "mailto:a@b", "//x", "/\\x", "https://", "java\tscript:x", "ftp://x"]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});
