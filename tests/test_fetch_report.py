"""The one download path, exercised against a server on loopback (no outside network)."""

import http.server
import threading
from contextlib import contextmanager

import pytest

from dinum.fetch import NotAPdfError, fetch_report
from warehouse.manifest import discover_reports, file_sha256

PDF_BODY = b"%PDF-1.4\n% a tiny report\n%%EOF\n"


@contextmanager
def serving(routes: dict[str, bytes]):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_writes_the_pdf_and_records_it(tmp_path):
    with serving({"/files/Rapport%20DINUM.pdf": PDF_BODY}) as base:
        path = fetch_report(f"{base}/files/Rapport%20DINUM.pdf", tmp_path, timeout=10)
    assert path.name == "Rapport DINUM.pdf" and path.read_bytes() == PDF_BODY
    (report,) = discover_reports(tmp_path)
    assert report.report_id == "rapport_dinum"
    assert report.manifest_sha256 == file_sha256(path)
    assert report.source_url.endswith("/files/Rapport%20DINUM.pdf")
    assert not list(tmp_path.glob("*.part"))


def test_an_html_page_is_refused_and_nothing_written(tmp_path):
    page = {"/publication": b"<!doctype html><html>...</html>"}
    with serving(page) as base, pytest.raises(NotAPdfError, match="not a PDF"):
        fetch_report(f"{base}/publication", tmp_path, timeout=10)
    assert list(tmp_path.iterdir()) == []


def test_refetch_updates_the_existing_manifest_row(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        "report_id,title,publisher,published_on,source_url,sha256,file_name\n"
        "original,Le titre,Cour des comptes,2024-07-15,https://example.org/page,old,original.pdf\n",
        encoding="utf-8",
    )
    with serving({"/r.pdf": PDF_BODY}) as base:
        fetch_report(f"{base}/r.pdf", tmp_path, file_name="original.pdf", timeout=10)
    (report,) = discover_reports(tmp_path)
    assert report.report_id == "original" and report.title == "Le titre"
    assert report.manifest_sha256 == file_sha256(tmp_path / "original.pdf")
    assert report.source_url == "https://example.org/page"
