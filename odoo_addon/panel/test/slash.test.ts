import { describe, expect, it } from "vitest";

import { menuKeydown } from "../src/slash/menu_keys";
import {
  commandText,
  displayName,
  filterCommands,
  findCommand,
  otherName,
  parseSlashInput,
  SLASH_COMMANDS,
  slashLabel,
  slashUsage,
  withArgument,
} from "../src/slash/slash_commands";

const names = (lang: string, query: string) => filterCommands(query, lang).map((command) => displayName(command, lang));

describe("slash commands", () => {
  it("lists every command for a bare slash, in the catalog's order, named in the user's language", () => {
    expect(names("en-US", "")).toEqual(["quote", "stock", "summarize_project", "create_task", "show_kit", "customer", "export_pdf", "undo", "new", "help"]);
    expect(names("fr-FR", "")).toEqual(["devis", "stock", "résumer_projet", "créer_tâche", "afficher_kit", "client", "exporter_pdf", "annuler", "nouveau", "aide"]);
    // The other name shows beside it; none when both are the same.
    const quote = findCommand("quote")!;
    expect(otherName(quote, "fr-FR")).toBe("quote");
    expect(otherName(quote, "en-US")).toBe("devis");
    expect(otherName(findCommand("stock")!, "fr-FR")).toBe("");
  });

  it("filters as the user types: name prefixes first, then inside a name, then the description", () => {
    expect(names("en-US", "q")).toEqual(["quote"]);
    expect(names("en-US", "s")[0]).toBe("stock");
    // Then inside a name (either one: "devis", "create_task"); one letter never searches the descriptions.
    expect(names("en-US", "s")).toEqual(["stock", "summarize_project", "show_kit", "quote", "create_task", "customer"]);
    // Either name finds the command, accents and case ignored.
    expect(names("en-US", "devis")).toEqual(["quote"]);
    expect(names("fr-FR", "resum")).toEqual(["résumer_projet"]);
    expect(names("fr-FR", "CREER")).toEqual(["créer_tâche"]);
    expect(names("fr-FR", "kit")).toEqual(["afficher_kit"]);
    // In the description: "PDF" is in "This conversation as a PDF" and in the name.
    expect(names("en-US", "pdf")).toEqual(["export_pdf"]);
    expect(names("en-US", "conversation")).toEqual(["export_pdf", "new"]);
    expect(names("en-US", "zzz")).toEqual([]);
  });

  it("has a label for every command, in the user's language (the tools' from their declarations)", () => {
    for (const command of SLASH_COMMANDS) {
      expect(slashLabel(command, "en-US")).not.toBe(command.name);
      expect(slashLabel(command, "fr-FR")).not.toBe(command.name);
    }
    expect(slashLabel(SLASH_COMMANDS.find((command) => command.name === "quote")!, "fr-FR")).toBe("Préparer un devis pour un client");
    expect(slashUsage(SLASH_COMMANDS.find((command) => command.name === "quote")!, "fr-FR")).toBe("client : 3 Office Chair, 2 Office Lamp");
    expect(slashUsage(SLASH_COMMANDS.find((command) => command.name === "export_pdf")!, "en-US")).toBe("");
  });

  it("reads a command being typed, then its argument while it can be completed", () => {
    expect(parseSlashInput("/")).toEqual({ kind: "command", query: "" });
    expect(parseSlashInput("/dev")).toEqual({ kind: "command", query: "dev" });
    expect(parseSlashInput("/devis Deco")).toMatchObject({ kind: "argument", typed: "devis", argument: "Deco", command: { name: "quote" } });
    expect(parseSlashInput("/stock ")).toMatchObject({ kind: "argument", argument: "", command: { name: "stock", argument: { model: "product.product" } } });
    expect(parseSlashInput("/Résumer_Projet Office")).toMatchObject({ command: { name: "summarize_project", argument: { model: "project.project" } } });
    // The argument is complete once its separator is typed.
    expect(parseSlashInput("/devis Deco Addict: 3 Office Chair")).toBeNull();
    expect(parseSlashInput("/quote Deco Addict with 3 Office Chair")).toBeNull();
    expect(parseSlashInput("/create_task Office Design: Order the tiles")).toBeNull();
    // No argument to complete, an unknown command, or not a command at all.
    expect(parseSlashInput("/help me")).toBeNull();
    expect(parseSlashInput("/unknown thing")).toBeNull();
    expect(parseSlashInput("Bonjour /devis")).toBeNull();
    expect(parseSlashInput("")).toBeNull();
    expect(parseSlashInput("/path/to")).toBeNull();
  });

  it("writes the picked name with the separator the command expects", () => {
    const quote = parseSlashInput("/devis Deco");
    const stock = parseSlashInput("/stock Chair");
    if (quote?.kind !== "argument" || stock?.kind !== "argument") {
      throw new Error("expected arguments");
    }
    expect(withArgument(quote, "Deco Addict")).toBe("/devis Deco Addict: ");
    expect(withArgument(stock, "[FURN_7777] Office Chair")).toBe("/stock [FURN_7777] Office Chair");
    expect(commandText(findCommand("help")!, "fr-FR")).toBe("/aide");
    expect(commandText(findCommand("aide")!, "en-GB")).toBe("/help");
    expect(findCommand("nouveau")).toMatchObject({ name: "new", local: true });
    expect(findCommand("creer_tache")?.name).toBe("create_task");
  });
});

describe("the slash menu's keyboard", () => {
  it("moves with Up and Down, wrapping around", () => {
    expect(menuKeydown("ArrowDown", 0, 3)).toEqual({ handled: true, active: 1 });
    expect(menuKeydown("ArrowDown", 2, 3)).toEqual({ handled: true, active: 0 });
    expect(menuKeydown("ArrowUp", 0, 3)).toEqual({ handled: true, active: 2 });
    expect(menuKeydown("ArrowUp", 2, 3)).toEqual({ handled: true, active: 1 });
    // A highlighted index left over from a longer list is brought back in range.
    expect(menuKeydown("ArrowDown", 7, 3)).toEqual({ handled: true, active: 0 });
  });

  it("picks with Enter and Tab, closes with Escape", () => {
    expect(menuKeydown("Enter", 1, 3)).toEqual({ handled: true, active: 1, pick: true });
    expect(menuKeydown("Tab", 2, 3)).toEqual({ handled: true, active: 2, pick: true });
    expect(menuKeydown("Escape", 1, 3)).toEqual({ handled: true, active: 1, close: true });
  });

  it("leaves the other keys to the input", () => {
    expect(menuKeydown("a", 1, 3).handled).toBe(false);
    expect(menuKeydown("ArrowLeft", 1, 3).handled).toBe(false);
    // Shift+Enter writes a new line, Shift+Tab moves the focus back.
    expect(menuKeydown("Enter", 1, 3, { shift: true }).handled).toBe(false);
    expect(menuKeydown("Tab", 1, 3, { shift: true }).handled).toBe(false);
  });

  it("with nothing listed (a search running or no match), Enter sends and the arrows move the caret", () => {
    expect(menuKeydown("Enter", 0, 0)).toEqual({ handled: false, active: 0 });
    expect(menuKeydown("Tab", 0, 0).handled).toBe(false);
    expect(menuKeydown("ArrowDown", 0, 0).handled).toBe(false);
    expect(menuKeydown("ArrowUp", 0, 0).handled).toBe(false);
    expect(menuKeydown("Escape", 0, 0)).toEqual({ handled: true, active: 0, close: true });
  });
});
