"""Run the idefx command line as ``python -m idefx``."""

from idefx.cli import main

main()
