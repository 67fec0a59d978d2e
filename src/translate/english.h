/* English inflection: the forms a verb, noun or adjective takes, from the
 * WordNet exception lists (dictionaries/en/verb.exc, noun.exc) for the
 * irregular ones and the spelling rules for the rest.  The list of verb
 * lemmas (en/verbs.txt) tells whether a gloss starts with a verb at all, so
 * "said" or "there is" are never inflected again. */
#ifndef JURU_TRANSLATE_ENGLISH_H
#define JURU_TRANSLATE_ENGLISH_H

#include "../util/util.h"

typedef struct juru__english juru__english;

typedef enum juru__en_form {
  JURU__EN_BASE = 0,
  JURU__EN_PAST,
  JURU__EN_PP,      /* past participle */
  JURU__EN_ING,
  JURU__EN_3SG,     /* says */
  JURU__EN_PLURAL,
  JURU__EN_COMPARATIVE /* closer, better: see juru__english_comparable */
} juru__en_form;

/* Load DIR/verb.exc, DIR/noun.exc, DIR/adj.exc and DIR/verbs.txt. */
juru_status juru__english_load(const char *dir, juru__english **out,
                               juru_error *err);
void juru__english_free(juru__english *en);

/* Is the first word of `phrase` a verb lemma? */
int juru__english_is_verb(const juru__english *en, const char *phrase,
                          size_t len);

/* Append `phrase` with the word that carries inflection changed: the first
 * for verbs ("carry out" -> "carried out"), the last for nouns
 * ("police officer" -> "police officers") unless an "of" phrase follows
 * the head ("head of state" -> "heads of state"). */
juru_status juru__english_inflect(const juru__english *en, const char *phrase,
                                  size_t len, juru__en_form form,
                                  juru__buf *out);

/* Does the adjective `word` have a comparative of its own (close ->
 * closer, good -> better, easy -> easier), rather than "more important"?
 * One syllable, or listed in adj.exc. */
int juru__english_comparable(const juru__english *en, const char *word,
                             size_t len);

/* The plural of a singular "be" or "have" (was -> were, is -> are,
 * has -> have), or NULL for any other word. */
const char *juru__english_plural_verb(const char *word, size_t len);

/* "a" or "an" before `word`. */
const char *juru__english_article(const char *word, size_t len);

#endif
