// Generated from the agent's tool declarations (agent-service/src/tools) by
// `npm run generate -w agent-service`: do not edit; a test fails when it is stale.

export interface DeclaredCommand {
  /** The tool the command runs. */
  tool: string;
  name: string;
  frName: string;
  argument?: { model: string; suffix: string };
  label: { en: string; fr: string };
  usage?: { en: string; fr: string };
}

export const DECLARED_COMMANDS: readonly DeclaredCommand[] = [
  {
    "tool": "create_quotation",
    "name": "quote",
    "frName": "devis",
    "argument": {
      "model": "res.partner",
      "suffix": ": "
    },
    "label": {
      "en": "Prepare a quotation for a customer",
      "fr": "Préparer un devis pour un client"
    },
    "usage": {
      "en": "customer: 3 Office Chair, 2 Office Lamp",
      "fr": "client : 3 Office Chair, 2 Office Lamp"
    }
  },
  {
    "tool": "get_stock",
    "name": "stock",
    "frName": "stock",
    "argument": {
      "model": "product.product",
      "suffix": ""
    },
    "label": {
      "en": "Stock of a product",
      "fr": "Stock d'un produit"
    },
    "usage": {
      "en": "product",
      "fr": "produit"
    }
  },
  {
    "tool": "project_summary",
    "name": "summarize_project",
    "frName": "résumer_projet",
    "argument": {
      "model": "project.project",
      "suffix": ""
    },
    "label": {
      "en": "Summary of a project",
      "fr": "Résumé d'un projet"
    },
    "usage": {
      "en": "project",
      "fr": "projet"
    }
  },
  {
    "tool": "create_task",
    "name": "create_task",
    "frName": "créer_tâche",
    "argument": {
      "model": "project.project",
      "suffix": ": "
    },
    "label": {
      "en": "Create a task in a project",
      "fr": "Créer une tâche dans un projet"
    },
    "usage": {
      "en": "project: task title",
      "fr": "projet : titre de la tâche"
    }
  },
  {
    "tool": "show_kit",
    "name": "show_kit",
    "frName": "afficher_kit",
    "argument": {
      "model": "product.product",
      "suffix": ""
    },
    "label": {
      "en": "Components of a kit",
      "fr": "Composants d'un kit"
    },
    "usage": {
      "en": "kit",
      "fr": "kit"
    }
  },
  {
    "tool": "get_partner",
    "name": "customer",
    "frName": "client",
    "argument": {
      "model": "res.partner",
      "suffix": ""
    },
    "label": {
      "en": "A customer at a glance",
      "fr": "Un client en un coup d'œil"
    },
    "usage": {
      "en": "customer",
      "fr": "client"
    }
  },
  {
    "tool": "export_pdf",
    "name": "export_pdf",
    "frName": "exporter_pdf",
    "label": {
      "en": "This conversation as a PDF",
      "fr": "Cette conversation en PDF"
    }
  },
  {
    "tool": "undo",
    "name": "undo",
    "frName": "annuler",
    "label": {
      "en": "Undo my last change",
      "fr": "Annuler ma dernière modification"
    }
  }
];
