/* Fuzz target: glossary extraction on arbitrary text (split into lines as
 * sentences), with the shipped dictionaries, and the result written out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juru.h"

static juru_morph *morph;
static juru_lexicon *lexicon;
static char rules[4096];

static void load(void) {
  const char *dir = getenv("JURU_DATA_DIR");
  if (!dir) dir = JURU_DATA_DIR;
  if (juru_morph_load_dir(dir, &morph, NULL) != JURU_OK) abort();
  const char *rel[] = {"news-politics-security", "news-economy-science",
                       "news-general", "news-places"};
  char paths[4][4096];
  const char *p[4];
  for (int i = 0; i < 4; i++) {
    snprintf(paths[i], sizeof paths[i], "%s/id/lexicon/%s.tsv", dir, rel[i]);
    p[i] = paths[i];
  }
  if (juru_lexicon_load(p, 4, &lexicon, NULL) != JURU_OK) abort();
  snprintf(rules, sizeof rules, "%s/id/glossary.txt", dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!morph) load();
  const char *text = (const char *)data;
  if (juru_utf8_check(text, size, NULL) != JURU_OK) return 0;
  juru_extract_options opt = {1, 0, 0, rules};
  juru_extractor *ex = NULL;
  if (juru_extractor_new(lexicon, morph, NULL, &opt, &ex) != JURU_OK) abort();
  for (size_t i = 0; i < size;) {
    const char *nl = memchr(text + i, '\n', size - i);
    size_t n = nl ? (size_t)(nl - (text + i)) : size - i;
    if (juru_extractor_add(ex, text + i, n) != JURU_OK) abort();
    i += n + 1;
  }
  juru_glossary *g = NULL;
  if (juru_extractor_finish(ex, &g) != JURU_OK) abort();
  for (size_t i = 0; i < juru_glossary_count(g); i++) {
    const juru_term *t = juru_glossary_get(g, i);
    if (juru_utf8_check(t->target, strlen(t->target), NULL) != JURU_OK) abort();
  }
  char *out = NULL;
  if (juru_glossary_write(g, JURU_GLOSSARY_TBX, 1, &out, NULL, NULL) != JURU_OK)
    abort();
  juru_free(out);
  juru_glossary_free(g);
  juru_extractor_free(ex);
  return 0;
}
