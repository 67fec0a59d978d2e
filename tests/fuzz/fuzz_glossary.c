/* Fuzz target: every glossary importer (the first byte picks TSV, CSV,
 * JSON, TBX or Markdown), then every writer, and each written form read back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juru.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  static const juru_glossary_format in[] = {JURU_GLOSSARY_TSV, JURU_GLOSSARY_CSV,
                                            JURU_GLOSSARY_JSON, JURU_GLOSSARY_TBX,
                                            JURU_GLOSSARY_MARKDOWN};
  juru_glossary *g = juru_glossary_new();
  if (!g) abort();
  juru_error err;
  juru_status st = juru_glossary_parse(g, (const char *)data + 1, size - 1,
                                       in[data[0] % 5], "fuzz", &err);
  if (st == JURU_OK) {
    static const juru_glossary_format out[] = {
        JURU_GLOSSARY_TSV, JURU_GLOSSARY_CSV, JURU_GLOSSARY_JSON,
        JURU_GLOSSARY_TBX, JURU_GLOSSARY_MARKDOWN, JURU_GLOSSARY_DEEPL};
    for (size_t k = 0; k < sizeof out / sizeof out[0]; k++) {
      char *text = NULL;
      size_t len = 0;
      if (juru_glossary_write(g, out[k], 1, &text, &len, NULL) != JURU_OK)
        abort();
      if (out[k] != JURU_GLOSSARY_DEEPL && out[k] != JURU_GLOSSARY_TSV) {
        juru_glossary *back = juru_glossary_new();
        if (juru_glossary_parse(back, text, len, out[k], "back", NULL) !=
                JURU_OK ||
            juru_glossary_count(back) != juru_glossary_count(g))
          abort();
        juru_glossary_free(back);
      }
      juru_free(text);
    }
    juru_matcher *mt = NULL;
    if (juru_matcher_new(g, NULL, &mt) == JURU_OK) {
      juru_match m[8];
      if (juru_utf8_check((const char *)data + 1, size - 1, NULL) == JURU_OK)
        juru_matcher_find(mt, (const char *)data + 1, size - 1, m, 8);
      juru_matcher_free(mt);
    }
  }
  juru_glossary_free(g);
  return 0;
}
