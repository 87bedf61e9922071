import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

/** A PDF that a reader can open: header, objects where the cross-reference table says, trailer. */
function expectValidPdf(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-1.4\n")).toBe(true);
  expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
  const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  offsets.forEach((offset, index) => expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`));
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = match.index! + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe("\nendstream");
  }
  return text;
}

describe("PDF export", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("exports a conversation: a valid PDF with its text, accents included", async () => {
    const sessionId = newSessionId();
    await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "Crée moi un devis pour le client Deco Addict avec 3 Office Chair" });
    const link = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "/export_pdf" });
    expect(link.body.reply).toContain(`[Télécharger cette conversation en PDF](/copilot/export/pdf?session_id=${sessionId})`);
    const response = await app.fetchSigned("POST", "/v1/export/pdf", { ...app.as(ADMIN, sessionId), session_id: sessionId });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = expectValidPdf(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("(Devis pour Deco Addict)");
    expect(text).toContain("Cr\u00e9e moi un devis pour le client Deco Addict avec 3 Office Chair");
    expect(text).toContain("Voici le devis que je vais cr\u00e9er pour Deco Addict.");
  });

  it("exports a project's summary and open tasks, read as the user", async () => {
    const response = await app.fetchSigned("POST", "/v1/export/pdf", { ...app.as(ADMIN), project_id: 1 });
    const text = expectValidPdf(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("(Office Design)");
    expect(text).toContain("Room planning");
  });

  it("refuses another user's conversation", async () => {
    const sessionId = newSessionId();
    await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "/help" });
    const response = await app.fetchSigned("POST", "/v1/export/pdf", { ...app.as({ ...ADMIN, uid: 6 }), session_id: sessionId });
    expect(response.status).toBe(404);
  });
});
