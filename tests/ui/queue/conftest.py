"""A real CUPS for the queue's printing tests, started once per test session (and per xdist
worker) with a configuration folder of its own and a loopback port of its own, stopped at the
end. Its queues are PDF printers: CUPS's generic PDF driver (cups-filters' pdftopdf) and a
`file:` device, so what a printer would have received lands in a file the test reads (the PDF
as that driver sends it to a printer: wrapped in PJL, which poppler reads past)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PDF_DRIVER = Path("/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd")
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])  # cupsd, lpadmin
START_TIMEOUT_S = 30


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class CupsServer:
    root: Path
    address: str  # what CUPS_SERVER holds: 127.0.0.1:PORT

    def lp(self, *command: str) -> str:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "CUPS_SERVER": self.address, "PATH": SEARCH_PATH},
        )
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}")
        return done.stdout

    def add_pdf_printer(self, name: str) -> Path:
        """A printer whose jobs end up, as PDF, in the file returned (one job a printer)."""
        output = self.root / "out" / f"{name}.pdf"
        self.lp("lpadmin", "-p", name, "-v", f"file:{output}", "-P", str(PDF_DRIVER), "-E")
        return output

    def printed(self, printer: str, output: Path) -> bool:
        """The printer's jobs are all done and its file is there."""
        return output.is_file() and not self.lp("lpstat", "-o", printer).strip()

    def log(self) -> str:
        return (self.root / "error_log").read_text(errors="replace")[-4000:]


def _write_config(root: Path, port: int) -> None:
    for folder in ("spool", "tmp", "state", "cache", "out"):
        (root / folder).mkdir()
    (root / "tmp").chmod(0o1777)  # the filters' temporary files (gstopdf's for PostScript jobs)
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\n"
        "LogLevel info\nBrowsing No\nWebInterface No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    files = {
        "ServerRoot": root,
        "RequestRoot": root / "spool",
        "TempDir": root / "tmp",
        "StateDir": root / "state",
        "CacheDir": root / "cache",
        "ErrorLog": root / "error_log",
        "AccessLog": root / "access_log",
        "PageLog": root / "page_log",
        "Printcap": root / "printcap",
    }
    lines = [f"{key} {value}" for key, value in files.items()]
    (root / "cups-files.conf").write_text("\n".join([*lines, "FileDevice Yes", ""]))


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    cupsd = shutil.which("cupsd", path=SEARCH_PATH)
    lpadmin = shutil.which("lpadmin", path=SEARCH_PATH)
    if cupsd is None or lpadmin is None or not PDF_DRIVER.is_file():
        if os.environ.get("CI"):
            pytest.fail("CUPS is not installed (scripts/dev test installs it)")
        pytest.skip("CUPS is not installed: apt-get install cups")
    root = Path(tempfile.mkdtemp(prefix="counter-cups-"))
    os.chmod(root, 0o755)  # the filters run as CUPS's own user
    port = _free_port()
    _write_config(root, port)
    daemon = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = CupsServer(root, f"127.0.0.1:{port}")
    before = os.environ.get("CUPS_SERVER")
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while "scheduler is running" not in server.lp("lpstat", "-r"):
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not start:\n{server.log()}")
            time.sleep(0.2)
        os.environ["CUPS_SERVER"] = server.address  # Qt's print support asks libcups
        yield server
    finally:
        if before is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = before
        daemon.terminate()
        daemon.wait(30)
        shutil.rmtree(root, ignore_errors=True)
