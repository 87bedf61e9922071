# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Project: a task the copilot created is archived (its history and links stay)."""
from odoo import _

from .rule import UndoRule, register


@register
class ProjectTaskUndo(UndoRule):
    model = 'project.task'
    methods = ('create',)

    def undo(self, tasks, values_after):
        before = self.log._read_values(tasks, ['active'])
        tasks.write({'active': False})
        after = self.log._read_values(tasks, ['active'])
        names = ', '.join(tasks.mapped('display_name'))
        return 'archive', _("Task %(name)s archived.", name=names), before, after
