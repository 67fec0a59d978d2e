/* Backends as a table of functions, in the spirit of curl's vtls: each
 * protocol file fills one juru__backend; client.c batches, schedules,
 * retries and checks, whatever the protocol. */
#ifndef JURU_BACKEND_INTERNAL_H
#define JURU_BACKEND_INTERNAL_H

#include <jansson.h>

#include "juru/backend.h"
#include "http.h"

typedef struct juru__backend {
  const char *name;
  const char *default_url;
  int needs_key, needs_model;
  int markup;        /* terms protected as <span translate="no"> (HTML) */
  size_t max_items;  /* sentences per request */
  size_t max_bytes;  /* request text per request */
  /* Fill req's URL, headers and body for texts[0..n); `instructions` is
   * the glossary for LLMs ("" when none), `glossary_id` a server-side
   * glossary (DeepL) or NULL. */
  juru_status (*request)(const juru_backend_options *o, const char *base,
                         const char *const *texts, size_t n,
                         const char *instructions, const char *glossary_id,
                         juru__http_request *req);
  /* The n translations of a 2xx reply (each allocated), or an error with
   * a reason. */
  juru_status (*parse)(const char *body, size_t len, size_t n, char **out,
                       char *why, size_t why_size);
  /* DeepL: create a server-side glossary from TSV entries (NULL when the
   * backend has none); the reply's id is read by glossary_id(). */
  juru_status (*glossary_request)(const juru_backend_options *o,
                                  const char *base, const char *name,
                                  const char *tsv, juru__http_request *req);
  char *(*glossary_id)(const char *body, size_t len);
} juru__backend;

extern const juru__backend juru__libretranslate, juru__deepl, juru__google,
    juru__openai, juru__ollama;

/* Shared by the protocol files. */
/* A POST of `body` (taken) to base + path; with a key, the header
 * auth_prefix + key ("Authorization: Bearer ") is added. */
juru_status juru__request_json(juru__http_request *req, const char *base,
                               const char *path, json_t *body,
                               const char *auth_prefix, const char *key);
/* The n strings of a reply's list: body[outer][list][i][field] (outer and
 * field may be NULL). */
juru_status juru__parse_list(const char *body, size_t len, const char *outer,
                             const char *list, const char *field, size_t n,
                             char **out, char *why, size_t why_size);
/* {"q": texts, "source": "id", "target": "en", "format": "html"}: the
 * body LibreTranslate and Google share. */
json_t *juru__json_q_body(const char *const *texts, size_t n);
/* A JSON array of strings from texts. */
json_t *juru__json_texts(const char *const *texts, size_t n);
/* n strings from a JSON array, each element a string or an object's
 * `field` string. */
juru_status juru__json_take(json_t *arr, const char *field, size_t n,
                            char **out, char *why, size_t why_size);
/* Parse a 2xx body as JSON, or say why not. */
json_t *juru__json_parse(const char *body, size_t len, char *why,
                         size_t why_size);

#endif
