/* An English n-gram language model with interpolated modified Kneser-Ney
 * smoothing: a builder that counts sentences and writes one self-contained
 * blob, and a reader that queries the blob in place (e.g. from an mmap'd
 * model file) without copying it. */
#ifndef JURU_LM_H
#define JURU_LM_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

/* Words are uint32 ids from a vocabulary the caller owns.  Reserved ids: */
#define JURU__LM_UNK 0u /* unknown word */
#define JURU__LM_BOS 1u /* <s>  (only ever in a context, never predicted) */
#define JURU__LM_EOS 2u /* </s> */
#define JURU__LM_MAX_ORDER 5

typedef struct juru__lm_builder juru__lm_builder;

/* order 2..5; vocab_size = number of ids incl. the 3 reserved ones (ids >=
 * vocab_size are an error; UINT32_MAX is not a valid vocab_size). */
juru_status juru__lm_builder_new(unsigned order, uint32_t vocab_size,
                                 juru__lm_builder **out);
void juru__lm_builder_free(juru__lm_builder *b);
/* One sentence of word ids WITHOUT <s>/</s>; the builder pads it itself.
 * JURU_EINVAL for an id >= vocab_size or a reserved <s>/</s> id (<unk> is
 * fine: it then is an ordinary word).  After a failure (JURU_ENOMEM) the
 * builder may hold part of the sentence. */
juru_status juru__lm_add_sentence(juru__lm_builder *b, const uint32_t *ids,
                                  size_t n);
/* Estimate and append the blob to `out`; the builder is left as it was.
 * The blob is little-endian, position-independent and every table in it is
 * 8-byte aligned relative to its start, so a caller that places it at an
 * 8-aligned offset can open it in place.  On failure `out` keeps its
 * length.  Big-endian hosts get JURU_EINVAL. */
juru_status juru__lm_build(juru__lm_builder *b, juru__buf *out);

/* One hash table of n-grams of a single order inside the blob. */
typedef struct juru__lm_table {
  const uint32_t *slots; /* nslots records of `words` u32 */
  uint32_t nslots, count, max_probe, words;
} juru__lm_table;

/* A model read in place: pointers into the blob, which must outlive it. */
typedef struct juru__lm {
  const uint32_t *uni; /* per id: log10 prob, log10 backoff (float bits) */
  juru__lm_table tab[JURU__LM_MAX_ORDER + 1]; /* tab[k]: k-grams, k >= 2 */
  uint32_t vocab_size;
  unsigned order;
} juru__lm;

/* Check `blob`'s structure (model files are untrusted) and set up `lm`:
 * the header, every table's place and size, and the unigrams; JURU_ESYNTAX
 * with a message in `err` for anything malformed, JURU_EINVAL for a blob
 * not 8-byte aligned in memory or a big-endian host.  This touches only a
 * few pages, so a large model opens in microseconds: queries index only by
 * hashes reduced to a table's size and probe at most its max_probe slots,
 * so no content of the n-gram tables can make them read outside the blob.
 * Damaged n-gram tables give wrong numbers, never a crash;
 * juru__lm_check walks them all to find such damage. */
juru_status juru__lm_open(juru__lm *lm, const void *blob, size_t n,
                          juru_error *err);
/* Every n-gram well formed, in its place, with finite log values. */
juru_status juru__lm_check(const juru__lm *lm, juru_error *err);
unsigned juru__lm_order(const juru__lm *lm);
/* log10 P(w | ctx): ctx[0..nctx) are the preceding words, oldest first
 * (only the last order-1 are used; may start with JURU__LM_BOS).  Ids
 * never seen in training, or >= vocab_size, are <unk>: the probabilities
 * over the training words, </s> and <unk> sum to one. */
float juru__lm_logprob(const juru__lm *lm, const uint32_t *ctx, size_t nctx,
                       uint32_t w);
/* Sum of log10 P over <s> ids[0..n) </s>. */
double juru__lm_sentence_logprob(const juru__lm *lm, const uint32_t *ids,
                                 size_t n);

#endif
