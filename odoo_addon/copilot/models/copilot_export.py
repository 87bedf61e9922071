# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import requests

from odoo import _, api, models
from odoo.exceptions import UserError


class CopilotAgent(models.AbstractModel):
    """Conversations managed from the full page: rename and pin; PDF exports made by the agent."""

    _inherit = 'copilot.agent'

    @api.model
    def _update_session(self, session_id, title=None, pinned=None):
        """Rename (``title``) or pin (``pinned``) one of the user's conversations."""
        self._check_copilot_user()
        self._check_id(session_id, _("Invalid copilot session id."))
        body = {'user': self._get_agent_user()}
        if isinstance(title, str) and title.strip():
            body['title'] = title.strip()[:200]
        if isinstance(pinned, bool):
            body['pinned'] = pinned
        return self._agent_request('POST', f'/v1/sessions/{session_id}/update', body)

    @api.model
    def _export_pdf(self, session_id, project_id=None):
        """The PDF of a conversation, or of a project's summary read as the user: ``(bytes, filename)``."""
        self._check_copilot_user()
        self._check_id(session_id, _("Invalid copilot session id."))
        body = {'user': self._get_agent_user(), 'session_id': session_id}
        if project_id:
            body['project_id'] = int(project_id)
        # a project's summary is read in Odoo: through the bridge, in this request
        content = self._agent_bridged('/v1/export/pdf', body, step=self._agent_download)
        if not isinstance(content, bytes):
            raise UserError(_("The copilot service sent an answer that cannot be read."))
        return content, 'project.pdf' if project_id else 'conversation.pdf'

    @api.model
    def _agent_download(self, path, body):
        """A signed ``POST`` to the agent answering a file: its bytes, or the JSON object it
        answered instead (a bridged call to run first).

        The other outbound call of the addon, beside :meth:`_agent_request`.
        """
        raw_body = self._encode_agent_body(body)
        headers = {
            'Accept': 'application/pdf, application/json',
            'Content-Type': 'application/json',
            **self._sign_request('POST', path, raw_body),
        }
        url = self._get_agent_url() + path
        try:
            response = requests.post(url, data=raw_body, headers=headers, timeout=self._agent_timeout())
        except requests.exceptions.RequestException as exc:
            raise self._agent_unreachable(exc, 'POST', url) from None
        if response.status_code >= 400:
            try:
                data = response.json()
            except ValueError:
                data = None
            raise self._agent_error(response, data, 'POST', path)
        if response.headers.get('Content-Type', '').startswith('application/json'):
            try:
                data = response.json()
            except ValueError:
                data = None
            if isinstance(data, dict):
                return data
        if not response.content.startswith(b'%PDF'):
            raise UserError(_("The copilot service sent an answer that cannot be read."))
        return response.content
