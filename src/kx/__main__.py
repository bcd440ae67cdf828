"""Allow ``python -m kx``."""

from kx.cli.main import main

raise SystemExit(main())
