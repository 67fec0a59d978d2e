/* The model file is a juru data file (util/datafile.h) used in place
 * through mmap.  Its sections:
 *
 *   model.info     u32 version, u32 number of weights, float weights[]
 *   en.slots/keys  English word -> id (a strmap); ids 0..2 are <unk>, <s>,
 *                  </s>
 *   en.pool        the English words' bytes, in id order
 *   en.index       u32 start of each word in en.pool, count + 1 of them
 *   src.slots/keys Indonesian phrase (lower-cased words joined by spaces)
 *                  -> entry index (a strmap)
 *   entries        {u32 first_cand, n_cand} per phrase
 *   cands          {u32 tgt_off, tgt_len; float log10 features[4]}
 *   tgt            u32 English word ids of the candidates
 *   lm             the language model blob (lm.h) */
#ifndef JURU_MODEL_INTERNAL_H
#define JURU_MODEL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "juru/model.h"
#include "../util/datafile.h"
#include "lm.h"

#define JURU__MODEL_VERSION 2u

typedef struct juru__model_info {
  uint32_t version, n_weights;
  float weights[JURU_N_WEIGHTS];
} juru__model_info;

typedef struct juru__model_entry {
  uint32_t first_cand, n_cand;
} juru__model_entry;

/* The four phrase features, log10: p(e|f), p(f|e), lex(e|f), lex(f|e). */
typedef struct juru__model_cand {
  uint32_t tgt_off, tgt_len;
  float f[4];
} juru__model_cand;

struct juru_model {
  juru__datafile df;
  float weights[JURU_N_WEIGHTS];
  juru__strmap en, src;
  const char *en_pool;
  const uint32_t *en_index, *tgt;
  size_t n_en, n_entries, n_cands, n_tgt;
  const juru__model_entry *entries;
  const juru__model_cand *cands;
  juru__lm lm;
  uint32_t the, a, an, to, of; /* articles and the like, which are the
                                  rules' business */
};

/* The id of an English word, or JURU__LM_UNK. */
uint32_t juru__model_en_id(const juru_model *m, const char *w, size_t n);
/* An English word's bytes. */
const char *juru__model_en_word(const juru_model *m, uint32_t id, size_t *n);
/* The table entry for an Indonesian phrase, or NULL. */
const juru__model_entry *juru__model_find(const juru_model *m, const char *s,
                                          size_t n);

/* Tokenisation shared by training and decoding, so that both see the same
 * words: lower-cased, English punctuation split off. */
typedef struct juru__span { size_t start, end; } juru__span;
/* The next English token of s[*pos..n): 1 and its span, or 0 at the end.
 * Words keep internal apostrophes, hyphens and dots (don't, u.s.). */
int juru__en_token_next(const char *s, size_t n, size_t *pos, juru__span *tok);
/* ASCII lower-case copy of s into out (size >= n). */
void juru__lower(const char *s, size_t n, char *out);
/* Whether a lower-cased token is a word the phrase table may hold: it has
 * a letter and no digit. */
int juru__phrase_word(const char *s, size_t n);

#endif
