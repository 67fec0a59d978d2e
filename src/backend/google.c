/* Google Cloud Translation v2 (basic): POST /language/translate/v2
 * {"q": [...], "source", "target", "format": "html"} with the key in
 * "X-Goog-Api-Key" (never in the URL) -> {"data": {"translations":
 * [{"translatedText"}]}}.  At most 128 texts; about 5,000 code points. */
#include "backend.h"

static juru_status request(const juru_backend_options *o, const char *base,
                           const char *const *texts, size_t n,
                           const char *instructions, const char *glossary_id,
                           juru__http_request *req) {
  (void)instructions;
  (void)glossary_id;
  json_t *b = juru__json_q_body(texts, n);
  if (!b) return JURU_ENOMEM;
  return juru__request_json(req, base, "/language/translate/v2", b,
                            "X-Goog-Api-Key: ", o->key);
}

static juru_status parse(const char *body, size_t len, size_t n, char **out,
                         char *why, size_t why_size) {
  return juru__parse_list(body, len, "data", "translations", "translatedText", n, out, why, why_size);
}

const juru__backend juru__google = {
    "google", "https://translation.googleapis.com", 1, 0, 1, 128, 5000,
    request, parse, NULL, NULL};
