#!/usr/bin/env python3
"""A small web server for connexml's HTTP hand-overs, on loopback only.

Serves ConneXML documents from --root (".xml" as text/xml), the sample
application's dynamic pages under /app/, and test pages under /_test/; logs
every request as a JSON line to --log. Prints "listening on PORT pid PID" when ready
and stops by itself after --max-seconds (default 600).

    scripts/http-server.py --root samples/app [--port 8088] [--log requests.jsonl]
"""
import argparse, json, os, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = None
log_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):  # quiet: requests go to --log
        pass

    def handle_any(self, method):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        form = dict(urllib.parse.parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        if args.log:
            with log_lock, open(args.log, "a") as f:
                f.write(json.dumps({"method": method, "path": url.path, "query": query, "form": form,
                                    "content_type": self.headers.get("Content-Type")}) + "\n")
        params = {**query, **form}
        path = url.path
        if path.startswith("/_test/"):
            return self.test_page(path[len("/_test/"):], params)
        if path.startswith("/app/"):
            return self.app_page(path[len("/app/"):], params)
        return self.file(path)

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def send(self, code, body, content_type="text/xml", headers=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def file(self, path):
        root = os.path.realpath(args.root)
        full = os.path.realpath(os.path.join(root, path.lstrip("/")))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            return self.send(404, "not found", "text/plain")
        kind = "text/xml" if full.endswith(".xml") else "application/octet-stream"
        with open(full, "rb") as f:
            self.send(200, f.read(), kind)

    def app_page(self, name, params):
        # The sample application's dynamic pages.
        if name == "choice":
            digits = params.get("Digits", "")
            if digits == "1":
                body = "<Response><Say>Sales. Connecting you.</Say><Dial>01234567890</Dial></Response>"
            elif digits == "2":
                body = "<Response><Say>Support. Please hold.</Say><Enqueue>support</Enqueue></Response>"
            else:
                body = '<Response><Say>Sorry, I did not get that.</Say><Redirect method="GET">menu.xml</Redirect></Response>'
            return self.send(200, body)
        return self.send(404, "no such page", "text/plain")

    def test_page(self, name, params):
        if name == "echo":
            said = " ".join(f"{k}={v}" for k, v in sorted(params.items()))
            return self.send(200, f"<Response><Say>{self.command} {said}</Say></Response>")
        if name == "plain":
            return self.send(200, "<Response><Say>plain</Say></Response>", "text/plain")
        if name == "big":
            return self.send(200, "<Response>" + "<Say>x</Say>" * 7000 + "</Response>")
        if name == "slow":
            time.sleep(float(params.get("seconds", "3")))
            return self.send(200, "<Response><Say>late</Say></Response>")
        if name == "status":
            return self.send(int(params.get("code", "500")), "failure", "text/plain")
        if name == "redirect":
            n = int(params.get("n", "1"))
            target = f"/_test/redirect?n={n - 1}" if n > 1 else "/_test/echo"
            return self.send(302, "", "text/plain", {"Location": target})
        if name == "callback":
            return self.send(204, "", "text/plain")
        if name == "loop":
            return self.send(200, '<Response><Redirect method="GET">loop</Redirect></Response>')
        if name == "to-local-file":
            return self.send(200, "<Response><Redirect>file:///etc/passwd</Redirect></Response>")
        if name == "relative":
            return self.send(200, '<Response><Redirect method="GET">echo?from=relative</Redirect></Response>')
        if name == "root-relative":
            return self.send(200, '<Response><Redirect method="GET">/_test/echo</Redirect></Response>')
        return self.send(404, "no such test page", "text/plain")


def main():
    global args
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log")
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    threading.Timer(args.max_seconds, server.shutdown).start()
    print(f"listening on {server.server_address[1]} pid {os.getpid()}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
