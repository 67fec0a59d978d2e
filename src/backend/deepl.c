/* DeepL: POST /v2/translate {"text": [...], "source_lang": "ID",
 * "target_lang": "EN-US", "tag_handling": "html"} with
 * "Authorization: DeepL-Auth-Key KEY" -> {"translations": [{"text"}]}.
 * At most 50 texts and 128 KiB per request.  The article's glossary terms
 * become a DeepL glossary (created once per set of entries, its id kept in
 * the translation memory) sent as glossary_id; they are also protected as
 * markup, so a refused glossary costs nothing. */
#include <string.h>

#include "backend.h"

#define DEEPL_AUTH "Authorization: DeepL-Auth-Key "

static juru_status request(const juru_backend_options *o, const char *base,
                           const char *const *texts, size_t n,
                           const char *instructions, const char *glossary_id,
                           juru__http_request *req) {
  (void)instructions;
  json_t *b = json_pack("{s:o, s:s, s:s, s:s}", "text", juru__json_texts(texts, n),
                        "source_lang", "ID", "target_lang", "EN-US",
                        "tag_handling", "html");
  if (!b) return JURU_ENOMEM;
  if (glossary_id) json_object_set_new(b, "glossary_id", json_string(glossary_id));
  return juru__request_json(req, base, "/v2/translate", b, DEEPL_AUTH, o->key);
}

static juru_status parse(const char *body, size_t len, size_t n, char **out,
                         char *why, size_t why_size) {
  return juru__parse_list(body, len, NULL, "translations", "text", n, out, why, why_size);
}

/* POST /v2/glossaries {"name", "source_lang", "target_lang", "entries",
 * "entries_format": "tsv"} -> {"glossary_id": ...} */
static juru_status glossary_request(const juru_backend_options *o,
                                    const char *base, const char *name,
                                    const char *tsv, juru__http_request *req) {
  json_t *b = json_pack("{s:s, s:s, s:s, s:s, s:s}", "name", name, "source_lang",
                        "id", "target_lang", "en", "entries", tsv,
                        "entries_format", "tsv");
  if (!b) return JURU_ENOMEM;
  return juru__request_json(req, base, "/v2/glossaries", b, DEEPL_AUTH, o->key);
}

static char *read_glossary_id(const char *body, size_t len) {
  char why[64];
  json_t *j = juru__json_parse(body, len, why, sizeof why);
  const char *id = json_string_value(json_object_get(j, "glossary_id"));
  char *out = id && *id ? juru__strndup(id, strlen(id)) : NULL;
  json_decref(j);
  return out;
}

const juru__backend juru__deepl = {
    "deepl", "https://api-free.deepl.com", 1, 0, 1, 50, 120 << 10,
    request, parse, glossary_request, read_glossary_id};
