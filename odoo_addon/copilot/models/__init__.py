from . import copilot_action_log
from . import copilot_agent
from . import res_config_settings
from . import copilot_capability
