/**
 * The screen the user looks at, sent with a message as the turn's `context.screen` so that "this
 * customer", "ce devis" or "these tasks" mean the record open in a form or the lines selected in a
 * list. Only the model and the ids travel: the agent reads the names again, as the user.
 *
 * Odoo keeps a view's records in its controller's model (`model.root`: `resId` in a form,
 * `selection` in a list), which no service exposes. The launcher (loaded on every page, before
 * any view) patches the list and form controllers, through `odoo.loader.modules` as compat.ts
 * does, to note the ones on screen; the panel, loaded later, reads them here. The same in 17, 18
 * and 19: `@web/views/{list,form}/…_controller`, `@web/core/utils/patch` (`patch(proto, ext)`).
 */
import { onMounted, onWillUnmount } from "@odoo/owl";
import { registry } from "@web/core/registry";

/** At most this many selected lines are sent (the agent reads no more). */
export const SCREEN_MAX_IDS = 20;

export interface Screen {
  model: string;
  ids: number[];
}

interface RootLike {
  resModel?: string;
  resId?: number | false;
  selection?: { resId?: number | false }[];
}
interface ControllerLike {
  model?: { root?: RootLike };
}
interface ActionLike {
  currentController?: {
    action?: { type?: string; res_model?: string; name?: string; display_name?: string };
    props?: { resModel?: string };
    view?: { type?: string };
    /** The breadcrumb's text: a form's record name, a list's action name (17, 18, 19). */
    displayName?: string;
  } | null;
}

/** What the panel shows of the screen it will send: the record's or the list's name, and how many lines are selected. */
export interface ScreenView extends Screen {
  /** The same screen has the same key (the user may set it aside until it changes). */
  key: string;
  name: string;
  /** A list's selected lines; undefined for a form. */
  selected?: number;
}

/** The controllers mounted now, newest last (a form in a dialog sits above the page's). */
interface Shown {
  list: ControllerLike[];
  form: ControllerLike[];
  /** Odoo's action service: which action, model and view are on screen. */
  action?: ActionLike;
}

function shown(): Shown | undefined {
  return registry.category("copilot").get("screen", undefined) as Shown | undefined;
}

function loaded(name: string): Record<string, unknown> | undefined {
  try {
    return odoo.loader?.modules.get(name) as Record<string, unknown> | undefined;
  } catch {
    return undefined;
  }
}

type Patch = (target: object, extension: object) => unknown;

/** Called once by the launcher's service (every module is loaded by then), with Odoo's action service. */
export function trackScreen(action?: ActionLike): void {
  if (shown()) {
    return;
  }
  const state: Shown = { list: [], form: [], action };
  registry.category("copilot").add("screen", state, { force: true });
  const patch = loaded("@web/core/utils/patch")?.patch as Patch | undefined;
  const targets: ["list" | "form", unknown][] = [
    ["list", loaded("@web/views/list/list_controller")?.ListController],
    ["form", loaded("@web/views/form/form_controller")?.FormController],
  ];
  for (const [kind, Controller] of targets) {
    const prototype = (Controller as { prototype?: object } | undefined)?.prototype;
    if (!patch || !prototype) {
      continue;
    }
    patch(prototype, {
      setup(this: ControllerLike, ...args: unknown[]) {
        // patch() makes the original method this object's `super`, in 17, 18 and 19
        super.setup(...args);
        onMounted(() => state[kind].push(this));
        onWillUnmount(() => {
          const at = state[kind].lastIndexOf(this);
          if (at !== -1) {
            state[kind].splice(at, 1);
          }
        });
      },
    });
  }
}

/** The same records of the same model give the same key. */
export function screenKey(screen: Screen): string {
  return `${screen.model}:${screen.ids.join(",")}`;
}

/** The screen behind the panel, or undefined (no list or form of records, or nothing selected). */
export function currentScreen(action?: ActionLike): Screen | undefined {
  const view = describeScreen(action);
  return view ? { model: view.model, ids: view.ids } : undefined;
}

/** The screen behind the panel as the panel shows it (a chip above the input), or undefined. */
export function describeScreen(action?: ActionLike): ScreenView | undefined {
  const state = shown();
  let controller: NonNullable<ActionLike["currentController"]> | undefined;
  try {
    controller = (action ?? state?.action)?.currentController ?? undefined;
  } catch {
    return undefined; // no action yet
  }
  if (!controller || !state || controller.action?.type !== "ir.actions.act_window") {
    return undefined;
  }
  const model = controller.props?.resModel ?? controller.action.res_model;
  const viewType = controller.view?.type;
  if (!model) {
    return undefined;
  }
  const mine = (list: ControllerLike[]) => [...list].reverse().find((entry) => entry.model?.root?.resModel === model)?.model?.root;
  let ids: unknown[] = [];
  if (viewType === "form") {
    ids = [mine(state.form)?.resId];
  } else if (viewType === "list") {
    ids = (mine(state.list)?.selection ?? []).map((record) => record.resId);
  }
  const valid = ids.filter((id): id is number => Number.isInteger(id) && (id as number) > 0).slice(0, SCREEN_MAX_IDS);
  if (!valid.length) {
    return undefined;
  }
  const name = String(controller.displayName || controller.action.display_name || controller.action.name || model);
  return {
    model,
    ids: valid,
    key: screenKey({ model, ids: valid }),
    name,
    ...(viewType === "list" ? { selected: ids.length } : {}),
  };
}
