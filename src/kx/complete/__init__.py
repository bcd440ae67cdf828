"""Shell completion: a tree built from the specs and kx's own commands, one script per shell."""

import os

# kx's own command tree, generated from the typer app (see kx.cli.generate).
APP_JSON = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kx_app.json")
