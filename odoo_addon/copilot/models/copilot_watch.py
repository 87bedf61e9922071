# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

#: Lists the agent caches (its webhook retires them at once when they change).
CACHED_MODELS = frozenset({'project.project', 'project.task.type', 'stock.warehouse'})
#: Records the open panel shows: a change is pushed to it on Odoo's bus.
LIVE_MODELS = frozenset({'project.project', 'project.task', 'sale.order'})
WATCHED_MODELS = CACHED_MODELS | LIVE_MODELS
#: The bus notification the panel subscribes to.
BUS_TYPE = 'copilot/record_changed'


class Base(models.AbstractModel):
    """Tells the copilot when a record it caches or shows changes, whatever made the change.

    Inherits ``base`` because the watched models belong to apps the addon does not depend on
    (project, sale, stock); for every other model the cost is one set lookup per write.
    After the transaction commits: the agent's signed webhook (cache), and a bus notification to
    the users concerned (the open panel refreshes). Nothing is sent for a rolled-back change.
    """

    _inherit = 'base'

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._name in WATCHED_MODELS and records:
            records._copilot_changed()
        return records

    def write(self, vals):
        result = super().write(vals)
        if self._name in WATCHED_MODELS and self:
            self._copilot_changed()
        return result

    def unlink(self):
        if self._name in WATCHED_MODELS and self:
            self._copilot_changed()
        return super().unlink()

    def _copilot_changed(self):
        """Queue this change for the commit (the bus notification, the agent's webhook)."""
        pending = self.env.cr.precommit.data.setdefault('copilot.changed', {})
        first = not pending
        entry = pending.setdefault(self._name, {'ids': set(), 'partners': set()})
        entry['ids'].update(self.ids)
        entry['partners'].add(self.env.user.partner_id.id)
        for field in ('user_id', 'user_ids'):
            if field in self._fields:
                # sudo: the assignee's partner, to notify them; no data goes to the writer
                entry['partners'].update(self.sudo()[field].partner_id.ids)
        if first:
            self.env.cr.precommit.add(self._copilot_notify_bus)
            # the models are read at the commit: every model the transaction changed
            self.env['copilot.agent']._post_after_commit(
                'copilot.webhook', '/v1/webhooks/odoo', lambda: self._copilot_webhook_payload(pending),
            )

    @api.model
    def _copilot_notify_bus(self):
        """Bus notifications are written in the transaction and sent by Odoo once it commits."""
        pending = self.env.cr.precommit.data.get('copilot.changed', {})
        for model, entry in pending.items():
            if model not in LIVE_MODELS:
                continue
            payload = {'model': model, 'ids': sorted(entry['ids'])}
            for partner in self.env['res.partner'].browse(sorted(entry['partners'])).exists():
                self.env['bus.bus']._sendone(partner, BUS_TYPE, payload)

    @api.model
    def _copilot_webhook_payload(self, pending):
        """The webhook's body: the cached models the transaction changed, or ``None``."""
        models_changed = sorted(model for model in pending if model in CACHED_MODELS)
        return {'db': self.env.cr.dbname, 'models': models_changed} if models_changed else None
