"""Allow ``python -m kx``."""

from kx.main import main

raise SystemExit(main())
