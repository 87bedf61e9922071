from . import copilot_mcp_key_wizard
