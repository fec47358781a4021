"""`make ui` as a user meets it: `dinum ui` (dagster dev under its wrapper) on a free port,
the lineage from the PDF asset to every mart read through GraphQL, the asset graph page
loaded in headless Chromium where Debian's chromium is installed, and a SIGTERM that stops
it. The instance and the raw folder are empty temporary ones: no sensor has work to start."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.pdf_printers import chromium_binary
from warehouse.marts import fact_marts
from warehouse.settings import REPO_ROOT

HOST = "127.0.0.1"
STARTUP_SECONDS = 240
# The marts read from the PDFs besides the fact marts (dim_subjects comes from seeds only).
OTHER_MARTS = ["dim_reports", "unclassified_mentions", "fact_candidates"]
LINEAGE_QUERY = "{ assetNodes { assetKey { path } dependedByKeys { path } } }"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _get(url: str, data: bytes | None = None) -> bytes:
    headers = {"Content-Type": "application/json"} if data else {}
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui")
    home, raw = folder / "dagster_home", folder / "raw"
    home.mkdir()
    raw.mkdir()
    shutil.copyfile(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DINUM_RAW_DIR": str(raw),
        "DINUM_WAREHOUSE": str(folder / "warehouse" / "dinum.duckdb"),
        "DINUM_RAW_LAYER": str(folder / "warehouse" / "raw"),
    }
    log = (folder / "dagster_dev.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "dinum"), "ui", "--host", HOST, "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            _get(f"{base}/server_info")
            nodes = json.loads(
                _get(f"{base}/graphql", json.dumps({"query": LINEAGE_QUERY}).encode())
            )
            if nodes.get("data", {}).get("assetNodes"):
                break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            os.killpg(server.pid, signal.SIGKILL) if server.poll() is None else None
            pytest.fail(f"the UI did not start: {(folder / 'dagster_dev.log').read_text()[-2000:]}")
        time.sleep(2)
    yield base, server, folder
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGKILL)
    log.close()


def test_the_lineage_runs_from_the_pdf_to_every_mart(ui):
    base, _, _ = ui
    answer = json.loads(_get(f"{base}/graphql", json.dumps({"query": LINEAGE_QUERY}).encode()))
    downstream = {
        tuple(node["assetKey"]["path"]): [tuple(k["path"]) for k in node["dependedByKeys"]]
        for node in answer["data"]["assetNodes"]
    }
    reached, frontier = set(), [("report_pdf",)]
    while frontier:
        key = frontier.pop()
        if key not in reached:
            reached.add(key)
            frontier.extend(downstream.get(key, []))
    names = {key[-1] for key in reached}
    for mart in [*fact_marts().values(), *OTHER_MARTS]:
        assert mart in names, f"{mart} is not downstream of report_pdf"


def test_the_asset_graph_page_renders_in_chromium(ui):
    base, _, folder = ui
    chromium = chromium_binary()
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium): no screenshot")
    screenshot = folder / "asset_graph.png"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={folder / 'chromium_profile'}",
            f"--screenshot={screenshot}",
            "--window-size=1600,1000",
            "--virtual-time-budget=20000",
            f"{base}/asset-groups",
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    assert screenshot.stat().st_size > 10_000
    print(f"asset graph screenshot: {screenshot}")


def test_sigterm_stops_the_ui(ui):
    _, server, _ = ui
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=90)
    # The webserver's and daemon's helpers leave within seconds of `dagster dev`.
    deadline = time.monotonic() + 30
    while _processes_of_session(server.pid) and time.monotonic() < deadline:
        time.sleep(1)
    leftover = _processes_of_session(server.pid)
    assert leftover == [], f"processes of the UI still running: {leftover}"


def _processes_of_session(session_id: int) -> list[str]:
    found = subprocess.run(["pgrep", "-s", str(session_id)], capture_output=True, text=True)
    return found.stdout.split()
