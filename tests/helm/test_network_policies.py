"""The rendered NetworkPolicies, read the way Kubernetes reads them: a small evaluator of the
NetworkPolicy rules (podSelector, namespaceSelector, ipBlock with except, ports; policies
add up, a pod no policy selects is open) applied to a model of the namespace: two students'
servers, the hub, the proxy, the database, the backup job, the cluster DNS, Prometheus, and
addresses outside (the cloud metadata address, a public host, a private host).

ipBlock rules are also applied to pods' addresses, the stricter reading: some network
plugins match pod traffic against ipBlocks, so a rule that would admit another student's
address must not exist."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field

import pytest

EXAMPLES = ["defaults", "lint-values", "school-trial-k3s", "school-university-oidc",
            "school-district-lti"]
#: Zero to JupyterHub 4 labels its pods both ways (app/release/component and app.kubernetes.io/*).
Z2JH = {"app": "jupyterhub", "release": "timewarp", "app.kubernetes.io/name": "jupyterhub",
        "app.kubernetes.io/instance": "timewarp"}
OURS = {"app.kubernetes.io/instance": "timewarp"}


@dataclass(frozen=True)
class Endpoint:
    name: str
    ip: str
    namespace: str | None = None  # None: outside the cluster
    labels: dict = field(default_factory=dict, hash=False, compare=False)


NAMESPACES = {"school": {}, "kube-system": {}, "monitoring": {}, "ingress-nginx": {}}
STUDENT_A = Endpoint("student A", "10.8.0.11", "school",
                     {**Z2JH, "component": "singleuser-server", "hub.jupyter.org/username": "a",
                      "app.kubernetes.io/component": "singleuser-server"})
STUDENT_B = Endpoint("student B", "10.8.0.12", "school",
                     {**Z2JH, "component": "singleuser-server", "hub.jupyter.org/username": "b",
                      "app.kubernetes.io/component": "singleuser-server"})
HUB = Endpoint("hub", "10.8.0.2", "school",
               {**Z2JH, "component": "hub", "app.kubernetes.io/component": "hub"})
PROXY = Endpoint("proxy", "10.8.0.3", "school",
                 {**Z2JH, "component": "proxy", "app.kubernetes.io/component": "proxy"})
DATABASE = Endpoint("postgresql", "10.8.0.4", "school",
                    {**OURS, "app.kubernetes.io/component": "postgresql"})
BACKUP = Endpoint("backup", "10.8.0.5", "school", {**OURS, "app.kubernetes.io/component": "backup"})
DNS = Endpoint("dns", "10.8.1.10", "kube-system", {"k8s-app": "kube-dns"})
PROMETHEUS = Endpoint("prometheus", "10.8.2.10", "monitoring", {"app": "prometheus"})
INGRESS = Endpoint("ingress controller", "10.8.3.10", "ingress-nginx", {"app": "ingress"})
METADATA = Endpoint("cloud metadata", "169.254.169.254")
PUBLIC = Endpoint("public host", "93.184.216.34")
PRIVATE = Endpoint("private host", "10.20.0.99")
PODS = [STUDENT_A, STUDENT_B, HUB, PROXY, DATABASE, BACKUP, DNS, PROMETHEUS, INGRESS]


def labels_match(selector: dict, labels: dict) -> bool:
    assert set(selector) <= {"matchLabels"}, f"evaluator does not read {selector}"
    return all(labels.get(k) == v for k, v in (selector.get("matchLabels") or {}).items())


def namespace_labels(namespace: str) -> dict:
    return {**NAMESPACES[namespace], "kubernetes.io/metadata.name": namespace}


def peer_matches(peer: dict, policy_namespace: str, other: Endpoint) -> bool:
    if "ipBlock" in peer:
        address = ipaddress.ip_address(other.ip)
        block = peer["ipBlock"]
        return (address in ipaddress.ip_network(block["cidr"]) and
                not any(address in ipaddress.ip_network(e) for e in block.get("except", [])))
    if other.namespace is None:
        return False
    if "namespaceSelector" in peer:
        if not labels_match(peer["namespaceSelector"], namespace_labels(other.namespace)):
            return False
    elif other.namespace != policy_namespace:
        return False
    return labels_match(peer.get("podSelector", {}), other.labels)


def port_matches(rule: dict, port: int, protocol: str) -> bool:
    ports = rule.get("ports")
    if not ports:
        return True
    return any(p.get("protocol", "TCP") == protocol and p.get("port") in (None, port)
               for p in ports)


def admitted(policies: list[dict], pod: Endpoint, other: Endpoint, port: int, protocol: str,
             direction: str) -> bool:
    """Whether ``pod``'s policies admit traffic to (Egress) or from (Ingress) ``other``."""
    if pod.namespace is None:
        return True  # outside the cluster: not ours to judge
    key, peers_key = ("egress", "to") if direction == "Egress" else ("ingress", "from")
    selecting = [p for p in policies if p["metadata"]["namespace"] == pod.namespace and
                 direction in p["spec"]["policyTypes"] and
                 labels_match(p["spec"]["podSelector"], pod.labels)]
    if not selecting:
        return True
    for policy in selecting:
        for rule in policy["spec"].get(key) or []:
            peers = rule.get(peers_key)
            if port_matches(rule, port, protocol) and (
                    not peers or any(peer_matches(peer, policy["metadata"]["namespace"], other)
                                     for peer in peers)):
                return True
    return False


