// @vitest-environment jsdom
import { Component, xml } from "@odoo/owl";
import { describe, expect, it } from "vitest";

import { currentScreen, describeScreen, trackScreen } from "../../src/odoo/screen";
import { mountComponent, nextTick, setOdooModules } from "./helpers";

/** Odoo's patch(): the extension's methods replace the prototype's, `super` reaching the originals. */
function patch(target: object, extension: object): void {
  const skeleton = Object.create(Object.getPrototypeOf(target) as object) as object;
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(target))) {
    Object.defineProperty(skeleton, key, descriptor);
  }
  Object.setPrototypeOf(extension, skeleton);
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(extension))) {
    Object.defineProperty(target, key, descriptor);
  }
}

type Root = { resModel: string; resId?: number | false; selection?: { resId: number | false }[] };

/** A controller as Odoo's list and form ones keep their records: `model.root`. */
function controller() {
  return class extends Component {
    static template = xml`<div/>`;
    static props = ["root"];
    model!: { root: Root };
    setup() {
      this.model = { root: (this.props as { root: Root }).root };
    }
  };
}
const ListController = controller();
const FormController = controller();
/** A view of an app that extends Odoo's list (project's task list): the patch reaches it too. */
class TaskListController extends ListController {}

const action = (model: string, view: string, type = "ir.actions.act_window", displayName?: string) => ({
  currentController: { action: { type, res_model: model, name: "Action" }, props: { resModel: model }, view: { type: view }, ...(displayName ? { displayName } : {}) },
});

describe("the screen as the turn's context", () => {
  it("sends the form's record and the list's selected lines, of the action on screen only", async () => {
    setOdooModules({
      "@web/core/utils/patch": { patch },
      "@web/views/list/list_controller": { ListController },
      "@web/views/form/form_controller": { FormController },
    });
    trackScreen();
    trackScreen(); // once only, whatever the number of calls
    expect(currentScreen(action("sale.order", "form"))).toBeUndefined();

    await mountComponent(FormController, { root: { resModel: "sale.order", resId: 12 } });
    await nextTick();
    expect(currentScreen(action("sale.order", "form"))).toEqual({ model: "sale.order", ids: [12] });
    // what the panel's chip shows: the breadcrumb's name (the record's, in a form)
    expect(describeScreen(action("sale.order", "form", undefined, "S00012"))).toEqual({ model: "sale.order", ids: [12], key: "sale.order:12", name: "S00012" });
    // a new record has no id yet; a client action (the copilot's full page) shows no records
    await mountComponent(FormController, { root: { resModel: "res.partner", resId: false } });
    expect(currentScreen(action("res.partner", "form"))).toBeUndefined();
    expect(currentScreen(action("sale.order", "form", "ir.actions.client"))).toBeUndefined();

    const selection = [{ resId: 3 }, { resId: 4 }];
    await mountComponent(TaskListController, { root: { resModel: "project.task", selection } });
    expect(currentScreen(action("project.task", "list"))).toEqual({ model: "project.task", ids: [3, 4] });
    expect(describeScreen(action("project.task", "list"))).toMatchObject({ key: "project.task:3,4", name: "Action", selected: 2 });
    selection.splice(0, 2);
    expect(currentScreen(action("project.task", "list"))).toBeUndefined();
    // at most 20 selected lines travel
    selection.push(...Array.from({ length: 30 }, (_, index) => ({ resId: index + 1 })));
    expect(currentScreen(action("project.task", "list"))?.ids).toHaveLength(20);
  });
});
