from . import copilot_action_log
from . import copilot_agent
from . import copilot_tool_policy
from . import res_config_settings
from . import copilot_capability
from . import copilot_export
from . import copilot_bridge
from . import copilot_watch
