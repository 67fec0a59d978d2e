/* juru/abbrev.h: abbreviation lists (dictionaries/id/abbreviations.txt).
 *
 * File format, UTF-8, one entry per line, '#' starts a comment line:
 *     ABBREVIATION <TAB> CLASS [<TAB> EXPANSION]
 * ABBREVIATION is written as in text, with its final dot ("Dr.", "dll.",
 * "S.H.").  CLASS says what may follow it:
 *     title  precedes a name (Dr., Prof., H.): never ends a sentence
 *     pre    precedes a number or name (No., Jl., Rp., Kab.): never ends one
 *     end    may end a sentence (dll., Tbk., Ltd., S.H.)
 * Matching is case-sensitive, except that an entry starting with a capital
 * also matches in all capitals ("Jl." matches "JL."). */
#ifndef JURU_ABBREV_H
#define JURU_ABBREV_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct juru_abbrevs juru_abbrevs;

typedef enum juru_abbrev_class {
  JURU_ABBREV_NONE = 0,
  JURU_ABBREV_TITLE,
  JURU_ABBREV_PRE,
  JURU_ABBREV_END
} juru_abbrev_class;

/* Parse a list held in memory; `source` names it in errors (may be NULL).
 * Errors are JURU_ESYNTAX with line and column.  The caller owns *out. */
juru_status juru_abbrevs_parse(const char *data, size_t len,
                               const char *source, juru_abbrevs **out,
                               juru_error *err);
/* Read and parse a file. */
juru_status juru_abbrevs_load(const char *path, juru_abbrevs **out,
                              juru_error *err);
void juru_abbrevs_free(juru_abbrevs *abbrevs);

/* Number of entries. */
size_t juru_abbrevs_count(const juru_abbrevs *abbrevs);

/* Class of `s` (with its final dot), or JURU_ABBREV_NONE.  `abbrevs` may be
 * NULL. */
juru_abbrev_class juru_abbrevs_find(const juru_abbrevs *abbrevs,
                                    const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
