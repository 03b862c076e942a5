"""Build examples/corpus/web-crawl.warc.gz from the HTML pages written below.

The output is byte-for-byte reproducible: record ids, dates and HTTP headers are fixed,
and warcio's gzip members carry no timestamp.  Run it from anywhere::

    .venv/bin/python examples/build_warc.py            # writes the corpus file
    .venv/bin/python examples/build_warc.py out.warc.gz

The articles are invented for storyline's examples; any likeness to real outlets is chance.
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUTPUT = Path(__file__).parent / "corpus" / "web-crawl.warc.gz"
# A fixed namespace so that record ids are the same on every build.
RECORD_NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4e55-9d43-2b7c5e0a9f11")
CRAWL_DATE = "2026-03-12T10:00:00Z"


@dataclass(frozen=True)
class Page:
    url: str
    fetched: str  # WARC-Date, ISO 8601 UTC
    http_date: str  # the HTTP Date header, RFC 7231
    html: str


NNEWS_WILDFIRE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Serra Alta wildfire: 1,800 evacuated as flames near villages - NNews</title>
<meta property="og:site_name" content="NNews">
<meta property="og:title" content="Serra Alta wildfire: 1,800 evacuated as flames near villages">
<meta name="author" content="Tomas Lindqvist">
<meta property="article:published_time" content="2025-08-13T06:45:00+00:00">
</head>
<body>
<div class="cookie-notice">NNews uses cookies. <a href="/cookies">Find out more</a>
<button>Got it</button></div>
<nav><a href="/">NNews</a> <a href="/live">Watch NNews Live</a> <a href="/news">News</a>
<a href="/weather">Weather</a> <a href="/video">Video</a></nav>
<main>
<article>
<h1>Serra Alta wildfire: 1,800 evacuated as flames near villages</h1>
<p class="byline">Tomas Lindqvist, NNews</p>
<div class="article-body">
<p>Watch NNews Live</p>
<p>SERRA ALTA: About 1,800 people spent the night in emergency shelters after a wildfire
that started on Tuesday reached the edges of three villages in the Serra Alta hills.</p>
<p>Flames came within a few hundred metres of houses in Valverde overnight, residents said.
Firefighters worked through the night to dig firebreaks around the village school.</p>
<p>Drone footage: smoke over Valverde at dawn 00:58</p>
<p>"I grabbed the dog and the photo albums. That is all. The sky was orange at midnight,"
said Amelia Rocha, 67, who was evacuated from Valverde with her husband.</p>
<p>Heatwave: what the forecast says for the weekend</p>
<p>Lucia Ferraz, who is leading the civil protection operation, said the fire had burned
about 3,000 hectares by Wednesday morning. She told NNews that crews expected
"another very hard day" as winds were forecast to strengthen in the afternoon.</p>
<p>Two firefighters were treated for smoke inhalation on Tuesday.</p>
<p>Firefighters battle Serra Alta blaze from the air 02:31</p>
<p>Download the NNews app and turn on alerts for your region.</p>
</div>
</article>
<aside><h2>Most watched</h2><ul>
<li><a href="/video/1">Storm chaser films giant hailstones 01:12</a></li>
<li><a href="/video/2">Cyclists finish coastal race in record time 03:40</a></li>
</ul></aside>
</main>
<footer><p>&copy; 2025 NNews. All rights reserved.</p><a href="/terms">Terms of use</a></footer>
</body>
</html>
"""

MERIDIAN_PORT_DEAL = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Port peace: what the Harbourton deal means - The Daily Meridian</title>
<meta property="og:site_name" content="The Daily Meridian">
<meta property="og:title" content="Port peace: what the Harbourton deal means">
<meta name="author" content="Inês Carvalho">
<meta property="article:published_time" content="2026-03-12T06:30:00+01:00">
</head>
<body>
<div class="consent" role="dialog"><p>The Daily Meridian and our partners use cookies to
personalise content and ads. <a href="/cookies">Learn more</a></p><button>OK</button></div>
<nav class="top-nav"><a href="/">The Daily Meridian</a> <a href="/national">National</a>
<a href="/world">World</a> <a href="/economy">Economy</a> <a href="/login">Sign in</a></nav>
<article>
<h1>Port peace: what the Harbourton deal means</h1>
<p class="meta">Inês Carvalho | 12 March 2026</p>
<section class="article-body">
<p>HARBOURTON: The agreement signed on Wednesday by Transport Minister Ana Ribeiro and the
dockers' union closes a chapter that began with the bitter strike of March 2024, when
14 people were injured in clashes at the port's main gate.</p>
<h2>Pay</h2>
<p>Dockworkers get 4.5 percent this year, and rises in line with inflation until 2030.
Ribeiro's original offer before the strike was 3 percent.</p>
<h2>Machines</h2>
<p>Eight automated cranes will be introduced over four years. A joint safety committee,
with union and management members, must approve each one before it starts work.</p>
<p>ALSO READ: Record container volumes at Harbourton despite dispute</p>
<h2>Jobs</h2>
<p>No permanent dockworker can be made redundant because of automation before 2031.
"That clause is the heart of the deal. Everything else is detail. We fought for it
on the street and we won it at the table," union leader Marco Delgado said on Wednesday.</p>
<p>A senior government official said the guarantee would cost the port authority
"far less than another strike".</p>
<p class="newsletter">Get the Morning Meridian newsletter. <a href="/newsletters">Sign up
now</a></p>
</section>
</article>
<footer><p>The Daily Meridian &copy; 2026 Meridian Media Group.</p>
<a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer>
</body>
</html>
"""

PAGES = (
    Page(
        url="https://nnews.example/news/serra-alta-wildfire-evacuations",
        fetched="2025-08-13T07:02:11Z",
        http_date="Wed, 13 Aug 2025 07:02:11 GMT",
        html=NNEWS_WILDFIRE,
    ),
    Page(
        url="https://dailymeridian.example/economy/port-peace-what-the-deal-means-1.97105",
        fetched="2026-03-12T09:14:52Z",
        http_date="Thu, 12 Mar 2026 09:14:52 GMT",
        html=MERIDIAN_PORT_DEAL,
    ),
)


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(RECORD_NAMESPACE, name)}>"


def write_warcinfo(writer: WARCWriter, filename: str) -> None:
    fields = b"software: storyline examples/build_warc.py\r\nformat: WARC File Format 1.0\r\n"
    record = writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(fields),
        length=len(fields),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Record-ID": record_id("warcinfo"),
            "WARC-Date": CRAWL_DATE,
            "WARC-Filename": filename,
        },
    )
    writer.write_record(record)


def write_response(writer: WARCWriter, page: Page) -> None:
    body = page.html.encode("utf-8")
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Date", page.http_date),
        ],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        page.url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": record_id(page.url), "WARC-Date": page.fetched},
    )
    writer.write_record(record)


def build(path: Path) -> None:
    """Write the example WARC to ``path``; the same bytes on every run."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        write_warcinfo(writer, OUTPUT.name)
        for page in PAGES:
            write_response(writer, page)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
