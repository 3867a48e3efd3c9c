#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>

/// libcurl, loaded with dlopen at the first fetch, so that nothing
/// network-related (libcurl, TLS, Kerberos, LDAP...) loads when a command
/// fetches nothing, and the build needs no development package: the few
/// declarations used are in Libcurl.h. Its variadic calls (curl_easy_setopt),
/// which Swift cannot make, and its callbacks live here.

/// A loaded libcurl. Never unloaded.
typedef struct ccurl_library ccurl_library;

/// Loads libcurl (`path`, or NULL: libcurl.so.4 and its usual names) and
/// initialises it. NULL when it cannot be loaded or lacks a function; why
/// in `why`.
ccurl_library *ccurl_open(const char *path, char *why, size_t why_size);

/// A URL as libcurl reads it: the URL it would request, its scheme (lower
/// case) and host. Strings owned by the struct: free with ccurl_url_free.
typedef struct {
    char *url;
    char *scheme;
    char *host;
} ccurl_url;

/// Parses `reference`, relative to `base` when `base` is not NULL (a
/// redirect's Location), and appends `query` (already encoded: `a=1&b=2`)
/// to its query when not NULL. 0 on success; else why in `why`.
int ccurl_parse_url(const ccurl_library *curl, const char *base, const char *reference, const char *query,
                    ccurl_url *url, char *why, size_t why_size);
void ccurl_url_free(const ccurl_library *curl, ccurl_url *url);

/// One HTTP request, one hop: redirects are not followed (the answer says
/// where it points), so the caller checks every hop before it connects.
typedef struct {
    const char *url;
    /// 1: POST `body` (form-encoded); 0: GET.
    int post;
    const char *body;
    size_t body_size;
    /// `Accept`, or NULL for libcurl's own.
    const char *accept;
    const char *user_agent;
    /// The whole exchange: connecting, headers and body.
    long timeout_ms;
    /// The most body bytes kept, as declared (Content-Length) and as read
    /// (decoded, when the server compressed anyway).
    size_t maximum_bytes;
} ccurl_request;

typedef enum {
    /// The answer arrived whole.
    CCURL_COMPLETE,
    /// A redirect (301, 302, 303, 307, 308 with a Location): its headers
    /// only, the body never read.
    CCURL_REDIRECTED,
    /// Content-Length over maximum_bytes: refused at the headers.
    CCURL_DECLARED_TOO_LARGE,
    /// More than maximum_bytes arrived: refused at the chunk that passed it.
    CCURL_TOO_LARGE,
    /// timeout_ms passed first.
    CCURL_TIMED_OUT,
    /// Anything else (could not resolve, connect, TLS...): see `error`.
    CCURL_FAILED,
} ccurl_outcome;

typedef struct {
    ccurl_outcome outcome;
    /// The final status (not a 1xx), 0 when none arrived.
    long status;
    /// Content-Length, -1 when not sent.
    long long declared_length;
    /// Header values, trimmed; NULL when not sent.
    char *content_type;
    char *content_encoding;
    char *location;
    /// What was kept of the body (malloc'd, NULL when empty).
    unsigned char *body;
    size_t body_size;
    /// libcurl's message when CCURL_FAILED.
    char error[256];
} ccurl_answer;

/// Performs `request` on this thread, to completion. Free the answer with
/// ccurl_answer_free.
void ccurl_perform(const ccurl_library *curl, const ccurl_request *request, ccurl_answer *answer);
void ccurl_answer_free(ccurl_answer *answer);

#endif
