"""The grading cycle on a real hub, each person a separate Unix account (run as root).

One hub, started as ``make run`` starts it (``--demo``) with grading on: a teacher writes a
BASIC, a Logo and a PILOT assignment in the course's JupyterLab service and releases them from
formgrader; student1 submits correct work, student2 wrong work, student3 endless loops, each
from their own server's assignment list; the teacher collects, autogrades and returns
feedback from formgrader and exports the gradebook with nbgrader's command.  Every request goes
through the hub's proxy with the person's own token, as their browser would send it.
"""

from __future__ import annotations

import asyncio
import csv
import html
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from timewarp_hub.accounts import remove_accounts
from timewarp_hub.demo_course import run_as_grader
from timewarp_hub.grading import Course

AS_ROOT = os.geteuid() == 0
pytestmark = [pytest.mark.hub,
              pytest.mark.skipif(not AS_ROOT, reason="separate Unix accounts need root")]

PASSWORD = "demo-test-password"
COURSE = "demo-course"
OTHER_COURSE = "other-course"
#: Unix prefixes of this module's own: the other hub tests' clean-up removes every twtest- account,
#: which would pull the students out from under this hub if both ran at once.
STUDENT_PREFIX, GRADER_PREFIX = "twgt-", "twgtg-"
GRADER = f"{GRADER_PREFIX}{COURSE}"
FORMGRADER = f"/services/{COURSE}/formgrader"
CELL_SECONDS = 2
KERNELS = {"basic": "BASIC (Time Warp)", "logo": "Logo (Time Warp)", "pilot": "PILOT (Time Warp)"}
STUDENTS = ("student1", "student2", "student3")
DEMO_ASSIGNMENTS = {"basic-squares", "logo-turtle", "pilot-quiz"}


def grade(grade_id: str, points: int | None = None) -> dict:
    """nbgrader's cell metadata: a solution cell, or a locked test cell worth ``points``."""
    test = points is not None
    meta = {"grade": test, "solution": not test, "locked": test, "task": False,
            "grade_id": grade_id, "schema_version": 3}
    if test:
        meta["points"] = points
    return {"nbgrader": meta}


#: name: (kernel, notebook, solution, [(test id, points, source)], {student: answer}).
ASSIGNMENTS = {
    "cycle-basic": ("basic", "answer", "REM BEGIN SOLUTION\nX = 21 * 2\nREM END SOLUTION", [
        ("x_is_42", 2, 'ASSERT X = 42, "X should be 42"'),
        ("x_is_big", 1, 'ASSERT X > 40, "X should be more than 40"'),
    ], {"student1": "X = 6 * 7", "student2": "X = 41", "student3": "WHILE 1 = 1\nWEND"}),
    "cycle-logo": ("logo", "square", (
        "; BEGIN SOLUTION\nto square :size\nrepeat 4 [forward :size right 90]\nend\n"
        "; END SOLUTION"), [
        ("square_shape", 2, '%%check\nrun("square 50")\n'
                            'expect_shape("square", sides=4, closed=True, side=50)'),
        ("square_drawing", 1, '%%check\nrun("square 50")\n'
                              'expect_drawing(draw("repeat 4 [forward 50 right 90]"))'),
    ], {"student1": "to square :size\nrepeat 2 [forward :size left 90 forward :size left 90]\nend",
        "student2": "to square :size\nrepeat 3 [forward :size right 120]\nend",
        "student3": "to square :size\nforever [right 1]\nend"}),
    "cycle-pilot": ("pilot", "quiz", (
        "R: BEGIN SOLUTION\nT:What is 6 times 7?\nA:#N\nT(#N = 42):Right!\n"
        "T(#N <> 42):No, it is 42.\nR: END SOLUTION"), [
        ("says_right", 2, '%%check\nrun(inputs=["42"])\nexpect_contains("Right!")'),
        ("says_wrong", 1, '%%check\nrun(inputs=["41"])\nexpect_contains("No, it is 42.")'),
    ], {"student1": "T:What is 6 times 7?\nA:#N\nT(#N = 42):Right!\nT(#N <> 42):No, it is 42.",
        "student2": "T:What is 6 times 7?\nA:#N\nT:Right!",
        "student3": "*LOOP\nJ:*LOOP"}),
}
#: What each student's work is worth: the numbers this whole test is about.
EXPECTED_SCORES = {
    "cycle-basic": {"student1": 3, "student2": 1, "student3": 0},
    "cycle-logo": {"student1": 3, "student2": 0, "student3": 0},
    "cycle-pilot": {"student1": 3, "student2": 2, "student3": 0},
}


