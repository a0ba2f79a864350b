"""Business logic for consumed events: one handler per event this service subscribes to.

Each runs inside the transaction that records the message as processed (`tx` is the asyncpg
connection, or None without a database): raise to have the message redelivered, and write your own
tables through `tx` so the effect and the deduplication commit together.
"""

import logging
from typing import Any, Optional

from .messaging.envelope import Envelope
{{imports}}

log = logging.getLogger(__name__)
{{handlers}}
