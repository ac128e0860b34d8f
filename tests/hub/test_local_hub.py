"""One real hub on loopback, started the way the Makefile starts it (`python -m timewarp_hub
--demo`): logins, servers, BASIC through the REST and websocket APIs, isolation, RBAC,
profiles checked at spawn time, metrics and the culler service."""

from __future__ import annotations

import asyncio
import os
import re
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.hub

AS_ROOT = os.geteuid() == 0
PASSWORD = "demo-test-password"
WHO_AM_I = """
import os, pwd, stat
home = os.path.expanduser("~")
print(pwd.getpwuid(os.getuid()).pw_name, oct(stat.S_IMODE(os.stat(home).st_mode)), home)
"""


@pytest.fixture(scope="module")
def hub(hub_launcher, tmp_path_factory):
    with hub_launcher(tmp_path_factory.mktemp("local-hub")) as running:
        running.manage("user", "add", "teacher2", "--group", "teachers",
                       "--group", "other-course", "--password", PASSWORD)
        yield running


@pytest.fixture(scope="module")
def student1(hub):
    person = hub.user("student1")
    asyncio.run(person.start_server())
    return person


@pytest.fixture(scope="module")
def student2(hub):
    person = hub.user("student2")
    asyncio.run(person.start_server())
    return person


def status(person, method, path, body=None) -> int:
    return asyncio.run(person.request(method, path, body)).status


def test_student_runs_basic_through_rest_and_websocket(student1):
    result = asyncio.run(student1.run_cell("PRINT 6*7", "basic"))
    assert result.error is None
    assert result.stdout.strip() == "42"
    assert result.stderr == ""


def test_every_timewarp_kernel_is_offered(student1):
    specs = asyncio.run(student1.request("GET", "/user/student1/api/kernelspecs")).json()
    assert {"basic", "logo", "pilot"} <= set(specs["kernelspecs"])


def test_wrong_password_is_refused(hub):
    from timewarp_hub.client import HubError, HubUser
    with pytest.raises(HubError):
        asyncio.run(HubUser(hub.url, "student1").login("not-the-password"))


@pytest.mark.skipif(not AS_ROOT, reason="own Unix accounts need root")
def test_each_student_runs_as_their_own_account(student1):
    result = asyncio.run(student1.run_cell(WHO_AM_I, "python3"))
    account, mode, home = result.stdout.split()
    assert (account, mode) == ("twtest-student1", "0o700")
    assert home.endswith("/twtest-student1")


@pytest.mark.skipif(not AS_ROOT, reason="own Unix accounts need root")
def test_student_cannot_read_another_home_on_disk(student1, student2):
    code = ("import os\ntry:\n    os.listdir(os.path.expanduser('~twtest-student2'))\n"
            "    print('READ')\nexcept PermissionError:\n    print('DENIED')\n")
    assert asyncio.run(student1.run_cell(code, "python3")).stdout.strip() == "DENIED"


def test_student_token_cannot_reach_another_server(student1, student2):
    assert status(student1, "GET", "/user/student2/api/contents") == 403
    assert status(student1, "POST", "/user/student2/api/kernels", {"name": "basic"}) == 403
    # A classmate's name is visible (the Share dialog lists it), nothing more.
    classmate = asyncio.run(student1.request("GET", "/hub/api/users/student2")).json()
    assert set(classmate) <= {"name", "kind", "admin", "user_info"}
    assert status(student1, "DELETE", "/hub/api/users/student2/server") in (403, 404)
    assert status(student2, "GET", "/user/student2/api/contents") == 200


def test_teacher_helps_a_student_of_their_course(hub, student1):
    teacher = hub.user("teacher1")
    assert status(teacher, "GET", "/user/student1/api/contents") == 200
    code = "import os; print(os.environ['JUPYTERHUB_USER'])"
    result = asyncio.run(teacher.run_cell(code, "python3", owner="student1"))
    assert result.stdout.strip() == "student1"
    listed = {u["name"] for u in asyncio.run(teacher.request("GET", "/hub/api/users")).json()}
    assert {"student1", "student2"} <= listed
    assert "teacher2" not in listed


