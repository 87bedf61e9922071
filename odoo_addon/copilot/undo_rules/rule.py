# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What an undo rule is, and the registry the rules add themselves to."""

#: ``{(model, method): rule class}``; a model ``None`` covers that method on every model.
RULES = {}


class UndoRule:
    """How the copilot undoes, or refuses to undo, the logged calls of ``methods`` on ``model``.

    A rule is made for one log entry (:func:`rule_for`): ``self.log`` is the entry and
    ``self.env`` its environment, the user's, so that ``_()`` speaks their language. The
    generic undo (``models/copilot_action_log_undo.py``) calls, in this order:
    :meth:`refuse`, then, once the entry and its records are found in order, :meth:`check`,
    the write date check (when :attr:`check_write_date`), and :meth:`undo`.
    """

    #: the model whose logged calls the rule undoes; ``None``: any model
    model = None
    #: the logged methods it undoes (or refuses)
    methods = ()
    #: whether the records must still be as the copilot left them (same ``write_date``)
    check_write_date = True

    def __init__(self, log):
        self.log = log
        self.env = log.env

    def refuse(self):
        """Raise a ``UserError`` when this kind of change is never undone by the copilot."""

    def check(self, records, values_after):
        """Raise a ``UserError`` when the change cannot be undone now.

        :param records: the entry's records, as the user; all of them exist
        :param dict values_after: the entry's ``values_after``, parsed
        """

    def undo(self, records, values_after):
        """Undo the change (checked already), as the user.

        :param records: the entry's records, as the user
        :param dict values_after: the entry's ``values_after``, parsed

        :return: ``(operation, message, values before, values after)`` of the undo, for its
            own log entry: the operation names what was done (``unlink``, ``archive``...) and
            the message tells the user
        """
        raise NotImplementedError


def register(rule_class):
    """Class decorator: ``rule_class`` undoes its ``methods`` on its ``model`` from now on."""
    for method in rule_class.methods:
        RULES[(rule_class.model, method)] = rule_class
    return rule_class


def rule_for(log):
    """The rule of a log entry (its model's, else any model's for its method), or ``None``."""
    rule_class = RULES.get((log.model, log.method)) or RULES.get((None, log.method))
    return rule_class(log) if rule_class else None
