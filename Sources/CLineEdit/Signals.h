#ifndef CLINEEDIT_SIGNALS_H
#define CLINEEDIT_SIGNALS_H

#include <signal.h>

/// Set by the handlers while a line is edited; the reader acts on them.
extern volatile sig_atomic_t cle_resized, cle_continued;

/// Takes the signals a line editor must handle (cle_gets), and gives them back.
void cle_take_signals(void);
void cle_give_back_signals(void);
/// Stops (or ends) the program as the signal would, the terminal as it was
/// before the line meanwhile (`whole_group`: the job, as a terminal does).
void cle_stop_as(int signal_number, int whole_group);
/// The pipe that wakes cle_wait_until_readable; 0 when open.
int cle_open_wake_pipe(void);
/// 1 when `fd` has input (or its end, or an error: read says), 0 when a
/// signal handler woke the wait (its flags say why), -1 on error.
int cle_wait_until_readable(int fd);

#endif
