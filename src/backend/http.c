/* The curl multi interface behind juru__http_perform (see http.h). */
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "http.h"

/* libcurl is opened on first use rather than linked: its thirty-odd
 * libraries (TLS, Kerberos, LDAP, SSH...) cost every juru command some
 * 15 ms at start-up, and only the backends need them.  Offline use works
 * without libcurl installed at all. */
typedef struct curl_api {
  CURLcode (*global_init)(long);
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
  void (*easy_cleanup)(CURL *);
  const char *(*easy_strerror)(CURLcode);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
  CURLM *(*multi_init)(void);
  CURLMcode (*multi_add_handle)(CURLM *, CURL *);
  CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
  CURLMcode (*multi_perform)(CURLM *, int *);
  CURLMsg *(*multi_info_read)(CURLM *, int *);
  CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd[], unsigned int, int,
                          int *);
  CURLMcode (*multi_cleanup)(CURLM *);
} curl_api;

static curl_api lib;

static char load_error[200];

/* dlsym gives a void *; its bytes are copied into the function pointer
 * (POSIX requires the two to share a representation). */
static int bind_symbols(void *h) {
  static const struct {
    const char *name;
    size_t offset;
  } syms[] = {
#define SYM(field) {"curl_" #field, offsetof(curl_api, field)}
      SYM(global_init),   SYM(easy_init),        SYM(easy_setopt),
      SYM(easy_getinfo),  SYM(easy_cleanup),     SYM(easy_strerror),
      SYM(slist_append),  SYM(slist_free_all),   SYM(multi_init),
      SYM(multi_add_handle), SYM(multi_remove_handle), SYM(multi_perform),
      SYM(multi_info_read),  SYM(multi_poll),   SYM(multi_cleanup)
#undef SYM
  };
  for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
    void *f = dlsym(h, syms[i].name);
    if (!f) {
      snprintf(load_error, sizeof load_error, "libcurl lacks %s",
               syms[i].name);
      return 0;
    }
    memcpy((char *)&lib + syms[i].offset, &f, sizeof f);
  }
  return 1;
}

/* JURU_LIBCURL names another library to open (a test names a missing
 * one). */
static int open_libcurl(void) {
  const char *env = getenv("JURU_LIBCURL");
  const char *names[] = {env && *env ? env : "libcurl.so.4",
                         env && *env ? NULL : "libcurl-gnutls.so.4"};
  void *h = NULL;
  for (size_t i = 0; i < 2 && !h && names[i]; i++)
    h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *why = dlerror();
    snprintf(load_error, sizeof load_error,
             "the HTTP backends need libcurl: %s", why ? why : names[0]);
    return 0;
  }
  if (!bind_symbols(h)) {
    dlclose(h);
    return 0;
  }
  return 1;
}

juru_status juru__http_global_init(void) {
  static int done;
  if (done) return JURU_OK;
  if (!open_libcurl()) return JURU_EBACKEND;
  if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return JURU_ENOMEM;
  done = 1;
  return JURU_OK;
}

void juru__http_request_clear(juru__http_request *r) {
  juru__free(r->url);
  for (size_t i = 0; i < r->n_headers; i++) { /* one may hold a key */
    juru__explicit_bzero(r->headers[i], strlen(r->headers[i]));
    juru__free(r->headers[i]);
  }
  juru__buf_free(&r->body);
  juru__buf_free(&r->response);
  memset(r, 0, sizeof *r);
}

static size_t on_body(char *data, size_t size, size_t n, void *ud) {
  juru__http_request *r = ud;
  r->response.max = JURU__HTTP_MAX_RESPONSE;
  /* a short count makes curl fail the transfer: a lying server cannot
   * fill memory */
  return juru__buf_append(&r->response, data, size * n) == JURU_OK ? size * n : 0;
}

static int header_is(const char *h, size_t n, const char *name) {
  size_t k = strlen(name);
  if (n <= k || h[k] != ':') return 0;
  for (size_t i = 0; i < k; i++) {
    char c = h[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != name[i]) return 0;
  }
  return 1;
}

/* Retry-After in seconds (the HTTP-date form is rare from APIs: ignored). */
static size_t on_header(char *h, size_t size, size_t n, void *ud) {
  juru__http_request *r = ud;
  size_t len = size * n;
  if (header_is(h, len, "retry-after")) {
    char tmp[32];
    size_t k = len - 12 < sizeof tmp - 1 ? len - 12 : sizeof tmp - 1;
    memcpy(tmp, h + 12, k);
    tmp[k] = '\0';
    char *end;
    double v = strtod(tmp, &end);
    if (end != tmp && v >= 0) r->retry_after = v;
  }
  return len;
}

