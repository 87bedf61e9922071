import { Component, xml } from "@odoo/owl";

export interface SlashMenuItem {
  key: string;
  /** The command or the record's name. */
  label: string;
  /** The other name of a command (`/quote` beside `/devis`), or "". */
  alias: string;
  /** What it does, or what to type after it; "". */
  detail: string;
}

export interface SlashMenuProps {
  id: string;
  title: string;
  items: SlashMenuItem[];
  active: number;
  /** A search is running: shown while there is nothing to list yet. */
  loading: boolean;
  loadingText: string;
  emptyText: string;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
}

/**
 * The suggestions above the composer (copilot.SlashMenu): slash commands, then the records
 * that complete a command's argument. A listbox the textarea controls (the focus stays in the
 * textarea; aria-activedescendant names the highlighted option).
 */
export class SlashMenu extends Component<SlashMenuProps> {
  static template = xml`
    <div class="o_copilot_slash_menu dropdown-menu show" t-on-mousedown.prevent="() => {}">
      <div class="o_copilot_slash_title dropdown-header" t-esc="props.title"/>
      <ul t-att-id="props.id" class="o_copilot_slash_items list-unstyled mb-0" role="listbox" t-att-aria-label="props.title">
        <li t-foreach="props.items" t-as="item" t-key="item.key" role="option"
            t-att-id="props.id + '_' + item_index"
            class="dropdown-item o_copilot_slash_item" t-att-class="{ 'o_copilot_slash_item_active': item_index === props.active }"
            t-att-aria-selected="item_index === props.active ? 'true' : 'false'"
            t-on-mouseenter="() => props.onHover(item_index)" t-on-click="() => props.onPick(item_index)">
          <span class="o_copilot_slash_label" t-esc="item.label"/>
          <span t-if="item.alias" class="o_copilot_slash_alias" t-esc="item.alias"/>
          <span t-if="item.detail" class="o_copilot_slash_detail" t-esc="item.detail"/>
        </li>
      </ul>
      <div t-if="!props.items.length" class="o_copilot_slash_empty dropdown-item-text text-muted" role="status">
        <t t-if="props.loading">
          <i class="fa fa-circle-o-notch fa-spin me-1" aria-hidden="true"/>
          <t t-esc="props.loadingText"/>
        </t>
        <t t-else="" t-esc="props.emptyText"/>
      </div>
    </div>`;
  static props = {
    id: String,
    title: String,
    items: Array,
    active: Number,
    loading: Boolean,
    loadingText: String,
    emptyText: String,
    onPick: Function,
    onHover: Function,
  };
}
