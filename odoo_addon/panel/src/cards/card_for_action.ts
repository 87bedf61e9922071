import { isQuotationPreview, type Action } from "../api/types";
import { ActionCard } from "./action_card/action_card";
import { QuotationCard } from "./quotation_card/quotation_card";

/** The card that shows an action; new kinds of cards (issue 4) are added here. */
export function cardForAction(action: Action): typeof QuotationCard | typeof ActionCard {
  if (action.tool === "create_quotation" && isQuotationPreview(action.preview)) {
    return QuotationCard;
  }
  return ActionCard;
}