static CURL *easy_for(juru__http_request *r, struct curl_slist **headers) {
  CURL *e = lib.easy_init();
  if (!e) return NULL;
  *headers = NULL;
  for (size_t i = 0; i < r->n_headers; i++) {
    struct curl_slist *h = lib.slist_append(*headers, r->headers[i]);
    if (!h) {
      lib.slist_free_all(*headers);
      lib.easy_cleanup(e);
      return NULL;
    }
    *headers = h;
  }
  juru__buf_clear(&r->response);
  r->status = 0;
  r->retry_after = -1;
  r->error[0] = '\0';
  lib.easy_setopt(e, CURLOPT_URL, r->url);
  lib.easy_setopt(e, CURLOPT_HTTPHEADER, *headers);
  lib.easy_setopt(e, CURLOPT_POSTFIELDS, r->body.data ? r->body.data : "");
  lib.easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body.len);
  lib.easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  lib.easy_setopt(e, CURLOPT_WRITEDATA, r);
  lib.easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  lib.easy_setopt(e, CURLOPT_HEADERDATA, r);
  lib.easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, r->connect_timeout_ms);
  lib.easy_setopt(e, CURLOPT_TIMEOUT_MS, r->timeout_ms);
  lib.easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(e, CURLOPT_ERRORBUFFER, r->error);
  lib.easy_setopt(e, CURLOPT_PRIVATE, r);
  lib.easy_setopt(e, CURLOPT_USERAGENT, "juru/" "0.1");
  /* keys travel in headers only; never follow a redirect elsewhere with them */
  lib.easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  return e;
}

typedef struct slot {
  CURL *easy;
  struct curl_slist *headers;
} slot;

static juru_status start(CURLM *m, juru__http_request *r, slot *s) {
  s->easy = easy_for(r, &s->headers);
  if (!s->easy) return JURU_ENOMEM;
  if (lib.multi_add_handle(m, s->easy) != CURLM_OK) return JURU_ENOMEM;
  return JURU_OK;
}

static void finish(CURLM *m, slot *s, CURLcode code) {
  juru__http_request *r = NULL;
  lib.easy_getinfo(s->easy, CURLINFO_PRIVATE, (char **)&r);
  if (code == CURLE_OK) {
    lib.easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &r->status);
  } else {
    r->status = 0;
    if (!r->error[0])
      snprintf(r->error, sizeof r->error, "%s", lib.easy_strerror(code));
  }
  lib.multi_remove_handle(m, s->easy);
  lib.easy_cleanup(s->easy);
  lib.slist_free_all(s->headers);
  s->easy = NULL;
  s->headers = NULL;
}

/* Without libcurl every request fails as a transfer does, saying why. */
static juru_status fail_all(juru__http_request **reqs, size_t n,
                            juru__http_done_fn done, void *userdata) {
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    reqs[i]->status = 0;
    reqs[i]->retry_after = -1;
    snprintf(reqs[i]->error, sizeof reqs[i]->error, "%s", load_error);
    if (done) st = done(i, userdata);
  }
  return st;
}

juru_status juru__http_perform(juru__http_request **reqs, size_t n,
                               size_t parallel, juru__http_done_fn done,
                               void *userdata) {
  if (n == 0) return JURU_OK;
  juru_status init = juru__http_global_init();
  if (init == JURU_EBACKEND) return fail_all(reqs, n, done, userdata);
  if (init != JURU_OK) return init;
  if (parallel == 0) parallel = 1;
  CURLM *m = lib.multi_init();
  slot *slots = juru__calloc(n, sizeof *slots);
  if (!m || !slots) {
    lib.multi_cleanup(m);
    juru__free(slots);
    return JURU_ENOMEM;
  }
  size_t next = 0, running_count = 0;
  juru_status st = JURU_OK;
  while (st == JURU_OK && (next < n || running_count > 0)) {
    while (st == JURU_OK && next < n && running_count < parallel) {
      st = start(m, reqs[next], &slots[next]);
      next++;
      running_count++;
    }
    int still;
    lib.multi_perform(m, &still);
    CURLMsg *msg;
    int left;
    while ((msg = lib.multi_info_read(m, &left))) {
      if (msg->msg != CURLMSG_DONE) continue;
      for (size_t i = 0; i < next; i++)
        if (slots[i].easy == msg->easy_handle) {
          finish(m, &slots[i], msg->data.result);
          running_count--;
          if (done && st == JURU_OK) st = done(i, userdata);
          break;
        }
    }
    if (running_count > 0) lib.multi_poll(m, NULL, 0, 100, NULL);
  }
  for (size_t i = 0; i < n; i++)
    if (slots[i].easy) finish(m, &slots[i], CURLE_ABORTED_BY_CALLBACK);
  lib.multi_cleanup(m);
  juru__free(slots);
  return st;
}
