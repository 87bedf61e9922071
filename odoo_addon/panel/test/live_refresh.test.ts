import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { subscribeBus, type BusServiceLike } from "../src/odoo/compat";
import { concernsProjectList, createLiveRefresh, parseRecordChanged, RECORD_CHANGED } from "../src/projects/live_refresh";

describe("parseRecordChanged / concernsProjectList", () => {
  it("reads the addon's {model, ids} payload", () => {
    expect(parseRecordChanged({ model: "project.task", ids: [3, 4] })).toEqual({ model: "project.task", ids: [3, 4] });
    expect(parseRecordChanged({ model: "sale.order", ids: "x" })).toEqual({ model: "sale.order", ids: [] });
    expect(parseRecordChanged(null)).toBeNull();
    expect(parseRecordChanged({ ids: [1] })).toBeNull();
  });

  it("reloads the column for projects and tasks only", () => {
    expect(concernsProjectList({ model: "project.project", ids: [1] })).toBe(true);
    expect(concernsProjectList({ model: "project.task", ids: [9] })).toBe(true);
    expect(concernsProjectList({ model: "sale.order", ids: [7] })).toBe(false);
    expect(concernsProjectList("project.task")).toBe(false);
  });
});

describe("createLiveRefresh", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reloads once, 500 ms after the last change of a burst", () => {
    const refresh = vi.fn();
    const live = createLiveRefresh(refresh, 500);
    live.notify({ model: "project.task", ids: [1] });
    vi.advanceTimersByTime(300);
    live.notify({ model: "project.task", ids: [2] });
    vi.advanceTimersByTime(300);
    live.notify({ model: "project.project", ids: [1] });
    vi.advanceTimersByTime(499);
    expect(refresh).not.toHaveBeenCalled();
    expect(live.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(live.pending).toBe(false);
  });

  it("reloads again for a later burst", () => {
    const refresh = vi.fn();
    const live = createLiveRefresh(refresh, 500);
    live.notify({ model: "project.task", ids: [1] });
    vi.advanceTimersByTime(500);
    live.notify({ model: "project.task", ids: [1] });
    vi.advanceTimersByTime(500);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("ignores sale orders and foreign payloads", () => {
    const refresh = vi.fn();
    const live = createLiveRefresh(refresh, 500);
    live.notify({ model: "sale.order", ids: [5] });
    live.notify(undefined);
    vi.advanceTimersByTime(1000);
    expect(refresh).not.toHaveBeenCalled();
    expect(live.pending).toBe(false);
  });

  it("drops a pending reload and what follows once disposed (unmounted column)", () => {
    const refresh = vi.fn();
    const live = createLiveRefresh(refresh, 500);
    live.notify({ model: "project.task", ids: [1] });
    live.dispose();
    live.notify({ model: "project.task", ids: [2] });
    vi.advanceTimersByTime(1000);
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("subscribeBus", () => {
  it("17: passes the payload only, and mutes the listener when stopped (no unsubscribe)", () => {
    let listener: ((payload: unknown, ...rest: unknown[]) => void) | undefined;
    const bus: BusServiceLike = { subscribe: (_type, cb) => (listener = cb), isActive: true };
    const seen: unknown[][] = [];
    const stop = subscribeBus(bus, RECORD_CHANGED, (...args) => seen.push(args));
    listener!({ model: "project.task", ids: [1] });
    stop();
    listener!({ model: "project.task", ids: [2] });
    expect(seen).toEqual([[{ model: "project.task", ids: [1] }]]);
  });

  it("18+: reads only the first argument and unsubscribes the same callback", () => {
    const subscribe = vi.fn();
    const unsubscribe = vi.fn();
    const seen: unknown[][] = [];
    const stop = subscribeBus({ subscribe, unsubscribe, isActive: true }, RECORD_CHANGED, (...args) => seen.push(args));
    expect(subscribe).toHaveBeenCalledWith(RECORD_CHANGED, expect.any(Function));
    const callback = subscribe.mock.calls[0]![1] as (payload: unknown, meta: unknown) => void;
    callback({ model: "project.project", ids: [1] }, { id: 42 });
    expect(seen).toEqual([[{ model: "project.project", ids: [1] }]]);
    stop();
    expect(unsubscribe).toHaveBeenCalledWith(RECORD_CHANGED, callback);
  });

  it("starts an inactive bus, and does nothing without a bus", () => {
    const start = vi.fn();
    subscribeBus({ subscribe: vi.fn(), start, isActive: false }, RECORD_CHANGED, () => {});
    expect(start).toHaveBeenCalledTimes(1);
    expect(() => subscribeBus(undefined, RECORD_CHANGED, () => {})()).not.toThrow();
  });
});
