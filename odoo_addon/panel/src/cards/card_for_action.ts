import { isNotePreview, isQuotationPreview, isRecordChangePreview, isTaskPreview, type Action } from "../api/types";
import { ActionCard } from "./action_card/action_card";
import { NoteCard } from "./note_card/note_card";
import { QuotationCard } from "./quotation_card/quotation_card";
import { RecordChangeCard } from "./record_change_card/record_change_card";
import { TaskCard } from "./task_card/task_card";

export type ActionCardComponent = typeof ActionCard | typeof QuotationCard | typeof TaskCard | typeof NoteCard | typeof RecordChangeCard;

/** The card that shows an action, by the kind of its preview; ActionCard for anything else. */
export function cardForAction(action: Action): ActionCardComponent {
  const { preview } = action;
  if (isQuotationPreview(preview)) {
    return QuotationCard;
  }
  if (isTaskPreview(preview)) {
    return TaskCard;
  }
  if (isNotePreview(preview)) {
    return NoteCard;
  }
  if (isRecordChangePreview(preview)) {
    return RecordChangeCard;
  }
  return ActionCard;
}
