import { createQuotationTool } from "./create-quotation.tool.js";
import { getStockTool } from "./get-stock.tool.js";
import { searchCustomersTool } from "./search-customers.tool.js";
import { searchProductsTool } from "./search-products.tool.js";
import type { ToolDefinition } from "./types.js";

/** The one list of tools: it feeds the language model, the offline planner and the API. */
export const catalog: readonly ToolDefinition[] = [searchCustomersTool, searchProductsTool, getStockTool, createQuotationTool];

export function findTool(name: string): ToolDefinition | undefined {
  return catalog.find((tool) => tool.name === name);
}

export type { ToolDefinition } from "./types.js";
