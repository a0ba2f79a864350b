"""Configuration fails fast with a message naming the variable."""

import pytest

from app.settings import REQUIRED, ENV, SettingsError, load_settings

from .conftest import TEST_ENV


def test_test_environment_is_valid() -> None:
    assert load_settings(TEST_ENV).service_name


@pytest.mark.parametrize("attr", REQUIRED)
def test_missing_required_variable_is_named(attr: str) -> None:
    env = {k: v for k, v in TEST_ENV.items() if k != ENV[attr]}
    with pytest.raises(SettingsError, match=ENV[attr]):
        load_settings(env)


def test_invalid_port_is_rejected() -> None:
    with pytest.raises(SettingsError, match="PORT"):
        load_settings({**TEST_ENV, "PORT": "not-a-port"})
    with pytest.raises(SettingsError, match="PORT"):
        load_settings({**TEST_ENV, "PORT": "70000"})


def test_invalid_log_level_is_rejected() -> None:
    with pytest.raises(SettingsError, match="LOG_LEVEL"):
        load_settings({**TEST_ENV, "LOG_LEVEL": "loud"})
