/* juru/lexicon.h: the Indonesian-English lexicon.
 *
 * Sources are TSV files a person edits (the .tsv files in dictionaries/id/lexicon/):
 *     # indonesian<TAB>english<TAB>pos<TAB>note      (header line)
 *     duta besar<TAB>ambassador<TAB>n
 *     rudal<TAB>missile; rocket<TAB>n
 * English senses are separated by "; ", the one a news translator would
 * choose first; pos is one of n v adj adv num pron prep conj part det propn
 * abbr; the note column is optional.  Sources are given in priority order:
 * entries of an earlier file come first for the same headword.
 *
 * A loaded lexicon can be saved in compiled form and opened again with
 * mmap (juru_lexicon_save / juru_lexicon_open): no parsing at start-up.
 * Headwords and English are matched case-insensitively with single spaces. */
#ifndef JURU_LEXICON_H
#define JURU_LEXICON_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct juru_lexicon juru_lexicon;

/* One entry; every field points into the lexicon, valid while it lives. */
typedef struct juru_lex_entry {
  const char *headword;
  size_t headword_len;
  const char *english; /* senses separated by "; " */
  size_t english_len;
  const char *pos;
  size_t pos_len;
  const char *note;
  size_t note_len;
  const char *source;  /* the file's name without directory and .tsv */
  size_t source_len;
} juru_lex_entry;

/* Parse TSV files (priority order).  Errors are JURU_ESYNTAX or JURU_EUTF8
 * with file, line and column.  The caller owns *out. */
juru_status juru_lexicon_load(const char *const *paths, size_t n,
                              juru_lexicon **out, juru_error *err);

/* The same for one source held in memory; `name` stands for its file name
 * in errors and as the entries' source. */
juru_status juru_lexicon_parse(const char *data, size_t len, const char *name,
                               juru_lexicon **out, juru_error *err);

/* Write the compiled form, atomically.  `stamp` (may be NULL) is stored and
 * returned by juru_lexicon_stamp, to tell whether the sources changed. */
juru_status juru_lexicon_save(const juru_lexicon *lx, const char *path,
                              const char *stamp, juru_error *err);
juru_status juru_lexicon_open(const char *path, juru_lexicon **out,
                              juru_error *err);
const char *juru_lexicon_stamp(const juru_lexicon *lx);

void juru_lexicon_free(juru_lexicon *lx);

/* Entries for a headword, best first: up to `max` written to out[];
 * returns how many there are in all. */
size_t juru_lexicon_find(const juru_lexicon *lx, const char *key, size_t len,
                         juru_lex_entry *out, size_t max);
/* Entries one of whose English senses is `english`. */
size_t juru_lexicon_reverse(const juru_lexicon *lx, const char *english,
                            size_t len, juru_lex_entry *out, size_t max);

/* Multi-word entries one of whose words is `word` (gencatan: gencatan
 * senjata), in the order of the sources. */
size_t juru_lexicon_containing(const juru_lexicon *lx, const char *word,
                               size_t len, juru_lex_entry *out, size_t max);

size_t juru_lexicon_count(const juru_lexicon *lx);      /* headwords */
size_t juru_lexicon_max_words(const juru_lexicon *lx);  /* longest headword */

#ifdef __cplusplus
}
#endif
#endif
