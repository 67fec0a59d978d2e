/* Fuzz target: morphological analysis, the rules-only reading, clitic
 * splitting, respelling and generation of arbitrary words, with the shipped
 * rules and dictionary. */
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
  juru_analysis r;
  if (juru_morph_analyze_rules(morph, (const char *)data, size, &r) != JURU_OK ||
      juru_utf8_check(r.lemma, strlen(r.lemma), NULL) != JURU_OK)
    abort();
  if (juru_morph_root(morph, (const char *)data, size, &r) != JURU_OK ||
      juru_utf8_check(r.lemma, strlen(r.lemma), NULL) != JURU_OK ||
      r.n_prefix > JURU_MAX_PREFIXES)
    abort();
  juru_status st = juru_morph_split_clitic(morph, (const char *)data, size, &r);
  if ((st != JURU_OK && st != JURU_ENOTFOUND) ||
      (st == JURU_OK && juru_utf8_check(r.base, strlen(r.base), NULL) != JURU_OK))
    abort();
  char re[12];
  size_t n = juru_morph_respell_ending(morph, a.word, strlen(a.word), re,
                                       sizeof re);
  if (n >= sizeof re || (n && strlen(re) != n)) abort();
  const char *std = juru_morph_standard_spelling(morph, a.word, strlen(a.word));
  if (std && juru_utf8_check(std, strlen(std), NULL) != JURU_OK) abort();
  const char *label = NULL;
  size_t k = juru_morph_bound_form(morph, (const char *)data, size, &label);
  if (k > size || (k && (!label || !juru_morph_meaning(morph, label)))) abort();
  return 0;
}
