#!/usr/bin/env python3
"""Drives `connexml repl` through a pseudo-terminal, as a person would, one
scenario at a time, and checks what the terminal shows (through a small
emulator of the screen below). Exits 0 when every expectation of the
scenario was met; otherwise prints what it saw and exits 1.

Usage: pty-session.py CONNEXML SCENARIO WORKDIR
(scenarios: the functions named scenario_* below; WORKDIR: an empty folder
of the caller's, for history files and files to complete)."""
import fcntl, os, pty, select, signal, struct, sys, termios, time


import unicodedata


class Screen:
    """A small VT100/xterm screen: enough of it to see what a line editor
    leaves on the terminal (cursor moves, erasing, autowrap as xterm does
    it: a character in the last column wraps only when the next comes)."""

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.wrapped = [False] * rows  # the row goes on in the next (a soft wrap)
        self.y = self.x = 0
        self.pending_wrap = False
        self.state = "text"
        self.params = ""
        self.utf8 = b""

    def resize(self, rows, cols):
        """As tmux and xterm's successors do: lines that wrapped are joined
        and wrapped again at the new width; the cursor keeps its place in
        its line; the bottom is kept."""
        logical, cursor = [], None
        current = []
        for r in range(self.rows):
            row = self.grid[r]
            if r == self.y:
                cursor = (len(logical), len(current) + self.x)
            current += row if self.wrapped[r] else list("".join(row).rstrip())
            if not self.wrapped[r]:
                logical.append(current)
                current = []
        if current:
            logical.append(current)
        grid, wrapped, cursor_at = [], [], (0, 0)
        for index, line in enumerate(logical):
            pieces = [line[i:i + cols] for i in range(0, max(len(line), 1), cols)] or [[]]
            if cursor and cursor[0] == index:
                offset = cursor[1]
                cursor_at = (len(grid) + min(offset // cols, len(pieces)), offset % cols)
            for i, piece in enumerate(pieces):
                grid.append(piece + [" "] * (cols - len(piece)))
                wrapped.append(i < len(pieces) - 1)
        while len(grid) <= cursor_at[0]:
            grid.append([" "] * cols)
            wrapped.append(False)
        # Drop blank rows after the cursor, then keep the bottom `rows`.
        while len(grid) > cursor_at[0] + 1 and not "".join(grid[-1]).strip():
            grid.pop()
            wrapped.pop()
        drop = max(0, len(grid) - rows)
        grid, wrapped = grid[drop:], wrapped[drop:]
        while len(grid) < rows:
            grid.append([" "] * cols)
            wrapped.append(False)
        self.grid, self.wrapped, self.rows, self.cols = grid, wrapped, rows, cols
        self.y, self.x = cursor_at[0] - drop, min(cols - 1, cursor_at[1])
        self.pending_wrap = False

    def line_feed(self):
        if self.y == self.rows - 1:
            self.grid.pop(0)
            self.grid.append([" "] * self.cols)
            self.wrapped.pop(0)
            self.wrapped.append(False)
        else:
            self.y += 1

    def put(self, ch):
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if self.pending_wrap:
            self.wrapped[self.y] = True
            self.x = 0
            self.line_feed()
            self.pending_wrap = False
        self.grid[self.y][self.x] = ch
        if width == 2 and self.x + 1 < self.cols:
            self.grid[self.y][self.x + 1] = ""
        if self.x + width >= self.cols:
            self.x = self.cols - 1
            self.pending_wrap = True
        else:
            self.x += width

    def feed(self, data):
        for byte in data:
            if self.state == "text":
                if self.utf8 or byte >= 0x80:
                    self.utf8 += bytes([byte])
                    try:
                        ch = self.utf8.decode()
                    except UnicodeDecodeError:
                        if len(self.utf8) < 4:
                            continue
                        ch = "?"
                    self.utf8 = b""
                    self.put(ch)
                elif byte == 0x1B:
                    self.state = "esc"
                elif byte == 13:
                    self.x, self.pending_wrap = 0, False
                elif byte == 10:
                    self.line_feed()
                    self.pending_wrap = False
                elif byte == 8:
                    self.x, self.pending_wrap = max(0, self.x - 1), False
                elif byte == 9:
                    self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
                elif byte >= 32:
                    self.put(chr(byte))
            elif self.state == "esc":
                if byte == ord("["):
                    self.state, self.params = "csi", ""
                elif byte in (ord("("), ord(")")):
                    self.state = "charset"
                else:
                    self.state = "text"  # ESC =, ESC >, ESC 7/8: nothing to draw
            elif self.state == "charset":
                self.state = "text"
            elif self.state == "csi":
                if 0x40 <= byte <= 0x7E:
                    self.csi(chr(byte), self.params)
                    self.state = "text"
                else:
                    self.params += chr(byte)

    def csi(self, final, params):
        private = params.startswith("?")
        numbers = [int(p) if p.isdigit() else 0 for p in params.lstrip("?").split(";")] if params else []
        n = numbers[0] if numbers and numbers[0] > 0 else 1
        if private or final in "mhlr":
            return
        self.pending_wrap = False
        if final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.cols - 1, n - 1)
        elif final in "Hf":
            row = numbers[0] if numbers and numbers[0] > 0 else 1
            col = numbers[1] if len(numbers) > 1 and numbers[1] > 0 else 1
            self.y, self.x = min(self.rows, row) - 1, min(self.cols, col) - 1
        elif final == "K":
            mode = numbers[0] if numbers else 0
            start, end = {0: (self.x, self.cols), 1: (0, self.x + 1), 2: (0, self.cols)}.get(mode, (self.x, self.cols))
            for c in range(start, end):
                self.grid[self.y][c] = " "
            if end == self.cols:
                self.wrapped[self.y] = False
        elif final == "J":
            mode = numbers[0] if numbers else 0
            if mode == 0:
                self.csi("K", "0")
                for r in range(self.y + 1, self.rows):
                    self.grid[r] = [" "] * self.cols
                    self.wrapped[r] = False
            elif mode == 2:
                self.grid = [[" "] * self.cols for _ in range(self.rows)]
                self.wrapped = [False] * self.rows
        elif final == "P":
            row = self.grid[self.y]
            del row[self.x:self.x + n]
            row.extend([" "] * (self.cols - len(row)))
        elif final == "@":
            row = self.grid[self.y]
            for _ in range(n):
                row.insert(self.x, " ")
            del row[self.cols:]

    def lines(self):
        return ["".join(row).rstrip() for row in self.grid]

    def lines_raw(self):
        """Each row whole, padding included (rows of one wrapped line join
        into the line)."""
        return ["".join(row) for row in self.grid]

    def text(self):
        return "\n".join(self.lines())


class Session:
    """One `connexml repl` on a pseudo-terminal of `rows` x `cols`."""

    def __init__(self, binary, workdir, rows=24, cols=80, env=None):
        self.screen = Screen(rows, cols)
        self.seen = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(workdir)
            os.environ["CONNEXML_HISTORY"] = os.path.join(workdir, "history")
            os.environ["TERM"] = "xterm"
            os.environ["LANG"] = "C.UTF-8"
            os.environ.pop("CONNEXML_LIBEDIT", None)
            os.environ.update(env or {})
            os.execv(binary, [binary, "repl"])
        self.set_size(rows, cols)

    def set_size(self, rows, cols):
        # The kernel tells the program (SIGWINCH); the emulated terminal
        # re-wraps its lines as terminals do.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen.resize(rows, cols)

    def pump(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        self.seen += chunk
        self.screen.feed(chunk)
        return bool(chunk)

    def output(self, start=0):
        return self.seen[start:].decode(errors="replace")

    def wait_for(self, condition, what, timeout=15.0):
        deadline = time.time() + timeout
        while not condition():
            left = deadline - time.time()
            if left <= 0 or (not self.pump(min(left, 0.2)) and not self.alive()):
                if condition():
                    return
                fail(f"waiting for {what}", self)
        # Whatever else is on its way (a redraw after the text) settles.
        while self.pump(0.15):
            pass

    def expect(self, text, start=0, count=1):
        self.wait_for(lambda: self.output(start).count(text) >= count, repr(text) + (f" x{count}" if count > 1 else ""))

    def expect_screen(self, predicate, what):
        self.wait_for(lambda: predicate(self.screen), what)

    def send(self, text):
        os.write(self.fd, text.encode())

    def prompt(self, start):
        """Waits for the prompt after `start` (the session is reading again)."""
        self.expect("connexml> ", start)

    def alive(self):
        pid, _ = os.waitpid(self.pid, os.WNOHANG)
        return pid == 0

    def quit(self):
        self.send(":quit\r")
        _, status = os.waitpid(self.pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            fail(f"exit status {status}", self)


def fail(message, session):
    print("FAILED:", message)
    print("---- output ----")
    print(session.output())
    print("---- screen ----")
    print(session.screen.text())
    try:
        os.kill(session.pid, signal.SIGKILL)
    except OSError:
        pass
    sys.exit(1)


def check(condition, message, session):
    if not condition:
        fail(message, session)


def edit_area(screen):
    """The line shown from the last prompt down to the last row with
    anything on it (rows of a wrapped line joined), and the prompt's row."""
    rows = screen.lines()
    top = max((i for i, row in enumerate(rows) if row.startswith("connexml> ")), default=0)
    bottom = max((i for i, row in enumerate(rows) if row), default=top)
    return "".join(screen.lines_raw()[top:bottom + 1]).rstrip(), top


# ---- scenarios ----

def scenario_editing(s):
    """Tab completes a command; Left, Backspace, Right edit; Up recalls history."""
    s.prompt(0)
    s.send(":dir\t")
    s.expect_screen(lambda sc: ":directory" in sc.text(), ":directory completed")
    mark = len(s.seen)
    s.send("\r")
    s.expect("profile operator", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send(":hepl")
    s.send("\x1b[D\x7f\x1b[Cp\r")  # Left, Backspace, Right, "p": ":help"
    s.expect("list the commands", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send("\x1b[A\x1b[A\r")  # Up twice: ":directory"
    s.expect("profile operator", mark)
    s.prompt(mark)
    s.quit()
    saved = open(os.path.join(WORKDIR, "history")).read().splitlines()
    check(saved == [":directory", ":help", ":directory", ":quit"], f"history file: {saved}", s)


def scenario_paste(s):
    """Three lines written at once (a paste, or typing ahead) all run; so
    does a line with wide characters."""
    s.prompt(0)
    mark = len(s.seen)
    s.send("<Say>One</Say>\r<Say>Two</Say>\r<Say>Three</Say>\r")
    for word in ["text=One", "text=Two", "text=Three"]:
        s.expect(word, mark)
    s.expect("added 1 verb", mark, count=3)
    s.prompt(mark)
    # Wide characters are keys like any other.
    mark = len(s.seen)
    s.send("<Say>héllo 日本</Say>\r")
    s.expect('text="héllo 日本"', mark)
    s.prompt(mark)
    s.quit()


def scenario_interrupt(s):
    """Ctrl-C abandons an unfinished element (and a line); a command typed
    while an element is open abandons it too; both say so."""
    s.prompt(0)
    mark = len(s.seen)
    s.send("<Dial>\r")
    s.expect("...> ", mark)
    s.send("\x03")
    s.expect("the unfinished <Dial> was abandoned", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send(":help\r")
    s.expect("list the commands", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send("<Gather>\r:vars\r")
    s.expect("the unfinished <Gather> was abandoned", mark)
    s.expect("no call yet", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send(":help half typed\x03")
    s.expect("the line was abandoned", mark)
    s.prompt(mark)
    # Ctrl-D inside an open element abandons it; the session goes on.
    mark = len(s.seen)
    s.send("<Gather>\r\x04")
    s.expect("the unfinished <Gather> was abandoned", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send(":help quit\r")
    s.expect("end the session", mark)
    s.prompt(mark)
    s.quit()


def scenario_home_end(s):
    """Home and End as every terminal sends them move to the line's ends."""
    s.prompt(0)
    homes = ["\x1b[1~", "\x1b[H", "\x1bOH", "\x1b[7~"]
    ends = ["\x1b[4~", "\x1b[F", "\x1bOF", "\x1b[8~"]
    for home, end in zip(homes, ends):
        mark = len(s.seen)
        # "help", Home, ":" gives ":help"; then End and " quit" gives ":help quit".
        s.send("help" + home + ":" + end + " quit\r")
        s.expect("end the session", mark)
        s.prompt(mark)
    check("~" not in s.screen.text(), "a key sequence was inserted as text", s)
    s.quit()


def scenario_resize(s):
    """A line longer than the terminal wraps; after a resize it is drawn
    again at the new width, once, and editing still lands in place."""
    s.prompt(0)
    line = ":help " + "x" * 80
    s.send(line)
    s.expect_screen(lambda sc: edit_area(sc)[0] == "connexml> " + line, "the long line, wrapped")
    for rows, cols in [(12, 60), (12, 30), (12, 47)]:
        s.set_size(rows, cols)
        s.expect_screen(lambda sc: edit_area(sc)[0] == "connexml> " + line, f"the line drawn again at {cols} columns")
        # Nothing of it is left on the rows above or below.
        shown, top = edit_area(s.screen)
        check(all("xxxx" not in row for row in s.screen.lines()[:top]), f"leftovers above the line at {cols} columns", s)
        # Home lands right after the prompt; End at the end.
        s.send("\x01Z")
        line = "Z" + line
        s.expect_screen(lambda sc: edit_area(sc)[0] == "connexml> " + line, f"Z at the start at {cols} columns")
        s.send("\x05Y")
        line = line + "Y"
        s.expect_screen(lambda sc: edit_area(sc)[0] == "connexml> " + line, f"Y at the end at {cols} columns")
    mark = len(s.seen)
    s.send("\x15:help quit\r")  # Ctrl-U empties the line
    s.expect("end the session", mark)
    s.quit()


def scenario_search(s):
    """Ctrl-R finds an earlier line of the history."""
    s.prompt(0)
    mark = len(s.seen)
    s.send("\x12dire")
    s.expect_screen(lambda sc: ":directory" in sc.text(), "the history line found")
    s.send("\r")
    s.expect("profile operator", mark)
    s.prompt(mark)
    s.quit()


def scenario_completion(s):
    """Tab inside a start tag offers the element's attributes, and
    completes one; :load offers scripts and folders, not other files."""
    s.prompt(0)
    mark = len(s.seen)
    s.send("<Dial \t")
    for name in ["callerId", "hangupOnStar", "ringTone", "timeout"]:
        s.expect(name, mark)
    s.send("ti\t")
    s.expect_screen(lambda sc: 'connexml> <Dial timeout="' in sc.text(), "the attribute completed")
    s.send("\x03")
    s.prompt(mark)
    mark = len(s.seen)
    s.send(":load \t")  # "f" is common to both
    s.expect_screen(lambda sc: "connexml> :load f" in sc.text(), ":load f")
    s.send("\t")
    s.expect("folder/", mark)
    s.expect("flow.xml", mark)
    check("flow.trace" not in s.output(mark), ":load offered a .trace file", s)
    s.send("\x03")
    s.prompt(mark)
    s.quit()


def scenario_plain(s):
    """Without libedit: said once, then plain lines, pastes kept, Ctrl-C
    abandons the element."""
    s.prompt(0)
    mark = len(s.seen)
    s.send("<Say>One</Say>\r<Say>Two</Say>\r<Say>Three</Say>\r")
    for word in ["text=One", "text=Two", "text=Three"]:
        s.expect(word, mark)
    mark = len(s.seen)
    s.send("<Dial>\r")
    s.expect("...> ", mark)
    s.send("\x03")
    s.expect("the unfinished <Dial> was abandoned", mark)
    s.prompt(mark)
    mark = len(s.seen)
    s.send(":help\r")
    s.expect("list the commands", mark)
    s.prompt(mark)
    s.quit()
    check(s.output().count("line editing is off") == 1, "the missing library was not said exactly once", s)


SCENARIOS = {
    "editing": {},
    "paste": {},
    "interrupt": {},
    "home-end": {},
    "resize": {"rows": 12, "cols": 40},
    "search": {},
    "completion": {},
    "plain": {"env": {"CONNEXML_LIBEDIT": "/nonexistent/libedit.so.2"}},
}

if __name__ == "__main__":
    binary, name, WORKDIR = sys.argv[1], sys.argv[2], sys.argv[3]
    if name == "search":
        with open(os.path.join(WORKDIR, "history"), "w") as f:
            f.write(":directory\n:help\n:vars\n")
    if name == "completion":
        os.mkdir(os.path.join(WORKDIR, "folder"))
        for file in ["flow.xml", "flow.trace"]:
            open(os.path.join(WORKDIR, file), "w").write("<Response/>\n")
    options = SCENARIOS[name]
    session = Session(binary, WORKDIR, options.get("rows", 24), options.get("cols", 80), options.get("env"))
    globals()["scenario_" + name.replace("-", "_")](session)
    print("ok:", name)
