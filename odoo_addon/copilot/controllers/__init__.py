from . import copilot
from . import copilot_app
