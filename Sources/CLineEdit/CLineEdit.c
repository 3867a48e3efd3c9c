#define _GNU_SOURCE  // wcwidth
#include "CLineEdit.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <langinfo.h>
#include <locale.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// The part of libedit's <histedit.h> used here, declared by hand: the
// header is in a development package the build machines need not have.
// These values are libedit's stable ABI (the same since 2.x).
typedef struct editline EditLine;
typedef struct history History;
typedef struct { const char *buffer, *cursor, *lastchar; } LineInfo;
typedef struct { int num; const char *str; } HistEvent;
typedef unsigned char (*el_func_t)(EditLine *, int);
typedef int (*el_rfunc_t)(EditLine *, wchar_t *);

enum { EL_PROMPT = 0, EL_EDITOR = 2, EL_SIGNAL = 3, EL_BIND = 4, EL_SETTY = 8, EL_ADDFN = 9, EL_HIST = 10,
       EL_GETCFN = 13, EL_CLIENTDATA = 14, EL_REFRESH = 20 };
enum { H_SETSIZE = 1, H_ENTER = 10, H_SETUNIQUE = 20 };
enum { CC_REFRESH = 4, CC_ERROR = 6, CC_REDISPLAY = 8 };

static struct {
    EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
    void (*el_end)(EditLine *);
    const char *(*el_gets)(EditLine *, int *);
    int (*el_set)(EditLine *, int, ...);
    int (*el_get)(EditLine *, int, ...);
    const LineInfo *(*el_line)(EditLine *);
    int (*el_insertstr)(EditLine *, const char *);
    int (*el_cursor)(EditLine *, int);
    void (*el_push)(EditLine *, const char *);
    void (*el_resize)(EditLine *);
    History *(*history_init)(void);
    void (*history_end)(History *);
    int (*history)(History *, HistEvent *, int, ...);
} lib;

static int loaded;  // 0 not tried, 1 loaded, -1 failed

int cle_load(const char *path, char *why, size_t why_size) {
    if (loaded != 0) {
        if (loaded < 0 && why_size > 0) snprintf(why, why_size, "libedit could not be loaded earlier");
        return loaded > 0 ? 0 : -1;
    }
    static const char *const names[] = {"libedit.so.2", "libedit.so.0", "libedit.so", "libedit.3.dylib",
                                        "/usr/lib/libedit.3.dylib", NULL};
    void *handle = NULL;
    const char *error = "not found";
    if (path) {
        handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!handle) error = dlerror();
    } else {
        for (int i = 0; names[i] && !handle; i++) {
            handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
            if (!handle && i == 0) error = dlerror();
        }
    }
    if (!handle) {
        loaded = -1;
        if (why_size > 0) snprintf(why, why_size, "%s", error ? error : "not found");
        return -1;
    }
    struct { const char *name; void **slot; } symbols[] = {
        {"el_init", (void **)&lib.el_init}, {"el_end", (void **)&lib.el_end}, {"el_gets", (void **)&lib.el_gets},
        {"el_set", (void **)&lib.el_set}, {"el_get", (void **)&lib.el_get}, {"el_line", (void **)&lib.el_line},
        {"el_insertstr", (void **)&lib.el_insertstr}, {"el_cursor", (void **)&lib.el_cursor},
        {"el_push", (void **)&lib.el_push}, {"el_resize", (void **)&lib.el_resize},
        {"history_init", (void **)&lib.history_init},
        {"history_end", (void **)&lib.history_end}, {"history", (void **)&lib.history},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(handle, symbols[i].name);
        if (!*symbols[i].slot) {
            loaded = -1;
            if (why_size > 0) snprintf(why, why_size, "the library has no %s", symbols[i].name);
            dlclose(handle);
            return -1;
        }
    }
    loaded = 1;
    return 0;
}

struct cle_editor {
    EditLine *el;
    History *history;
    char *prompt;
    cle_completer completer;
    void *context;
    int interrupted;
    char *line;
    size_t capacity;
};

static cle_editor *editor_of(EditLine *el) {
    cle_editor *editor = NULL;
    lib.el_get(el, EL_CLIENTDATA, &editor);
    return editor;
}

static char *prompt_of(EditLine *el) {
    cle_editor *editor = editor_of(el);
    return editor && editor->prompt ? editor->prompt : "";
}

