"""The teacher's course list on the Time Warp hub: a Jupyter server extension.

It answers the requests of nbgrader's "Courses" panel in JupyterLab in place of nbgrader's own
course list extension.  nbgrader's links lead to the course service's JupyterLab, which shows
formgrader in an iframe that JupyterHub's content security policy leaves blank (nbgrader
#1870); these lead to formgrader's own pages, which the panel opens in a new browser tab.
Each course also gets a link to its gradebook as CSV (``hub_export``).
The courses are the ones the hub names when it starts the server (``TIMEWARP_GRADING_COURSES``,
from the teacher's ``formgrade-<course>`` groups), each served at ``/services/<course>/``.
"""

from __future__ import annotations

import json
import os

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from nbgrader.server_extensions.course_list.handlers import NbGraderVersionHandler
from tornado import web


def formgrader_links(courses: str, hub_base_url: str) -> list[dict]:
    """The panel's entries, two per course: its formgrader, and its gradebook as CSV."""
    links = []
    for course in sorted(set(courses.split())):
        service = url_path_join(hub_base_url, "services", course)
        links += [{"course_id": course, "kind": "jupyterhub",
                   "url": url_path_join(service, "formgrader")},
                  {"course_id": f"{course} (gradebook CSV)", "kind": "jupyterhub",
                   "url": url_path_join(service, "timewarp", "grades.csv")}]
    return links


class HubCourseListHandler(JupyterHandler):
    """``GET /formgraders``: the courses this teacher grades."""

    @web.authenticated
    def get(self):
        links = formgrader_links(os.environ.get("TIMEWARP_GRADING_COURSES", ""),
                                 os.environ.get("JUPYTERHUB_BASE_URL", "/"))
        self.finish(json.dumps({"success": True, "value": links}))


def _jupyter_server_extension_points():
    return [{"module": "timewarp_grading.hub_course_list"}]


def _load_jupyter_server_extension(server_app):
    web_app = server_app.web_app
    base_url = web_app.settings["base_url"]
    web_app.add_handlers(".*$", [
        (url_path_join(base_url, "formgraders"), HubCourseListHandler),
        (url_path_join(base_url, "nbgrader_version"), NbGraderVersionHandler),
    ])
