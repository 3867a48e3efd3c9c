#include "CCurl.h"
#include "Libcurl.h"
#include "Text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static void explain(const ccurl_library *curl, int code, char *why, size_t why_size) {
    if (why_size == 0) return;
    const char *text = curl->f.curl_url_strerror ? curl->f.curl_url_strerror(code) : NULL;
    if (text) snprintf(why, why_size, "%s", text);
    else snprintf(why, why_size, "libcurl's URL parser refused it (code %d)", code);
}

// A part as a malloc'd copy (libcurl's own strings are freed with curl_free).
static int get_part(const ccurl_library *curl, CURLU *handle, int part, char **out) {
    char *value = NULL;
    int code = curl->f.curl_url_get(handle, part, &value, 0);
    if (code != 0) return code;
    *out = ccurl_copy_text(value ? value : "", value ? strlen(value) : 0);
    curl->f.curl_free(value);
    return *out ? 0 : -1;
}

int ccurl_parse_url(const ccurl_library *curl, const char *base, const char *reference, const char *query,
                    ccurl_url *url, char *why, size_t why_size) {
    memset(url, 0, sizeof *url);
    CURLU *handle = curl->f.curl_url();
    if (!handle) {
        if (why_size > 0) snprintf(why, why_size, "out of memory");
        return -1;
    }
    int code = 0;
    // A second URL set on a handle holding one is resolved against it: the
    // way a redirect's Location is read.
    if (base) code = curl->f.curl_url_set(handle, CURLUPART_URL, base, 0);
    if (code == 0) code = curl->f.curl_url_set(handle, CURLUPART_URL, reference, 0);
    // `query` is encoded already; APPENDQUERY puts it after any query with `&`.
    if (code == 0 && query && *query) code = curl->f.curl_url_set(handle, CURLUPART_QUERY, query, CURLU_APPENDQUERY);
    if (code == 0) code = get_part(curl, handle, CURLUPART_URL, &url->url);
    if (code == 0) code = get_part(curl, handle, CURLUPART_SCHEME, &url->scheme);
    if (code == 0) code = get_part(curl, handle, CURLUPART_HOST, &url->host);
    curl->f.curl_url_cleanup(handle);
    if (code != 0) {
        explain(curl, code, why, why_size);
        ccurl_url_free(curl, url);
        return -1;
    }
    return 0;
}

void ccurl_url_free(const ccurl_library *curl, ccurl_url *url) {
    (void)curl;
    free(url->url);
    free(url->scheme);
    free(url->host);
    memset(url, 0, sizeof *url);
}