def port_classes(policies: list[dict]) -> set[int]:
    """One port of every class the policies tell apart: each port they name, and one they
    never name (which stands for all the others). Checking these checks all 65,535."""
    named = {p["port"] for policy in policies
             for rule in policy["spec"].get("ingress", []) + policy["spec"].get("egress", [])
             for p in rule.get("ports") or [] if "port" in p}
    assert all(isinstance(port, int) for port in named), "the evaluator reads port numbers only"
    unnamed = next(port for port in range(1, 65536) if port not in named)
    return named | {unnamed}


def reaches(policies, source: Endpoint, target: Endpoint, port: int, protocol="TCP") -> bool:
    """Both ends agree: the source's egress and the target's ingress admit the connection."""
    return (admitted(policies, source, target, port, protocol, "Egress") and
            admitted(policies, target, source, port, protocol, "Ingress"))


@pytest.fixture(scope="module")
def policies(render, example_values):
    return {name: [o for o in render(example_values[name]) if o["kind"] == "NetworkPolicy"]
            for name in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_students_server_reaches_the_hub_and_the_proxy(policies, example):
    rules = policies[example]
    assert reaches(rules, STUDENT_A, HUB, 8081)
    assert reaches(rules, STUDENT_A, PROXY, 8000)
    assert reaches(rules, STUDENT_A, DNS, 53, "UDP")
    assert reaches(rules, HUB, STUDENT_A, 8888)
    assert reaches(rules, PROXY, STUDENT_A, 8888)


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_student_reaches_nothing_of_another_student_nor_the_metadata_address(policies,
                                                                               example):
    rules = policies[example]
    for protocol in ("TCP", "UDP"):
        for port in port_classes(rules):
            assert not admitted(rules, STUDENT_A, STUDENT_B, port, protocol, "Egress"), port
            assert not admitted(rules, STUDENT_B, STUDENT_A, port, protocol, "Ingress"), port
            assert not admitted(rules, STUDENT_A, METADATA, port, protocol, "Egress"), port
    for other in (DATABASE, BACKUP, PRIVATE, PROMETHEUS):
        assert not any(reaches(rules, STUDENT_A, other, port) for port in (22, 80, 443, 5432,
                                                                          8080, 9090))
    assert not reaches(rules, STUDENT_A, HUB, 8000)
    assert not reaches(rules, STUDENT_A, PROXY, 8001)  # the proxy's API is the hub's alone


def test_students_reach_public_addresses_only_when_the_school_allows_it(policies):
    assert not reaches(policies["defaults"], STUDENT_A, PUBLIC, 443)
    assert reaches(policies["school-district-lti"], STUDENT_A, PUBLIC, 443)


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_hub_admits_only_what_it_must(policies, example, example_values):
    rules = policies[example]
    outside = [METADATA, PUBLIC, PRIVATE]
    admitted_in = {(source.name, port) for source in PODS + outside for port in port_classes(rules)
                   if source is not HUB and admitted(rules, HUB, source, port, "TCP", "Ingress")}
    must = {("proxy", 8081), ("student A", 8081), ("student B", 8081)}
    monitoring = example_values[example].get("monitoring", {})
    if monitoring.get("serviceMonitor", {}).get("enabled"):
        must.add(("prometheus", 8081))
    assert admitted_in == must
    assert not any(admitted(rules, HUB, source, 8081, "UDP", "Ingress") for source in PODS)


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_database_admits_the_hub_and_the_backup_only(policies, example, example_values):
    rules = policies[example]
    if example_values[example].get("database", {}).get("type") != "in-cluster":
        assert not any(p["metadata"]["name"] == "timewarp-postgresql" for p in rules)
        return
    assert {s.name for s in PODS if s is not DATABASE and reaches(rules, s, DATABASE, 5432)} \
        == {"hub", "backup"}


def test_the_evaluator_would_see_a_hole(policies):
    rules = json.loads(json.dumps(policies["lint-values"]))
    student = next(p for p in rules if p["metadata"]["name"] == "timewarp-singleuser")
    internet = next(r for r in student["spec"]["egress"]
                    if r["to"][0].get("ipBlock", {}).get("cidr") == "0.0.0.0/0")
    internet["to"][0]["ipBlock"].pop("except")
    assert reaches(rules, STUDENT_A, METADATA, 80)
    assert admitted(rules, STUDENT_A, STUDENT_B, 8888, "TCP", "Egress")
