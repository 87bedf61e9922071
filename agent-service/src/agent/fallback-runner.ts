import { AppError } from "../errors.js";
import { createPlannerRunner } from "./planner/planner-runner.js";
import type { Runner } from "./runner.js";

/**
 * The language model first; when it cannot be reached (after its retries), the offline planner
 * answers the requests it understands, and says so. Anything else still gets the clear error.
 */
export function withPlannerFallback(primary: Runner): Runner {
  const planner = createPlannerRunner({ note: "fallback.note" });
  const plannerMisconfigured = createPlannerRunner({ note: "fallback.note_misconfigured" });
  const plannerBusy = createPlannerRunner({ note: "fallback.note_busy" });
  return {
    mode: primary.mode,
    usesHistory: primary.usesHistory,
    async run(input) {
      try {
        return await primary.run(input);
      } catch (error) {
        const unreachable = error instanceof AppError && (error.code === "unavailable:llm" || error.code === "misconfigured:llm" || error.code === "busy:llm");
        if (!unreachable || input.signal.aborted || !(await planner.understands(input))) throw error;
        // a model that refuses the request is not "unreachable": the note says which
        const answer = error.code === "misconfigured:llm" ? plannerMisconfigured : error.code === "busy:llm" ? plannerBusy : planner;
        return { ...(await answer.run(input)), ...(error.usage ? { usage: error.usage } : {}), modelFailure: error.code, modelFailureReason: String(error.params.reason ?? "") };
      }
    },
  };
}
