from . import copilot