// Ctrl-C: mark the line abandoned, show ^C after it, and end it as Enter
// would (a pushed line feed), so libedit leaves the terminal as after any
// line.
static unsigned char on_interrupt(EditLine *el, int key) {
    (void)key;
    cle_editor *editor = editor_of(el);
    if (editor) editor->interrupted = 1;
    const LineInfo *info = lib.el_line(el);
    lib.el_cursor(el, (int)(info->lastchar - info->cursor));
    lib.el_insertstr(el, "^C");
    lib.el_push(el, "\n");
    return CC_REFRESH;
}

// Signals while a line is edited. libedit's own handling (EL_SIGNAL) is
// not used: it redraws a resized line only at the next key, and sends
// Ctrl-C on as SIGINT. Here the terminal's signal keys are off while a
// line is edited (Ctrl-C and Ctrl-Z come as keys), a resize redraws at
// once (read_key), and a signal that stops or ends the program puts the
// terminal back as it was first.
static volatile sig_atomic_t resized, continued;
static struct termios outside;  // the terminal before the line: for stop and exit
static volatile sig_atomic_t has_outside;
static const int handled_signals[] = {SIGWINCH, SIGCONT, SIGTSTP, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define HANDLED_SIGNALS (sizeof handled_signals / sizeof handled_signals[0])
static struct sigaction previous_actions[HANDLED_SIGNALS];

// A signal handler writes a byte here, so that a reader waiting in poll
// wakes even when the signal came just before it began to wait (or to
// another thread).
static int wake_pipe[2] = {-1, -1};

static void wake(void) {
    int saved_errno = errno;
    char byte = 0;
    if (wake_pipe[1] >= 0 && write(wake_pipe[1], &byte, 1) < 0) { /* full: a wake is pending anyway */ }
    errno = saved_errno;
}

static int open_wake_pipe(void) {
    if (wake_pipe[0] >= 0) return 0;
    if (pipe(wake_pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

// 1 when `fd` has input (or its end, or an error: read says), 0 when a
// signal handler woke the wait (its flags say why), -1 on error.
static int wait_for_input(int fd) {
    struct pollfd fds[2] = {{fd, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
    int n = poll(fds, wake_pipe[0] >= 0 ? 2 : 1, -1);
    if (n < 0) return errno == EINTR ? 0 : -1;
    if (wake_pipe[0] >= 0 && (fds[1].revents & POLLIN)) {
        char drained[64];
        while (read(wake_pipe[0], drained, sizeof drained) > 0) {}
        return 0;
    }
    return 1;
}

static void on_signal(int signal_number);

// A program started with signals blocked (a test runner's thread, some
// process managers) would never see them: the ones handled here are taken.
static void unblock(const int *signals, size_t count) {
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < count; i++) sigaddset(&set, signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static void set_action(int signal_number, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: the read returns EINTR, and the reader acts
    sigaction(signal_number, &action, previous);
}

// Stops (or ends) the program as the signal would have, with the terminal
// as it was before the line; when continued, the reader takes it again.
static void stop_as(int signal_number, int whole_group) {
    int saved_errno = errno;
    struct termios editing;
    int has_editing = tcgetattr(STDIN_FILENO, &editing) == 0;
    if (has_outside) tcsetattr(STDIN_FILENO, TCSADRAIN, &outside);
    set_action(signal_number, SIG_DFL, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal_number);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    if (whole_group) kill(0, signal_number); else raise(signal_number);
    set_action(signal_number, on_signal, NULL);  // continued after a stop
    if (has_editing) tcsetattr(STDIN_FILENO, TCSADRAIN, &editing);
    continued = 1;
    wake();
    errno = saved_errno;
}

static void on_signal(int signal_number) {
    if (signal_number == SIGWINCH) resized = 1;
    else if (signal_number == SIGCONT) continued = 1;
    else stop_as(signal_number, 0);
    wake();
}

// Ctrl-Z, a key while a line is edited: as the terminal would have done.
static unsigned char on_suspend(EditLine *el, int key) {
    (void)el;
    (void)key;
    stop_as(SIGTSTP, 1);  // the whole job, as the terminal stops it
    continued = 0;
    return CC_REDISPLAY;
}

// Display columns of UTF-8 text (wide characters take two).
static int columns_of(const char *text, size_t length) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    int columns = 0;
    while (length > 0) {
        wchar_t wc;
        size_t n = mbrtowc(&wc, text, length, &state);
        if (n == (size_t)-1 || n == (size_t)-2) {
            memset(&state, 0, sizeof state);
            n = 1;
            wc = L'?';
        } else if (n == 0) {
            n = 1;
        }
        int width = wcwidth(wc);
        columns += width > 0 ? width : 0;
        text += n;
        length -= n;
    }
    return columns;
}

// After a resize the terminal has re-wrapped the edited line to its new
// width (as xterm's successors, tmux and screen do): go up to where the
// prompt starts now, clear from there, and let libedit draw it all again.
static void redraw_resized(EditLine *el) {
    lib.el_resize(el);
    struct winsize size;
    int width = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
    const LineInfo *info = lib.el_line(el);
    const char *prompt = prompt_of(el);
    int before = columns_of(prompt, strlen(prompt)) + columns_of(info->buffer, (size_t)(info->cursor - info->buffer));
    int up = before / width;
    if (up > 0) fprintf(stdout, "\r\033[%dA\033[J", up); else fputs("\r\033[J", stdout);
    fflush(stdout);
    lib.el_set(el, EL_REFRESH);
}

// libedit's reader, but one that acts on signals as they come (libedit's
// waits for the next key): one character, decoded from the locale's
// encoding; 1 when read, 0 at end of input, -1 on error.
static int read_key(EditLine *el, wchar_t *key) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        // What signals asked for comes before the next key.
        if (resized) {
            resized = 0;
            redraw_resized(el);
        }
        if (continued) {
            continued = 0;
            fputs("\r", stdout);
            lib.el_set(el, EL_REFRESH);
        }
        int ready = wait_for_input(STDIN_FILENO);
        if (ready < 0) return -1;
        if (ready == 0) continue;
        char byte;
        ssize_t n = read(STDIN_FILENO, &byte, 1);
        if (n == 1) {
            size_t decoded = mbrtowc(key, &byte, 1, &state);
            if (decoded == (size_t)-2) continue;  // more bytes of one character
            if (decoded == (size_t)-1) {          // not a character: drop the byte
                memset(&state, 0, sizeof state);
                continue;
            }
            if (decoded == 0) *key = L'\0';
            return 1;
        }
        if (n == 0) return 0;
        if (errno != EINTR && errno != EAGAIN) return -1;
    }
}

static unsigned char on_tab(EditLine *el, int key) {
    (void)key;
    cle_editor *editor = editor_of(el);
    if (!editor || !editor->completer) return CC_ERROR;
    fflush(stdout);  // libedit's output first, then whatever the completer prints
    return editor->completer(editor, editor->context);
}

cle_editor *cle_open(const char *program, int history_size) {
    if (loaded <= 0 || open_wake_pipe() != 0) return NULL;
    // libedit decodes keys in the locale's encoding: UTF-8, for wide
    // characters, when the environment names no UTF-8 locale.
    if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
    cle_editor *editor = calloc(1, sizeof *editor);
    if (!editor) return NULL;
    editor->el = lib.el_init(program, stdin, stdout, stderr);
    editor->history = lib.history_init();
    if (!editor->el || !editor->history) {
        cle_close(editor);
        return NULL;
    }
    EditLine *el = editor->el;
    HistEvent event;
    lib.history(editor->history, &event, H_SETSIZE, history_size);
    lib.history(editor->history, &event, H_SETUNIQUE, 1);
    lib.el_set(el, EL_CLIENTDATA, editor);
    lib.el_set(el, EL_EDITOR, "emacs");
    lib.el_set(el, EL_SIGNAL, 0);  // signals are handled here (on_signal)
    lib.el_set(el, EL_GETCFN, (el_rfunc_t)read_key);
    lib.el_set(el, EL_PROMPT, prompt_of);
    lib.el_set(el, EL_HIST, lib.history, editor->history);
    // Ctrl-C reaches the editor as a key (not SIGINT) while a line is
    // edited, and Ctrl-Z with it (on_suspend).
    lib.el_set(el, EL_SETTY, "-d", "-isig", NULL);
    lib.el_set(el, EL_ADDFN, "cle-interrupt", "abandon the line", (el_func_t)on_interrupt);
    lib.el_set(el, EL_ADDFN, "cle-suspend", "stop the program", (el_func_t)on_suspend);
    lib.el_set(el, EL_ADDFN, "cle-complete", "complete the word", (el_func_t)on_tab);
    static const char *const bindings[][2] = {
        {"^C", "cle-interrupt"}, {"^Z", "cle-suspend"}, {"^I", "cle-complete"},
        {"^R", "em-inc-search-prev"},
        {"^W", "ed-delete-prev-word"}, {"^U", "vi-kill-line-prev"},
        // Home and End as xterm, the Linux console, tmux, screen and rxvt send them.
        {"\\e[H", "ed-move-to-beg"}, {"\\eOH", "ed-move-to-beg"}, {"\\e[1~", "ed-move-to-beg"}, {"\\e[7~", "ed-move-to-beg"},
        {"\\e[F", "ed-move-to-end"}, {"\\eOF", "ed-move-to-end"}, {"\\e[4~", "ed-move-to-end"}, {"\\e[8~", "ed-move-to-end"},
        {"\\e[3~", "ed-delete-next-char"},
        {"\\e[1;5C", "em-next-word"}, {"\\e[1;5D", "ed-prev-word"},
    };
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
        lib.el_set(el, EL_BIND, bindings[i][0], bindings[i][1], NULL);
    }
    return editor;
}

void cle_close(cle_editor *editor) {
    if (!editor) return;
    if (editor->el) lib.el_end(editor->el);
    if (editor->history) lib.history_end(editor->history);
    free(editor->prompt);
    free(editor->line);
    free(editor);
}

void cle_set_prompt(cle_editor *editor, const char *prompt) {
    char *copy = strdup(prompt ? prompt : "");
    if (!copy) return;
    free(editor->prompt);
    editor->prompt = copy;
}

void cle_set_completer(cle_editor *editor, cle_completer completer, void *context) {
    editor->completer = completer;
    editor->context = context;
}

const char *cle_gets(cle_editor *editor, int *interrupted) {
    editor->interrupted = 0;
    has_outside = tcgetattr(STDIN_FILENO, &outside) == 0;
    resized = continued = 0;
    for (size_t i = 0; i < HANDLED_SIGNALS; i++) set_action(handled_signals[i], on_signal, &previous_actions[i]);
    unblock(handled_signals, HANDLED_SIGNALS);
    int count = 0;
    const char *text = lib.el_gets(editor->el, &count);
    for (size_t i = 0; i < HANDLED_SIGNALS; i++) sigaction(handled_signals[i], &previous_actions[i], NULL);
    *interrupted = editor->interrupted;
    if (!text || count <= 0) return NULL;
    size_t length = strlen(text);
    if (length > 0 && text[length - 1] == '\n') length--;
    if (length + 1 > editor->capacity) {
        char *grown = realloc(editor->line, length + 1);
        if (!grown) return NULL;
        editor->line = grown;
        editor->capacity = length + 1;
    }
    memcpy(editor->line, text, length);
    editor->line[length] = '\0';
    return editor->line;
}

const char *cle_line_before_cursor(cle_editor *editor, size_t *length) {
    const LineInfo *info = lib.el_line(editor->el);
    *length = (size_t)(info->cursor - info->buffer);
    return info->buffer;
}

int cle_insert(cle_editor *editor, const char *text) { return lib.el_insertstr(editor->el, text); }

void cle_history_add(cle_editor *editor, const char *line) {
    HistEvent event;
    lib.history(editor->history, &event, H_ENTER, line);
}

static volatile sig_atomic_t interrupts;

static void note_interrupt(int signal_number) {
    (void)signal_number;
    interrupts = 1;
    wake();
}

void cle_catch_interrupts(void) {
    open_wake_pipe();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // cle_wait_for_input wakes through the pipe
    sigaction(SIGINT, &action, NULL);
    static const int interrupt[] = {SIGINT};
    unblock(interrupt, 1);
}

int cle_take_interrupt(void) {
    int taken = interrupts;
    interrupts = 0;
    return taken;
}

int cle_wait_for_input(int fd) { return wait_for_input(fd); }
