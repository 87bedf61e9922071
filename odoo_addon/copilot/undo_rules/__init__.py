# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Undo rules: how each app's changes made by the copilot are undone, beyond a ``write``.

The generic undo writes back the values a ``write`` replaced, on any model. A creation, a
note, a confirmation... are undone (or refused) by the rule registered for the logged model
and method; a change that is no ``write`` and has no rule cannot be undone by the copilot.
A rule is a file of this package that registers itself (:func:`register`); the generic code
names no app.
"""
from .rule import RULES, UndoRule, register, rule_for

from . import mail_note
from . import project_task
from . import sale_order
