"""Test configuration: every dependency points at a closed local port, so tests need no infrastructure."""

from typing import Dict, Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings, load_settings

#: Environment for tests: valid, but nothing listens at any of these addresses.
TEST_ENV: Dict[str, str] = {{env}}


@pytest.fixture
def settings() -> Settings:
    return load_settings(TEST_ENV)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
