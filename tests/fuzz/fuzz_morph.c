/* Fuzz target: morphological analysis and generation of arbitrary words,
 * with the shipped rules and dictionary. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juru.h"

static juru_morph *morph;

static void load(void) {
  const char *dir = getenv("JURU_DATA_DIR");
  if (juru_morph_load_dir(dir ? dir : JURU_DATA_DIR, &morph, NULL) != JURU_OK)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!morph) load();
  if (juru_utf8_check((const char *)data, size, NULL) != JURU_OK) return 0;
  juru_analysis a;
  if (juru_morph_analyze(morph, (const char *)data, size, &a) != JURU_OK)
    abort();
  if (strlen(a.lemma) >= JURU_MAX_WORD || strlen(a.base) >= JURU_MAX_WORD)
    abort();
  if (juru_utf8_check(a.lemma, strlen(a.lemma), NULL) != JURU_OK) abort();
  char out[64];
  juru_morph_generate(morph, a.lemma, "meN-", "-kan", out, sizeof out);
  juru_morph_generate(morph, a.lemma, "peN-", "-an", out, sizeof out);
  return 0;
}
