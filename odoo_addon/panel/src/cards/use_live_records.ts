import { onWillUnmount, useState } from "@odoo/owl";
import { useService } from "@web/core/utils/hooks";

import type { Action, Currency } from "../api/types";
import { numberFormat, subscribeBus, useBusService } from "../odoo/compat";
import { formatDeadline, type OrmLike } from "../projects/projects";
import { RECORD_CHANGED, REFRESH_DELAY_MS } from "../projects/live_refresh";
import type { CopilotStore } from "../store/copilot_store";
import { concernedRecords, LIVE_STATE_FIELD, liveLabel, mergeReads, readCall, recordKey, watchedRecords, type LiveRecord } from "./live_records";
import { selectionLabels } from "../odoo/selection_labels";

function optionalService(name: string): unknown {
  try {
    return useService(name);
  } catch {
    return undefined; // not in this web client: the cards just do not follow their records
  }
}

function* storeActions(store: CopilotStore): Iterable<Action> {
  for (const message of store.messages) {
    yield* message.actions ?? [];
  }
}

/** The currency a card writes its amounts in, for the record's new total. */
function cardCurrency(actions: Iterable<Action>, model: string, id: number): Currency | undefined {
  for (const action of actions) {
    if (action.record?.model !== model || action.record.id !== id) {
      continue;
    }
    const preview = action.preview as { currency?: Currency; totals?: { currency?: Currency } } | undefined;
    const currency = preview?.currency ?? preview?.totals?.currency;
    if (currency?.symbol) {
      return currency;
    }
  }
  return undefined;
}

/**
 * Follows, on Odoo's bus, the records of the done cards of the open conversation (see
 * src/cards/live_records.ts). Returns the live states, by recordKey(model, id), to pass to the
 * cards. Stops listening when the component goes.
 */
export function useLiveRecords(store: CopilotStore, lang: () => string, delay: number = REFRESH_DELAY_MS): Record<string, LiveRecord> {
  const live = useState<Record<string, LiveRecord>>({});
  const orm = optionalService("orm") as OrmLike | undefined;
  const bus = useBusService();
  const toRead = new Map<string, Set<number>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  async function readModel(model: string, ids: number[]): Promise<void> {
    const [name, method, args, kwargs] = readCall(model, ids);
    let records: Record<string, unknown>[];
    let labels: Record<string, string>;
    try {
      [records, labels] = await Promise.all([
        orm!.call(name, method, args, kwargs).then((rows) => (rows as Record<string, unknown>[]) ?? []),
        LIVE_STATE_FIELD[model] ? selectionLabels(orm!, model, LIVE_STATE_FIELD[model]) : Promise.resolve({}),
      ]);
    } catch {
      return; // no access, or Odoo unreachable: the cards keep what they showed
    }
    if (disposed) {
      return;
    }
    const actions = [...storeActions(store)];
    const format = numberFormat();
    for (const id of ids) {
      const record = records.find((candidate) => candidate.id === id);
      const shown = actions.find((action) => action.record?.model === model && action.record.id === id)?.record?.name;
      live[recordKey(model, id)] = record
        ? {
            deleted: false,
            label: liveLabel(model, record, {
              shownName: shown,
              currency: cardCurrency(actions, model, id),
              format,
              labels,
              formatDate: (date) => formatDeadline(date, lang()),
            }),
          }
        : { deleted: true, label: "" };
    }
  }

  function flush(): void {
    timer = undefined;
    const reads = [...toRead].map(([model, ids]) => [model, [...ids].sort((a, b) => a - b)] as const);
    toRead.clear();
    for (const [model, ids] of reads) {
      void readModel(model, ids);
    }
  }

  if (orm && bus) {
    const stop = subscribeBus(bus, RECORD_CHANGED, (payload) => {
      const concerned = disposed ? null : concernedRecords(payload, watchedRecords(storeActions(store)));
      if (!concerned) {
        return;
      }
      mergeReads(toRead, concerned);
      clearTimeout(timer);
      timer = setTimeout(flush, delay); // once per burst, with the final state
    });
    onWillUnmount(() => {
      disposed = true;
      clearTimeout(timer);
      stop();
    });
  }
  return live;
}
