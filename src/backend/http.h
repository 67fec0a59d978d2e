/* HTTP for the backends: many POST requests at once over the curl multi
 * interface.  http.c is the only file that includes <curl/curl.h>; it opens
 * libcurl on first use (dlopen), so nothing else pays for loading it. */
#ifndef JURU_BACKEND_HTTP_H
#define JURU_BACKEND_HTTP_H

#include "../util/util.h"

#define JURU__HTTP_MAX_HEADERS 8
#define JURU__HTTP_MAX_RESPONSE (16u << 20)

typedef struct juru__http_request {
  /* in */
  char *url;
  char *headers[JURU__HTTP_MAX_HEADERS]; /* "Name: value", owned */
  size_t n_headers;
  juru__buf body;                        /* the JSON sent */
  long connect_timeout_ms, timeout_ms;
  /* out */
  long status;          /* HTTP status; 0 when the transfer failed */
  juru__buf response;   /* capped at JURU__HTTP_MAX_RESPONSE */
  double retry_after;   /* seconds the server asked to wait, or -1 */
  char error[256];      /* why a transfer failed */
} juru__http_request;

/* Called as each request completes (its index in reqs); a status other
 * than JURU_OK stops the others and is returned. */
typedef juru_status (*juru__http_done_fn)(size_t i, void *userdata);

/* Send every request, at most `parallel` at a time; each gets its status
 * and response, and `done` (may be NULL) hears of it at once.  Returns
 * JURU_ENOMEM, done's error, or JURU_OK (transfer errors are per
 * request; when libcurl cannot be loaded, every request fails so, its
 * error saying why). */
juru_status juru__http_perform(juru__http_request **reqs, size_t n,
                               size_t parallel, juru__http_done_fn done,
                               void *userdata);

/* Release what a request owns and clear it for reuse. */
void juru__http_request_clear(juru__http_request *r);

/* Open libcurl and initialise it once: JURU_EBACKEND when it cannot be
 * loaded, JURU_ENOMEM when it does not initialise. */
juru_status juru__http_global_init(void);

#endif
