#!/usr/bin/env python3
"""Writes an nginx configuration for K pgwidgets processes behind one address.

Each process runs with its own ApplicationOptions::route ("p1", "p2", ...),
so the session ids it mints start with "<route>."; the page's URL and its
WebSocket's URL carry ?session=<id>, and nginx sends both to the process
whose route starts the id. Requests naming no session (a new visitor, the
page's script and stylesheet) go to any process, round-robin; a process that
does not answer is skipped. README, "Deploying", explains each part.

  scripts/nginx-conf.py --listen 80 \\
      --backend p1,127.0.0.1:9501,127.0.0.1:9500 \\
      --backend p2,127.0.0.1:9511,127.0.0.1:9510 > /etc/nginx/conf.d/pgwidgets.conf

A backend is ROUTE,HTTP_ADDRESS,WS_ADDRESS: the process's route, its
http_port and its ws_port. Without --standalone the output is a file for
nginx's http block (conf.d); with --standalone DIR it is a whole
configuration that keeps its pid, logs and temporary files in DIR, for
running nginx as an ordinary user:

  nginx -e stderr -p DIR -c DIR/nginx.conf -g 'daemon off;'
"""
import argparse
import os
import re
import sys

ROUTE = re.compile(r"^[A-Za-z0-9-]{1,32}$")  # ApplicationOptions::route
ADDRESS = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):[0-9]{1,5}$|^unix:/\S+$")


class Backend:
    def __init__(self, text):
        parts = text.split(",")
        if len(parts) != 3:
            raise argparse.ArgumentTypeError(f"{text!r}: expected ROUTE,HTTP_ADDRESS,WS_ADDRESS")
        self.route, self.http, self.ws = parts
        if not ROUTE.match(self.route):
            raise argparse.ArgumentTypeError(
                f"route {self.route!r}: only letters, digits and '-', at most 32 (ApplicationOptions::route)")
        for a in (self.http, self.ws):
            if not ADDRESS.match(a):
                raise argparse.ArgumentTypeError(f"{a!r}: expected HOST:PORT")


def listen_address(text):
    if re.fullmatch(r"[0-9]{1,5}", text) or ADDRESS.match(text):
        return text
    raise argparse.ArgumentTypeError(f"{text!r}: expected PORT or HOST:PORT")


def ws_path(text):
    if not re.fullmatch(r"/[A-Za-z0-9._~/-]*", text):
        raise argparse.ArgumentTypeError(f"{text!r}: expected a path such as /ws")
    return text


def upstream_name(kind, route=None):
    return f"pgw_{kind}" if route is None else f"pgw_{kind}_{route.replace('-', '_')}"


def snippet(args):
    b = args.backend
    out = [
        "# pgwidgets behind nginx: written by scripts/nginx-conf.py (README, \"Deploying\").",
        f"# {len(b)} processes: " + ", ".join(f"{x.route} (page {x.http}, WebSocket {x.ws})" for x in b) + ".",
        "",
        "# Any process: new sessions, and the page's files (every process serves the same).",
    ]
    for kind, attr in (("http", "http"), ("ws", "ws")):
        out.append(f"upstream {upstream_name(kind)} {{")
        out += [f"    server {getattr(x, attr)};" for x in b]
        out.append("}")
    out.append("# One process each: the sessions whose ids start with its route.")
    for x in b:
        for kind in ("http", "ws"):
            out.append(f"upstream {upstream_name(kind, x.route)} {{ server {getattr(x, kind)}; }}")
    out.append("")
    out.append("# ?session=<route>.<hex> names the process; no session, or an unknown route: any process.")
    for kind in ("http", "ws"):
        out.append(f"map $arg_session $pgw_{kind}_upstream {{")
        out.append(f"    default {upstream_name(kind)};")
        out += [f"    \"~^{x.route}\\.\" {upstream_name(kind, x.route)};" for x in b]
        out.append("}")
    out += [
        "map $http_upgrade $pgw_connection {",
        "    default upgrade;",
        "    '' close;",
        "}",
        "",
        "server {",
    ]
    if args.tls_cert:
        out += [
            f"    listen {args.listen} ssl;",
            f"    ssl_certificate {args.tls_cert};",
            f"    ssl_certificate_key {args.tls_key};",
        ]
    else:
        out.append(f"    listen {args.listen};")
    if args.server_name:
        out.append(f"    server_name {args.server_name};")
    forwarded = [
        "        proxy_set_header Host $host;",
        "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "        proxy_set_header X-Forwarded-Proto $scheme;",
    ]
    out += [
        "",
        "    # The WebSocket: the page opens <path>?session=<id> when it joins a session.",
        f"    location = {args.ws_path} {{",
        "        proxy_pass http://$pgw_ws_upstream;",
        "        proxy_http_version 1.1;",
        "        proxy_set_header Upgrade $http_upgrade;",
        "        proxy_set_header Connection $pgw_connection;",
        *forwarded,
        "        # The server pings every ping_interval: an idle page is not cut off.",
        "        proxy_read_timeout 1h;",
        "        proxy_send_timeout 1h;",
        "    }",
        "",
        "    location / {",
        "        proxy_pass http://$pgw_http_upstream;",
        *forwarded,
        "        # The session's process is down: any process serves the page (the same",
        "        # everywhere); its WebSocket then shows \"Connection lost\" until the",
        "        # process is back, when a new session starts.",
        "        error_page 502 504 = @pgw_any;",
        "    }",
        "    location @pgw_any {",
        f"        proxy_pass http://{upstream_name('http')};",
        *forwarded,
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"


def standalone(args, body):
    d = os.path.abspath(args.standalone)
    indented = "".join(("    " + line if line else "") + "\n" for line in body.splitlines())
    return (
        "# A whole configuration for nginx run as an ordinary user:\n"
        f"#   nginx -e stderr -p {d} -c {d}/nginx.conf -g 'daemon off;'\n"
        "worker_processes 1;\n"
        f"pid {d}/nginx.pid;\n"
        "error_log stderr warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    access_log {d}/access.log;\n"
        f"    client_body_temp_path {d}/client_body;\n"
        f"    proxy_temp_path {d}/proxy;\n"
        f"    fastcgi_temp_path {d}/fastcgi;\n"
        f"    uwsgi_temp_path {d}/uwsgi;\n"
        f"    scgi_temp_path {d}/scgi;\n"
        + indented
        + "}\n"
    )


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--backend", action="append", type=Backend, required=True,
                   help="ROUTE,HTTP_ADDRESS,WS_ADDRESS of one process (repeat for each)")
    p.add_argument("--listen", type=listen_address, default="8080", help="nginx's address (default 8080)")
    p.add_argument("--server-name", default="", help="server_name (default: none, any)")
    p.add_argument("--ws-path", type=ws_path, default="/ws",
                   help="the WebSocket's path: the processes' public_ws_url (default /ws)")
    p.add_argument("--tls-cert", default="", help="certificate file: nginx terminates TLS (https:, wss:)")
    p.add_argument("--tls-key", default="", help="the certificate's key file")
    p.add_argument("--standalone", metavar="DIR", default="",
                   help="write a whole configuration keeping pid, logs and temporary files in DIR")
    p.add_argument("-o", "--output", default="-", help="file to write (default: standard output)")
    args = p.parse_args()
    routes = [b.route for b in args.backend]
    if len(set(routes)) != len(routes):
        p.error("two backends share a route: each process needs its own")
    if bool(args.tls_cert) != bool(args.tls_key):
        p.error("--tls-cert and --tls-key go together")
    text = snippet(args)
    if args.standalone:
        text = standalone(args, text)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
