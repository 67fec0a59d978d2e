/* What the protocol files share: JSON requests and replies. */
#include <stdio.h>
#include <string.h>

#include "backend.h"

static juru_status add_header(juru__http_request *req, const char *h) {
  if (req->n_headers >= JURU__HTTP_MAX_HEADERS) return JURU_EINVAL;
  char *copy = juru__strndup(h, strlen(h));
  if (!copy) return JURU_ENOMEM;
  req->headers[req->n_headers++] = copy;
  return JURU_OK;
}

juru_status juru__request_json(juru__http_request *req, const char *base,
                               const char *path, json_t *body,
                               const char *auth_prefix, const char *key) {
  size_t bl = strlen(base);
  while (bl > 0 && base[bl - 1] == '/') bl--;
  size_t n = bl + strlen(path) + 1;
  req->url = juru__malloc(n);
  char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
  json_decref(body);
  juru_status st = req->url && text ? JURU_OK : JURU_ENOMEM;
  if (st == JURU_OK) {
    snprintf(req->url, n, "%.*s%s", (int)bl, base, path);
    st = juru__buf_append(&req->body, text, strlen(text));
  }
  free(text); /* jansson's allocation */
  if (st == JURU_OK) st = add_header(req, "Content-Type: application/json");
  if (st == JURU_OK) st = add_header(req, "Accept: application/json");
  if (st == JURU_OK && auth_prefix && key && *key) {
    /* the one place a key is put in a request (a header, never the URL);
     * the copy is wiped when the request is cleared */
    char h[1024];
    int k = snprintf(h, sizeof h, "%s%s", auth_prefix, key);
    st = k > 0 && (size_t)k < sizeof h ? add_header(req, h) : JURU_EINVAL;
    juru__explicit_bzero(h, sizeof h);
  }
  return st;
}

juru_status juru__parse_list(const char *body, size_t len, const char *outer,
                             const char *list, const char *field, size_t n,
                             char **out, char *why, size_t why_size) {
  json_t *j = juru__json_parse(body, len, why, why_size);
  if (!j) return JURU_EBACKEND;
  json_t *o = outer ? json_object_get(j, outer) : j;
  juru_status st = juru__json_take(json_object_get(o, list), field, n, out, why,
                                   why_size);
  json_decref(j);
  return st;
}

json_t *juru__json_q_body(const char *const *texts, size_t n) {
  return json_pack("{s:o, s:s, s:s, s:s}", "q", juru__json_texts(texts, n),
                   "source", "id", "target", "en", "format", "html");
}

json_t *juru__json_texts(const char *const *texts, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    if (json_array_append_new(a, json_string(texts[i]))) {
      json_decref(a);
      return NULL;
    }
  return a;
}

json_t *juru__json_parse(const char *body, size_t len, char *why,
                         size_t why_size) {
  json_error_t e;
  json_t *j = json_loadb(body ? body : "", len, 0, &e);
  if (!j) snprintf(why, why_size, "invalid JSON in the reply (line %d: %s)", e.line, e.text);
  return j;
}

juru_status juru__json_take(json_t *arr, const char *field, size_t n,
                            char **out, char *why, size_t why_size) {
  if (!json_is_array(arr)) {
    snprintf(why, why_size, "the reply has no list of translations");
    return JURU_EBACKEND;
  }
  if (json_array_size(arr) != n) {
    snprintf(why, why_size, "the reply has %zu translations for %zu sentences",
             json_array_size(arr), n);
    return JURU_EBACKEND;
  }
  for (size_t i = 0; i < n; i++) out[i] = NULL;
  for (size_t i = 0; i < n; i++) {
    json_t *v = json_array_get(arr, i);
    if (field && json_is_object(v)) v = json_object_get(v, field);
    const char *s = json_string_value(v);
    if (!s || !*s) {
      snprintf(why, why_size, "translation %zu of %zu is %s", i + 1, n,
               s ? "empty" : "not a string");
      for (size_t k = 0; k < i; k++) juru__free(out[k]);
      return JURU_EBACKEND;
    }
    out[i] = juru__strndup(s, strlen(s));
    if (!out[i]) {
      for (size_t k = 0; k < i; k++) juru__free(out[k]);
      return JURU_ENOMEM;
    }
  }
  return JURU_OK;
}
