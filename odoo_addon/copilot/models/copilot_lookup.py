# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from .. import compat

#: What a request can name: kind -> (model, fields read, reference field matched exactly).
SOURCES = {
    'product': ('product.product', ['name', 'default_code', 'display_name'], 'default_code'),
    'customer': ('res.partner', ['name'], None),
    'project': ('project.project', ['name'], None),
    'task': ('project.task', ['name'], None),
    'user': ('res.users', ['name'], None),
}
MAX_WORDS = 32
MAX_LIMIT = 200


class CopilotLookup(models.AbstractModel):
    """The records a request names, for the offline planner: one call a turn.

    The planner reads entities first: the request's words are searched in each model the user
    can read (``name ilike word``; internal references only exactly), and it matches the names
    found back into the request. One call instead of one a model: an offline turn runs its calls
    inside the Odoo request that waits (the bridge), so each call saved is a round trip saved.
    Runs as the calling user: access rights and record rules apply, nothing is loaded whole.
    """

    _name = 'copilot.lookup'
    _description = 'Copilot Name Lookup'

    @api.model
    def find(self, words, kinds=None, references=None, limit=80, phrases=None, initials=None):
        """``{kind: [{id, name, ...}]}`` of the records whose name holds one of ``words``.

        For a large catalog, what is most likely named comes first and within ``limit``: names
        holding one of ``phrases`` (two words of the request in a row), then, for each word, a
        fair share of the names holding it (a common word cannot crowd out a rare one). For
        ``initials`` ("R&D"), the projects and customers whose name starts with its first letter.
        """
        if not isinstance(words, (list, tuple)):
            return {}
        words = [word for word in words[:MAX_WORDS] if isinstance(word, str) and 2 <= len(word) <= 64]
        phrases = [
            phrase for phrase in (phrases if isinstance(phrases, (list, tuple)) else [])[:MAX_WORDS]
            if isinstance(phrase, str) and 3 <= len(phrase) <= 128
        ]
        references = [
            reference for reference in (references or [])[:MAX_WORDS]
            if isinstance(reference, str) and 2 <= len(reference) <= 64
        ]
        try:
            limit = min(max(int(limit), 1), MAX_LIMIT)
        except (TypeError, ValueError):
            limit = 80
        if not (words or references or phrases or initials):
            return {}
        answer = {}
        for kind in kinds if isinstance(kinds, (list, tuple)) else list(SOURCES):
            if kind not in SOURCES:
                continue
            model, fields, code = SOURCES[kind]
            if model not in self.env or not compat.can(self.env, model, 'read'):
                continue
            Model = self.env[model]
            found = {}

            def add(domain, count):
                if count <= 0:
                    return
                for row in Model.search_read(domain, fields, limit=count):
                    found.setdefault(row['id'], row)

            if code and references:
                add(_any([(code, '=ilike', reference) for reference in references]), limit)
            if phrases:
                add(_any([('name', 'ilike', phrase) for phrase in phrases]), limit - len(found))
            if kind in ('project', 'customer') and isinstance(initials, (list, tuple)):
                letters = {item[0] for item in initials[:MAX_WORDS] if isinstance(item, str) and item[:1].isalpha()}
                for letter in sorted(letters):
                    add([('name', '=ilike', letter + '%'), ('id', 'not in', list(found))], min(50, limit - len(found)))
            share = max(10, limit // max(len(words), 1))
            for word in words:
                add([('name', 'ilike', word), ('id', 'not in', list(found))], min(share, limit - len(found)))
            answer[kind] = list(found.values())
        return answer


def _any(terms):
    """A domain true when one of ``terms`` is."""
    return ['|'] * (len(terms) - 1) + terms
