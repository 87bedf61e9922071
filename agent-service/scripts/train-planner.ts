/** Build step: trains the offline planner's classifier and saves it beside the service (dist/planner-model.json). */
import { writeFileSync } from "node:fs";
import { trainClassifier } from "../src/agent/planner/classifier.js";
import { plannerPhrases } from "../src/agent/planner/reader.js";

const started = performance.now();
const classifier = await trainClassifier(plannerPhrases());
const out = process.argv[2] ?? "dist/planner-model.json";
writeFileSync(out, JSON.stringify(classifier.toJSON()));
process.stdout.write(`planner model: ${out} (${Math.round(performance.now() - started)} ms)\n`);
