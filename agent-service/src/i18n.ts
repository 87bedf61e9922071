/** The agent's own texts, in the languages it speaks. The user's Odoo `lang` picks one. */
export type Lang = "en" | "fr";

export function langOf(odooLang: string | undefined): Lang {
  return odooLang?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

const messages = {
  "error.bad_request": { en: "The request is not valid: {detail}", fr: "La requête n'est pas valide : {detail}" },
  "error.revise": {
    en: "These quantities cannot be used: give one per line, at least one of them above zero.",
    fr: "Ces quantités ne conviennent pas : indiquez-en une par ligne, dont au moins une supérieure à zéro.",
  },
  "error.not_revisable": { en: "This action cannot be edited.", fr: "Cette action ne peut pas être modifiée." },
  "error.signature": { en: "The request is not signed by the Odoo addon.", fr: "La requête n'est pas signée par le module Odoo." },
  "error.not_found_session": { en: "This conversation does not exist.", fr: "Cette conversation n'existe pas." },
  "error.not_found_memory": { en: "This memory does not exist.", fr: "Ce souvenir n'existe pas." },
  "error.not_found_action": { en: "This action does not exist.", fr: "Cette action n'existe pas." },
  "error.conflict_action": {
    en: "This action was already {status}; it was not run again.",
    fr: "Cette action est déjà {status} ; elle n'a pas été relancée.",
  },
  "error.action_busy": {
    en: "This action is being run; try again in a moment.",
    fr: "Cette action est en cours d'exécution ; réessayez dans un instant.",
  },
  "error.rate_limit": {
    en: "You have sent many messages in a short time; wait a minute and try again.",
    fr: "Vous avez envoyé beaucoup de messages en peu de temps ; attendez une minute et réessayez.",
  },
  "error.budget": {
    en: "Your company's monthly copilot budget is used up; it renews next month. Your administrator can raise it.",
    fr: "Le budget mensuel du copilote de votre société est épuisé ; il se renouvelle le mois prochain. Votre administrateur peut l'augmenter.",
  },
  "error.session_busy": {
    en: "Another answer is still being written in this conversation; try again when it is done.",
    fr: "Une autre réponse est encore en cours dans cette conversation ; réessayez quand elle est terminée.",
  },
  "error.unavailable_odoo": {
    en: "Odoo cannot be reached right now; nothing was changed. Try again in a moment.",
    fr: "Odoo est injoignable pour le moment ; rien n'a été modifié. Réessayez dans un instant.",
  },
  "error.unavailable_llm": {
    en: "The language model cannot be reached right now. Try again in a moment.",
    fr: "Le modèle de langage est injoignable pour le moment. Réessayez dans un instant.",
  },
  "error.misconfigured_llm": {
    en: "The language model refused the copilot's request (HTTP {status}): its settings are wrong (API key, model name, address or context size). Trying again will not help; ask your administrator to check them. Nothing was changed.",
    fr: "Le modèle de langage a refusé la requête du copilote (HTTP {status}) : sa configuration est incorrecte (clé d'API, nom du modèle, adresse ou taille de contexte). Réessayer n'y changera rien ; demandez à votre administrateur de la vérifier. Rien n'a été modifié.",
  },
  "error.busy_llm": {
    en: "The language model is busy and asked to wait {seconds} s before trying again. Try again in a moment; nothing was changed.",
    fr: "Le modèle de langage est surchargé et demande d'attendre {seconds} s avant de réessayer. Réessayez dans un instant ; rien n'a été modifié.",
  },
  "error.tool_unknown": {
    en: "There is no tool named {tool}. Use only the tools you were given.",
    fr: "Il n'existe pas d'outil nommé {tool}. N'utilisez que les outils fournis.",
  },
  "error.unavailable_redis": {
    en: "The copilot's memory (Redis) cannot be reached; nothing was changed. Try again in a moment.",
    fr: "La mémoire du copilote (Redis) est injoignable ; rien n'a été modifié. Réessayez dans un instant.",
  },
  "error.not_found_turn": { en: "This answer is no longer available.", fr: "Cette réponse n'est plus disponible." },
  "error.bridge": {
    en: "Odoo's answers do not match what the copilot asked; nothing was changed.",
    fr: "Les réponses d'Odoo ne correspondent pas à ce que le copilote a demandé ; rien n'a été modifié.",
  },
  "error.inflight_user": {
    en: "You already have {count} answers being written; wait for one to finish.",
    fr: "Vous avez déjà {count} réponses en cours ; attendez que l'une d'elles se termine.",
  },
  "error.inflight_company": {
    en: "Your company has {count} answers being written right now; try again in a moment.",
    fr: "Votre société a {count} réponses en cours en ce moment ; réessayez dans un instant.",
  },
  "error.tampered": {
    en: "This action was changed outside the copilot since it was proposed; it was not run. Ask again.",
    fr: "Cette action a été modifiée hors du copilote depuis sa proposition ; elle n'a pas été exécutée. Redemandez-la.",
  },
  "error.agent_lost": {
    en: "The copilot service stopped while writing this answer; nothing was changed. Send your message again.",
    fr: "Le service du copilote s'est arrêté pendant cette réponse ; rien n'a été modifié. Renvoyez votre message.",
  },
  "error.internal": { en: "Something went wrong in the copilot.", fr: "Une erreur est survenue dans le copilote." },
  "error.access": {
    en: "You are not allowed to do this in Odoo: {detail}",
    fr: "Vous n'avez pas le droit de faire cela dans Odoo : {detail}",
  },
  "error.tool_unavailable": {
    en: "You cannot do this here: your Odoo rights (or the apps installed) do not allow it. ({tool})",
    fr: "Vous ne pouvez pas faire cela ici : vos droits dans Odoo (ou les applications installées) ne le permettent pas. ({tool})",
  },
  "error.role_unmapped": {
    en: "This database has no {kind} model. An administrator can choose the model that plays it in Settings › Copilot › Business Objects.",
    fr: "Cette base n'a pas de modèle de {kind}. Un administrateur peut choisir le modèle qui en tient lieu dans Paramètres › Copilot › Objets métier.",
  },
  "error.odoo": { en: "Odoo refused the operation: {detail}", fr: "Odoo a refusé l'opération : {detail}" },
  "status.done": { en: "done", fr: "exécutée" },
  "status.rejected": { en: "cancelled", fr: "annulée" },
  "status.failed": { en: "failed", fr: "en échec" },
  "status.proposed": { en: "proposed", fr: "proposée" },
  "offline.note": {
    en: "_Offline mode: no language model is configured; I read requests with the offline planner, and ask when I am not sure._",
    fr: "_Mode hors ligne : aucun modèle de langage n'est configuré ; je lis les demandes avec le planificateur hors ligne, et je demande quand je ne suis pas sûr._",
  },
  "fallback.note_misconfigured": {
    en: "_The language model refused the request (its configuration needs an administrator): this answer comes from the offline planner._",
    fr: "_Le modèle de langage a refusé la requête (sa configuration demande un administrateur) : cette réponse vient du mode hors ligne._",
  },
  "fallback.note_busy": {
    en: "_The language model is busy right now: this answer comes from the offline planner._",
    fr: "_Le modèle de langage est surchargé pour le moment : cette réponse vient du mode hors ligne._",
  },
  "fallback.note": {
    en: "_The language model cannot be reached right now: this answer comes from the offline planner._",
    fr: "_Le modèle de langage est injoignable pour le moment : cette réponse vient du mode hors ligne._",
  },
  "help.intro": {
    en: "I can help with Odoo. For example:\n- *Create a quote for Deco Addict with 3 Office Chair and 2 Office Lamp*\n- *What is the stock of Large Cabinet?*\n- *Show the draft quotations of Azure Interior*, *Confirm quotation S00001*\n- *Summarize project Office Design*, *Open tasks in Renovations*\n- *Create a task 'Order tiles' in project Renovations for December 15*\n- *What's in the Table Kit?*\n\nType `/` for the commands. Every change is shown to you first and only runs when you confirm.",
    fr: "Je peux vous aider dans Odoo. Par exemple :\n- *Crée un devis pour Deco Addict avec 3 Office Chair et 2 Office Lamp*\n- *Quel est le stock de Large Cabinet ?*\n- *Montre les devis en brouillon d'Azure Interior*, *Confirme le devis S00001*\n- *Résume le projet Office Design*, *Tâches ouvertes du projet Renovations*\n- *Crée une tâche « Commander le carrelage » dans le projet Renovations pour le 15/12*\n- *Composition du kit Table Kit*\n\nTapez `/` pour les commandes. Toute modification vous est d'abord montrée et ne s'exécute qu'après votre confirmation.",
  },
  "help.not_understood": {
    en: "I did not understand this request. What would you like me to do?",
    fr: "Je n'ai pas compris cette demande. Que voulez-vous que je fasse ?",
  },
  "llm.cut": {
    en: "The model's answer was cut off before it was complete, so nothing was done. Please ask again, perhaps in smaller steps.",
    fr: "La réponse du modèle a été coupée avant d'être complète : rien n'a été fait. Reformulez votre demande, éventuellement en plusieurs étapes.",
  },
  "llm.deadline": {
    en: "This answer took longer than {seconds} s, so I stopped it. What was done so far is listed above; ask again, perhaps in smaller steps.",
    fr: "Cette réponse a pris plus de {seconds} s : je l'ai arrêtée. Ce qui a été fait est listé ci-dessus ; reformulez votre demande, éventuellement en plusieurs étapes.",
  },
  "llm.step_limit": {
    en: "I stopped after {steps} steps without reaching an answer. What was done so far is listed above; try asking more precisely.",
    fr: "Je me suis arrêté après {steps} étapes sans parvenir à une réponse. Ce qui a été fait est listé ci-dessus ; reformulez votre demande plus précisément.",
  },
  "help.refuse_destructive": {
    en: "I can't delete or archive data from the chat. Here is what I can do:",
    fr: "Je ne peux pas supprimer ou archiver de données depuis le chat. Voici ce que je sais faire :",
  },
  "planner.ask_product": {
    en: "Which product do you mean? Please give its name or internal reference.",
    fr: "De quel produit s'agit-il ? Donnez son nom ou sa référence interne.",
  },
  "planner.ask_customer": {
    en: "Which customer do you mean? Please give their name.",
    fr: "De quel client s'agit-il ? Donnez son nom.",
  },
  "planner.ask_project": {
    en: "Which project do you mean?",
    fr: "De quel projet s'agit-il ?",
  },
  "planner.ask_task": {
    en: "Which task do you mean? Please give its name.",
    fr: "De quelle tâche s'agit-il ? Donnez son nom.",
  },
  "planner.ask_quotation": {
    en: "Which quotation do you mean? Please give its number (for example S00012).",
    fr: "De quel devis s'agit-il ? Donnez son numéro (par exemple S00012).",
  },
  "planner.confirm_reading": {
    en: "I am not sure I understood. Do you want: {reading}? Answer yes, or rephrase.",
    fr: "Je ne suis pas sûr d'avoir compris. Voulez-vous : {reading} ? Répondez oui, ou reformulez.",
  },
  "planner.out_of_scope": {
    en: "I cannot do that from the chat: deliveries, invoices, payments and purchases are not among what I can do. I can prepare, change, confirm and send quotations, check stock, and work on projects and tasks.",
    fr: "Je ne peux pas faire cela depuis le chat : livraisons, factures, paiements et achats ne font pas partie de ce que je sais faire. Je peux préparer, modifier, confirmer et envoyer des devis, consulter le stock, et travailler sur les projets et les tâches.",
  },
  "planner.use_card": {
    en: "To apply it, click **Confirm** on the card above. Nothing is changed until you do.",
    fr: "Pour l'appliquer, cliquez sur **Confirmer** sur la carte ci-dessus. Rien n'est modifié avant.",
  },
  "planner.ask_title": {
    en: "What should the new task be called?",
    fr: "Quel doit être le titre de la nouvelle tâche ?",
  },
  "planner.ask_change": {
    en: "What should I change on **{task}**: its stage, who it is assigned to, or its deadline?",
    fr: "Que dois-je changer sur **{task}** : son étape, la personne assignée ou son échéance ?",
  },
  "planner.choose": {
    en: "I am not sure what you want. Which one do you mean?\n- {first}\n- {second}\n\nAnswer the first or the second, or rephrase.",
    fr: "Je ne suis pas sûr de ce que vous voulez. Lequel voulez-vous ?\n- {first}\n- {second}\n\nRépondez le premier ou le second, ou reformulez.",
  },
  "quote.ask_customer": {
    en: "For which customer should I prepare the quotation?",
    fr: "Pour quel client dois-je préparer le devis ?",
  },
  "quote.ask_quantity": {
    en: "How many {product} should I add?",
    fr: "Combien de {product} dois-je ajouter ?",
  },
  "quote.ask_lines": {
    en: "Which products, and how many, should the quotation for **{customer}** contain?",
    fr: "Quels produits, et en quelle quantité, le devis pour **{customer}** doit-il contenir ?",
  },
  "quote.summary": {
    en: "Create a quotation for {customer} ({count} lines, {total})",
    fr: "Créer un devis pour {customer} ({count} lignes, {total})",
  },
  "quote.summary_one": {
    en: "Create a quotation for {customer} (1 line, {total})",
    fr: "Créer un devis pour {customer} (1 ligne, {total})",
  },
  "quote.proposed": {
    en: "Here is the quotation I will create for **{customer}**. Check it and click **Confirm** to create it as a draft.",
    fr: "Voici le devis que je vais créer pour **{customer}**. Vérifiez-le puis cliquez sur **Confirmer** pour le créer en brouillon.",
  },
  "quote.created": {
    en: "Quotation **{name}** created for {customer}: [open {name}]({url})",
    fr: "Devis **{name}** créé pour {customer} : [ouvrir {name}]({url})",
  },
  "resolve.none": {
    en: "I found no {kind} named **{query}**. Could you check the name, or give its reference?",
    fr: "Je n'ai trouvé aucun {kind} nommé **{query}**. Pouvez-vous vérifier le nom, ou donner sa référence ?",
  },
  "resolve.did_you_mean": {
    en: "I found no {kind} named exactly **{query}**. Did you mean:",
    fr: "Je n'ai trouvé aucun {kind} nommé exactement **{query}**. Vouliez-vous dire :",
  },
  "resolve.many": {
    en: "Several {kinds} match **{query}**. Which one do you mean?",
    fr: "Plusieurs {kinds} correspondent à **{query}**. Lequel voulez-vous dire ?",
  },
  "kind.customer": { en: "customer", fr: "client" },
  "kind.customers": { en: "customers", fr: "clients" },
  "kind.product": { en: "product", fr: "produit" },
  "kind.products": { en: "products", fr: "produits" },
  "kind.project": { en: "project", fr: "projet" },
  "kind.projects": { en: "projects", fr: "projets" },
  "kind.task": { en: "task", fr: "tâche" },
  "kind.tasks": { en: "tasks", fr: "tâches" },
  "kind.warehouse": { en: "warehouse", fr: "entrepôt" },
  "kind.warehouses": { en: "warehouses", fr: "entrepôts" },
  "stock.in_warehouse": {
    en: "**{product}**: {on_hand} {uom} on hand in {warehouse} ({total} {uom} in all warehouses, {forecast} {uom} forecast).",
    fr: "**{product}** : {on_hand} {uom} en stock dans {warehouse} ({total} {uom} dans tous les entrepôts, {forecast} {uom} prévus).",
  },
  "stock.by_warehouse": { en: "By warehouse: {list}.", fr: "Par entrepôt : {list}." },
  "kind.quotation": { en: "quotation", fr: "devis" },
  "kind.quotations": { en: "quotations", fr: "devis" },
  "kind.user": { en: "user", fr: "utilisateur" },
  "kind.users": { en: "users", fr: "utilisateurs" },
  "kind.stage": { en: "stage", fr: "étape" },
  "kind.stages": { en: "stages", fr: "étapes" },
  "kind.kit": { en: "kit", fr: "kit" },
  "kind.kits": { en: "kits", fr: "kits" },
  "kind.ticket": { en: "ticket", fr: "ticket" },
  "kind.tickets": { en: "tickets", fr: "tickets" },
  "kind.installation": { en: "installation", fr: "installation" },
  "kind.installations": { en: "installations", fr: "installations" },
  "kind.document": { en: "document", fr: "document" },
  "kind.documents": { en: "documents", fr: "documents" },
  "search.customers.none": { en: "No customer matches **{query}**.", fr: "Aucun client ne correspond à **{query}**." },
  "search.customers.found": { en: "Customers matching **{query}**:", fr: "Clients correspondant à **{query}** :" },
  "search.products.none": { en: "No product matches **{query}**.", fr: "Aucun produit ne correspond à **{query}**." },
  "search.products.found": { en: "Products matching **{query}**:", fr: "Produits correspondant à **{query}** :" },
  "search.more": { en: "…and more; refine the search to see them.", fr: "…et d'autres ; affinez la recherche pour les voir." },
  "partner.heading": { en: "**{name}**", fr: "**{name}**" },
  "partner.email": { en: "Email", fr: "E-mail" },
  "partner.phone": { en: "Phone", fr: "Téléphone" },
  "partner.address": { en: "Address", fr: "Adresse" },
  "partner.salesperson": { en: "Salesperson", fr: "Commercial" },
  "partner.vat": { en: "Tax ID", fr: "N° TVA" },
  "partner.ref": { en: "Reference", fr: "Référence" },
  "partner.open_quotations": { en: "Open quotations", fr: "Devis en cours" },
  "partner.sales_orders": { en: "Sales orders", fr: "Commandes" },
  "partner.orders_total": { en: "{count} ({total})", fr: "{count} ({total})" },
  "partner.last_order": { en: "Last order", fr: "Dernière commande" },
  "partner.recent_only": { en: "(from the {limit} most recent orders)", fr: "(sur les {limit} commandes les plus récentes)" },
  "screen.which.customer": { en: "Which customer", fr: "Quel client" },
  "screen.which.quotation": { en: "Which quotation", fr: "Quel devis" },
  "screen.which.project": { en: "Which project", fr: "Quel projet" },
  "screen.which.task": { en: "Which task", fr: "Quelle tâche" },
  "screen.which.product": { en: "Which product", fr: "Quel produit" },
  "screen.ask_none": {
    en: "{which} do you mean? Open its page in Odoo (or select its line in a list) and ask again, or tell me its name.",
    fr: "{which} voulez-vous dire ? Ouvrez sa fiche dans Odoo (ou sélectionnez sa ligne dans une liste) puis redemandez, ou donnez-moi son nom.",
  },
  "screen.ask_which": {
    en: "Several are selected ({names}). {which} do you mean? Tell me its name.",
    fr: "Plusieurs sont sélectionnés ({names}). {which} voulez-vous dire ? Donnez-moi son nom.",
  },
  "stock.line": {
    en: "**{product}**: {on_hand} {uom} on hand, {forecast} {uom} forecast.",
    fr: "**{product}** : {on_hand} {uom} en stock, {forecast} {uom} prévus.",
  },
  "stock.enough": {
    en: "That is enough to sell {quantity}.",
    fr: "C'est suffisant pour en vendre {quantity}.",
  },
  "stock.not_enough": {
    en: "That is not enough to sell {quantity} from stock on hand.",
    fr: "Ce n'est pas suffisant pour en vendre {quantity} depuis le stock disponible.",
  },
  "table.name": { en: "Name", fr: "Nom" },
  "table.reference": { en: "Reference", fr: "Référence" },
  "table.email": { en: "Email", fr: "E-mail" },
  "table.city": { en: "City", fr: "Ville" },
  "table.price": { en: "Price", fr: "Prix" },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** A text in every language, kept beside the tool that says it. */
export type Texts = Record<Lang, string>;

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return say(lang, messages[key], params);
}

export function say(lang: Lang, texts: Texts, params: Record<string, string | number> = {}): string {
  return texts[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}


export type { Currency } from "./format.js";
