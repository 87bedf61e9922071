import { Component, xml } from "@odoo/owl";

import type { Choice, ChoiceOption } from "../../api/types";
import { _t } from "../../odoo/l10n";

export interface ChoiceCardProps {
  choice: Choice;
  /** The option the user picked (its message was sent next), or 0. */
  picked: number;
  /** An answer is running, or the conversation went on: the buttons do nothing. */
  disabled: boolean;
  onPick: (option: ChoiceOption) => void;
}

/**
 * A name that matched several records, or only came close to one (copilot.ChoiceCard): one
 * button per record; a click sends the message that names it exactly (`option.message`,
 * written by the agent).
 */
export class ChoiceCard extends Component<ChoiceCardProps> {
  static template = xml`
    <section class="o_copilot_card o_copilot_choice_card" t-att-aria-label="labels.title">
      <header class="o_copilot_card_header">
        <i class="fa fa-question-circle o_copilot_card_icon" aria-hidden="true"/>
        <span class="o_copilot_card_title" t-esc="labels.title"/>
      </header>
      <div class="o_copilot_card_body">
        <div class="o_copilot_choice_query text-muted" t-esc="labels.matches"/>
        <div class="o_copilot_choice_options" role="group" t-att-aria-label="labels.title">
          <button t-foreach="props.choice.options" t-as="option" t-key="option.id" type="button"
                  class="btn btn-sm o_copilot_choice"
                  t-att-class="option.id === props.picked ? 'btn-primary' : 'btn-outline-primary'"
                  t-att-aria-pressed="option.id === props.picked ? 'true' : 'false'"
                  t-att-disabled="props.disabled ? 'disabled' : false"
                  t-on-click="() => props.onPick(option)" t-esc="option.label"/>
        </div>
      </div>
    </section>`;
  static props = {
    choice: Object,
    picked: Number,
    disabled: Boolean,
    onPick: Function,
  };

  /** Several records matched, or one came close (a typo): "Did you mean?". */
  get labels(): Record<string, string> {
    const { query, options } = this.props.choice;
    return options.length > 1
      ? { title: _t("Which one?"), matches: _t("Several records match “%s”:", query) }
      : { title: _t("Did you mean?"), matches: _t("Nothing matches “%s” exactly:", query) };
  }
}
