"""The gradebook as CSV from a course's formgrader service on the hub: a Jupyter server extension.

Loaded after formgrader in each course's service (see timewarp_hub.grading), it serves

* ``<service>/timewarp/grades.csv``: one row per student, a column per assignment;
* ``<service>/timewarp/grades/<assignment>.csv``: one row per student, a column per question;

made by :mod:`timewarp_grading.export`, the same tables as the ``timewarp-grades`` command, from
formgrader's own gradebook.  Only the course's teachers reach the service, so only they get
these.  The teacher's course list in JupyterLab links to the first (``hub_course_list``).
"""

from __future__ import annotations

import re

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from timewarp_grading.export import assignment_table, question_table, to_csv

_ASSIGNMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")


class GradesCSVHandler(JupyterHandler):
    """``GET /timewarp/grades.csv`` and ``GET /timewarp/grades/<assignment>.csv``."""

    @web.authenticated
    def get(self, assignment: str | None = None):
        db_url = self.settings.get("nbgrader_db_url")
        if not db_url:
            raise web.HTTPError(404, "This server has no formgrader, so no gradebook.")
        if assignment is None:
            rows, name = assignment_table(db_url), "grades.csv"
        else:
            if not _ASSIGNMENT.fullmatch(assignment):
                raise web.HTTPError(400, f"{assignment!r} is not an assignment name.")
            try:
                rows = question_table(db_url, assignment)
            except SystemExit as missing:  # the export's plain-words "no such assignment"
                raise web.HTTPError(404, str(missing)) from None
            name = f"{assignment}.csv"
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(to_csv(rows))


def _jupyter_server_extension_points():
    return [{"module": "timewarp_grading.hub_export"}]


def _load_jupyter_server_extension(server_app):
    base_url = server_app.web_app.settings["base_url"]
    server_app.web_app.add_handlers(".*$", [
        (url_path_join(base_url, "timewarp", "grades.csv"), GradesCSVHandler),
        (url_path_join(base_url, "timewarp", "grades", r"([^/]+)\.csv"), GradesCSVHandler),
    ])
