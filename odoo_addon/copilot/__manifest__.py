# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Copilot",
    "summary": "An AI assistant in a side panel that answers and acts in Odoo as the user",
    # no series prefix: each server (17.0, 18.0, 19.0) prefixes its own
    "version": "1.0.1",
    "category": "Productivity",
    "author": "Odoo Copilot contributors",
    "license": "LGPL-3",
    "depends": ["web", "bus"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/copilot_security.xml",
        "data/copilot_action_log_data.xml",
        "views/copilot_action_log_views.xml",
        "views/copilot_tool_policy_views.xml",
        "views/copilot_mcp_key_views.xml",
        "wizard/copilot_mcp_key_wizard_views.xml",
        "views/res_config_settings_views.xml",
        "views/copilot_menus.xml",
        "views/copilot_app_views.xml",
    ],
    "assets": {
        # every backend page: the systray button, the shortcut, the client action's loader
        "web.assets_backend": [
            "copilot/static/src/launcher/**/*",
        ],
        # the panel, loaded on first use (loadBundle); its stylesheets compiled with Odoo's
        # backend variables, as web.assets_backend does (files present in 17, 18 and 19: 17's
        # Bootstrap 5.1 has no _variables-dark.scss nor _maps.scss, which the panel does not use)
        "copilot.assets_panel": [
            ("include", "web._assets_helpers"),
            ("include", "web._assets_backend_helpers"),
            "web/static/src/scss/pre_variables.scss",
            "web/static/lib/bootstrap/scss/_variables.scss",
            "copilot/static/src/panel/**/*",
        ],
    },
    "application": True,
    "installable": True,
}
