#include "CLineEdit.h"
#include "Libedit.h"

#include <dlfcn.h>

struct libedit cle_lib;
int cle_loaded;

int cle_load(const char *path, char *why, size_t why_size) {
    if (cle_loaded != 0) {
        if (cle_loaded < 0 && why_size > 0) snprintf(why, why_size, "libedit could not be loaded earlier");
        return cle_loaded > 0 ? 0 : -1;
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
        cle_loaded = -1;
        if (why_size > 0) snprintf(why, why_size, "%s", error ? error : "not found");
        return -1;
    }
    struct { const char *name; void **slot; } symbols[] = {
        {"el_init", (void **)&cle_lib.el_init}, {"el_end", (void **)&cle_lib.el_end}, {"el_gets", (void **)&cle_lib.el_gets},
        {"el_set", (void **)&cle_lib.el_set}, {"el_get", (void **)&cle_lib.el_get}, {"el_line", (void **)&cle_lib.el_line},
        {"el_insertstr", (void **)&cle_lib.el_insertstr}, {"el_cursor", (void **)&cle_lib.el_cursor},
        {"el_push", (void **)&cle_lib.el_push}, {"el_resize", (void **)&cle_lib.el_resize},
        {"history_init", (void **)&cle_lib.history_init},
        {"history_end", (void **)&cle_lib.history_end}, {"history", (void **)&cle_lib.history},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(handle, symbols[i].name);
        if (!*symbols[i].slot) {
            cle_loaded = -1;
            if (why_size > 0) snprintf(why, why_size, "the library has no %s", symbols[i].name);
            dlclose(handle);
            return -1;
        }
    }
    cle_loaded = 1;
    return 0;
}
