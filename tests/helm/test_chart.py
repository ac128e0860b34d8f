"""The chart rendered by Helm's engine (helm-python-sdk, offline) for the default values, the
lint values and three schools; every object checked by kubernetes-validate --strict for the
oldest and newest Kubernetes the chart supports; the schema refusing bad values by name;
values.yaml described key by key; the hub's settings file the chart writes read back by the
hub's own HubSettings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import helm_python
import jupyter_server.prometheus.metrics as server_metrics
import jupyterhub.metrics as hub_metrics
import kubernetes_validate
import pytest
import yaml
from timewarp_hub.settings import HubSettings, load_settings
from traitlets import Bool, CaselessStrEnum, Int, List, Unicode

CHART = Path(__file__).resolve().parents[2] / "helm"
EXAMPLES = ["defaults", "lint-values", "school-trial-k3s", "school-university-oidc",
            "school-district-lti"]
#: The oldest Kubernetes the chart (and Zero to JupyterHub 4) supports, and the newest
#: kubernetes-validate ships.
KUBERNETES = ["1.28.0", kubernetes_validate.latest_version()]

#: The Prometheus Operator's kinds have no schema in kubernetes-validate; the fields we use,
#: as its CRDs define them (monitoring.coreos.com/v1).
MONITOR_SCHEMA = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "apiVersion": {"const": "monitoring.coreos.com/v1"},
        "spec": {
            "type": "object",
            "required": ["selector"],
            "additionalProperties": False,
            "properties": {
                "selector": {"type": "object", "required": ["matchLabels"]},
                "namespaceSelector": {"type": "object"},
                "endpoints": {"type": "array", "items": {"$ref": "#/$defs/endpoint"}},
                "podMetricsEndpoints": {"type": "array", "items": {"$ref": "#/$defs/endpoint"}},
            },
        },
    },
    "$defs": {"endpoint": {
        "type": "object",
        "additionalProperties": False,
        "required": ["port"],
        "properties": {
            "port": {"type": "string"}, "path": {"type": "string"},
            "interval": {"type": "string", "pattern": "^[0-9]+[smh]$"},
            "authorization": {"type": "object", "additionalProperties": False,
                              "properties": {"type": {"const": "Bearer"},
                                             "credentials": {"type": "object",
                                                             "required": ["name", "key"]}}},
            "relabelings": {"type": "array"},
        },
    }},
}


@pytest.fixture(scope="module")
def rendered(render, example_values):
    return {name: render(example_values[name]) for name in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("version", KUBERNETES)
def test_every_object_is_valid_kubernetes(rendered, example, version):
    import jsonschema

    objects = rendered[example]
    assert objects
    for obj in objects:
        if obj["apiVersion"].startswith("monitoring.coreos.com/"):
            jsonschema.validate(obj, MONITOR_SCHEMA)
        else:
            kubernetes_validate.validate(obj, version, strict=True)


def test_validation_would_catch_a_misspelt_field(rendered):
    cronjob = next(o for o in rendered["defaults"] if o["kind"] == "CronJob")
    broken = json.loads(json.dumps(cronjob))
    broken["spec"]["jobTemplate"]["spec"]["template"]["spec"]["restartPolicy"] = "Never"
    broken["spec"]["concurencyPolicy"] = "Forbid"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES[0], strict=True)


def test_the_lint_values_turn_every_template_and_switch_on(chart, example_values):
    values = example_values["lint-values"]
    unused = None
    # The backup goes to S3 in lint-values; its volume is the one other choice.
    for target in ("s3", "volume"):
        backup = {**values["backup"], "target": target}
        manifests = chart.render({**values, "backup": backup,
                                  "jupyterhub": {**values["jupyterhub"], "enabled": False}},
                                 name="timewarp", namespace="school")
        empty = {name for name, text in manifests.items() if not text.strip()}
        unused = empty if unused is None else unused & empty
    assert unused == set()

    def switches(tree, path=""):
        for key, value in tree.items():
            if isinstance(value, dict):
                yield from switches(value, f"{path}{key}.")
            elif isinstance(value, bool):
                yield f"{path}{key}", value
    defaults = yaml.safe_load((CHART / "values.yaml").read_text())
    for switch, _ in switches({k: v for k, v in defaults.items() if k != "jupyterhub"}):
        node = values
        for part in switch.split("."):
            node = node[part]
        assert node is True, f"{switch} is not on in lint-values.yaml"


@pytest.mark.parametrize("example", EXAMPLES)
def test_helm_lint_finds_nothing_but_the_missing_dependency(example_values, example):
    report = helm_python.lint(CHART, example_values[example], strict=True,
                              kube_version="v1.28.0")
    problems = [m["error"] for m in report["messages"] if m["severity"] >= 2]
    assert problems == ["chart directory is missing these dependencies: jupyterhub"]


@pytest.mark.parametrize("bad, key, words", [
    ({"timewarp": {"settings": {"idle_timout": 600}}}, "idle_timout", "not allowed"),
    ({"backup": {"keepDays": "two weeks"}}, "/backup/keepDays", "want integer"),
    ({"exchange": {"enabled": "yes"}}, "/exchange/enabled", "want boolean"),
    ({"timewarp": {"settings": {"auth": "saml"}}}, "/timewarp/settings/auth", "must be one of"),
    ({"netwrkPolicy": {"enabled": True}}, "netwrkPolicy", "not allowed"),
    ({"backup": {"target": "s3"}}, "/backup/s3/bucket", "minLength"),
    ({"timewarp": {"settings": {"auth": "oidc", "oidc_client_id": "hub"}}},
     "/timewarp/settings/oidc_issuer", "minLength"),
    ({"timewarp": {"settings": {"auth": "github", "github_client_id": "Iv1.x",
                                "oauth_callback_url": "https://tw.example/hub/oauth_callback"},
                   "secrets": {"create": True}}},
     "/timewarp/secrets/githubClientSecret", "minLength"),
])
def test_schema_refuses_bad_values_naming_the_key(chart, bad, key, words):
    with pytest.raises(helm_python.HelmValuesError) as refused:
        chart.render({**bad, "jupyterhub": {"enabled": False}}, name="timewarp")
    message = str(refused.value)
    assert key in message and words in message, message


def test_every_key_in_values_yaml_has_a_comment():
    lines = (CHART / "values.yaml").read_text().splitlines()
    key = re.compile(r"^(\s*)(- )?[\w.-]+:")
    missing = []
    for number, line in enumerate(lines):
        match = key.match(line)
        if not match or (line.strip().startswith("- {")):
            continue
        previous = lines[number - 1].strip() if number else ""
        if not previous.startswith("#") and "#" not in line:
            missing.append(f"line {number + 1}: {line.strip()}")
    assert missing == []


def _json_type(trait) -> str | None:
    if isinstance(trait, CaselessStrEnum):
        return "enum"
    return {Unicode: "string", Int: "integer", Bool: "boolean", List: "array"}.get(type(trait))


def test_the_schemas_hub_settings_are_hubsettings_traits_of_the_same_type():
    schema = json.loads((CHART / "values.schema.json").read_text())
    settings = schema["properties"]["timewarp"]["properties"]["settings"]["properties"]
    traits = HubSettings.class_traits(config=True)
    assert set(settings) <= set(traits), set(settings) - set(traits)
    for name, rule in settings.items():
        expected = _json_type(traits[name])
        got = "enum" if "enum" in rule else rule["type"]
        assert got == expected, name
        if expected == "enum":
            assert set(rule["enum"]) == set(traits[name].values), name
    # Secrets never go into the settings file (a ConfigMap): they come from the Secret.
    assert not {"oidc_client_secret", "github_client_secret", "metrics_token"} & set(settings)


@pytest.mark.parametrize("example", EXAMPLES)
def test_hubsettings_reads_the_settings_file_the_chart_writes(rendered, example, example_values,
                                                              tmp_path, monkeypatch):
    configmap = next(o for o in rendered[example] if o["metadata"]["name"] ==
                     "timewarp-hub-settings")
    path = tmp_path / "hub-settings.yaml"
    path.write_text(configmap["data"]["hub-settings.yaml"])
    monkeypatch.setenv("TIMEWARP_HUB_CONFIG", str(path))
    settings = load_settings()
    given = {**yaml.safe_load((CHART / "values.yaml").read_text())["timewarp"]["settings"],
             **example_values[example].get("timewarp", {}).get("settings", {})}
    for name, value in given.items():
        if value in ("", [], {}):
            continue  # left out, so the hub's own default applies
        got = getattr(settings, name)
        assert got == value or (name == "profiles" and _same_profiles(got, value)), name
    assert settings.spawner == "kubernetes"
    assert settings.namespace == "school"
    image = example_values[example].get("jupyterhub", {}).get("singleuser", {}).get("image")
    assert settings.image == (f"{image['name']}:{image['tag']}" if image
                              else "timewarp-studio/notebook:0.1.0")


def _same_profiles(got: list[dict], given: list[dict]) -> bool:
    # Helm writes whole numbers as integers (2.0 becomes 2): compare numbers by value.
    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    return plain(got) == plain(given)


def test_the_dashboard_asks_for_metrics_the_hub_and_servers_export(rendered):
    configmap = next(o for o in rendered["lint-values"]
                     if o["metadata"]["name"] == "timewarp-grafana-dashboard")
    dashboard = json.loads(configmap["data"]["timewarp-studio.json"])
    exported = {m._name for m in vars(hub_metrics).values() if hasattr(m, "_name")}
    exported |= {f"jupyter_{m._name}" for m in vars(server_metrics).values()
                 if hasattr(m, "_name")}
    titles = {}
    for panel in dashboard["panels"]:
        names = set()
        for target in panel["targets"]:
            for metric in re.findall(r"\b(jupyter\w+?)(?:_bucket|_count)?\{", target["expr"]):
                names.add(metric)
        assert names and names <= exported, (panel["title"], names - exported)
        titles[panel["title"]] = names
    assert set(titles) == {"Active users", "Running servers", "Server spawn time",
                           "Failed spawns", "Kernels per language"}
    assert "jupyter_kernel_currently_running_total" in titles["Kernels per language"]


def test_service_monitor_reads_metrics_with_the_hubs_token(rendered):
    objects = rendered["lint-values"]
    monitor = next(o for o in objects if o["kind"] == "ServiceMonitor")
    (endpoint,) = monitor["spec"]["endpoints"]
    assert endpoint["path"] == "/timewarp/hub/metrics"
    secret_ref = endpoint["authorization"]["credentials"]
    secret = next(o for o in objects if o["kind"] == "Secret" and
                  o["metadata"]["name"] == secret_ref["name"])
    assert secret_ref["key"] in secret["data"]
    # The hub is given the same key of the same Secret as its metrics service's token.
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    env = values["jupyterhub"]["hub"]["extraEnv"]["TIMEWARP_HUB_METRICS_TOKEN"]
    assert env["valueFrom"]["secretKeyRef"] == {"name": secret_ref["name"],
                                                 "key": secret_ref["key"]}


def test_a_restore_job_is_rendered_on_request_and_never_by_an_upgrade(chart, example_values):
    values = {**example_values["lint-values"], "jupyterhub": {"enabled": False}}
    install = chart.render(values, name="timewarp", namespace="school", is_install=True)
    upgrade = chart.render(values, name="timewarp", namespace="school", is_upgrade=True)
    name = "timewarp-studio/templates/backup/restore-job.yaml"
    job = yaml.safe_load(install[name])
    assert job["spec"]["template"]["spec"]["containers"][0]["command"][3:6] == [
        "restore", "--from", "/backups/20261205T081500Z"]
    assert upgrade[name].strip() == ""
