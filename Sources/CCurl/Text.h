#ifndef CCURL_TEXT_H
#define CCURL_TEXT_H

#include <stdlib.h>
#include <string.h>

// A malloc'd, terminated copy of `n` bytes (strndup is not in ISO C).
static inline char *ccurl_copy_text(const char *text, size_t n) {
    char *copy = malloc(n + 1);
    if (copy) {
        memcpy(copy, text, n);
        copy[n] = '\0';
    }
    return copy;
}

#endif
