/* Fuzz target: the offline translator on arbitrary text (each line a
 * sentence), with a glossary of terms taken from the input's first line,
 * and every output format written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juru.h"

static juru_morph *morph;
static juru_lexicon *lexicon;
static juru_translator *tr;

static void load(void) {
  const char *dir = getenv("JURU_DATA_DIR");
  if (!dir) dir = JURU_DATA_DIR;
  if (juru_morph_load_dir(dir, &morph, NULL) != JURU_OK) abort();
  const char *rel[] = {"news-politics-security", "news-economy-science",
                       "news-general", "news-places", "freedict"};
  char paths[5][4096], rules[4096], english[4096];
  const char *p[5];
  for (int i = 0; i < 5; i++) {
    snprintf(paths[i], sizeof paths[i], "%s/id/lexicon/%s.tsv", dir, rel[i]);
    p[i] = paths[i];
  }
  if (juru_lexicon_load(p, 5, &lexicon, NULL) != JURU_OK) abort();
  snprintf(rules, sizeof rules, "%s/id/transfer.txt", dir);
  snprintf(english, sizeof english, "%s/en", dir);
  juru_translator_files files = {rules, english};
  if (juru_translator_new(lexicon, morph, NULL, &files, &tr, NULL) != JURU_OK)
    abort();
}

static int discard(const char *data, size_t len, void *ud) {
  (void)data;
  *(size_t *)ud += len;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!tr) load();
  const char *text = (const char *)data;
  if (juru_utf8_check(text, size, NULL) != JURU_OK) return 0;
  /* the first line's first two words as a term */
  juru_glossary *g = juru_glossary_new();
  const char *sp = memchr(text, ' ', size);
  if (sp) {
    const char *end = memchr(sp + 1, ' ', size - (size_t)(sp + 1 - text));
    const char *nl = memchr(text, '\n', size);
    if (end && (!nl || end < nl)) {
      size_t n = (size_t)(end - text);
      char *src = malloc(n + 1);
      if (!src) abort();
      memcpy(src, text, n);
      src[n] = '\0';
      juru_term t = {src, "TERM", NULL, NULL, NULL, JURU_TERM_TERM,
                     JURU_ORIGIN_USER, 0, 0};
      juru_glossary_add(g, &t);
      free(src);
    }
  }
  if (juru_translator_set_glossary(tr, g) != JURU_OK) abort();
  size_t written = 0;
  for (int f = JURU_FORMAT_TEXT; f <= JURU_FORMAT_EXPLAIN; f++) {
    juru_writer *w;
    if (juru_writer_new((juru_format)f, "fuzz", g, discard, &written, &w) != JURU_OK)
      abort();
    for (size_t i = 0, line = 1; i < size; line++) {
      const char *nl = memchr(text + i, '\n', size - i);
      size_t n = nl ? (size_t)(nl - (text + i)) : size - i;
      const juru_translation *t;
      if (juru_translate_sentence(tr, text + i, n, &t) != JURU_OK) abort();
      if (juru_utf8_check(t->english, t->english_len, NULL) != JURU_OK) abort();
      if (strlen(t->english) != t->english_len) abort();
      if (juru_writer_sentence(w, line, 0, text + i, n, t) != JURU_OK) abort();
      if (juru_writer_line_end(w) != JURU_OK) abort();
      i += n + 1;
    }
    if (juru_writer_finish(w) != JURU_OK) abort();
    juru_writer_free(w);
  }
  juru_translator_set_glossary(tr, NULL);
  juru_glossary_free(g);
  return 0;
}
