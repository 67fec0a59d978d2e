/* juru/model.h: what the translator learns from parallel text.
 *
 * A trainer reads Indonesian-English sentence pairs, aligns their words by
 * EM (IBM model 1 with a diagonal prior, both directions, on lemmatised
 * Indonesian so that affixed forms share statistics), symmetrises the two
 * alignments (grow-diag-final-and), extracts the phrase pairs consistent
 * with them (translation probabilities both ways and lexical weights,
 * pruned to the best few per source phrase), and estimates an English
 * n-gram language model (interpolated modified Kneser-Ney) from the English
 * side plus any English-only text.  It writes one binary file.
 *
 * A model is that file memory-mapped: opening validates it (a model file is
 * untrusted input) and copies nothing.  The translator uses it to choose,
 * sentence by sentence, between its rule-based English and the phrase
 * table's alternatives, scored by the language model; see
 * juru_translator_set_model in juru/translate.h. */
#ifndef JURU_MODEL_H
#define JURU_MODEL_H

#include <stdint.h>

#include "core.h"
#include "abbrev.h"
#include "morph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The decoder's feature weights, in the order the model file keeps them. */
enum {
  JURU_W_LM = 0,      /* log10 language-model probability */
  JURU_W_PHRASE_EF,   /* log10 p(english | indonesian) of a phrase */
  JURU_W_PHRASE_FE,   /* log10 p(indonesian | english) */
  JURU_W_LEX_EF,      /* log10 lexical weight, english given indonesian */
  JURU_W_LEX_FE,
  JURU_W_WORD,        /* per English word (length) */
  JURU_W_PHRASE,      /* per phrase the table gives */
  JURU_W_RULE,        /* per unit the rule-based English covers */
  JURU_W_NO_ARTICLE,  /* per "the" of the rules left out */
  JURU_W_ADD_ARTICLE, /* per "the" added before a noun the rules left bare */
  JURU_N_WEIGHTS
};

/* ---- parallel text ------------------------------------------------------ */

/* Called with each sentence pair (valid UTF-8, not NUL-terminated); a
 * status other than JURU_OK stops the reading. */
typedef juru_status (*juru_pair_fn)(void *ud, const char *id, size_t id_len,
                                    const char *en, size_t en_len);

/* Read sentence pairs from `path`: a TMX file (units with an id/in and an
 * en segment), or TSV (Indonesian TAB English per line); or, when en_path
 * is not NULL, from two files with one sentence per line, line for line.
 * Blank lines are skipped.  A malformed file (a line without its tab or
 * with a third column, an empty side, files of different lengths, invalid
 * UTF-8, broken XML, no pairs at all) is JURU_ESYNTAX/JURU_EUTF8 with the
 * file, line and column in err.  *count receives the pairs passed to fn. */
juru_status juru_corpus_read(const char *path, const char *en_path,
                             juru_pair_fn fn, void *ud, size_t *count,
                             juru_error *err);
/* A lexicon TSV (Indonesian TAB English [TAB more columns]; '#' starts a
 * comment line): fn gets the Indonesian and everything after it. */
juru_status juru_corpus_read_tsv(const char *path, juru_pair_fn fn, void *ud,
                                 size_t *count, juru_error *err);
/* A TMX file only (no pairs is not an error here). */
juru_status juru_corpus_read_tmx(const char *path, juru_pair_fn fn, void *ud,
                                 size_t *count, juru_error *err);

/* ---- training ----------------------------------------------------------- */

typedef struct juru_train_options {
  unsigned lm_order;       /* 2..5 (default 4) */
  unsigned max_phrase;     /* source and English words per phrase, 1..7
                              (default 4) */
  unsigned iterations;     /* EM iterations per direction (default 5) */
  unsigned max_candidates; /* English phrases kept per source phrase
                              (default 8) */
  unsigned max_sentence;   /* longer pairs only feed the language model
                              (default 80 tokens) */
  float weights[JURU_N_WEIGHTS]; /* all zero: the defaults */
} juru_train_options;

void juru_train_options_default(juru_train_options *opts);

typedef struct juru_trainer juru_trainer;

/* morph (lemmas for the alignment) and abbrevs (tokenisation; may be
 * NULL) are borrowed and must outlive the trainer.  Caller owns *out. */
juru_status juru_trainer_new(juru_morph *morph, const juru_abbrevs *abbrevs,
                             const juru_train_options *opts,
                             juru_trainer **out);
void juru_trainer_free(juru_trainer *t);

/* One sentence pair (valid UTF-8).  Empty sides are ignored. */
juru_status juru_trainer_add_pair(juru_trainer *t, const char *id, size_t id_len,
                                  const char *en, size_t en_len);
/* English text for the language model only. */
juru_status juru_trainer_add_english(juru_trainer *t, const char *en,
                                     size_t len);

typedef struct juru_train_stats {
  size_t pairs, aligned_pairs, english_sentences;
  size_t phrase_pairs;   /* kept in the table */
  size_t source_phrases;
  size_t lm_bytes;       /* size of the language model in the file */
} juru_train_stats;

/* Align, extract, estimate, and write the model to `path` atomically
 * (temp file + rename).  stats may be NULL. */
juru_status juru_trainer_write(juru_trainer *t, const char *path,
                               juru_train_stats *stats, juru_error *err);

typedef struct juru_model juru_model;

/* Map and validate a model file.  Caller owns *out. */
juru_status juru_model_open(const char *path, juru_model **out,
                            juru_error *err);
void juru_model_free(juru_model *m);

/* The decoder's weights (JURU_N_WEIGHTS floats): those the model was
 * written with, until set. */
const float *juru_model_weights(const juru_model *m);
void juru_model_set_weights(juru_model *m, const float *w);

#ifdef __cplusplus
}
#endif
#endif