def source_notebook(name: str) -> dict:
    kernel, _, solution, tests, _ = ASSIGNMENTS[name]
    cells = [new_markdown_cell(f"# {name}"), new_code_cell(solution, metadata=grade("answer"))]
    cells += [new_code_cell(src, metadata=grade(gid, pts)) for gid, pts, src in tests]
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": kernel, "display_name": KERNELS[kernel],
                                       "language": kernel}
    return json.loads(nbformat.writes(notebook))


def call(person, method: str, path: str, body=None, *, timeout: float = 120):
    answer = asyncio.run(person.request(method, path, body, timeout=timeout))
    return answer


def ok_json(person, method: str, path: str, body=None, *, timeout: float = 120):
    """A request that must succeed, nbgrader's way: HTTP 200 and ``success``."""
    answer = call(person, method, path, body, timeout=timeout)
    assert answer.status in (200, 201), (method, path, answer.status, answer.body[-2000:])
    data = answer.json()
    if isinstance(data, dict) and "success" in data:
        assert data["success"], (path, data.get("error") or data.get("value"))
    return data


@pytest.fixture(scope="module")
def grading_dir():
    """A folder every test account can enter (pytest's own tmp folder is private to root)."""
    for prefix in (STUDENT_PREFIX, GRADER_PREFIX):
        remove_accounts(prefix)
    folder = Path(tempfile.mkdtemp(prefix="twtest-grading-"))
    os.chmod(folder, 0o755)
    yield folder
    for prefix in (STUDENT_PREFIX, GRADER_PREFIX):
        remove_accounts(prefix)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def hub(hub_launcher, tmp_path_factory, grading_dir):
    env = {"TIMEWARP_HUB_GRADING": "true", "TIMEWARP_HUB_GRADING_DIR": str(grading_dir),
           "TIMEWARP_HUB_UNIX_PREFIX": STUDENT_PREFIX, "TIMEWARP_HUB_GRADER_PREFIX": GRADER_PREFIX,
           "TIMEWARP_HUB_GRADING_CELL_SECONDS": str(CELL_SECONDS),
           # A second course, as an SSO hub would name it: its own formgrader and gradebook.
           "TIMEWARP_HUB_COURSES": OTHER_COURSE}
    with hub_launcher(tmp_path_factory.mktemp("grading-hub"), env) as running:
        running.manage("user", "add", "student3", "--group", COURSE, "--password", PASSWORD)
        running.manage("user", "add", "teacher2", "--group", "teachers", "--group",
                       OTHER_COURSE, "--password", PASSWORD)
        yield running


@pytest.fixture(scope="module")
def teacher(hub):
    return hub.user("teacher1")


@pytest.fixture(scope="module")
def students(hub):
    people = {name: hub.user(name) for name in STUDENTS}

    async def start_all():
        return await asyncio.gather(*(p.start_server() for p in people.values()))
    for answer in asyncio.run(start_all()):
        assert answer.status in (201, 202), answer.body
    return people


def put_contents(person, prefix: str, path: str, model: dict) -> None:
    answer = call(person, "PUT", f"{prefix}/api/contents/{path}", model)
    assert answer.status in (200, 201), (path, answer.status, answer.body[-1000:])


def write_assignment(teacher, name: str, course: str = COURSE, as_name: str = "") -> None:
    """The teacher writes the source notebook in the course's JupyterLab (its contents API)."""
    service = f"/services/{course}"
    folder = f"source/{as_name or name}"
    for path in ("source", folder):
        put_contents(teacher, service, path, {"type": "directory"})
    notebook = ASSIGNMENTS[name][1]
    put_contents(teacher, service, f"{folder}/{notebook}.ipynb",
                 {"type": "notebook", "format": "json", "content": source_notebook(name)})


