"""``python -m timewarp`` is the ``timewarp`` command line."""

from timewarp.cli import main

raise SystemExit(main())
