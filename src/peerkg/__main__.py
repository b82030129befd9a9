"""``python -m peerkg`` runs the command-line interface."""

from peerkg.cli import main

main()
