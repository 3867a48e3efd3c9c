#define _GNU_SOURCE  // wcwidth
#include "CLineEdit.h"
#include "Libedit.h"
#include "Signals.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

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
    cle_lib.el_get(el, EL_CLIENTDATA, &editor);
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
    const LineInfo *info = cle_lib.el_line(el);
    cle_lib.el_cursor(el, (int)(info->lastchar - info->cursor));
    cle_lib.el_insertstr(el, "^C");
    cle_lib.el_push(el, "\n");
    return CC_REFRESH;
}

// Ctrl-Z, a key while a line is edited: as the terminal would have done.
static unsigned char on_suspend(EditLine *el, int key) {
    (void)el;
    (void)key;
    cle_stop_as(SIGTSTP, 1);  // the whole job, as the terminal stops it
    cle_continued = 0;
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
    cle_lib.el_resize(el);
    struct winsize size;
    int width = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
    const LineInfo *info = cle_lib.el_line(el);
    const char *prompt = prompt_of(el);
    int before = columns_of(prompt, strlen(prompt)) + columns_of(info->buffer, (size_t)(info->cursor - info->buffer));
    int up = before / width;
    if (up > 0) fprintf(stdout, "\r\033[%dA\033[J", up); else fputs("\r\033[J", stdout);
    fflush(stdout);
    cle_lib.el_set(el, EL_REFRESH);
}

// libedit's reader, but one that acts on signals as they come (libedit's
// waits for the next key): one character, decoded from the locale's
// encoding; 1 when read, 0 at end of input, -1 on error.
static int read_key(EditLine *el, wchar_t *key) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        // What signals asked for comes before the next key.
        if (cle_resized) {
            cle_resized = 0;
            redraw_resized(el);
        }
        if (cle_continued) {
            cle_continued = 0;
            fputs("\r", stdout);
            cle_lib.el_set(el, EL_REFRESH);
        }
        int ready = cle_wait_until_readable(STDIN_FILENO);
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
    if (cle_loaded <= 0 || cle_open_wake_pipe() != 0) return NULL;
    // libedit decodes keys in the locale's encoding: UTF-8, for wide
    // characters, when the environment names no UTF-8 locale.
    if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
    cle_editor *editor = calloc(1, sizeof *editor);
    if (!editor) return NULL;
    editor->el = cle_lib.el_init(program, stdin, stdout, stderr);
    editor->history = cle_lib.history_init();
    if (!editor->el || !editor->history) {
        cle_close(editor);
        return NULL;
    }
    EditLine *el = editor->el;
    HistEvent event;
    cle_lib.history(editor->history, &event, H_SETSIZE, history_size);
    cle_lib.history(editor->history, &event, H_SETUNIQUE, 1);
    cle_lib.el_set(el, EL_CLIENTDATA, editor);
    cle_lib.el_set(el, EL_EDITOR, "emacs");
    cle_lib.el_set(el, EL_SIGNAL, 0);  // signals are handled here (on_signal)
    cle_lib.el_set(el, EL_GETCFN, (el_rfunc_t)read_key);
    cle_lib.el_set(el, EL_PROMPT, prompt_of);
    cle_lib.el_set(el, EL_HIST, cle_lib.history, editor->history);
    // Ctrl-C reaches the editor as a key (not SIGINT) while a line is
    // edited, and Ctrl-Z with it (on_suspend).
    cle_lib.el_set(el, EL_SETTY, "-d", "-isig", NULL);
    cle_lib.el_set(el, EL_ADDFN, "cle-interrupt", "abandon the line", (el_func_t)on_interrupt);
    cle_lib.el_set(el, EL_ADDFN, "cle-suspend", "stop the program", (el_func_t)on_suspend);
    cle_lib.el_set(el, EL_ADDFN, "cle-complete", "complete the word", (el_func_t)on_tab);
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
        cle_lib.el_set(el, EL_BIND, bindings[i][0], bindings[i][1], NULL);
    }
    return editor;
}

void cle_close(cle_editor *editor) {
    if (!editor) return;
    if (editor->el) cle_lib.el_end(editor->el);
    if (editor->history) cle_lib.history_end(editor->history);
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
    cle_take_signals();
    int count = 0;
    const char *text = cle_lib.el_gets(editor->el, &count);
    cle_give_back_signals();
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
    const LineInfo *info = cle_lib.el_line(editor->el);
    *length = (size_t)(info->cursor - info->buffer);
    return info->buffer;
}

int cle_insert(cle_editor *editor, const char *text) { return cle_lib.el_insertstr(editor->el, text); }

void cle_history_add(cle_editor *editor, const char *line) {
    HistEvent event;
    cle_lib.history(editor->history, &event, H_ENTER, line);
}
