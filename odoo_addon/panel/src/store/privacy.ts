/**
 * What the agent keeps about the user, in the full page's privacy section: the memories (listed,
 * deleted one by one), and the whole history, exported or deleted at once.
 */

import { _t } from "../odoo/l10n";
import type { CopilotStore } from "./copilot_store";
import { describeError } from "./describe_error";

export async function loadMemories(store: CopilotStore): Promise<void> {
  store.memoriesState = "loading";
  store.memoriesError = "";
  try {
    const { memories } = await store.api.memories();
    store.memories = memories ?? [];
    store.memoriesState = "ready";
  } catch (error) {
    store.memoriesState = "error";
    store.memoriesError = describeError(error);
  }
}

export async function deleteMemory(store: CopilotStore, memoryId: string): Promise<boolean> {
  if (store.memoryRequests[memoryId]) {
    return false;
  }
  store.memoryRequests[memoryId] = true;
  store.memoriesError = "";
  try {
    await store.api.deleteMemory(memoryId);
    store.memories = store.memories.filter((memory) => memory.id !== memoryId);
    return true;
  } catch (error) {
    store.memoriesError = describeError(error);
    return false;
  } finally {
    delete store.memoryRequests[memoryId];
  }
}

/** The user's whole history as the agent exports it, or undefined (the error is shown). */
export async function exportHistory(store: CopilotStore): Promise<unknown> {
  if (store.historyRequest) {
    return undefined;
  }
  store.historyRequest = "export";
  store.historyError = "";
  store.historyNotice = "";
  try {
    return await store.api.exportHistory();
  } catch (error) {
    store.historyError = describeError(error);
    return undefined;
  } finally {
    store.historyRequest = "";
  }
}

/** Deletes every conversation and memory of the user (after the UI's confirmation). */
export async function deleteHistory(store: CopilotStore): Promise<boolean> {
  if (store.historyRequest) {
    return false;
  }
  store.historyRequest = "delete";
  store.historyError = "";
  store.historyNotice = "";
  try {
    await store.api.deleteHistory();
    store.newConversation();
    store.sessions = [];
    store.memories = [];
    store.historyNotice = _t("Your conversations and memories were deleted.");
    return true;
  } catch (error) {
    store.historyError = describeError(error);
    return false;
  } finally {
    store.historyRequest = "";
  }
}
