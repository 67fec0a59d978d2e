/* Fuzz target: the lexicon's TSV parser, its indexes, the compiled form
 * written and read back, and queries on both.  Whatever the bytes, the
 * loader returns OK or an error with a place, never crashes. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juru.h"

static void query_all(const juru_lexicon *lx, const uint8_t *data,
                      size_t size) {
  juru_lex_entry e[4];
  /* each line's first field, and a few slices, as queries */
  for (size_t i = 0; i < size; i += 7) {
    size_t n = size - i < 24 ? size - i : 24;
    if (juru_utf8_check((const char *)data + i, n, NULL) != JURU_OK) continue;
    size_t k = juru_lexicon_find(lx, (const char *)data + i, n, e, 4);
    for (size_t j = 0; j < k && j < 4; j++)
      if (!e[j].headword || !e[j].english) abort();
    juru_lexicon_reverse(lx, (const char *)data + i, n, e, 4);
    k = juru_lexicon_containing(lx, (const char *)data + i, n, e, 4);
    for (size_t j = 0; j < k && j < 4; j++)
      if (!e[j].headword || !e[j].english) abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  juru_lexicon *lx = NULL;
  juru_error err;
  juru_status st = juru_lexicon_parse((const char *)data, size, "fuzz.tsv",
                                      &lx, &err);
  if (st != JURU_OK) {
    if (lx || err.status != st) abort();
    return 0;
  }
  query_all(lx, data, size);
  char path[64];
  snprintf(path, sizeof path, "/tmp/juru-fuzz-lexicon-%d.jdat", (int)getpid());
  if (juru_lexicon_save(lx, path, "fuzz", NULL) == JURU_OK) {
    juru_lexicon *back = NULL;
    if (juru_lexicon_open(path, &back, NULL) != JURU_OK) abort();
    if (juru_lexicon_count(back) != juru_lexicon_count(lx)) abort();
    query_all(back, data, size);
    juru_lexicon_free(back);
    unlink(path);
  }
  juru_lexicon_free(lx);
  return 0;
}
