#include "CCurl.h"
#include "Libcurl.h"
#include "Text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


// One exchange in progress: what the callbacks see.
typedef struct {
    const ccurl_request *request;
    ccurl_answer *answer;
    size_t capacity;
    /// The final answer's headers have ended: later header lines are
    /// trailers (after a chunked body), not the answer's headers.
    int headers_over;
    /// A callback ended the transfer; `answer->outcome` says why.
    int stopped;
} exchange;

static int is_followed_redirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// `line` (n bytes) is "Name: value": the value, trimmed, else NULL.
static char *header_value(const char *line, size_t n, const char *name) {
    size_t length = strlen(name);
    if (n <= length || line[length] != ':' || strncasecmp(line, name, length) != 0) return NULL;
    const char *start = line + length + 1, *end = line + n;
    while (start < end && (*start == ' ' || *start == '\t')) start++;
    while (end > start && isspace((unsigned char)end[-1])) end--;
    return ccurl_copy_text(start, (size_t)(end - start));
}

static void replace(char **slot, char *value) {
    free(*slot);
    *slot = value;
}

static void forget_headers(ccurl_answer *answer) {
    replace(&answer->content_type, NULL);
    replace(&answer->content_encoding, NULL);
    replace(&answer->location, NULL);
    answer->declared_length = -1;
}

// Each header line, the status line first, then an empty line at the end of
// the headers: where a redirect and a declared length are refused, before
// any of the body is read (returning less than given ends the transfer).
static size_t on_header(char *data, size_t size, size_t count, void *context) {
    exchange *x = context;
    ccurl_answer *answer = x->answer;
    size_t n = size * count;
    if (x->stopped) return 0;
    if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) {
        // A new answer: the first, or the one after a 1xx (or a proxy's).
        forget_headers(answer);
        x->headers_over = 0;
        // "HTTP/1.1 200 OK": the number after the first space (copied, as
        // libcurl's line is not terminated).
        char line[32];
        size_t length = n < sizeof line - 1 ? n : sizeof line - 1;
        memcpy(line, data, length);
        line[length] = '\0';
        const char *space = strchr(line, ' ');
        answer->status = space ? strtol(space + 1, NULL, 10) : 0;
        return n;
    }
    if (x->headers_over) return n;
    if (n <= 2 && (data[0] == '\r' || data[0] == '\n')) {
        if (answer->status >= 100 && answer->status < 200) return n;  // interim: the answer follows
        x->headers_over = 1;
        if (is_followed_redirect(answer->status) && answer->location) {
            answer->outcome = CCURL_REDIRECTED;
            x->stopped = 1;
            return 0;
        }
        if (answer->declared_length > 0 && (unsigned long long)answer->declared_length > x->request->maximum_bytes) {
            answer->outcome = CCURL_DECLARED_TOO_LARGE;
            x->stopped = 1;
            return 0;
        }
        return n;
    }
    char *value;
    if ((value = header_value(data, n, "Content-Length"))) {
        char *end;
        long long declared = strtoll(value, &end, 10);
        // Of several, the largest counts.
        if (end != value && *end == '\0' && declared > answer->declared_length) answer->declared_length = declared;
        free(value);
    } else if ((value = header_value(data, n, "Content-Type"))) {
        replace(&answer->content_type, value);
    } else if ((value = header_value(data, n, "Content-Encoding"))) {
        replace(&answer->content_encoding, value);
    } else if ((value = header_value(data, n, "Location"))) {
        replace(&answer->location, value);
    }
    return n;
}

// Body bytes as they arrive, decoded when the server compressed them: a
// chunk that would pass the limit is refused, not kept, and ends the
// transfer before libcurl decodes the next one.
static size_t on_body(char *data, size_t size, size_t count, void *context) {
    exchange *x = context;
    ccurl_answer *answer = x->answer;
    size_t n = size * count, maximum = x->request->maximum_bytes;
    if (x->stopped) return 0;
    if (n > maximum - answer->body_size) {
        answer->outcome = CCURL_TOO_LARGE;
        x->stopped = 1;
        return 0;
    }
    if (answer->body_size + n > x->capacity) {
        size_t capacity = x->capacity ? x->capacity * 2 : 16384;
        if (capacity < answer->body_size + n) capacity = answer->body_size + n;
        if (capacity > maximum) capacity = maximum;
        unsigned char *grown = realloc(answer->body, capacity);
        if (!grown) {
            answer->outcome = CCURL_FAILED;
            snprintf(answer->error, sizeof answer->error, "out of memory");
            x->stopped = 1;
            return 0;
        }
        answer->body = grown;
        x->capacity = capacity;
    }
    memcpy(answer->body + answer->body_size, data, n);
    answer->body_size += n;
    return n;
}

