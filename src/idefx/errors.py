"""idefx's exception types and the process exit codes the command line documents (README, "Exit codes")."""

from __future__ import annotations

from pathlib import Path
from typing import Union

from idefx.safety import one_line

EXIT_OK = 0
"""Every input was processed."""
EXIT_SOME_FAILED = 1
"""At least one input was processed and at least one was refused or failed."""
EXIT_USAGE = 2
"""The command line itself was wrong (unknown option, bad value); nothing was read."""
EXIT_NOTHING_PROCESSED = 3
"""Every input was refused or failed: no record was produced."""
EXIT_OUTPUT = 4
"""Records could not be written (output file or store not writable, disk full)."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (SIGINT), as shells report it (128 + 2)."""
EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (e.g. ``| head``), as shells report SIGPIPE (128 + 13)."""


class IdefxError(Exception):
    """An error idefx reports as one line on stderr, without a traceback, and exits with ``exit_code``."""

    exit_code = EXIT_NOTHING_PROCESSED


class InputError(IdefxError):
    """One input could not be read as a text document; ``reason`` says why in a few words.

    The message names the path on one line, whatever characters the file name holds.
    """

    def __init__(self, path: Union[str, Path], reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{one_line(self.path)}: {one_line(reason)}")

    def __reduce__(self):  # picklable, so worker processes can hand it back
        return type(self), (self.path, self.reason)


class OutputError(IdefxError):
    """Records could not be written to their destination."""

    exit_code = EXIT_OUTPUT


def batch_exit_code(processed: int, failed: int) -> int:
    """The exit code of a run over several inputs: 0 all fine, 1 some failed, 3 none processed."""
    if failed == 0:
        return EXIT_OK
    return EXIT_SOME_FAILED if processed else EXIT_NOTHING_PROCESSED
