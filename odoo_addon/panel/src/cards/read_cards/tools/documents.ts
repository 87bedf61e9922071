/** The document tools: list_documents, and ask_project (the passages an answer quotes). */

import { _t } from "../../../odoo/l10n";
import { list, more, num, ref, safeUrl, str, type Data } from "../card_fields";
import type { DocumentsView } from "../read_card_views";

/** A project's documents: a download link when there is one, else the record. */
export function documentsList(data: Data): DocumentsView {
  return {
    kind: "documents",
    icon: "fa-paperclip",
    title: _t("Documents"),
    items: list(data.documents).map((doc) => {
      const url = safeUrl(doc.url);
      return {
        name: str(doc.name),
        ...(url ? { url } : {}),
        ...(url ? {} : { record: ref(str(doc.model), doc.id, str(doc.name)) }),
      };
    }),
    more: more(data),
  };
}

/** The numbered passages an answer about a project quotes, with their source. */
export function projectSources(data: Data): DocumentsView {
  return {
    kind: "documents",
    icon: "fa-quote-left",
    title: str(data.project) ? _t("Sources in %s", str(data.project)) : _t("Sources"),
    items: list(data.passages).map((passage) => {
      const url = safeUrl(passage.url);
      return {
        name: str(passage.source),
        quote: str(passage.text),
        ...(num(passage.n) !== null ? { n: num(passage.n)! } : {}),
        ...(url ? { url } : {}),
      };
    }),
    more: false,
  };
}
