from . import test_agent_request
from . import test_chat_stream
from . import test_delegation
from . import test_gateway
from . import test_panel_routes
from . import test_rpc_route
from . import test_views
from . import test_capability
