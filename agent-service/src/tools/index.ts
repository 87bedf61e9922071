import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { askProjectTool } from "./ask-project.tool.js";
import { confirmQuotationTool } from "./confirm-quotation.tool.js";
import { createQuotationTool } from "./create-quotation.tool.js";
import { createTaskTool } from "./create-task.tool.js";
import { exportPdfTool } from "./export-pdf.tool.js";
import { getPartnerTool } from "./get-partner.tool.js";
import { getQuotationTool } from "./get-quotation.tool.js";
import { getStockTool } from "./get-stock.tool.js";
import { getTaskTool } from "./get-task.tool.js";
import { listDocumentsTool } from "./list-documents.tool.js";
import { listInstallationsTool, listTicketsTool } from "./list-mapped.tool.js";
import { listProjectsTool } from "./list-projects.tool.js";
import { listQuotationsTool } from "./list-quotations.tool.js";
import { listTasksTool } from "./list-tasks.tool.js";
import { logProjectNoteTool } from "./log-project-note.tool.js";
import { forgetTool, rememberTool } from "./remember.tool.js";
import { projectSummaryTool } from "./project-summary.tool.js";
import { searchCustomersTool } from "./search-customers.tool.js";
import { searchProductsTool } from "./search-products.tool.js";
import { showKitTool } from "./show-kit.tool.js";
import { sendQuotationTool } from "./send-quotation.tool.js";
import { updateQuotationTool } from "./update-quotation.tool.js";
import { updateTaskTool } from "./update-task.tool.js";
import { undoTool } from "./undo.tool.js";
import type { ToolDefinition } from "./types.js";

/** The one list of tools: it feeds the language model, the offline planner and the API. */
export const catalog: readonly ToolDefinition[] = [
  searchCustomersTool,
  searchProductsTool,
  createQuotationTool,
  getStockTool,
  listQuotationsTool,
  getQuotationTool,
  updateQuotationTool,
  confirmQuotationTool,
  sendQuotationTool,
  listProjectsTool,
  projectSummaryTool,
  askProjectTool,
  listTasksTool,
  getTaskTool,
  createTaskTool,
  updateTaskTool,
  logProjectNoteTool,
  showKitTool,
  getPartnerTool,
  listDocumentsTool,
  listTicketsTool,
  listInstallationsTool,
  exportPdfTool,
  undoTool,
  rememberTool,
  forgetTool,
];

export function findTool(name: string): ToolDefinition | undefined {
  return catalog.find((tool) => tool.name === name);
}

/** A JSON Schema object, as tools' parameters are sent to a model or an MCP client. */
export type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; [key: string]: unknown };

const parameters = new Map<string, JsonSchema>();
/** A tool's parameters as JSON Schema (as LangChain converts its zod schema), computed once per tool. */
export function parametersOf(name: string): JsonSchema | undefined {
  const tool = findTool(name);
  if (!tool) return undefined;
  let schema = parameters.get(name);
  if (!schema) {
    schema = toJsonSchema(tool.schema as Parameters<typeof toJsonSchema>[0]) as JsonSchema;
    parameters.set(name, schema);
  }
  return schema;
}

export type { ToolDefinition } from "./types.js";
