"""REST endpoints from the design. Each delegates to app/api.py, which implements the runtime contract."""

from typing import Any, Dict, Optional

from fastapi import APIRouter, Body, Header, Path, Query, Request, Response

from . import api

router = APIRouter()
{{routes}}
