/* LibreTranslate: POST /translate {"q": [...], "source", "target",
 * "format": "html", "api_key"} -> {"translatedText": [...]}. */
#include "backend.h"

static juru_status request(const juru_backend_options *o, const char *base,
                           const char *const *texts, size_t n,
                           const char *instructions, const char *glossary_id,
                           juru__http_request *req) {
  (void)instructions;
  (void)glossary_id;
  json_t *b = juru__json_q_body(texts, n);
  if (!b) return JURU_ENOMEM;
  if (o->key) json_object_set_new(b, "api_key", json_string(o->key));
  return juru__request_json(req, base, "/translate", b, NULL, NULL);
}

static juru_status parse(const char *body, size_t len, size_t n, char **out,
                         char *why, size_t why_size) {
  return juru__parse_list(body, len, NULL, "translatedText", NULL, n, out, why, why_size);
}

const juru__backend juru__libretranslate = {
    "libretranslate", "http://localhost:5000", 0, 0, 1, 100, 64 << 10,
    request, parse, NULL, NULL};
