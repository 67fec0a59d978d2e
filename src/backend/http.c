/* The curl multi interface behind juru__http_perform (see http.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "http.h"

juru_status juru__http_global_init(void) {
  static int done;
  if (done) return JURU_OK;
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return JURU_ENOMEM;
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
  CURL *e = curl_easy_init();
  if (!e) return NULL;
  *headers = NULL;
  for (size_t i = 0; i < r->n_headers; i++) {
    struct curl_slist *h = curl_slist_append(*headers, r->headers[i]);
    if (!h) {
      curl_slist_free_all(*headers);
      curl_easy_cleanup(e);
      return NULL;
    }
    *headers = h;
  }
  juru__buf_clear(&r->response);
  r->status = 0;
  r->retry_after = -1;
  r->error[0] = '\0';
  curl_easy_setopt(e, CURLOPT_URL, r->url);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, *headers);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body.data ? r->body.data : "");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body.len);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, r->connect_timeout_ms);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, r->timeout_ms);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->error);
  curl_easy_setopt(e, CURLOPT_PRIVATE, r);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "juru/" "0.1");
  /* keys travel in headers only; never follow a redirect elsewhere with them */
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  return e;
}

typedef struct slot {
  CURL *easy;
  struct curl_slist *headers;
} slot;

static juru_status start(CURLM *m, juru__http_request *r, slot *s) {
  s->easy = easy_for(r, &s->headers);
  if (!s->easy) return JURU_ENOMEM;
  if (curl_multi_add_handle(m, s->easy) != CURLM_OK) return JURU_ENOMEM;
  return JURU_OK;
}

static void finish(CURLM *m, slot *s, CURLcode code) {
  juru__http_request *r = NULL;
  curl_easy_getinfo(s->easy, CURLINFO_PRIVATE, (char **)&r);
  if (code == CURLE_OK) {
    curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &r->status);
  } else {
    r->status = 0;
    if (!r->error[0])
      snprintf(r->error, sizeof r->error, "%s", curl_easy_strerror(code));
  }
  curl_multi_remove_handle(m, s->easy);
  curl_easy_cleanup(s->easy);
  curl_slist_free_all(s->headers);
  s->easy = NULL;
  s->headers = NULL;
}

juru_status juru__http_perform(juru__http_request **reqs, size_t n,
                               size_t parallel, juru__http_done_fn done,
                               void *userdata) {
  if (n == 0) return JURU_OK;
  if (juru__http_global_init() != JURU_OK) return JURU_ENOMEM;
  if (parallel == 0) parallel = 1;
  CURLM *m = curl_multi_init();
  slot *slots = juru__calloc(n, sizeof *slots);
  if (!m || !slots) {
    curl_multi_cleanup(m);
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
    curl_multi_perform(m, &still);
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(m, &left))) {
      if (msg->msg != CURLMSG_DONE) continue;
      for (size_t i = 0; i < next; i++)
        if (slots[i].easy == msg->easy_handle) {
          finish(m, &slots[i], msg->data.result);
          running_count--;
          if (done && st == JURU_OK) st = done(i, userdata);
          break;
        }
    }
    if (running_count > 0) curl_multi_poll(m, NULL, 0, 100, NULL);
  }
  for (size_t i = 0; i < n; i++)
    if (slots[i].easy) finish(m, &slots[i], CURLE_ABORTED_BY_CALLBACK);
  curl_multi_cleanup(m);
  juru__free(slots);
  return st;
}