// Appends one header line. libcurl returns NULL when it runs out of
// memory, and the list it was given is then still ours: keep it (to free),
// and remember the failure, so that no request goes out without a header.
static struct curl_slist *append_line(const ccurl_library *curl, struct curl_slist *list, const char *line,
                                      int *failed) {
    if (*failed) return list;
    struct curl_slist *longer = curl->f.curl_slist_append(list, line);
    if (!longer) *failed = 1;
    return longer ? longer : list;
}

static struct curl_slist *append_header(const ccurl_library *curl, struct curl_slist *list, const char *name,
                                        const char *value, int *failed) {
    char line[512];
    snprintf(line, sizeof line, "%s: %s", name, value);
    return append_line(curl, list, line, failed);
}

void ccurl_perform(const ccurl_library *curl, const ccurl_request *request, ccurl_answer *answer) {
    const struct libcurl *f = &curl->f;
    memset(answer, 0, sizeof *answer);
    answer->declared_length = -1;
    if (request->timeout_ms <= 0) {  // 0 would mean no timeout to libcurl
        answer->outcome = CCURL_TIMED_OUT;
        return;
    }
    CURL *handle = f->curl_easy_init();
    if (!handle) {
        answer->outcome = CCURL_FAILED;
        snprintf(answer->error, sizeof answer->error, "libcurl could not start a request (curl_easy_init)");
        return;
    }
    exchange x = {.request = request, .answer = answer};
    char error[CURL_ERROR_SIZE] = "";
    struct curl_slist *headers = NULL;
    int out_of_memory = 0;
    if (request->accept) headers = append_header(curl, headers, "Accept", request->accept, &out_of_memory);
    if (request->post)
        headers = append_header(curl, headers, "Content-Type", "application/x-www-form-urlencoded", &out_of_memory);
    headers = append_line(curl, headers, "Expect:", &out_of_memory);  // no wait for "100 Continue" before a body
    if (out_of_memory) {
        f->curl_slist_free_all(headers);
        f->curl_easy_cleanup(handle);
        answer->outcome = CCURL_FAILED;
        snprintf(answer->error, sizeof answer->error, "out of memory");
        return;
    }

    f->curl_easy_setopt(handle, CURLOPT_URL, request->url);
    f->curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    // No signals (a resolver timeout by SIGALRM is not thread-safe). libcurl
    // then leaves SIGPIPE alone: ccurl_open ignores it for the process.
    f->curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    f->curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 1L);
    // Each hop is the caller's: it checks the host of every redirect before
    // connecting, and a redirect's body is never read.
    f->curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    f->curl_easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    f->curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    f->curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, request->timeout_ms);
    f->curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, request->timeout_ms);
    if (request->user_agent) f->curl_easy_setopt(handle, CURLOPT_USERAGENT, request->user_agent);
    // Sends "Accept-Encoding: identity", and has libcurl decode a server
    // that compresses anyway (on_body then sees decoded bytes).
    f->curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "identity");
    f->curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    f->curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, (curl_write_callback)on_header);
    f->curl_easy_setopt(handle, CURLOPT_HEADERDATA, (void *)&x);
    f->curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, (curl_write_callback)on_body);
    f->curl_easy_setopt(handle, CURLOPT_WRITEDATA, (void *)&x);
    if (request->post) {
        f->curl_easy_setopt(handle, CURLOPT_POST, 1L);
        f->curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, (long)request->body_size);
        f->curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request->body ? request->body : "");
    } else {
        f->curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    }

    int code = f->curl_easy_perform(handle);
    if (!x.stopped) {
        if (code == CURLE_OK) {
            answer->outcome = CCURL_COMPLETE;
        } else if (code == CURLE_OPERATION_TIMEDOUT) {
            answer->outcome = CCURL_TIMED_OUT;
        } else {
            answer->outcome = CCURL_FAILED;
            snprintf(answer->error, sizeof answer->error, "%s", error[0] ? error : f->curl_easy_strerror(code));
        }
    }
    f->curl_easy_cleanup(handle);
    f->curl_slist_free_all(headers);
}

void ccurl_answer_free(ccurl_answer *answer) {
    forget_headers(answer);
    free(answer->body);
    answer->body = NULL;
    answer->body_size = 0;
}
