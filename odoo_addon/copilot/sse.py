# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Server-sent events: format one, and relay the agent's stream to the browser.

Nothing here touches the ORM or ``odoo.http.request``: :class:`EventRelay` runs while the WSGI
server sends the response, after the request's cursor is closed.
"""
import json
import logging

import requests
from urllib3.exceptions import ReadTimeoutError

_logger = logging.getLogger(__name__)

#: Headers of every event stream sent to the browser. ``X-Accel-Buffering``: nginx would
#: otherwise hold the events back until its buffer is full.
STREAM_HEADERS = (
    ('Content-Type', 'text/event-stream; charset=utf-8'),
    ('Cache-Control', 'no-cache'),
    ('X-Accel-Buffering', 'no'),
)
#: Events after which the agent sends nothing more.
FINAL_EVENTS = frozenset({b'done', b'error'})


def format_event(event, data):
    """One event, as the agent writes them: ``event: <name>`` and one ``data:`` line of JSON."""
    payload = json.dumps(data, separators=(',', ':'), ensure_ascii=False)
    return f'event: {event}\ndata: {payload}\n\n'.encode()


def error_event(code, message):
    return format_event('error', {'code': code, 'message': message})


class EventRelay:
    """The agent's open event stream, relayed to the browser as it arrives.

    An iterable of bytes for a WSGI response: the chunks of the agent's answer, unchanged.
    If the stream breaks or ends before a ``done`` or ``error`` event, one last ``error``
    event says so (``timeout_message`` when the agent stayed silent longer than the read
    timeout, ``lost_message`` otherwise): the browser always gets a final event.

    The WSGI server calls :meth:`close` when the response ends or the browser goes away
    (its next write fails); that closes the connection to the agent, which then aborts the
    turn.

    :param requests.Response upstream: the agent's answer, opened with ``stream=True``
    :param str timeout_message: translated text of the timeout error
    :param str lost_message: translated text of the broken-connection error
    """

    def __init__(self, upstream, timeout_message, lost_message):
        self.upstream = upstream
        self.timeout_message = timeout_message
        self.lost_message = lost_message
        self._events = self._relay()

    def __iter__(self):
        return self._events

    def close(self):
        # a generator closed before its first step does not run its finally clause
        self._events.close()
        self.upstream.close()

    def _relay(self):
        finished = False
        pending = b''  # the end of the last chunk, when it stops inside a line
        try:
            # chunk_size=None: each chunk of the agent's (chunked) answer as soon as it is read
            for chunk in self.upstream.iter_content(chunk_size=None):
                if not chunk:
                    continue
                lines = (pending + chunk).split(b'\n')
                pending = lines.pop()
                for line in lines:
                    if line.startswith(b'event:') and line[6:].strip() in FINAL_EVENTS:
                        finished = True
                yield chunk
            if not finished:
                _logger.warning("Copilot agent closed the event stream before the end of the turn")
                yield error_event('unavailable:agent', self.lost_message)
        except GeneratorExit:
            if not finished:
                _logger.info("Copilot event stream closed by the browser: closing the agent's")
            raise
        except requests.exceptions.RequestException as exc:
            # a read timeout in the middle of a body is a ConnectionError wrapping urllib3's
            timed_out = isinstance(exc, requests.exceptions.Timeout) or any(
                isinstance(arg, ReadTimeoutError) for arg in exc.args
            )
            _logger.warning("Copilot agent event stream broken: %s", exc)
            yield error_event(
                'unavailable:agent', self.timeout_message if timed_out else self.lost_message,
            )
        finally:
            self.upstream.close()
