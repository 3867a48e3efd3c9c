#ifndef CLINEEDIT_LIBEDIT_H
#define CLINEEDIT_LIBEDIT_H

#include <stdio.h>
#include <wchar.h>

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

struct libedit {
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
};

/// libedit's functions, once cle_load succeeded.
extern struct libedit cle_lib;
/// 1 once loaded, -1 when it could not be, 0 before trying.
extern int cle_loaded;

#endif
