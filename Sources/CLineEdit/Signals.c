#include "CLineEdit.h"
#include "Signals.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Signals while a line is edited. libedit's own handling (EL_SIGNAL) is
// not used: it redraws a resized line only at the next key, and sends
// Ctrl-C on as SIGINT. Here the terminal's signal keys are off while a
// line is edited (Ctrl-C and Ctrl-Z come as keys), a resize redraws at
// once (read_key), and a signal that stops or ends the program puts the
// terminal back as it was first.
volatile sig_atomic_t cle_resized, cle_continued;
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

int cle_open_wake_pipe(void) {
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
int cle_wait_until_readable(int fd) {
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
void cle_stop_as(int signal_number, int whole_group) {
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
    cle_continued = 1;
    wake();
    errno = saved_errno;
}

static void on_signal(int signal_number) {
    if (signal_number == SIGWINCH) cle_resized = 1;
    else if (signal_number == SIGCONT) cle_continued = 1;
    else cle_stop_as(signal_number, 0);
    wake();
}

void cle_take_signals(void) {
    has_outside = tcgetattr(STDIN_FILENO, &outside) == 0;
    cle_resized = cle_continued = 0;
    for (size_t i = 0; i < HANDLED_SIGNALS; i++) set_action(handled_signals[i], on_signal, &previous_actions[i]);
    unblock(handled_signals, HANDLED_SIGNALS);
}

void cle_give_back_signals(void) {
    for (size_t i = 0; i < HANDLED_SIGNALS; i++) sigaction(handled_signals[i], &previous_actions[i], NULL);
}

static volatile sig_atomic_t interrupts;

static void note_interrupt(int signal_number) {
    (void)signal_number;
    interrupts = 1;
    wake();
}

void cle_catch_interrupts(void) {
    cle_open_wake_pipe();
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

int cle_wait_for_input(int fd) { return cle_wait_until_readable(fd); }
