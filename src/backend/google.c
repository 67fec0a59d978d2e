/* Google Cloud Translation v2 (basic): POST /language/translate/v2
 * {"q": [...], "source", "target", "format": "html"} with the key in
 * "X-Goog-Api-Key" (never in the URL) -> {"data": {"translations":
 * [{"translatedText"}]}}.  At most 128 texts; about 5,000 code points. */
#include <stdio.h>

#include "backend.h"

static juru_status request(const juru_backend_options *o, const char *base,
                           const char *const *texts, size_t n,
                           const char *instructions, const char *glossary_id,
                           juru__http_request *req) {
  (void)instructions;
  (void)glossary_id;
  json_t *b = json_pack("{s:o, s:s, s:s, s:s}", "q", juru__json_texts(texts, n),
                        "source", "id", "target", "en", "format", "html");
  if (!b) return JURU_ENOMEM;
  char auth[512];
  snprintf(auth, sizeof auth, "X-Goog-Api-Key: %s", o->key ? o->key : "");
  juru_status st = juru__request_json(req, base, "/language/translate/v2", b, auth);
  juru__explicit_bzero(auth, sizeof auth);
  return st;
}

static juru_status parse(const char *body, size_t len, size_t n, char **out,
                         char *why, size_t why_size) {
  json_t *j = juru__json_parse(body, len, why, why_size);
  if (!j) return JURU_EBACKEND;
  json_t *t = json_object_get(json_object_get(j, "data"), "translations");
  juru_status st = juru__json_take(t, "translatedText", n, out, why, why_size);
  json_decref(j);
  return st;
}

const juru__backend juru__google = {
    "google", "https://translation.googleapis.com", 1, 0, 1, 128, 5000,
    request, parse, NULL, NULL};
