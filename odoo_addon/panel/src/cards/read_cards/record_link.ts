import { useService, type ActionService } from "@web/core/utils/hooks";

import type { RecordRef } from "../../api/types";
import { recordUrl } from "../../odoo/compat";
import { openRecord } from "../open_record";

export interface RecordLinks {
  href(record: RecordRef): string;
  open(record: RecordRef, ev: MouseEvent): void;
}

/** The URL of a record (new tab, middle click) and a click that opens it in the web client. */
export function useRecordLinks(): RecordLinks {
  const actionService = useService("action") as ActionService;
  return {
    href: (record) => recordUrl(record.model, record.id),
    open: (record, ev) => openRecord(actionService, record, ev),
  };
}