def test_teacher_of_another_course_is_kept_out(hub, student1):
    outsider = hub.user("teacher2")
    assert status(outsider, "GET", "/user/student1/api/contents") == 403
    listed = {u["name"] for u in asyncio.run(outsider.request("GET", "/hub/api/users")).json()}
    assert "student1" not in listed


def test_groups_and_roles_come_from_the_login(hub, student1):
    hub.user("teacher1")
    group = asyncio.run(hub.admin.request("GET", "/hub/api/groups/demo-course")).json()
    assert {"teacher1", "student1"} <= set(group["users"])
    users = {u["name"]: u for u in asyncio.run(hub.admin.request("GET", "/hub/api/users")).json()}
    assert users["student1"]["roles"] == ["timewarp-member"]
    assert set(users["teacher1"]["roles"]) == {"timewarp-member", "teacher-demo-course"}
    assert users["admin"]["admin"] and "timewarp-admin" in users["admin"]["roles"]
    assert not users["student1"]["admin"]


def test_profile_outside_the_users_groups_is_refused_at_spawn(hub):
    student = hub.user("student2")
    asyncio.run(student.stop_server())
    try:
        refused = asyncio.run(student.start_server({"profile": "timewarp-iot"}))
        assert refused.status == 403
        model = asyncio.run(student.request("GET", "/hub/api/users/student2")).json()
        assert "" not in model["servers"]
    finally:
        # Without options the hub would reuse the refused ones.
        asyncio.run(student.start_server({"profile": "timewarp"}))


def test_teacher_may_start_the_iot_profile(hub):
    teacher = hub.user("teacher1")
    asyncio.run(teacher.start_server({"profile": "timewarp-iot"}))
    try:
        code = "import os; print(os.environ['TIMEWARP_PROFILE'], os.environ['TIMEWARP_IOT'])"
        result = asyncio.run(teacher.run_cell(code, "python3"))
        assert result.stdout.split() == ["timewarp-iot", "1"]
    finally:
        asyncio.run(teacher.stop_server())


def page_visit(person, method, path, form=None):
    """A browser-like visit: the login cookie, and the xsrf token in the form."""
    if form is not None:
        form = {**form, "_xsrf": person.cookies["_xsrf"]}
    return asyncio.run(person.request(method, path, token="", form=form))


def test_admin_adds_a_user_on_the_users_page(hub):
    page = page_visit(hub.admin, "POST", "/hub/timewarp/users",
                      {"name": "NewKid", "groups": "demo-course, robots"})
    assert page.status == 200
    password = re.search(rb'id="new-password">([^<]+)<', page.body).group(1).decode()
    newcomer = hub.user("newkid", password)
    model = asyncio.run(newcomer.request("GET", "/hub/api/user")).json()
    assert sorted(model["groups"]) == ["demo-course", "robots"]
    listing = page_visit(hub.admin, "GET", "/hub/timewarp/users").body
    assert b"<td>newkid</td>" in listing


def test_only_admins_see_the_users_page(hub, student1):
    assert page_visit(student1, "GET", "/hub/timewarp/users").status == 403
    refused = page_visit(student1, "POST", "/hub/timewarp/users", {"name": "student2"})
    assert refused.status == 403
    hub.user("student2")


def _get_metrics(url: str, token: str | None) -> tuple[int, str]:
    request = urllib.request.Request(url + "/hub/metrics")
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_metrics_need_the_metrics_service_token(hub, student1):
    token = (hub.data_dir / "metrics-token").read_text().strip()
    code, text = _get_metrics(hub.url, token)
    assert code == 200
    assert "jupyterhub_total_users" in text
    assert _get_metrics(hub.url, None)[0] == 403
    assert _get_metrics(hub.url, student1.token)[0] == 403


def test_idle_culler_runs_as_a_service(hub):
    services = asyncio.run(hub.admin.request("GET", "/hub/api/services")).json()
    culler = services["idle-culler"]
    assert culler["pid"] > 0
    assert "--timeout=3600" in culler["command"]
    assert "idle-culler" in culler["roles"]
