#ifndef CLINEEDIT_H
#define CLINEEDIT_H

#include <stddef.h>

/// libedit (BSD's line editor, the one LLDB and the Swift REPL use), loaded
/// at run time with dlopen so the build needs no development package: its
/// few types and functions are declared in CLineEdit.c, and its variadic
/// calls (el_set, history), which Swift cannot make, are wrapped here.

/// One line editor with its history.
typedef struct cle_editor cle_editor;

/// What a key handler answers: libedit's CC_ codes that Swift uses.
enum {
    CLE_REFRESH = 4,     /// the line changed: redraw it
    CLE_ERROR = 6,       /// nothing to do: beep
    CLE_REDISPLAY = 8,   /// something was printed: redraw prompt and line
};

/// Called for Tab; reads the line with cle_line_before_cursor, edits it
/// with cle_insert, and answers a CLE_ code.
typedef unsigned char (*cle_completer)(cle_editor *editor, void *context);

/// Loads libedit once (`path`, or NULL: the system's libedit.so.2 and its
/// usual names). 0 when it can be used; else -1, and why in `why`.
int cle_load(const char *path, char *why, size_t why_size);

/// An editor on the terminal of standard input and output: emacs keys,
/// Ctrl-R, Home/End of every terminal, resize; NULL when libedit refuses.
/// Call cle_load first.
cle_editor *cle_open(const char *program, int history_size);
void cle_close(cle_editor *editor);

/// The prompt of the next lines (copied).
void cle_set_prompt(cle_editor *editor, const char *prompt);
void cle_set_completer(cle_editor *editor, cle_completer completer, void *context);

/// Reads one line (without its line feed). NULL at end of input (Ctrl-D on
/// an empty line) or on a read error. `*interrupted` is 1 when Ctrl-C
/// abandoned the line (its text is then returned, to be dropped), else 0.
/// The text stays valid until the next call.
const char *cle_gets(cle_editor *editor, int *interrupted);

/// The bytes before the cursor of the line being edited (UTF-8, not
/// terminated): `*length` of them at the returned address.
const char *cle_line_before_cursor(cle_editor *editor, size_t *length);
/// Inserts text at the cursor; 0 on success.
int cle_insert(cle_editor *editor, const char *text);
/// Adds a line to the history Up, Down and Ctrl-R search.
void cle_history_add(cle_editor *editor, const char *line);

/// Ctrl-C while no editor reads (plain lines on a terminal): a handler that
/// only notes it, and wakes cle_wait_for_input, instead of ending the process.
void cle_catch_interrupts(void);
/// Whether Ctrl-C came since the last call (and forgets it).
int cle_take_interrupt(void);
/// Waits for input on `fd`: 1 when there is some (or its end), 0 when
/// Ctrl-C came first (cle_take_interrupt says so), -1 on error.
int cle_wait_for_input(int fd);

#endif
