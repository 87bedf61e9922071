# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the agent may call through ``/copilot/rpc``.

Each model maps to the public methods the agent's tools need, split into ``read`` methods
and ``write`` methods; every call of a ``write`` method is recorded in ``copilot.action.log``.
Access rights and record rules of the calling user still apply to both: the allowlist only
narrows what the token can reach, it never grants anything. Models of apps that are not
installed (sale, stock, project, mrp) are listed too: calling them answers a clear error.
"""

READ_METHODS = frozenset({'search_read', 'read', 'name_search', 'search_count'})

RPC_ALLOWLIST = {
    # which of the tools' models are installed and allowed for the user (one call a session)
    'copilot.capability': {'read': frozenset({'check'}), 'write': frozenset()},
    # the records a request names, found in one call (the offline planner, as the user)
    'copilot.lookup': {'read': frozenset({'find'}), 'write': frozenset()},
    'res.partner': {'read': READ_METHODS, 'write': frozenset()},
    'res.currency': {'read': frozenset({'read'}), 'write': frozenset()},
    # names of assignees and managers; fields reserved to other groups stay unreadable
    'res.users': {'read': frozenset({'search_read', 'read'}), 'write': frozenset()},
    'ir.model': {'read': frozenset({'search_read'}), 'write': frozenset()},
    'ir.attachment': {'read': frozenset({'search_read'}), 'write': frozenset()},
    # the chatter of projects and tasks, for questions about a project (record rules apply)
    'mail.message': {'read': frozenset({'search_read'}), 'write': frozenset()},
    'uom.uom': {'read': frozenset({'search_read', 'read'}), 'write': frozenset()},
    'product.product': {'read': READ_METHODS, 'write': frozenset()},
    'product.template': {'read': frozenset({'search_read', 'read'}), 'write': frozenset()},
    'sale.order': {
        # onchange computes a quotation (prices, taxes, totals) without writing it; fields_get
        # gives Odoo's own labels of its states, in the user's language
        'read': frozenset({'search_read', 'read', 'search_count', 'onchange', 'fields_get'}),
        # action_quotation_sent + message_post_with_source: what the Send button does, without its wizard
        'write': frozenset({
            'create', 'write', 'action_confirm', 'action_cancel', 'action_quotation_sent',
            'message_post_with_source',
        }),
    },
    'sale.order.line': {'read': frozenset({'search_read', 'read'}), 'write': frozenset()},
    'stock.warehouse': {'read': frozenset({'search_read'}), 'write': frozenset()},
    'stock.quant': {'read': frozenset({'search_read'}), 'write': frozenset()},
    'project.project': {
        'read': frozenset({'search_read', 'read', 'search_count', 'fields_get'}),
        # an internal note in the project's chatter
        'write': frozenset({'message_post'}),
    },
    'project.task': {
        'read': frozenset({'search_read', 'read', 'search_count'}),
        'write': frozenset({'create', 'write'}),
    },
    'mrp.bom': {'read': frozenset({'search_read', 'read'}), 'write': frozenset()},
    'mrp.bom.line': {'read': frozenset({'search_read', 'read'}), 'write': frozenset()},
    # stages a task can be moved to
    'project.task.type': {'read': frozenset({'search_read'}), 'write': frozenset()},
    # the undo tool: undoes a copilot action (all its writes, newest first) as the user
    'copilot.action.log': {'read': frozenset(), 'write': frozenset({'undo_action'})},
}

#: Writes that log themselves: an undo logs one entry per change it undoes (method ``undo``,
#: with the call's tool, session, turn and action), so the gateway adds none for the call.
SELF_LOGGED_WRITES = frozenset({('copilot.action.log', 'undo_action')})

#: Context keys the agent may set on a call (``kwargs['context']``); any other key is dropped
#: so that a context flag can never change what the call is allowed to do. Odoo itself checks
#: that ``allowed_company_ids`` are companies of the user.
RPC_CONTEXT_KEYS = frozenset({'lang', 'tz', 'allowed_company_ids', 'active_test'})


def is_allowed(model, method):
    """Whether ``model.method`` may be called through the gateway at all."""
    methods = RPC_ALLOWLIST.get(model)
    if not methods or method.startswith('_'):
        return False
    return method in methods['read'] or method in methods['write']


def is_write(model, method):
    """Whether a call of ``model.method`` writes, and so goes to the action log."""
    methods = RPC_ALLOWLIST.get(model)
    return bool(methods) and method in methods['write']


def logs_itself(model, method):
    """Whether a write of ``model.method`` writes its own action log entries."""
    return (model, method) in SELF_LOGGED_WRITES
