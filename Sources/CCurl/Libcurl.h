#ifndef CCURL_LIBCURL_H
#define CCURL_LIBCURL_H

#include <stddef.h>

// The part of libcurl's <curl/curl.h> and <curl/urlapi.h> used here,
// declared by hand: the headers are in a development package the build
// machines need not have. These numbers are libcurl's stable ABI (options
// and codes are only ever added, never renumbered); each has been the same
// since the version named.
typedef void CURL;
typedef struct Curl_URL CURLU;
struct curl_slist;

// CURLcode
enum { CURLE_OK = 0, CURLE_WRITE_ERROR = 23, CURLE_OPERATION_TIMEDOUT = 28 };
enum { CURL_ERROR_SIZE = 256 };
enum { CURL_GLOBAL_ALL = 3 };

// CURLoption: LONG + n, OBJECTPOINT 10000 + n, FUNCTIONPOINT 20000 + n.
enum {
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_POSTFIELDS = 10015,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_NOPROGRESS = 43,
    CURLOPT_POST = 47,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_POSTFIELDSIZE = 60,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_HTTPGET = 80,
    CURLOPT_NOSIGNAL = 99,            // 7.10
    CURLOPT_ACCEPT_ENCODING = 10102,  // 7.10 (as CURLOPT_ENCODING)
    CURLOPT_TIMEOUT_MS = 155,         // 7.16.2
    CURLOPT_CONNECTTIMEOUT_MS = 156,  // 7.16.2
    CURLOPT_PROTOCOLS = 181,          // 7.19.4 (deprecated in 7.85 for a string, still honoured)
    CURLOPT_REDIR_PROTOCOLS = 182,    // 7.19.4
};
enum { CURLPROTO_HTTP = 1 << 0, CURLPROTO_HTTPS = 1 << 1 };

// CURLUPart and CURLU flags (7.62)
enum { CURLUPART_URL = 0, CURLUPART_SCHEME = 1, CURLUPART_HOST = 5, CURLUPART_QUERY = 8 };
enum { CURLU_APPENDQUERY = 1 << 8 };

typedef size_t (*curl_write_callback)(char *buffer, size_t size, size_t count, void *context);

struct libcurl {
    int (*curl_global_init)(long flags);
    CURL *(*curl_easy_init)(void);
    int (*curl_easy_setopt)(CURL *, int option, ...);
    int (*curl_easy_perform)(CURL *);
    void (*curl_easy_cleanup)(CURL *);
    const char *(*curl_easy_strerror)(int code);
    struct curl_slist *(*curl_slist_append)(struct curl_slist *, const char *);
    void (*curl_slist_free_all)(struct curl_slist *);
    CURLU *(*curl_url)(void);
    void (*curl_url_cleanup)(CURLU *);
    int (*curl_url_set)(CURLU *, int part, const char *content, unsigned int flags);
    int (*curl_url_get)(const CURLU *, int part, char **content, unsigned int flags);
    const char *(*curl_url_strerror)(int code);  // 7.80: may be missing
    void (*curl_free)(void *);
};

/// What ccurl_open hands out: libcurl's functions.
struct ccurl_library {
    struct libcurl f;
};

#endif