def answer_assignment(student, name: str) -> None:
    """The student fetches, writes their answer in the answer cell, saves and submits."""
    server = f"/user/{student.name}"
    form = {"course_id": COURSE, "assignment_id": name}
    ok_json(student, "POST", f"{server}/assignments/fetch", form)
    path = f"{server}/api/contents/{COURSE}/{name}/{ASSIGNMENTS[name][1]}.ipynb"
    model = call(student, "GET", path).json()
    cell = next(c for c in model["content"]["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "answer")
    cell["source"] = ASSIGNMENTS[name][4][student.name]
    answer = call(student, "PUT", path, {"type": "notebook", "format": "json",
                                         "content": model["content"]})
    assert answer.status == 200, answer.body
    ok_json(student, "POST", f"{server}/assignments/submit", form)


def read_feedback(student, name: str) -> str:
    """The student fetches their feedback and reads the HTML file it leaves in their folder."""
    server = f"/user/{student.name}"
    ok_json(student, "POST", f"{server}/assignments/fetch_feedback",
            {"course_id": COURSE, "assignment_id": name})
    folder = call(student, "GET", f"{server}/api/contents/{COURSE}/{name}/feedback").json()
    (stamp,) = folder["content"]
    # The folder is named by the submission's time stamp, spaces and all.
    path = quote(f"{stamp['path']}/{ASSIGNMENTS[name][1]}.html")
    page = call(student, "GET", f"{server}/api/contents/{path}?type=file&format=text")
    assert page.status == 200, (path, page.status)
    return page.json()["content"]


def listed_assignments(student, until: set[str], timeout: float = 180) -> set[str]:
    """The assignments in the student's list, once it shows ``until`` (the hub releases the
    demo course's assignments in the background as it starts)."""
    deadline = time.monotonic() + timeout
    while True:
        found = ok_json(student, "GET", f"/user/{student.name}/assignments?course_id={COURSE}")
        names = {a["assignment_id"] for a in found["value"]}
        if until <= names or time.monotonic() > deadline:
            return names
        time.sleep(1)


@pytest.fixture(scope="module")
def cycle(teacher, students):
    """The whole cycle, once; the tests below check what it left behind."""
    for name in ASSIGNMENTS:
        write_assignment(teacher, name)
        ok_json(teacher, "POST", f"{FORMGRADER}/api/assignment/{name}/assign")
        ok_json(teacher, "POST", f"{FORMGRADER}/api/assignment/{name}/release")
    listed = {}
    for student in students.values():
        listed[student.name] = listed_assignments(student, until=DEMO_ASSIGNMENTS)
        for name in ASSIGNMENTS:
            answer_assignment(student, name)
    feedback, scores = {}, {}
    for name in ASSIGNMENTS:
        ok_json(teacher, "POST", f"{FORMGRADER}/api/assignment/{name}/collect")
        for student in STUDENTS:
            ok_json(teacher, "POST", f"{FORMGRADER}/api/submission/{name}/{student}/autograde",
                    timeout=300)
        ok_json(teacher, "POST", f"{FORMGRADER}/api/assignment/{name}/generate_feedback",
                timeout=300)
        ok_json(teacher, "POST", f"{FORMGRADER}/api/assignment/{name}/release_feedback")
        submissions = ok_json(teacher, "GET", f"{FORMGRADER}/api/submissions/{name}")
        scores[name] = {s["student"]: s["score"] for s in submissions}
        for student in students.values():
            feedback[name, student.name] = read_feedback(student, name)
    return {"listed": listed, "scores": scores, "feedback": feedback}


def grader_course(hub) -> Course:
    folder = Path(hub.env["TIMEWARP_HUB_GRADING_DIR"]) / "courses" / GRADER
    return Course(COURSE, COURSE, GRADER, folder, 0)


def test_students_see_the_demo_and_the_released_assignments(cycle):
    for student in STUDENTS:
        assert cycle["listed"][student] >= {*DEMO_ASSIGNMENTS, *ASSIGNMENTS}


def test_autograded_scores_are_exactly_as_intended(cycle):
    assert cycle["scores"] == EXPECTED_SCORES


def page_text(page: str) -> str:
    """What a feedback page says, without its markup, styles and scripts."""
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_feedback_holds_each_tests_message(cycle):
    feedback = {key: page_text(page) for key, page in cycle["feedback"].items()}
    failed_basic = re.compile(r"failed in \d+: X should be 42")
    assert failed_basic.search(feedback["cycle-basic", "student2"])
    assert not failed_basic.search(feedback["cycle-basic", "student1"])
    assert "your square has 3 sides" in feedback["cycle-logo", "student2"]
    assert "your square has" not in feedback["cycle-logo", "student1"]
    assert 'should contain "No, it is 42."' in feedback["cycle-pilot", "student2"]
    assert "should contain" not in feedback["cycle-pilot", "student1"]
    for name in ASSIGNMENTS:
        assert "the time limit for grading" in feedback[name, "student3"], name
        for student in STUDENTS:
            assert "Traceback" not in feedback[name, student], (name, student)


def test_gradebook_export_holds_the_same_scores(hub, cycle):
    course = grader_course(hub)
    run_as_grader(course, _settings(hub), "export", "--to", "grades.csv")
    with open(course.directory / "grades.csv", newline="") as stream:
        rows = list(csv.DictReader(stream))
    exported = {}
    for row in rows:
        if row["assignment"] in ASSIGNMENTS:
            exported.setdefault(row["assignment"], {})[row["student_id"]] = float(row["score"])
    assert exported == EXPECTED_SCORES


def csv_rows(person, path: str) -> list[dict]:
    answer = call(person, "GET", path)
    assert answer.status == 200, (path, answer.status)
    return list(csv.DictReader(answer.body.decode().splitlines()))


def test_formgrader_gives_the_gradebook_as_csv_per_assignment_and_per_question(teacher, cycle):
    rows = {r["student_id"]: r for r in csv_rows(teacher, f"/services/{COURSE}/timewarp/grades.csv")}
    for name, scores in EXPECTED_SCORES.items():
        for student, score in scores.items():
            assert float(rows[student][f"{name} (3)"]) == score, (name, student)
    per_question = {r["student_id"]: r for r in csv_rows(
        teacher, f"/services/{COURSE}/timewarp/grades/cycle-basic.csv")}
    assert per_question["student2"]["answer/x_is_42 (2)"] == "0"
    assert per_question["student2"]["answer/x_is_big (1)"] == "1"
    assert per_question["student1"]["total (3)"] == "3"


def _settings(hub):
    """The hub's settings, as its own environment gives them."""
    from timewarp_hub.settings import load_settings
    saved = dict(os.environ)
    os.environ.update(hub.env)
    try:
        settings = load_settings()
        # Each setting's default is read from the environment when first asked for: ask
        # for all of them now, while the environment is the hub's.  (Read later, the
        # grading folder fell back to /srv/timewarp-grading, and where `make run` had left a
        # demo course's configuration there, nbgrader opened that course's gradebook.)
        settings.trait_values()
        return settings
    finally:
        os.environ.clear()
        os.environ.update(saved)


PROBE = """
import json, os, sys
results = {}
for label, path in json.loads(sys.argv[1]).items():
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            open(path, "rb").read(1)
        results[label] = "read"
    except PermissionError:
        results[label] = "denied"
print(json.dumps(results))
"""


def read_as(account: str, paths: dict[str, Path]) -> dict[str, str]:
    """Try to read each path as ``account``; "read" or "denied" for each."""
    entry = pwd.getpwnam(account)
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(
        {k: str(v) for k, v in paths.items()})], capture_output=True, text=True, timeout=60,
        user=entry.pw_uid, group=entry.pw_gid, extra_groups=[], cwd="/",
        env={"PATH": "/usr/bin:/bin", "HOME": entry.pw_dir})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _exchange_files(hub, student: str) -> dict[str, Path]:
    """(As root) where the student's submission and released feedback lie in the exchange."""
    exchange = Path(hub.env["TIMEWARP_HUB_GRADING_DIR"]) / "exchange" / COURSE
    (submission,) = exchange.joinpath("inbound").glob(f"{student}+cycle-basic+*")
    secret = (submission / "submission_secret.txt").read_text()
    from nbgrader.utils import notebook_hash
    feedback = exchange / "feedback" / f"{notebook_hash(secret=secret, notebook_id='answer')}.html"
    assert feedback.is_file()
    return {"submission": submission / "answer.ipynb", "feedback": feedback}


