# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from .. import compat


class CopilotAppController(http.Controller):
    """Routes of the full page: conversations to rename or pin, PDF exports to download."""

    @http.route(
        '/copilot/sessions/update', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def session_update(self, session_id=None, title=None, pinned=None):
        return request.env['copilot.agent']._update_session(session_id, title=title, pinned=pinned)

    @http.route('/copilot/export/pdf', type='http', auth='user', methods=['GET'])
    def export_pdf(self, session_id=None, project_id=None):
        """The conversation, or a project's summary, as a PDF download (a link in the chat)."""
        try:
            project = int(project_id) if project_id else None
            content, filename = request.env['copilot.agent']._export_pdf(session_id, project_id=project)
        except (UserError, ValueError) as exc:
            message = exc.args[0] if exc.args else str(exc)
            return request.make_response(
                message, headers=[('Content-Type', 'text/plain; charset=utf-8')], status=400,
            )
        return request.make_response(content, headers=[
            ('Content-Type', 'application/pdf'),
            ('Content-Disposition', f'attachment; filename="{filename}"'),
            ('Cache-Control', 'no-store'),
        ])
