"""Fetching URLs: only http(s), private addresses refused, redirects, size and time caps.

Pages come from a local http.server on 127.0.0.1 or from httpx.MockTransport; never the
internet.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storyline.ingest import FetchedPage, HttpxFetcher, IngestOptions, extract, read
from storyline.models import Draft, Problem, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = (FIXTURES / "article_page.html").read_bytes()
PUBLIC_IP = "93.184.216.34"  # any global address: the fake resolver answers with it
LOCAL = IngestOptions(allow_private_urls=True, timeout_seconds=5)


class _Handler(http.server.BaseHTTPRequestHandler):
    release: threading.Event

    def do_GET(self) -> None:
        if self.path == "/slow":
            self.release.wait(10)
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"<p>" + b"x" * 1000 + b"</p>")
            return
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, body = (200, PAGE) if self.path == "/article" else (404, b"not found")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    release = threading.Event()
    handler = type("Handler", (_Handler,), {"release": release})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    release.set()
    httpd.shutdown()
    httpd.server_close()


def only(items: Iterator[RawDocument | Problem]) -> RawDocument | Problem:
    [item] = list(items)
    return item


def problem_code(url: str, options: IngestOptions = IngestOptions(), **kwargs: object) -> str:
    item = only(read([url], options, **kwargs))  # type: ignore[arg-type]
    assert isinstance(item, Problem), item
    return item.code


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://files.example/a.txt"])
def test_non_http_urls_are_refused(url: str) -> None:
    assert problem_code(url) == "unsupported-scheme"


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]/x", "http://10.1.2.3/"]
)
def test_private_addresses_are_refused_without_the_flag(url: str) -> None:
    assert problem_code(url) == "private-address"


def test_hostname_resolving_to_a_private_address_is_refused() -> None:
    fetcher = HttpxFetcher(resolver=lambda host: ["192.168.1.20"])
    assert problem_code("http://intranet.example/", fetcher=fetcher) == "private-address"


def test_redirect_to_a_private_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data"})

    fetcher = HttpxFetcher(transport=httpx.MockTransport(handler), resolver=lambda h: [PUBLIC_IP])
    assert problem_code("https://news.example/story", fetcher=fetcher) == "private-address"


def test_redirect_loop_stops_at_max_redirects() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(301, headers={"Location": f"/hop{len(seen)}"})

    options = IngestOptions(max_redirects=3)
    transport = httpx.MockTransport(handler)
    fetcher = HttpxFetcher(options, transport=transport, resolver=lambda h: [PUBLIC_IP])
    assert problem_code("https://news.example/a", options, fetcher=fetcher) == "too-many-redirects"
    assert len(seen) == 4


def test_declared_length_over_the_cap_is_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "999999999"}, content=b"")

    options = IngestOptions(max_bytes=1000)
    transport = httpx.MockTransport(handler)
    fetcher = HttpxFetcher(options, transport=transport, resolver=lambda h: [PUBLIC_IP])
    assert problem_code("https://news.example/a", options, fetcher=fetcher) == "too-large"


def test_unresolvable_host_is_unreachable() -> None:
    def no_such_host(host: str) -> list[str]:
        raise socket.gaierror("Name or service not known")

    fetcher = HttpxFetcher(resolver=no_such_host)
    assert problem_code("https://nowhere.invalid/", fetcher=fetcher) == "unreachable"


# --------------------------------------------------------------------------- local server


def test_page_from_a_local_server_is_fetched_with_the_flag(server: str) -> None:
    raw = only(read([f"{server}/moved"], LOCAL))
    assert isinstance(raw, RawDocument) and raw.raw == PAGE
    assert raw.metadata.url == f"{server}/article" and raw.encoding == "utf-8"
    draft = extract(raw)
    assert isinstance(draft, Draft)
    assert draft.title == "Wildfire forces evacuations near Cedar Ridge"


def test_streamed_body_over_the_cap_is_refused(server: str) -> None:
    options = IngestOptions(allow_private_urls=True, max_bytes=50_000)
    assert problem_code(f"{server}/big", options) == "too-large"


def test_slow_server_times_out(server: str) -> None:
    options = IngestOptions(allow_private_urls=True, timeout_seconds=0.3)
    assert problem_code(f"{server}/slow", options) == "fetch-timeout"


def test_http_error_status_is_a_problem(server: str) -> None:
    assert problem_code(f"{server}/missing", LOCAL) == "http-error"


def test_closed_port_is_unreachable_and_the_batch_goes_on(server: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    items = list(read([f"http://127.0.0.1:{closed_port}/", f"{server}/article"], LOCAL))
    assert isinstance(items[0], Problem) and items[0].code == "unreachable"
    assert isinstance(items[1], RawDocument)


# --------------------------------------------------------------------------- injected fetcher


class _FakeFetcher:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def fetch(self, url: str) -> FetchedPage:
        self.urls.append(url)
        return FetchedPage(url, (FIXTURES / "feed_rss.xml").read_bytes(), "application/rss+xml")


def test_injected_fetcher_is_used_and_its_content_sniffed() -> None:
    fetcher = _FakeFetcher()
    items = list(read(["https://harbourgazette.example/feed"], fetcher=fetcher))
    assert fetcher.urls == ["https://harbourgazette.example/feed"]
    assert [item.origin.member for item in items] == ["item 1", "item 2"]


def test_injected_fetcher_is_not_asked_for_a_loopback_url() -> None:
    fetcher = _FakeFetcher()
    assert problem_code("http://127.0.0.1/feed", fetcher=fetcher) == "private-address"
    assert fetcher.urls == []
