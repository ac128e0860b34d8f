"""``python -m timewarp_hub``: start the Time Warp hub, or manage its password users.

    python -m timewarp_hub [--demo] [--port 8000] ...    start JupyterHub
    python -m timewarp_hub user add NAME --group 7a      create a user, print their password
    python -m timewarp_hub user remove NAME | user list
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from timewarp_hub.demo_course import start_demo_release
from timewarp_hub.passwords import PasswordStore, new_password
from timewarp_hub.settings import load_settings, repository_root

DEMO_COURSE = "demo-course"
DEMO_USERS = {
    "teacher1": ["teachers", DEMO_COURSE],
    "student1": [DEMO_COURSE],
    "student2": [DEMO_COURSE],
}

#: Command-line options and the environment variables (read by HubSettings) they set.
OPTION_ENV = {
    "data_dir": "TIMEWARP_HUB_DATA",
    "ip": "TIMEWARP_HUB_IP",
    "port": "TIMEWARP_HUB_PORT",
    "hub_port": "TIMEWARP_HUB_API_PORT",
    "proxy_api_port": "TIMEWARP_PROXY_API_PORT",
}


def config_file() -> Path:
    return Path(os.environ.get("TIMEWARP_HUB_JUPYTERHUB_CONFIG",
                               repository_root() / "hub_config" / "jupyterhub_config.py"))


def password_store() -> PasswordStore:
    return PasswordStore(Path(load_settings().data_dir) / "passwords.sqlite")


def ensure_admin(store: PasswordStore, name: str) -> None:
    """Set the admin password from TIMEWARP_ADMIN_PASSWORD, or generate and show it once."""
    given = os.environ.get("TIMEWARP_ADMIN_PASSWORD")
    if given:
        store.set(name, given)
    elif name not in store:
        password = new_password()
        store.set(name, password)
        print(f"Admin login (shown only this once): {name} / {password}", flush=True)


def create_demo(store: PasswordStore) -> None:
    """teacher1, student1 and student2 in the demo course, unless they exist already."""
    for name, groups in DEMO_USERS.items():
        if name in store:
            continue
        password = os.environ.get("TIMEWARP_DEMO_PASSWORD") or new_password()
        store.set(name, password, groups)
        print(f"Demo login: {name} / {password}  (groups: {', '.join(groups)})", flush=True)


def start(args: argparse.Namespace) -> None:
    for option, env in OPTION_ENV.items():
        value = getattr(args, option)
        if value is not None:
            os.environ[env] = str(value)
    settings = load_settings()
    if settings.auth == "password":
        store = password_store()
        for admin in settings.admin_users:
            ensure_admin(store, admin)
        if args.demo:
            create_demo(store)
            if start_demo_release(settings, DEMO_COURSE):
                print(f"Demo course {DEMO_COURSE}: releasing its assignments in the background",
                      flush=True)
    if os.geteuid() != 0:
        print("WARNING: not running as root: all users share this Unix account.",
              file=sys.stderr, flush=True)
    print(f"Time Warp hub on http://{settings.ip}:{settings.port}", flush=True)
    command = [sys.executable, "-m", "jupyterhub", "-f", str(config_file())]
    if args.debug:
        command.append("--debug")
    os.execv(sys.executable, command)


def manage_user(args: argparse.Namespace) -> None:
    store = password_store()
    # The same normalisation as JupyterHub's login, so the name typed there matches.
    name = (args.name or "").strip().lower()
    if args.action == "list":
        print("\n".join(store.names()))
    elif args.action == "remove":
        if not store.remove(name):
            sys.exit(f"no user called {name}")
    else:
        password = args.password or new_password()
        store.set(name, password, args.group)
        print(f"{name} / {password}")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m timewarp_hub", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--demo", action="store_true",
                     help="create teacher1, student1, student2 and a demo course")
    top.add_argument("--data-dir", help="hub data directory (TIMEWARP_HUB_DATA)")
    top.add_argument("--ip", help="public address (default 127.0.0.1)")
    top.add_argument("--port", type=int, help="public port (default 8000)")
    top.add_argument("--hub-port", type=int, help="internal hub API port (default 8081)")
    top.add_argument("--proxy-api-port", type=int, help="proxy API port (default 8001)")
    top.add_argument("--debug", action="store_true", help="verbose hub log")
    commands = top.add_subparsers(dest="command")
    user = commands.add_parser("user", help="manage users of the password login")
    user.add_argument("action", choices=["add", "remove", "list"])
    user.add_argument("name", nargs="?")
    user.add_argument("--group", action="append", default=[],
                      help="a group (course, teachers, admins); repeat for several")
    user.add_argument("--password", help="the password (default: generate one)")
    return top


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    if args.command == "user":
        if args.data_dir:
            os.environ["TIMEWARP_HUB_DATA"] = args.data_dir
        if args.action != "list" and not args.name:
            sys.exit("user add/remove needs a NAME")
        manage_user(args)
    else:
        start(args)


if __name__ == "__main__":
    main()
