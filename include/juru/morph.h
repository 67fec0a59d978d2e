/* juru/morph.h: Indonesian morphology — lemma, affixes and their meaning.
 *
 * Analysis strips clitics (-lah -kah -pun, -nya -ku -mu), a derivational
 * suffix (-kan -i -an) and up to three prefixes (meN- peN- ber- ter- per-
 * di- ke- se-, with their sound changes), undoes reduplication (kamp-kamp),
 * and accepts a reading only when what remains is a root of the dictionary
 * (Hunspell's id_ID.dic).  The reading that strips least wins; a list of
 * exceptions gives words whose lemma is fixed (adalah, setelah).  All rules
 * are data: dictionaries/id/affixes.txt and id/lemma-exceptions.tsv.
 *
 * A juru_morph caches analyses and is not safe to share between threads
 * without a lock. */
#ifndef JURU_MORPH_H
#define JURU_MORPH_H

#include <stdint.h>

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct juru_morph juru_morph;

typedef struct juru_morph_files {
  const char *affixes;         /* dictionaries/id/affixes.txt (required) */
  const char *exceptions;      /* dictionaries/id/lemma-exceptions.tsv */
  const char *hunspell_aff;    /* dictionaries/hunspell/id_ID.aff */
  const char *hunspell_dic;    /* dictionaries/hunspell/id_ID.dic (roots) */
  const char *frequencies;     /* dictionaries/id/frequencies.tsv, to prefer
                                  common roots between readings */
  const char *lemmas;          /* dictionaries/id/lemmas-ud.tsv: lemmas of
                                  word forms as annotated corpora give them,
                                  after the exceptions, before the rules */
  const char *variants;        /* dictionaries/id/spelling-variants.tsv:
                                  non-standard spellings and the standard
                                  ones (resiko -> risiko) */
  const char *compiled;        /* a file from juru_morph_save: when set, the
                                  dictionary, exceptions, lemmas, variants
                                  and frequencies come from it (mmap) */
} juru_morph_files;

/* Load the rules and the root dictionary.  The Hunspell engine itself (for
 * spelling suggestions) is opened on first use.  The caller owns *out. */
juru_status juru_morph_load(const juru_morph_files *files, juru_morph **out,
                            juru_error *err);
/* The same from a dictionaries directory laid out as Juru ships it
 * (id/affixes.txt, id/lemma-exceptions.tsv, id/lemmas-ud.tsv,
 * id/frequencies.tsv, id/spelling-variants.tsv, hunspell/id_ID.aff,
 * hunspell/id_ID.dic). */
juru_status juru_morph_load_dir(const char *dir, juru_morph **out,
                                juru_error *err);
void juru_morph_free(juru_morph *m);

/* Write the loaded dictionary, exceptions, lemmas, variants and
 * frequencies in compiled form (atomically). */
juru_status juru_morph_save(const juru_morph *m, const char *path,
                            juru_error *err);

/* Add roots besides the dictionary's (lower-case UTF-8). */
juru_status juru_morph_add_root(juru_morph *m, const char *root, size_t len);

#define JURU_MAX_WORD 128
#define JURU_MAX_PREFIXES 3

enum {
  JURU_ANALYSIS_KNOWN = 1u << 0,    /* the lemma is a dictionary root */
  JURU_ANALYSIS_EXCEPTION = 1u << 1 /* fixed by the exception list */
};

/* Labels ("meN-", "-kan", "-nya") point into the juru_morph and live as long
 * as it does. */
typedef struct juru_analysis {
  char word[JURU_MAX_WORD];   /* the word, lower-cased */
  char lemma[JURU_MAX_WORD];  /* its root */
  char base[JURU_MAX_WORD];   /* the word without its clitics */
  const char *prefix[JURU_MAX_PREFIXES]; /* outermost first */
  size_t n_prefix;
  const char *suffix;      /* -kan, -i, -an, or NULL */
  const char *possessive;  /* -nya, -ku, -mu, or NULL */
  const char *particle;    /* -lah, -kah, -tah, -pun, or NULL */
  int reduplicated;        /* kamp-kamp, negara-negara */
  const char *pos;         /* "verb", "noun"... that the affixes make, or
                              NULL (a bare word: see the lexicon) */
  unsigned flags;
} juru_analysis;