def test_a_student_cannot_read_another_students_work_or_feedback_on_disk(hub, cycle):
    theirs, mine = _exchange_files(hub, "student2"), _exchange_files(hub, "student1")
    course = grader_course(hub).directory
    seen = read_as(f"{STUDENT_PREFIX}student1", {
        "own submission": mine["submission"], "own feedback": mine["feedback"],
        "their submission": theirs["submission"], "their feedback": theirs["feedback"],
        "inbound listing": theirs["submission"].parents[1],
        "their home": Path(f"/home/{STUDENT_PREFIX}student2"),
        "gradebook": course / "gradebook.db",
        "course folder": course,
    })
    assert seen == {"own submission": "read", "own feedback": "read",
                    "their submission": "denied", "their feedback": "denied",
                    "inbound listing": "denied", "their home": "denied",
                    "gradebook": "denied", "course folder": "denied"}


def test_a_student_never_reaches_formgrader_or_another_students_files_by_url(hub, cycle,
                                                                            students):
    student1, student2 = students["student1"], students["student2"]
    for path in (f"{FORMGRADER}", f"{FORMGRADER}/api/submissions/cycle-basic",
                 f"{FORMGRADER}/api/grades?submission_id=x", f"/services/{COURSE}/lab",
                 f"/services/{COURSE}/api/contents/gradebook.db",
                 f"/services/{COURSE}/timewarp/grades.csv",
                 f"/user/student2/api/contents/{COURSE}/cycle-basic/feedback",
                 "/user/student2/assignments?course_id=demo-course"):
        assert call(student1, "GET", path).status == 403, path
    assert call(student1, "POST", f"{FORMGRADER}/api/assignment/cycle-basic/collect"
                ).status == 403
    # Their own server offers no formgrader and no course list at all.
    for path in ("/user/student1/formgrader", "/user/student1/formgrader/api/status",
                 "/user/student1/formgraders"):
        assert call(student1, "GET", path).status == 404, path
    # ...while the teacher does reach it, and student2's own work is theirs to read.
    assert call(hub.user("teacher1"), "GET", f"{FORMGRADER}/api/status").status == 200
    assert call(student2, "GET", f"/user/student2/api/contents/{COURSE}/cycle-basic/feedback"
                ).status == 200


