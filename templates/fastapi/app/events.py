"""Payload models of the events this service publishes or consumes (from the design's event catalog).

Attributes are snake_case; the JSON names are the designed ones (aliases). Consumers validate
incoming data against these as tolerant readers: a mismatch is logged, the event still recorded.
"""

from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple
from uuid import UUID

from pydantic import BaseModel, Field
{{models}}


#: Model of each (event type, version).
EVENT_MODELS: Dict[Tuple[str, int], Any] = {{registry}}
