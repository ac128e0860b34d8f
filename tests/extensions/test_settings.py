"""The classroom settings (extensions/settings/timewarp-studio.json5) are settings JupyterLab has.

A misspelt plugin or key would be ignored without a word, and the classroom would quietly get
JupyterLab's defaults: every entry is checked against the plugin's own settings schema, as the
installed JupyterLab ships it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import json5
import jsonschema
import pytest

SETTINGS = Path(__file__).resolve().parents[2] / "extensions" / "settings" / "timewarp-studio.json5"
SCHEMAS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
CLASSROOM = json5.loads(SETTINGS.read_text())


@pytest.mark.parametrize("plugin", sorted(CLASSROOM))
def test_each_setting_is_valid_for_its_plugin(plugin):
    package, _, name = plugin.partition(":")
    schema_file = SCHEMAS / package / f"{name}.json"
    assert schema_file.exists(), f"JupyterLab has no settings plugin {plugin}"
    schema = json.loads(schema_file.read_text())
    for key in CLASSROOM[plugin]:
        assert key in schema["properties"], f"{plugin} has no setting {key}"
    jsonschema.validate(CLASSROOM[plugin], schema)


def test_the_news_and_update_checks_are_off():
    notification = CLASSROOM["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
