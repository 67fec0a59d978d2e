/* juru/lookup.h: what an Indonesian word or term means, for any form.
 *
 * The query is tried as written, then through its analysis: without its
 * clitics (timpalannya -> timpalan), a passive as its active form
 * (diluncurkan -> meluncurkan), a reduplicated word as its base
 * (kamp-kamp -> kamp), a non-standard affix as the standard one
 * (menetralisir -> menetralkan), and at last its root (kekhawatiran ->
 * khawatir).  The first form with a lexicon entry wins; the root's own
 * entries are reported beside it.  A word found no other way may be a bound
 * form and a word that is found (antikorupsi, pasca-perang). */
#ifndef JURU_LOOKUP_H
#define JURU_LOOKUP_H

#include "core.h"
#include "lexicon.h"
#include "morph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum juru_lookup_how {
  JURU_LOOKUP_NONE = 0,
  JURU_LOOKUP_EXACT,     /* the query itself is a headword */
  JURU_LOOKUP_BASE,      /* the query without clitics / reduplication */
  JURU_LOOKUP_ACTIVE,    /* the active (meN-) form of a passive or of a
                            bare verb (bicarakan -> membicarakan) */
  JURU_LOOKUP_STANDARD,  /* the standard spelling of a non-standard form */
  JURU_LOOKUP_ROOT       /* only the root has an entry */
} juru_lookup_how;

#define JURU_LOOKUP_MAX_ENTRIES 8
#define JURU_LOOKUP_MAX_FORM 512

typedef struct juru_lookup_result {
  juru_lookup_how how;
  int phrase;                           /* the query has several words */
  juru_analysis analysis;               /* single words only */
  char form[JURU_LOOKUP_MAX_FORM];      /* the headword form that matched */
  juru_lex_entry entries[JURU_LOOKUP_MAX_ENTRIES];
  size_t n_entries;
  juru_lex_entry root_entries[JURU_LOOKUP_MAX_ENTRIES]; /* the root's, when
                                                           it is not `form` */
  size_t n_root_entries;
  const char *bound; /* the label of a bound form before the word found
                        (anti-korupsi: "anti-"), or NULL; lives as long as
                        the juru_morph */
} juru_lookup_result;

/* Look up one word or term (valid UTF-8).  JURU_ENOTFOUND when no form has
 * an entry (out->analysis is still filled for a single word).  `morph` may
 * be NULL (then only exact matches). */
juru_status juru_lookup(const juru_lexicon *lx, juru_morph *morph,
                        const char *query, size_t len,
                        juru_lookup_result *out);

/* Spelling suggestions for a word with no entry, best first: words one
 * edit away (a letter dropped, added, changed or two swapped) whose lookup
 * succeeds, then Hunspell's suggestions that do (for a word in lower case:
 * a capitalised one is more likely a name than a misspelling).  Up to `max`
 * strings, each allocated (release with juru_free).  Returns how many. */
size_t juru_lookup_suggest(const juru_lexicon *lx, juru_morph *morph,
                           const char *word, size_t len, char **out,
                           size_t max);

#ifdef __cplusplus
}
#endif
#endif