/* Analyse one word (valid UTF-8).  Words longer than JURU_MAX_WORD - 1
 * bytes are returned unanalysed (lemma = word, truncated). */
juru_status juru_morph_analyze(juru_morph *m, const char *word, size_t len,
                               juru_analysis *out);

/* The best reading of the affix rules that strips something, past the
 * exception and lemma tables: a corpus may keep a derived form as its own
 * lemma (lakukan) where a dictionary knows only the root (laku + -kan).
 * The lemma is the word itself when no such reading reaches a root.  Not
 * cached. */
juru_status juru_morph_analyze_rules(juru_morph *m, const char *word,
                                     size_t len, juru_analysis *out);

/* The root as a stemmer gives it (Sastrawi, Nazief-Adriani): affixes are
 * stripped down to the innermost root, from derived dictionary entries too
 * (belajar -> ajar, mempelajari -> ajar, kinerja -> kerja), and the corpus
 * lemma table is not consulted, since it keeps derived forms whole; the
 * exception list still holds (adalah, setelah).  For search and indexing,
 * where a word family should share one key.  Not cached. */
juru_status juru_morph_root(juru_morph *m, const char *word, size_t len,
                            juru_analysis *out);

/* The word with a final clitic (-nya, -lah...) split off even where no
 * reading reaches a root, the rest analysed: ponselnya -> ponsel + -nya,
 * for a caller whose own word list knows what the dictionary lacks.
 * JURU_ENOTFOUND when the word ends in no clitic.  Not cached. */
juru_status juru_morph_split_clitic(juru_morph *m, const char *word,
                                    size_t len, juru_analysis *out);

/* What an affix or confix label adds ("meN-" -> "active voice",
 * "ke-an" -> "abstract noun (state, quality)"), or NULL. */
const char *juru_morph_meaning(const juru_morph *m, const char *label);

/* The form that `prefix` (a label such as "meN-") gives `root`, then
 * `suffix` ("-kan" or NULL) appended: ("luncur", "meN-", "-kan") ->
 * "meluncurkan".  Writes at most `size` bytes with a terminator; returns
 * the length, or 0 when no rule applies or it does not fit. */
size_t juru_morph_generate(const juru_morph *m, const char *root,
                           const char *prefix, const char *suffix, char *out,
                           size_t size);

/* How often a (lower-case) word occurs in the background corpus of
 * dictionaries/id/frequencies.tsv, and that corpus's size in tokens. */
uint32_t juru_morph_frequency(const juru_morph *m, const char *word,
                              size_t len);
uint64_t juru_morph_corpus_size(juru_morph *m);

/* The bound form (anti-, pasca-, non-: the "bound" lines of the affix
 * table) that `word` starts with, closed (antikorupsi) or hyphenated
 * (anti-korupsi), leaving at least three letters: its length as written,
 * hyphen included, with its label in *label (its English prefix is
 * juru_morph_meaning of the label); 0 when there is none.  Analysis never
 * strips them: antikorupsi is its own lemma. */
size_t juru_morph_bound_form(const juru_morph *m, const char *word,
                             size_t len, const char **label);

/* The standard spelling of a (lower-case) non-standard one from
 * id/spelling-variants.tsv (ijin -> izin), or NULL.  The string lives as
 * long as `m`. */
const char *juru_morph_standard_spelling(const juru_morph *m, const char *word,
                                         size_t len);

/* The word with a non-standard ending respelled by an ending rule of
 * id/spelling-variants.tsv ("-kan -kkan": dimasukan -> dimasukkan): the
 * longest ending that has a rule.  Writes at most `size` bytes with a
 * terminator; returns the length, or 0 when no rule applies or it does not
 * fit. */
size_t juru_morph_respell_ending(const juru_morph *m, const char *word,
                                 size_t len, char *out, size_t size);

/* Is the word a known root or a valid inflected form (Hunspell)? */
int juru_morph_spell(juru_morph *m, const char *word, size_t len);

/* Spelling suggestions from Hunspell, best first: up to `max` strings
 * written into out[] (each allocated; release with juru_free).  Returns how
 * many. */
size_t juru_morph_suggest(juru_morph *m, const char *word, size_t len,
                          char **out, size_t max);

#ifdef __cplusplus
}
#endif
#endif
