import { describe, expect, it } from "vitest";
import { linkLabel, recordLink } from "../../src/tools/format.js";

/** Security review, finding 3: a record named like a markdown link never opens a link of its own. */
describe("record names in links", () => {
  it("lose their brackets, so no link can open inside ours", () => {
    const hostile = "Specs [a](https://evil.example/att).pdf";
    expect(linkLabel(hostile)).toBe("Specs a(https://evil.example/att).pdf");
    const link = recordLink("project.project", 7, "[pe](https://evil.example/proj)");
    expect(link).toBe("[pe(https://evil.example/proj)](/web#model=project.project&id=7&view_type=form)");
    // exactly one link, to this Odoo
    expect(link.match(/\]\(/g)).toHaveLength(1);
  });
});
