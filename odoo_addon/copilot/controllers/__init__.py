from . import copilot
from . import copilot_app
from . import copilot_mcp
