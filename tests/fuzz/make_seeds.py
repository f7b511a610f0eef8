#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora: the frames the web runtime sends
(web/src/connection.ts and the widgets' callbacks, encoded with the same
schema) and the HTTP requests Chromium sends for the page.

Run with protoc's Python output on PYTHONPATH:
  protoc -Ischema --python_out=OUT $(find schema -name '*.proto')
  PYTHONPATH=OUT tests/fuzz/make_seeds.py
"""
import hashlib
import os
import re
import sys

from pgwidgets import protocol_pb2 as p
from pgwidgets.widgets import base_pb2  # noqa: F401  (Size)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INFO = open(os.path.join(ROOT, "generated/cpp/pgwidgets/schema_info.hpp")).read()
FINGERPRINT = int(re.search(r"schema_fingerprint = (0x[0-9a-f]+)ULL",
                            open(os.path.join(ROOT, "generated/cpp/schema_fingerprint.cpp")).read()).group(1), 16)


def callback_id(name):
    return int(re.search(r"CallbackInfo %s\{(\d+)," % name, INFO).group(1))


def method_id(name):
    return int(re.search(r"MethodInfo %s\{(\d+)," % name, INFO).group(1))


def frame(*messages):
    f = p.ClientFrame()
    for m in messages:
        f.messages.add().CopyFrom(m)
    return f.SerializeToString()


def hello(version=1, fingerprint=FINGERPRINT, width=1280, height=720, session="", token=""):
    m = p.ClientMessage()
    m.hello.protocol_version = version
    m.hello.schema_fingerprint = fingerprint
    m.hello.viewport.width = width
    m.hello.viewport.height = height
    if session:
        m.hello.session_id = session
        m.hello.token = token
    return m


def callback(widget, cb, args=b""):
    m = p.ClientMessage()
    m.callback.widget_id = widget
    m.callback.callback_id = cb
    m.callback.args = args
    return m


def result(seq, value=b""):
    m = p.ClientMessage()
    m.result.seq = seq
    m.result.value = value
    return m


def error(seq, widget, method, message):
    m = p.ClientMessage()
    m.error.seq = seq
    m.error.widget_id = widget
    m.error.method_id = method
    m.error.message = message
    return m


def viewport(w, h):
    m = p.ClientMessage()
    m.viewport.width = w
    m.viewport.height = h
    return m


def string_arg(text):  # a callback's message with one string field 1
    data = text.encode()
    return b"\x0a" + bytes([len(data)]) + data


def size(w, h):  # pgwidgets.widgets.Size{width, height}
    return b"\x08" + bytes([w & 0x7f]) + b"\x10" + bytes([h & 0x7f])


def write(kind, data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(HERE, "corpus", kind, name), "wb") as out:
        out.write(data)


# The fuzz page (tests/fuzz/fuzz_app.hpp): widgets 1..5 are TopLevel, VBox,
# Label, Button, TextEntry; get_size is the 11th call.
BUTTON, ENTRY, TOP = 4, 5, 1
frames = [
    frame(callback(BUTTON, callback_id("Button_activated"))),
    frame(callback(ENTRY, callback_id("TextEntry_activated"), string_arg("typed text"))),
    frame(result(11, size(120, 30))),
    frame(error(6, 3, method_id("Label_set_text"), "TypeError: cannot read properties of undefined")),
    frame(viewport(800, 600)),
    frame(callback(BUTTON, callback_id("Button_activated")), callback(BUTTON, callback_id("Button_activated")),
          viewport(1024, 768)),
    frame(callback(99, callback_id("Button_activated"))),
    frame(result(12345)),
    frame(hello()),
]
for f in frames:
    write("frames", f)
for h in [frame(hello()), frame(hello(), viewport(640, 480)), frame(hello(fingerprint=0xdeadbeef)),
          frame(hello(version=2)), frame(hello(session="3f2a9c0d1e2b4a5c", token="00112233445566778899aabbccddeeff"))]:
    write("hello", h)

CHROMIUM = ("Connection: keep-alive\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\r\nAccept-Encoding: gzip, deflate, br\r\n"
            "Accept-Language: en-US,en;q=0.9\r\n")
requests = [
    "GET / HTTP/1.1\r\nHost: 127.0.0.1:9501\r\n" + CHROMIUM + "Accept: text/html\r\n\r\n",
    "GET /pgwidgets.js HTTP/1.1\r\nHost: localhost:9501\r\n" + CHROMIUM + "Accept: */*\r\n\r\n",
    "GET /pgwidgets.css HTTP/1.1\r\nHost: 127.0.0.1:9501\r\n" + CHROMIUM + "Accept: text/css\r\n\r\n",
    "GET /favicon.svg HTTP/1.1\r\nHost: [::1]:9501\r\n" + CHROMIUM + "\r\n",
    "HEAD /index.html?ws=ws://127.0.0.1:9500/ HTTP/1.1\r\nHost: 127.0.0.1:9501\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: rebind.attacker.test:9501\r\n" + CHROMIUM + "\r\n",
    "POST / HTTP/1.1\r\nHost: 127.0.0.1:9501\r\nContent-Length: 5\r\n\r\nhello",
    "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:9500\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Origin: http://127.0.0.1:9501\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
]
for r in requests:
    write("http", r.encode())
print("seeds written", file=sys.stderr)
