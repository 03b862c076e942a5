"""Fetching URLs safely: http(s) only, private addresses refused, capped size and redirects."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from storyline.errors import FetchError
from storyline.ingest.options import IngestOptions

if TYPE_CHECKING:
    import httpx

USER_AGENT = "storyline/0.1 (news briefing tool)"
ALLOWED_SCHEMES = ("http", "https")
Resolver = Callable[[str], list[str]]


class FetchRefused(FetchError):
    """A fetch that failed for a stated reason; ``code`` becomes the Problem code."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.code = code


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the final URL, after redirects
    content: bytes
    content_type: str | None = None  # the Content-Type header, charset included
    status_code: int = 200


class Fetcher(Protocol):
    def fetch(self, url: str) -> FetchedPage: ...


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchRefused(
            "unsupported-scheme",
            f"only http and https URLs can be fetched, not {scheme or 'this'}:// ones",
            "give an http(s) URL, or a local file or folder path (without file://)",
        )


def host_of(url: str) -> str:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if not host:
        raise FetchRefused("invalid-url", f"the URL {url!r} has no host", "check the URL")
    return host


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def literal_address(host: str) -> str | None:
    """The host when it is an IP address written out (or localhost), else None."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(
        ".localhost"
    ):
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def refuse_private(url: str, addresses: list[str]) -> None:
    private = [address for address in addresses if not is_public(address)]
    if private:
        raise FetchRefused(
            "private-address",
            f"{host_of(url)} resolves to a private, loopback or link-local address ({private[0]})",
            "pass --allow-private-urls to fetch from your own network",
        )


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchRefused(
            "unreachable", f"the host {host} cannot be resolved ({error})", "check the URL"
        ) from error
    return sorted({str(info[4][0]) for info in infos})


class HttpxFetcher:
    """The default Fetcher; pass ``transport`` (httpx.MockTransport) and ``resolver`` in tests."""

    def __init__(
        self,
        options: IngestOptions = IngestOptions(),
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
    ) -> None:
        self.options = options
        self._transport = transport
        self._resolver = resolver

    def fetch(self, url: str) -> FetchedPage:
        import httpx

        deadline = time.monotonic() + self.options.timeout_seconds
        try:
            with self._client() as client:
                return self._follow(client, url, deadline)
        except httpx.TimeoutException as error:
            raise _timed_out(url, self.options.timeout_seconds) from error
        except httpx.HTTPError as error:
            raise FetchRefused(
                "unreachable", f"{url} could not be fetched ({error})", "check the URL"
            ) from error

    def _client(self) -> httpx.Client:
        import httpx

        return httpx.Client(
            transport=self._transport,
            timeout=self.options.timeout_seconds,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    def check_address(self, url: str) -> None:
        check_scheme(url)
        if self.options.allow_private_urls:
            return
        host = host_of(url)
        literal = literal_address(host)
        refuse_private(url, [literal] if literal else self._resolver(host))

    def _follow(self, client: httpx.Client, url: str, deadline: float) -> FetchedPage:
        for _ in range(self.options.max_redirects + 1):
            self.check_address(url)  # every hop: a redirect may point inside the network
            with client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    url = str(response.url.join(response.headers["location"]))
                    continue
                if response.status_code >= 400:
                    raise FetchRefused(
                        "http-error",
                        f"{url} answered HTTP {response.status_code}",
                        "check the URL, or try again later",
                    )
                content = self._read(response, url, deadline)
                return FetchedPage(
                    str(response.url), content, response.headers.get("content-type"),
                    response.status_code,
                )  # fmt: skip
        raise FetchRefused(
            "too-many-redirects",
            f"{url} redirected more than {self.options.max_redirects} times",
            "check the URL, or raise --max-redirects",
        )

    def _read(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_big(url, limit)
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_big(url, limit)
            if time.monotonic() > deadline:
                raise _timed_out(url, self.options.timeout_seconds)
            chunks.append(chunk)
        return b"".join(chunks)


def _too_big(url: str, limit: int) -> FetchRefused:
    return FetchRefused(
        "too-large",
        f"{url} is larger than the {limit:,}-byte limit",
        "raise --max-bytes if the page is legitimate",
    )


def _timed_out(url: str, seconds: float) -> FetchRefused:
    return FetchRefused(
        "fetch-timeout",
        f"{url} did not answer within {seconds:g} seconds",
        "try again later, or raise --timeout",
    )
