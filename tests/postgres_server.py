"""A throw-away PostgreSQL cluster for the tests: the one $IDEFX_TEST_POSTGRES names (``.ci/run`` starts one),
else one started here from the installed server binaries (as the ``postgres`` user when running as root,
since the server refuses root), stopped at the end; None when no server binary is installed."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from typing import Iterator, Optional

ENV_VAR = "IDEFX_TEST_POSTGRES"


def server_binaries() -> Optional[str]:
    """The directory holding initdb and pg_ctl, if a PostgreSQL server is installed."""
    found = shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[::-1]), None)
    return os.path.dirname(os.path.realpath(found)) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(durable: bool = False) -> Iterator[Optional[str]]:
    """A URL of a PostgreSQL database the tests may use, or None when there is no server to be had (a cluster
    started here skips fsync unless ``durable``: the tests need no crash safety)."""
    if os.environ.get(ENV_VAR):
        yield os.environ[ENV_VAR]
        return
    bindir = server_binaries()
    if bindir is None:
        yield None
        return
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = tempfile.mkdtemp(prefix="idefx-pg-")
    if as_user:
        shutil.chown(home, "postgres")
    data, port = os.path.join(home, "data"), _free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": True}
    subprocess.run([*as_user, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8"], **quiet)
    subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-l", os.path.join(home, "log"), "-w", "-o",
                    f"-k {home} -p {port} -c listen_addresses=127.0.0.1{'' if durable else ' -c fsync=off'}", "start"],
                   **quiet)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], **quiet)
        shutil.rmtree(home, ignore_errors=True)


def in_schema(url: str, schema: str) -> str:
    """``url`` with ``schema`` first on the search path: a store of its own inside the database."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
