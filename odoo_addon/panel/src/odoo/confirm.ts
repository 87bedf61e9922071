import { useService } from "@web/core/utils/hooks";

import { confirmationDialog } from "./compat";

export interface ConfirmOptions {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
}

export type Confirm = (options: ConfirmOptions) => Promise<boolean>;

interface DialogService {
  add(component: unknown, props: Record<string, unknown>, options?: { onClose?: () => void }): () => void;
}

/**
 * Asks before something that cannot be taken back, in Odoo's own confirmation dialog (the
 * dialog service, all three versions); the browser's confirm() if that dialog is not found.
 * Call in setup().
 */
export function useConfirm(): Confirm {
  const dialog = useService("dialog") as DialogService | undefined;
  return (options) =>
    new Promise<boolean>((resolve) => {
      const ConfirmationDialog = confirmationDialog();
      if (!dialog || !ConfirmationDialog) {
        resolve(window.confirm(`${options.title}\n\n${options.body}`));
        return;
      }
      dialog.add(
        ConfirmationDialog,
        {
          title: options.title,
          body: options.body,
          confirmLabel: options.confirmLabel,
          cancelLabel: options.cancelLabel,
          confirmClass: "btn-danger",
          confirm: () => resolve(true),
          cancel: () => resolve(false),
        },
        { onClose: () => resolve(false) },
      );
    });
}
