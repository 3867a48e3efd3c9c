#!/usr/bin/env python3
"""Drives `connexml repl` through a pseudo-terminal, as a person would:
Tab completion, editing keys, history with the Up arrow. Exits 0 when every
expectation was met; prints what it saw. Usage: pty-session.py CONNEXML HISTORY"""
import os, pty, select, sys, time

binary, history = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.environ["CONNEXML_HISTORY"] = history
    os.environ["TERM"] = "xterm"
    os.execv(binary, [binary, "repl"])

seen = b""


def read_until(pattern, timeout=10.0):
    global seen
    deadline = time.time() + timeout
    while pattern.encode() not in seen:
        left = deadline - time.time()
        if left <= 0:
            print(f"TIMEOUT waiting for {pattern!r}; saw:\n{seen.decode(errors='replace')}")
            os.kill(pid, 9)
            sys.exit(1)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk


def send(text):
    os.write(fd, text.encode())
    time.sleep(0.15)


read_until("connexml> ")
# Tab completes ":dir" to ":directory", then Enter runs it.
send(":dir\t")
read_until(":directory")
send("\r")
read_until("profile operator")
read_until("connexml> ")
mark = len(seen)
# Editing: type ":hepl", fix it (Left, Backspace, Right, "p"), then run.
send(":hepl")
send("\x1b[D\x7f\x1b[Cp")
send("\r")
read_until("list the commands")
# History: Up twice brings back ":directory"; run it again.
send("\x1b[A\x1b[A\r")
deadline = time.time() + 10
while seen[mark:].count(b"profile operator") < 1 and time.time() < deadline:
    read_until("profile operator")
read_until("connexml> ")
send(":quit\r")
_, status = os.waitpid(pid, 0)
saved = [line.strip() for line in open(history).read().splitlines()]
print(seen.decode(errors="replace"))
print("history:", saved)
ok = os.WEXITSTATUS(status) == 0 and saved[:2] == [":directory", ":help"] and saved[-1] == ":quit"
sys.exit(0 if ok else 1)
