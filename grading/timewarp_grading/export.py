"""Gradebook export: one row per student, a column per assignment or per question.

``python -m timewarp_grading.export`` (also installed as ``timewarp-grades``) reads a course's
nbgrader gradebook and writes CSV::

    timewarp-grades --course-dir COURSE                       # per assignment
    timewarp-grades --course-dir COURSE --per question --assignment ps1 -o ps1.csv

Per assignment, the columns are each assignment's score, then the total; per question they
are ``notebook/question`` for every graded cell.  A student with no submission has an empty
cell, not a 0, so a missing piece of work is told apart from a wrong one.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry


def assignment_table(db_url: str) -> list[list[str]]:
    with Gradebook(db_url) as gb:
        assignments = sorted(gb.assignments, key=lambda a: (a.duedate is None, a.duedate, a.name))
        names = [a.name for a in assignments]
        rows = [["student_id", "last_name", "first_name"]
                + [f"{n} ({_num(a.max_score)})" for n, a in zip(names, assignments)]
                + [f"total ({_num(sum(a.max_score for a in assignments))})"]]
        for student in sorted(gb.students, key=lambda s: s.id):
            scores = []
            for name in names:
                try:
                    scores.append(gb.find_submission(name, student.id).score)
                except MissingEntry:
                    scores.append(None)
            total = sum(s for s in scores if s is not None)
            rows.append([student.id, student.last_name or "", student.first_name or ""]
                        + [_num(s) for s in scores] + [_num(total)])
    return rows


def question_table(db_url: str, assignment: str) -> list[list[str]]:
    with Gradebook(db_url) as gb:
        try:
            found = gb.find_assignment(assignment)
        except MissingEntry:
            known = ", ".join(sorted(a.name for a in gb.assignments)) or "none yet"
            raise SystemExit(f"there is no assignment called {assignment!r} in this gradebook "
                             f"(assignments: {known})") from None
        questions = [(nb.name, cell.name, cell.max_score)
                     for nb in sorted(found.notebooks, key=lambda n: n.name)
                     for cell in sorted(nb.grade_cells, key=lambda c: c.name)]
        rows = [["student_id", "last_name", "first_name"]
                + [f"{nb}/{cell} ({_num(points)})" for nb, cell, points in questions]
                + [f"total ({_num(found.max_score)})"]]
        for student in sorted(gb.students, key=lambda s: s.id):
            try:
                total = gb.find_submission(assignment, student.id).score
            except MissingEntry:
                rows.append([student.id, student.last_name or "", student.first_name or ""]
                            + [""] * (len(questions) + 1))
                continue
            scores = [gb.find_grade(cell, nb, assignment, student.id).score
                      for nb, cell, _ in questions]
            rows.append([student.id, student.last_name or "", student.first_name or ""]
                        + [_num(s) for s in scores] + [_num(total)])
    return rows


def to_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="timewarp-grades",
        description="Export a course's nbgrader gradebook as CSV, one row per student.")
    parser.add_argument("--course-dir", default=".", help="the course folder (default: here)")
    parser.add_argument("--db", help="the gradebook's database URL "
                        "(default: sqlite:///COURSE/gradebook.db)")
    parser.add_argument("--per", choices=("assignment", "question"), default="assignment")
    parser.add_argument("--assignment", help="the assignment (needed with --per question)")
    parser.add_argument("-o", "--output", help="the CSV file to write (default: print it)")
    args = parser.parse_args(argv)
    course = Path(args.course_dir).resolve()
    db_url = args.db or f"sqlite:///{course / 'gradebook.db'}"
    if args.db is None and not (course / "gradebook.db").exists():
        parser.error(f"{course} has no gradebook.db yet: generate and autograde an "
                     "assignment first, or give --db")
    if args.per == "question":
        if not args.assignment:
            parser.error("--per question needs --assignment NAME")
        rows = question_table(db_url, args.assignment)
    else:
        rows = assignment_table(db_url)
    text = to_csv(rows)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
