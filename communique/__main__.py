"""``python -m communique`` runs the CLI."""

from .cli import main

main()
