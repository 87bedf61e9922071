import { say, type Lang, type Texts } from "../i18n.js";

/** A project's last status update, as Odoo names it. */
const projectStatus: Record<string, Texts> = {
  on_track: { en: "On Track", fr: "En bonne voie" },
  at_risk: { en: "At Risk", fr: "À risque" },
  off_track: { en: "Off Track", fr: "En retard" },
  on_hold: { en: "On Hold", fr: "En attente" },
  to_define: { en: "Set Status", fr: "Statut à définir" },
  done: { en: "Done", fr: "Fait" },
};

export function projectStatusLabel(lang: Lang, status: unknown): string {
  const texts = projectStatus[String(status)];
  return texts ? say(lang, texts) : "";
}

/** Task states that mean the task is over (Odoo 17+ `state`). */
export const CLOSED_TASK_STATES = ["1_done", "1_canceled"];

export function percent(value: unknown): string {
  return `${Math.round(Number(value ?? 0) * 100)} %`;
}
