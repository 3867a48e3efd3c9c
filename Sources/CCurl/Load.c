#include "CCurl.h"
#include "Libcurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

// curl_global_init is not thread-safe in older libcurls: one at a time.
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

ccurl_library *ccurl_open(const char *path, char *why, size_t why_size) {
    // libcurl4 (OpenSSL) first, then the GnuTLS and NSS builds Debian also
    // ships (connexml is built for Linux only).
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", NULL};
    void *handle = NULL;
    char first_error[256] = "not found";
    if (path) {
        handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!handle) snprintf(first_error, sizeof first_error, "%s", dlerror());
    } else {
        for (int i = 0; names[i] && !handle; i++) {
            handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
            if (!handle && i == 0) snprintf(first_error, sizeof first_error, "%s", dlerror());
        }
    }
    if (!handle) {
        if (why_size > 0) snprintf(why, why_size, "%s", first_error);
        return NULL;
    }
    ccurl_library *library = calloc(1, sizeof *library);
    if (!library) {
        if (why_size > 0) snprintf(why, why_size, "out of memory");
        return NULL;
    }
    struct libcurl *f = &library->f;
    struct { const char *name; void **slot; int optional; } symbols[] = {
        {"curl_global_init", (void **)&f->curl_global_init, 0},
        {"curl_easy_init", (void **)&f->curl_easy_init, 0},
        {"curl_easy_setopt", (void **)&f->curl_easy_setopt, 0},
        {"curl_easy_perform", (void **)&f->curl_easy_perform, 0},
        {"curl_easy_cleanup", (void **)&f->curl_easy_cleanup, 0},
        {"curl_easy_strerror", (void **)&f->curl_easy_strerror, 0},
        {"curl_slist_append", (void **)&f->curl_slist_append, 0},
        {"curl_slist_free_all", (void **)&f->curl_slist_free_all, 0},
        {"curl_url", (void **)&f->curl_url, 0},
        {"curl_url_cleanup", (void **)&f->curl_url_cleanup, 0},
        {"curl_url_set", (void **)&f->curl_url_set, 0},
        {"curl_url_get", (void **)&f->curl_url_get, 0},
        {"curl_url_strerror", (void **)&f->curl_url_strerror, 1},
        {"curl_free", (void **)&f->curl_free, 0},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(handle, symbols[i].name);
        if (!*symbols[i].slot && !symbols[i].optional) {
            // libcurl older than 7.62 (2018) has no URL parser.
            if (why_size > 0) snprintf(why, why_size, "the library has no %s (libcurl 7.62 or later is needed)", symbols[i].name);
            free(library);
            dlclose(handle);
            return NULL;
        }
    }
    pthread_mutex_lock(&init_lock);
    int status = f->curl_global_init(CURL_GLOBAL_ALL);
    // With CURLOPT_NOSIGNAL libcurl does not ignore SIGPIPE itself, and a
    // peer that drops the connection while TLS writes would end the
    // process (status 141, no message). Ignored unless someone handles it.
    struct sigaction current;
    if (sigaction(SIGPIPE, NULL, &current) == 0 && current.sa_handler == SIG_DFL) signal(SIGPIPE, SIG_IGN);
    pthread_mutex_unlock(&init_lock);
    if (status != CURLE_OK) {
        if (why_size > 0) snprintf(why, why_size, "curl_global_init failed: %s", f->curl_easy_strerror(status));
        free(library);
        return NULL;  // not closed: a failed init may have left state behind
    }
    return library;
}
