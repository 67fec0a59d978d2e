/* Fuzz target: the segmenter (and the tokenizer over what it emits).
 * The first byte picks options and a chunk size; the rest is fed in chunks
 * of that size and again in one piece, and both runs must agree.  Every
 * sentence must lie inside the input, in order, and be valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juru.h"

static juru_abbrevs *abbrevs;

typedef struct record {
  uint64_t hash;
  size_t count;
  size_t last_end;
  size_t input_len;
} record;

static int on_sentence(const juru_sentence *s, void *ud) {
  record *r = ud;
  if (s->start < r->last_end || s->end < s->start || s->end > r->input_len)
    abort();
  if (juru_utf8_check(s->text, s->len, NULL) != JURU_OK) abort();
  size_t pos = 0, last = 0;
  juru_token t;
  while (juru_token_next(abbrevs, s->text, s->len, &pos, &t)) {
    if (t.start < last || t.end <= t.start || t.end > s->len) abort();
    last = t.end;
  }
  r->last_end = s->end;
  r->count++;
  r->hash = r->hash * 1099511628211ull ^ (s->start * 31 + s->end);
  for (size_t i = 0; i < s->len; i++)
    r->hash = (r->hash ^ (unsigned char)s->text[i]) * 1099511628211ull;
  return 0;
}

static juru_status run(const uint8_t *data, size_t len, unsigned flags,
                       size_t max, size_t chunk, record *r) {
  memset(r, 0, sizeof *r);
  r->input_len = len;
  juru_segment_options opt = {flags, max};
  juru_segmenter *s = juru_segmenter_new(abbrevs, &opt);
  if (!s) abort();
  juru_status st = JURU_OK;
  for (size_t i = 0; st == JURU_OK && i < len; i += chunk) {
    size_t n = len - i < chunk ? len - i : chunk;
    st = juru_segmenter_feed(s, (const char *)data + i, n, on_sentence, r,
                             NULL);
  }
  if (st == JURU_OK) st = juru_segmenter_finish(s, on_sentence, r, NULL);
  juru_segmenter_free(s);
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!abbrevs) {
    const char *dir = getenv("JURU_DATA_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/id/abbreviations.txt",
             dir ? dir : JURU_DATA_DIR);
    if (juru_abbrevs_load(path, &abbrevs, NULL) != JURU_OK) abort();
  }
  if (size == 0) return 0;
  unsigned flags = data[0] & 3;
  size_t max = (data[0] & 4) ? 16 + (data[0] >> 3) : 0;
  size_t chunk = 1 + (data[0] >> 4);
  record a, b;
  juru_status sa = run(data + 1, size - 1, flags, max, size, &a);
  juru_status sb = run(data + 1, size - 1, flags, max, chunk, &b);
  if (sa != sb || a.hash != b.hash || a.count != b.count) abort();
  return 0;
}
