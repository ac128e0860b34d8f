"""nbgrader's file exchange as the Time Warp hub sets it up (see timewarp_hub.grading).

Three changes to nbgrader's own exchange, all about trust between Unix accounts:

* The hub (as root) creates the exchange folder and every course's folders in it, owned by
  the course's grader account.  nbgrader would instead insist the exchange be writable by
  everyone, which would let a student create a course's folder before its teacher does and
  own it.  Here the exchange only has to exist and be enterable.
* A submission is readable by its student and the course's grader only.
* Collecting refuses a submission unless the submission and everything in it belong to the
  Unix account of the student it is named after, and it holds no symbolic links.  nbgrader
  only warns, so a student could drop a newer submission named after a classmate (the inbound
  folder is writable by all) and have it graded in the classmate's place, or submit a link to
  a file only the grader can read and get it back in their feedback.
"""

from __future__ import annotations

import glob
import os
import pwd
from collections import defaultdict

from nbgrader.exchange.default import (
    Exchange,
    ExchangeCollect,
    ExchangeFetchAssignment,
    ExchangeFetchFeedback,
    ExchangeList,
    ExchangeReleaseAssignment,
    ExchangeReleaseFeedback,
    ExchangeSubmit,
)
from traitlets import Bool, Unicode

from timewarp_hub.accounts import unix_name


class HubExchangeRoot:
    """The exchange is made by the hub: it must exist and be enterable, nothing more."""

    def ensure_root(self):
        if not os.path.isdir(self.root) or not os.access(self.root, os.X_OK):
            self.fail(f"The exchange folder {self.root} is missing or closed to you. The hub "
                      "creates it when it starts: please tell the hub's administrator.")


class HubExchange(HubExchangeRoot, Exchange):
    pass


class HubFetchAssignment(HubExchangeRoot, ExchangeFetchAssignment):
    pass


class HubFetchFeedback(HubExchangeRoot, ExchangeFetchFeedback):
    pass


class HubReleaseAssignment(HubExchangeRoot, ExchangeReleaseAssignment):
    pass


class HubReleaseFeedback(HubExchangeRoot, ExchangeReleaseFeedback):
    pass


class HubList(HubExchangeRoot, ExchangeList):
    pass


class HubSubmit(HubExchangeRoot, ExchangeSubmit):
    """Submits as nbgrader does, then closes the submission's folder to everyone but its owner
    and the grader's group, which the folder took from the set-group-id inbound folder.
    nbgrader leaves it open to all (0777), hidden only by its random name."""

    def copy_files(self):
        super().copy_files()
        submission = os.path.join(self.inbound_path, self.assignment_filename)
        if os.stat(submission).st_gid == os.stat(self.inbound_path).st_gid:
            # Files inside stay as nbgrader leaves them (0644): no one else can reach them.
            os.chmod(submission, 0o770)


def foreign_entries(path: str, account: str) -> list[str]:
    """What under ``path`` is a symbolic link or does not belong to ``account``."""
    try:
        uid = pwd.getpwnam(account).pw_uid
    except KeyError:
        return [path]
    found = []
    for top, folders, files in os.walk(path):
        for name in [top, *(os.path.join(top, n) for n in folders + files)]:
            info = os.lstat(name)
            if os.path.islink(name) or info.st_uid != uid:
                found.append(name)
    return found


class HubCollect(HubExchangeRoot, ExchangeCollect):
    """Collects only submissions that belong to the student they are named after."""

    student_unix_prefix = Unicode(
        "tw-", help="Prefix of the students' Unix account names (the hub's unix_user_prefix)."
    ).tag(config=True)
    check_owners = Bool(
        True, help="Refuse submissions not owned by the student's Unix account (off when "
                   "every user shares one account)."
    ).tag(config=True)

    def init_src(self):
        super().init_src()
        if not self.check_owners:
            return
        # Choose again among the genuine submissions only, as nbgrader chooses (the newest,
        # or the newest before the due date): a forged newer one must not hide a real one.
        pattern = os.path.join(self.inbound_path, "{}+{}+*".format(
            self.coursedir.student_id or "*", self.coursedir.assignment_id))
        by_student = defaultdict(list)
        for path in glob.glob(pattern):
            record = self._path_to_record(path)
            if self._genuine(record):
                by_student[record["username"]].append(record)
        self.src_records = [self._choose(records) for records in by_student.values()]

    def _genuine(self, record: dict) -> bool:
        account = unix_name(self.student_unix_prefix, record["username"])
        foreign = foreign_entries(os.path.join(self.inbound_path, record["filename"]), account)
        if foreign:
            self.log.error("Not collecting %s: it claims to be %s's, but %s is not theirs (a "
                           "symbolic link, or made by another account).", record["filename"],
                           record["username"], foreign[0])
        return not foreign

    def _choose(self, records: list[dict]) -> dict:
        newest_first = self._sort_by_timestamp(records)
        if self.duedate is not None and self.before_duedate:
            on_time = [r for r in newest_first if r["timestamp"] <= self.duedate]
            if on_time:
                return on_time[0]
        return newest_first[0]
