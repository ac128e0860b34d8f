"""nbgrader's file exchange as the Time Warp hub sets it up (see timewarp_hub.grading).

Three changes to nbgrader's own exchange, all about trust between Unix accounts:

* The hub (as root) creates the exchange folder and every course's folders in it, owned by
  the course's grader account.  nbgrader would instead insist the exchange be writable by
  everyone, which would let a student create a course's folder before its teacher does and
  own it.  Here the exchange only has to exist and be enterable.
* A submission is readable by its student and the course's grader only, and so is feedback
  (nbgrader leaves both readable by all, hidden only by hard-to-guess names).
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
import struct
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
from nbgrader.utils import notebook_hash
from traitlets import Bool, Unicode
from traitlets.config import LoggingConfigurable

from timewarp_hub.accounts import unix_name

#: POSIX access control list entries (linux/posix_acl_xattr.h): tag, permissions, id.
_ACL_USER_OBJ, _ACL_USER, _ACL_GROUP_OBJ, _ACL_MASK, _ACL_OTHER = 0x01, 0x02, 0x04, 0x10, 0x20
_ACL_NO_ID = 0xFFFFFFFF


def only_for(path: str, account: str) -> None:
    """Make ``path`` readable by its owner, its group and ``account``, and by nobody else."""
    os.chmod(path, 0o640)
    uid = pwd.getpwnam(account).pw_uid
    entries = [(_ACL_USER_OBJ, 6, _ACL_NO_ID), (_ACL_USER, 4, uid),
               (_ACL_GROUP_OBJ, 4, _ACL_NO_ID), (_ACL_MASK, 4, _ACL_NO_ID),
               (_ACL_OTHER, 0, _ACL_NO_ID)]
    blob = struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)
    os.setxattr(path, "system.posix_acl_access", blob)


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


class StudentAccounts(LoggingConfigurable):
    """How a student's hub name maps to their Unix account, which the hub's checks need."""

    student_unix_prefix = Unicode(
        "tw-", help="Prefix of the students' Unix account names (the hub's unix_user_prefix)."
    ).tag(config=True)
    check_owners = Bool(
        True, help="Check submissions' owners and close feedback to all but its student (off "
                   "when every user shares one Unix account)."
    ).tag(config=True)

    def student_account(self, student_id: str) -> str:
        return unix_name(self.student_unix_prefix, student_id)


class HubReleaseFeedback(HubExchangeRoot, StudentAccounts, ExchangeReleaseFeedback):
    """Releases feedback as nbgrader does, then lets only its student read each file.

    nbgrader leaves feedback readable by all, hidden only by its name; here each file is
    closed to others (0640) and opened to its student's Unix account by an access control
    list entry, which the grader may set on its own files.
    """

    def copy_files(self):
        super().copy_files()
        if not self.check_owners:
            return
        for student_id, html_file in self._feedback_files():
            with open(os.path.join(os.path.dirname(html_file), "submission_secret.txt")) as fh:
                secret = fh.read()
            notebook_id = os.path.splitext(os.path.basename(html_file))[0]
            released = os.path.join(self.dest_path, notebook_hash(
                secret=secret, notebook_id=notebook_id) + ".html")
            if os.path.isfile(released):
                only_for(released, self.student_account(student_id))

    def _feedback_files(self):
        """(student id, feedback file) for the students and assignment released."""
        for html_file in glob.glob(os.path.join(self.src_path, "*.html")):
            # <feedback>/<student>/<assignment>/<notebook>.html
            yield html_file.split(os.sep)[-3], html_file


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


class HubCollect(HubExchangeRoot, StudentAccounts, ExchangeCollect):
    """Collects only submissions that belong to the student they are named after."""

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
        account = self.student_account(record["username"])
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
