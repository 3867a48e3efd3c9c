#!/usr/bin/env python3
"""A small web server for connexml's HTTP hand-overs, on loopback only.

Serves ConneXML documents from --root (".xml" as text/xml), the sample
application's dynamic pages under /app/, and test pages under /_test/ (some
hostile: a gzip bomb, a Content-Length over every limit, a slow drip); logs
every request as a JSON line to --log. Prints "listening on PORT pid PID" when ready
and stops by itself after --max-seconds (default 600).

    scripts/http-server.py --root samples/app [--port 8088] [--log requests.jsonl]
"""
import argparse, gzip, json, os, struct, sys, threading, time, urllib.parse, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = None
log_lock = threading.Lock()
bombs = {}
bombs_lock = threading.Lock()


def log(record):
    if args.log:
        with log_lock, open(args.log, "a") as f:
            f.write(json.dumps(record) + "\n")


def gzip_bomb(mib):
    """`mib` MiB of zeros as one gzip member, about 1 KiB per MiB, made once
    per size and kept. Each MiB is deflated after a full flush, which resets
    the compressor, so every MiB compresses to the same bytes: one is made
    and repeated, and the whole never exists uncompressed."""
    with bombs_lock:
        if mib not in bombs:
            zeros = bytes(1 << 20)
            deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate
            block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
            last = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # an empty final block
            crc = 0
            for _ in range(mib):
                crc = zlib.crc32(zeros, crc)
            header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # gzip, deflate, no name, no time
            trailer = struct.pack("<II", crc, (mib << 20) & 0xFFFFFFFF)
            bombs[mib] = header + block * mib + last + trailer
        return bombs[mib]


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
        log({"method": method, "path": url.path, "query": query, "form": form,
             "content_type": self.headers.get("Content-Type"), "accept_encoding": self.headers.get("Accept-Encoding")})
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
        try:
            self.wfile.write(data)
        except OSError:  # the client hung up (a refused answer): not the server's problem
            self.close_connection = True

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
        if name == "gzip-bomb":
            # Small on the wire (1 MB), `mib` MiB (default 1 GiB) once decoded;
            # with length=no, without Content-Length (the end is when the
            # connection closes), so only the decoded size can stop it.
            body = gzip_bomb(min(int(params.get("mib", "1024")), 4096))
            if params.get("length") == "no":
                return self.send_until_close(200, body, {"Content-Type": "text/xml", "Content-Encoding": "gzip"})
            return self.send(200, body, headers={"Content-Encoding": "gzip"})
        if name == "gzip-small":
            return self.send(200, gzip.compress(b"<Response><Say>unzipped</Say></Response>"),
                             headers={"Content-Encoding": "gzip"})
        if name == "declared-too-large":
            # Declares `bytes` (default 1 GiB) and drips a little: a client
            # that does not refuse the declared length waits on the body.
            return self.drip(float(params.get("seconds", "30")), 0.1, declared=int(params.get("bytes", str(1 << 30))))
        if name == "redirect-bomb":
            # A redirect whose body is a gzip bomb without Content-Length.
            return self.send_until_close(302, gzip_bomb(min(int(params.get("mib", "1024")), 4096)),
                                         {"Location": "/_test/echo", "Content-Type": "text/plain", "Content-Encoding": "gzip"})
        if name == "drip":
            return self.drip(float(params.get("seconds", "4")), float(params.get("interval", "0.1")))
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

    def send_until_close(self, code, body, headers):
        """`body` without Content-Length: it ends when the connection closes."""
        self.send_response(code)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            self.wfile.write(body)
        except OSError:  # the client hung up
            pass

    def drip(self, seconds, interval, declared=None):
        """A valid document a byte at a time over `seconds` (bytes `interval`
        apart, or closer when the document is longer), with its Content-Length
        (or `declared`); logs how many bytes were sent before the client hung
        up, or that it read them all."""
        document = b"<Response><Say>dripped</Say></Response>"
        body = document + b" " * max(0, round(seconds / interval) - len(document))
        interval = seconds / len(body)  # a document longer than asked for drips faster
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(declared if declared is not None else len(body)))
        self.end_headers()
        sent = 0
        try:
            self.wfile.flush()
            for i in range(len(body)):
                time.sleep(interval)
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                sent += 1
        except OSError:  # the client hung up
            pass
        self.close_connection = True
        log({"event": "drip", "path": self.path.split("?")[0], "sent": sent, "of": len(body)})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client hanging up mid-answer (one it refused) is expected here.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    global args
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log")
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    server = Server(("127.0.0.1", args.port), Handler)
    threading.Timer(args.max_seconds, server.shutdown).start()
    print(f"listening on {server.server_address[1]} pid {os.getpid()}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
