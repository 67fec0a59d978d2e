/* Fuzz target: damaged model files and parallel corpora.  The first byte
 * chooses: a model file (must be refused, or answer lookups and language
 * model queries without reading out of bounds), or a corpus read as TSV,
 * TMX, a lexicon TSV, or two files split at the first NUL. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juru.h"
#include "model/model.h"

static void write_file(const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fwrite(data, 1, size, f);
  fclose(f);
}

static juru_status count(void *ud, const char *id, size_t id_len,
                         const char *en, size_t en_len) {
  (void)id, (void)en;
  *(size_t *)ud += id_len + en_len;
  return JURU_OK;
}

static void use_model(const char *path) {
  juru_model *m = NULL;
  if (juru_model_open(path, &m, NULL) != JURU_OK) return;
  const char *q[] = {"rumah", "kantor polisi", "a", "the"};
  for (size_t i = 0; i < 4; i++) {
    const juru__model_entry *e = juru__model_find(m, q[i], strlen(q[i]));
    for (uint32_t c = 0; e && c < e->n_cand; c++) {
      const juru__model_cand *k = &m->cands[e->first_cand + c];
      for (uint32_t w = 0; w < k->tgt_len; w++) {
        size_t n;
        juru__model_en_word(m, m->tgt[k->tgt_off + w], &n);
      }
    }
    uint32_t id = juru__model_en_id(m, q[i], strlen(q[i]));
    uint32_t s[3] = {id, 3, id};
    (void)juru__lm_sentence_logprob(&m->lm, s, 3);
  }
  juru_model_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  char a[64], b[64];
  snprintf(a, sizeof a, "/tmp/juru-fuzz-model-%d.a", (int)getpid());
  snprintf(b, sizeof b, "/tmp/juru-fuzz-model-%d.b", (int)getpid());
  uint8_t mode = data[0] % 4;
  data++, size--;
  size_t n = 0, got = 0;
  if (mode == 0) {
    write_file(a, data, size);
    use_model(a);
  } else if (mode == 1) {
    write_file(a, data, size);
    juru_corpus_read(a, NULL, count, &n, &got, NULL);
    juru_corpus_read_tsv(a, count, &n, &got, NULL);
  } else if (mode == 2) {
    write_file(a, data, size);
    juru_corpus_read_tmx(a, count, &n, &got, NULL);
  } else {
    const uint8_t *nul = memchr(data, 0, size);
    size_t k = nul ? (size_t)(nul - data) : size / 2;
    write_file(a, data, k);
    write_file(b, data + k + (nul != NULL), size - k - (nul != NULL));
    juru_corpus_read(a, b, count, &n, &got, NULL);
    unlink(b);
  }
  unlink(a);
  return 0;
}
