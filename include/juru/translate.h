/* juru/translate.h: the offline Indonesian -> English translator.
 *
 * A sentence is tokenized; glossary terms are matched first and fixed
 * (never re-translated); the rest is analysed by the morphology and looked
 * up in the lexicon (multi-word entries first, longest first); transfer
 * rules (dictionaries/id/transfer.txt) then put noun phrases in English
 * order, build verb groups (akan datang -> will come, telah diluncurkan ->
 * has been launched, dibentuk -> was formed), mark plurals (para pejabat,
 * 11 petugas, kamp-kamp) and place determiners (kantor itu -> the office,
 * rumahnya -> its house); generation inflects the English (WordNet's
 * exception lists for irregular verbs and plurals), writes numbers and
 * dates the English way (1.000 -> 1,000; 1,5 -> 1.5; (19/1) -> (January
 * 19); pukul 10.30 -> 10:30), spaces punctuation and capitalises.
 *
 * A translator is not safe to share between threads (its morphology caches
 * analyses); make one per thread. */
#ifndef JURU_TRANSLATE_H
#define JURU_TRANSLATE_H

#include "core.h"
#include "abbrev.h"
#include "glossary.h"
#include "lexicon.h"
#include "model.h"
#include "morph.h"

#ifdef __cplusplus
extern "C" {
#endif

#define JURU_NO_TERM ((size_t)-1)

typedef struct juru_translator juru_translator;

typedef struct juru_translator_files {
  const char *rules;    /* dictionaries/id/transfer.txt */
  const char *english;  /* dictionaries/en: verb.exc, noun.exc, verbs.txt */
} juru_translator_files;

/* lx, morph and abbrevs (may be NULL) are borrowed and must outlive the
 * translator.  The caller owns *out. */
juru_status juru_translator_new(const juru_lexicon *lx, juru_morph *morph,
                                const juru_abbrevs *abbrevs,
                                const juru_translator_files *files,
                                juru_translator **out, juru_error *err);
void juru_translator_free(juru_translator *tr);

/* Terms to fix in every sentence from now on (user glossaries first, then
 * an article's extracted terms: see juru_glossary_add for priority).  g is
 * borrowed and must outlive the translator or the next call; NULL clears. */
juru_status juru_translator_set_glossary(juru_translator *tr,
                                         const juru_glossary *g);

/* Decode with a trained model from now on (juru/model.h): the phrase
 * table offers alternatives to the rules' English and the language model
 * chooses.  m is borrowed and must outlive the translator or the next
 * call; NULL goes back to the rules alone. */
void juru_translator_set_model(juru_translator *tr, const juru_model *m);

typedef enum juru_unit_kind {
  JURU_UNIT_TERM = 0,  /* a glossary term: English exactly as given */
  JURU_UNIT_LEXICON,   /* a lexicon entry, through morphology */
  JURU_UNIT_RULE,      /* a function word the transfer rules translate */
  JURU_UNIT_NUMBER,    /* a number, date or time */
  JURU_UNIT_NAME,      /* a capitalised word with no entry: kept */
  JURU_UNIT_UNKNOWN,   /* a word with no entry: kept as written */
  JURU_UNIT_PUNCT      /* punctuation and symbols */
} juru_unit_kind;

/* One piece of the source and what it became. */
typedef struct juru_unit {
  size_t start, end;      /* bytes of the source sentence */
  juru_unit_kind kind;
  const char *english;    /* its English in the sentence (may be empty) */
  size_t english_len;
  size_t term;            /* glossary index, or JURU_NO_TERM */
  const char *analysis;   /* "meN- + seru + -kan -> call for" or "" */
} juru_unit;

typedef struct juru_translation {
  const char *english;    /* NUL-terminated */
  size_t english_len;
  const juru_unit *units; /* in source order */
  size_t n_units;
  size_t n_terms;         /* units that are glossary terms */
  size_t n_unknown;       /* units of kind UNKNOWN */
} juru_translation;

/* Translate one sentence (valid UTF-8, any length; time is linear in it).
 * *out points into the translator and is valid until the next call. */
juru_status juru_translate_sentence(juru_translator *tr, const char *text,
                                    size_t len, const juru_translation **out);

const char *juru_unit_kind_name(juru_unit_kind kind);

#ifdef __cplusplus
}
#endif
#endif
