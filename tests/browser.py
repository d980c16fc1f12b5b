"""Headless Chromium driven over the DevTools protocol on a pipe: no driver, no extra package.

``load_page(path)`` opens a local file in a fresh headless Chromium (Debian's ``chromium``,
with the flags the machine notes ask for), waits for it to load, and returns what a test
needs to judge it: the console errors and exceptions, every URL the page asked for, the
value of a JavaScript expression, and a PNG screenshot. ``png_pixels`` decodes the
screenshot (8-bit RGB/RGBA, the only kinds Chromium writes) with the standard library.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--remote-debugging-pipe",
]


def chromium() -> str | None:
    """The Chromium binary, or None when none is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Page:
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    value: Any = None
    screenshot: bytes = b""  # the whole page
    clip: bytes = b""  # the element asked for, at half scale


class _Pipe:
    def __init__(self, proc: subprocess.Popen[bytes], to_browser: int, from_browser: int) -> None:
        self.proc, self.to_browser, self.from_browser = proc, to_browser, from_browser
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 30) -> dict[str, Any]:  # fmt: skip
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while True:
            e = self._read(timeout)
            if e.get("method") == method:
                return e
            self.events.append(e)

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.from_browser], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError(f"Chromium closed the pipe (exit {self.proc.poll()})")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result


def load_page(
    path: Path, expression: str, clip_selector: str | None = None, width: int = 1200,
    height: int = 900,
) -> Page:  # fmt: skip
    """Open ``path`` in headless Chromium and return what happened (see the module doc).

    ``expression`` is evaluated in the page (its JSON value is returned); ``clip_selector``
    names an element to screenshot apart, at half scale (small enough to decode quickly).
    """
    binary = chromium()
    assert binary, "chromium is not installed"
    profile = tempfile.mkdtemp(prefix="kt-chromium-")
    # Chromium reads commands from fd 3 and writes replies to fd 4.
    cmd_read, cmd_write = os.pipe()
    out_read, out_write = os.pipe()

    def child_fds() -> None:
        os.dup2(cmd_read, 3)
        os.dup2(out_write, 4)

    proc = subprocess.Popen(
        [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
         "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=child_fds, close_fds=False,
    )  # fmt: skip
    os.close(cmd_read)
    os.close(out_write)
    pipe = _Pipe(proc, cmd_write, out_read)
    page = Page()
    try:
        target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            pipe.send(f"{domain}.enable", session=session)
        pipe.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
        pipe.wait_for("Page.loadEventFired")
        page.value = pipe.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session
        )["result"].get("value")
        shot = pipe.send(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
            session=session,
        )  # fmt: skip
        page.screenshot = base64.b64decode(shot["data"])
        if clip_selector:
            where = (
                f"(() => {{ const r = document.querySelector({json.dumps(clip_selector)})"
                ".getBoundingClientRect(); return {x: r.left + scrollX, y: r.top + scrollY, "
                "width: r.width, height: r.height}; })()"
            )
            box = pipe.send(
                "Runtime.evaluate", {"expression": where, "returnByValue": True}, session=session
            )["result"]["value"]
            shot = pipe.send(
                "Page.captureScreenshot",
                {"format": "png", "captureBeyondViewport": True, "clip": {**box, "scale": 0.5}},
                session=session,
            )
            page.clip = base64.b64decode(shot["data"])
        for e in pipe.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                page.console_errors.append(str(params.get("exceptionDetails")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                page.console_errors.append(str(params.get("args")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                page.console_errors.append(str(params["entry"].get("text")))
            elif method == "Network.requestWillBeSent":
                page.requests.append(params.get("request", {}).get("url", ""))
    finally:
        proc.kill()
        proc.wait(timeout=30)
        os.close(cmd_write)
        os.close(out_read)
        shutil.rmtree(profile, ignore_errors=True)
    return page


def png_size(data: bytes) -> tuple[int, int]:
    """``(width, height)`` from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """``(width, height, rows)`` of an 8-bit RGB or RGBA PNG; each row ``width * 4`` bytes RGBA."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and not interlace, (depth, colour, interlace)
    channels = 4 if colour == 6 else 3
    stride = width * channels
    raw = zlib.decompress(idat)
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        previous = line
        if channels == 3:
            rows.append(b"".join(bytes(line[i : i + 3]) + b"\xff" for i in range(0, stride, 3)))
        else:
            rows.append(bytes(line))
    return width, height, rows