def test_a_forged_submission_in_a_classmates_name_is_not_collected(hub, cycle, students):
    """student1 drops a newer submission named after student2 into the inbound folder."""
    real = _exchange_files(hub, "student2")["submission"].parent
    forged = real.parent / "student2+cycle-basic+2099-01-01 00:00:00.000000 UTC+forged"
    entry = pwd.getpwnam(f"{STUDENT_PREFIX}student1")
    done = subprocess.run(["cp", "-r", str(real.parent.parent / "outbound" / "cycle-basic"),
                           str(forged)], user=entry.pw_uid, group=entry.pw_gid,
                          extra_groups=[], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    teacher = hub.user("teacher1")
    log = ok_json(teacher, "POST", f"{FORMGRADER}/api/assignment/cycle-basic/collect")["log"]
    assert f"Not collecting {forged.name}" in log
    # Without the check, the newer forgery would have replaced student2's work.
    collected = grader_course(hub).directory / "submitted" / "student2" / "cycle-basic"
    assert "X = 41" in (collected / "answer.ipynb").read_text()
    assert (collected / "timestamp.txt").read_text() == (real / "timestamp.txt").read_text()



def test_each_course_has_its_own_formgrader_teachers_and_students(hub, cycle, students):
    teacher1, teacher2 = hub.user("teacher1"), hub.user("teacher2")
    write_assignment(teacher2, "cycle-basic", OTHER_COURSE, as_name="other-basic")
    other = f"/services/{OTHER_COURSE}/formgrader/api"
    ok_json(teacher2, "POST", f"{other}/assignment/other-basic/assign")
    ok_json(teacher2, "POST", f"{other}/assignment/other-basic/release")
    # Each teacher reaches their own course's formgrader and gradebook only.
    assert call(teacher2, "GET", f"{FORMGRADER}/api/status").status == 403
    assert call(teacher1, "GET", f"{other}/status").status == 403
    assert [a["name"] for a in ok_json(teacher2, "GET", f"{other}/assignments")] == [
        "other-basic"]
    assert "other-basic" not in {a["name"] for a in ok_json(
        teacher1, "GET", f"{FORMGRADER}/api/assignments")}
    # A student of demo-course sees nothing of the other course, and cannot fetch from it.
    student1 = students["student1"]
    assert ok_json(student1, "GET", "/user/student1/courses")["value"] == [COURSE]
    assert ok_json(student1, "GET", f"/user/student1/assignments?course_id={OTHER_COURSE}"
                   )["value"] == []
    call(student1, "POST", "/user/student1/assignments/fetch",
         {"course_id": OTHER_COURSE, "assignment_id": "other-basic"})
    assert not Path(f"/home/{STUDENT_PREFIX}student1/{OTHER_COURSE}/other-basic").exists()


# In the browser (last in this module: Playwright's sync API keeps an event loop running, so
# every server these tests open is started before the browser).

@pytest.fixture(scope="module")
def teacher_server(hub, teacher):
    answer = asyncio.run(teacher.start_server({"profile": "timewarp"}))
    assert answer.status in (201, 202), answer.body
    return teacher


def sign_in(browser, hub, name: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(lambda url: "/hub/login" not in url)
    return page


def open_from_nbgrader_menu(page, hub, name: str, item: str) -> None:
    page.goto(f"{hub.url}/user/{name}/lab?reset")
    page.locator(".lm-MenuBar-item", has_text="Nbgrader").click(timeout=120_000)
    page.locator(".lm-Menu-item", has_text=item).click()


@pytest.mark.browser
def test_teacher_opens_formgrader_in_a_new_tab_and_sees_the_submissions(
        hub, cycle, teacher_server, browser):
    page = sign_in(browser, hub, "teacher1")
    try:
        open_from_nbgrader_menu(page, hub, "teacher1", "Course List")
        courses = page.locator("#formgrader_list")
        courses.get_by_role("link", name=f"{COURSE} (gradebook CSV)", exact=True).wait_for()
        link = courses.get_by_role("link", name=COURSE, exact=True)
        with page.context.expect_page() as opened:
            link.click()
        formgrader = opened.value
        formgrader.wait_for_url(f"**{FORMGRADER}**")
        formgrader.locator("a[href$='manage_submissions/cycle-basic']").click()
        rows = formgrader.locator("table tbody tr")
        rows.filter(has_text="student3").wait_for()
        shown = rows.all_inner_texts()
        assert all(any(s in row for row in shown) for s in STUDENTS), shown
        assert page.url.startswith(f"{hub.url}/user/teacher1/lab")
    finally:
        page.context.close()


@pytest.mark.browser
def test_student_sees_and_fetches_an_assignment_from_the_assignment_list(hub, cycle, browser):
    page = sign_in(browser, hub, "student1")
    try:
        open_from_nbgrader_menu(page, hub, "student1", "Assignment List")
        released = page.locator("#released_assignments_list .list_item",
                                has_text="basic-squares")
        released.get_by_role("button", name="Fetch").click()
        page.locator("#fetched_assignments_list .list_item", has_text="basic-squares").wait_for()
        fetched = Path(f"/home/{STUDENT_PREFIX}student1/{COURSE}/basic-squares/squares.ipynb")
        assert fetched.is_file()
        assert fetched.stat().st_uid == pwd.getpwnam(f"{STUDENT_PREFIX}student1").pw_uid
    finally:
        page.context.close()
