import { afterEach, describe, expect, it, vi } from "vitest";

import { formatDeadline, isOverdue, loadProjects, projectStatusBadge, toProjectItem, type OrmLike } from "../src/projects/projects";

describe("toProjectItem", () => {
  it("maps a project.project search_read record to what the column shows", () => {
    expect(
      toProjectItem({
        id: 5,
        name: "Home Construction",
        task_completion_percentage: 0.19999999999999996,
        date: "2026-11-18",
        open_task_count: 4,
        last_update_status: "on_track",
      }),
    ).toEqual({ id: 5, name: "Home Construction", progress: 20, deadline: "2026-11-18", openTasks: 4, status: "on_track" });
  });

  it("reads Odoo's false as nothing, and leaves out what this version lacks", () => {
    expect(toProjectItem({ id: 2, name: "Research & Development", task_completion_percentage: 0.5, date: false, open_task_count: 0, last_update_status: "to_define" })).toEqual({
      id: 2,
      name: "Research & Development",
      progress: 50,
      deadline: null,
      openTasks: 0,
      status: null,
    });
    expect(toProjectItem({ id: 3, name: "Bare" })).toEqual({ id: 3, name: "Bare", progress: null, deadline: null, openTasks: null, status: null });
  });

  it("keeps the progress between 0 and 100 %", () => {
    expect(toProjectItem({ id: 1, name: "x", task_completion_percentage: 1.2 }).progress).toBe(100);
    expect(toProjectItem({ id: 1, name: "x", task_completion_percentage: -0.1 }).progress).toBe(0);
    expect(toProjectItem({ id: 1, name: "x", task_completion_percentage: 0.004 }).progress).toBe(0);
  });

  it("marks an open project past its deadline as overdue", () => {
    const project = toProjectItem({ id: 1, name: "x", date: "2026-11-18", last_update_status: "at_risk" });
    expect(isOverdue(project, "2026-11-23")).toBe(true);
    expect(isOverdue(project, "2026-11-18")).toBe(false);
    expect(isOverdue({ ...project, status: "done" }, "2026-11-23")).toBe(false);
    expect(isOverdue({ ...project, deadline: null }, "2026-11-23")).toBe(false);
  });

  it("formats the deadline in the user's language, without a time-zone shift", () => {
    expect(formatDeadline("2026-12-04", "fr-FR")).toBe("4 déc. 2026");
    expect(formatDeadline("2026-12-04", "en-US")).toBe("Dec 4, 2026");
  });

  it("gives each update status a badge; none for to_define", () => {
    expect(projectStatusBadge("at_risk", "À risque")).toEqual({ label: "À risque", className: "text-bg-warning" });
    expect(projectStatusBadge("at_risk")).toEqual({ label: "at_risk", className: "text-bg-warning" });
    expect(projectStatusBadge("off_track")?.className).toBe("text-bg-danger");
    expect(projectStatusBadge(null)).toBeNull();
  });
});

/** A stand-in for useService("orm"): answers fields_get and search_read from `fields`. */
function fakeOrm(fields: string[], records: Record<string, unknown>[] = []) {
  const call = vi.fn(async (model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}) => {
    expect(model).toBe("project.project");
    if (method === "fields_get") {
      const wanted = (args[0] as string[]) ?? [];
      return Object.fromEntries(
        wanted
          .filter((name) => fields.includes(name))
          .map((name) => [name, name === "last_update_status" ? { type: "selection", selection: [["at_risk", "À risque"], ["on_track", "En bonne voie"]] } : { type: "char" }]),
      );
    }
    if (method === "search_read") {
      const asked = kwargs.fields as string[];
      return records.map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => key === "id" || asked.includes(key))));
    }
    throw new Error(`unexpected ${method}`);
  });
  return { call } satisfies OrmLike;
}

describe("loadProjects", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads the fields this Odoo has, as the user, all projects or the user's", async () => {
    const orm = fakeOrm(["name", "date", "open_task_count"], [{ id: 1, name: "Office Design", date: "2026-12-04", open_task_count: 12, task_completion_percentage: 0.3 }]);
    await expect(loadProjects(orm)).resolves.toEqual({
      state: "ready",
      projects: [{ id: 1, name: "Office Design", progress: null, deadline: "2026-12-04", openTasks: 12, status: null }],
    });
    expect(orm.call).toHaveBeenNthCalledWith(2, "project.project", "search_read", [], {
      domain: [],
      fields: ["name", "date", "open_task_count"],
      limit: 40,
    });
    await loadProjects(orm, { mine: true, uid: 7 });
    // the status as Odoo names it, from the same fields_get
    const withStatus = fakeOrm(["name", "last_update_status"], [{ id: 2, name: "Renovations", last_update_status: "at_risk" }]);
    await expect(loadProjects(withStatus)).resolves.toMatchObject({ projects: [{ status: "at_risk", statusLabel: "À risque" }] });
    expect(withStatus.call).toHaveBeenNthCalledWith(1, "project.project", "fields_get", [expect.any(Array)], { attributes: ["type", "selection"] });
    expect(orm.call).toHaveBeenLastCalledWith("project.project", "search_read", [], expect.objectContaining({ domain: [["user_id", "=", 7]] }));
  });

  it("is unavailable when the Project app is not installed: no JS module of it, or no such model", async () => {
    vi.stubGlobal("odoo", { loader: { modules: new Map([["@web/core/registry", {}]]) } });
    const orm = fakeOrm(["name"]);
    await expect(loadProjects(orm)).resolves.toEqual({ state: "unavailable" });
    expect(orm.call).not.toHaveBeenCalled();

    vi.unstubAllGlobals();
    const missing = {
      call: vi.fn(async () => {
        throw Object.assign(new Error("'project.project'"), { data: { name: "builtins.KeyError", message: "'project.project'" } });
      }),
    };
    await expect(loadProjects(missing)).resolves.toEqual({ state: "unavailable" });
  });

  it("lets other failures through (shown with a Retry)", async () => {
    vi.stubGlobal("odoo", { loader: { modules: new Map([["@project/views/project_task_form", {}]]) } });
    const denied = {
      call: vi.fn(async () => {
        throw Object.assign(new Error("Access Denied"), { data: { name: "odoo.exceptions.AccessError", message: "You are not allowed to access Project" } });
      }),
    };
    await expect(loadProjects(denied)).rejects.toThrow("Access Denied");
  });
});
