/* juru/glossary.h: glossaries — load, match in text, extract, export.
 *
 * A glossary is a list of terms: the Indonesian as written, its English, a
 * category, a note, and where it came from.  Glossaries are read from TSV
 * (OmegaT layout: source, target, comment), CSV (RFC 4180), JSON, TBX and
 * Markdown tables, and written in those formats and for OmegaT and DeepL.
 *
 * Terms are matched over tokens, longest-leftmost, case-insensitively, and
 * through morphology: a reduplicated word matches its single form and a
 * clitic after a hyphen is ignored (serangan-serangan drone, Komite Keamanan
 * Nasional-nya).  A term in capitals (AS, IT) is an acronym and matches
 * only capitals (not "as", "it").  A source may list variants separated by "|"
 * ("duta besar|dubes"): each matches the term.  The matcher is a token trie:
 * its cost per token does not grow with the number of terms.
 *
 * Extraction reads an article's sentences and proposes its key terms:
 * names, organisations, places, roles and multi-word terms, ranked by how
 * much more often they occur than in everyday text, with English from the
 * user's glossaries, the lexicon, or composed from the parts. */
#ifndef JURU_GLOSSARY_H
#define JURU_GLOSSARY_H

#include "core.h"
#include "lexicon.h"
#include "morph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum juru_term_category {
  JURU_TERM_TERM = 0, /* a common-noun term: serangan drone */
  JURU_TERM_PERSON,
  JURU_TERM_ORG,
  JURU_TERM_PLACE,
  JURU_TERM_ROLE      /* a title, alone or with a place: Menteri Luar Negeri */
} juru_term_category;

/* Where a term's English comes from. */
typedef enum juru_term_origin {
  JURU_ORIGIN_USER = 0, /* a glossary the user gave */
  JURU_ORIGIN_LEXICON,  /* the built-in lexicon */
  JURU_ORIGIN_COMPOSED, /* composed from the parts' English */
  JURU_ORIGIN_NAME      /* a name kept as written */
} juru_term_origin;

typedef struct juru_term {
  const char *source;   /* the Indonesian, canonical form as written */
  const char *target;   /* its English */
  const char *note;     /* comment ("" if none) */
  const char *context;  /* the first sentence it occurs in ("" if none) */
  const char *from;     /* file or source name ("" if none) */
  juru_term_category category;
  juru_term_origin origin;
  size_t frequency;     /* occurrences in the article(s) */
  double score;         /* termhood, for ranking */
} juru_term;

typedef struct juru_glossary juru_glossary;

juru_glossary *juru_glossary_new(void);
void juru_glossary_free(juru_glossary *g);

/* Add a term; strings are copied.  A later term with the same source (as
 * matched: case and reduplication aside) does not replace an earlier one:
 * stack glossaries in priority order.  note/context/from may be NULL. */
juru_status juru_glossary_add(juru_glossary *g, const juru_term *term);

size_t juru_glossary_count(const juru_glossary *g);
/* The i-th term (in order of addition); its strings live as long as g. */
const juru_term *juru_glossary_get(const juru_glossary *g, size_t i);

typedef enum juru_glossary_format {
  JURU_GLOSSARY_AUTO = 0, /* by file name: .tsv .txt .utf8 .csv .json .tbx
                             .md */
  JURU_GLOSSARY_TSV,      /* source, target, comment (OmegaT layout) */
  JURU_GLOSSARY_CSV,      /* RFC 4180: source, target, comment */
  JURU_GLOSSARY_JSON,     /* [{"source": ..., "target": ..., "note": ...}] */
  JURU_GLOSSARY_TBX,      /* TBX-Basic v3 or TBX 2 (martif) */
  JURU_GLOSSARY_MARKDOWN, /* a table: | source | target | comment | */
  JURU_GLOSSARY_OMEGAT,   /* export: TSV, .utf8 */
  JURU_GLOSSARY_DEEPL,    /* export: two-column TSV for DeepL glossaries */
  JURU_GLOSSARY_TBX2      /* TBX 2 (martif, TBX-Basic), as OmegaT reads it */
} juru_glossary_format;

/* Format named "tsv", "csv", "json", "tbx", "tbx2", "md", "omegat", "deepl";
 * JURU_GLOSSARY_AUTO when unknown. */
juru_glossary_format juru_glossary_format_named(const char *name);

/* Read terms (appended, lower priority than those already in g).  Errors
 * are JURU_ESYNTAX/JURU_EUTF8 with file, line and column. */
juru_status juru_glossary_load(juru_glossary *g, const char *path,
                               juru_glossary_format format, juru_error *err);
juru_status juru_glossary_parse(juru_glossary *g, const char *data, size_t len,
                                juru_glossary_format format, const char *name,
                                juru_error *err);

/* Write all terms.  `full` adds category, frequency, origin and context
 * columns where the format has room (TSV, CSV, JSON, Markdown).  The
 * caller owns *out (juru_free). */
juru_status juru_glossary_write(const juru_glossary *g,
                                juru_glossary_format format, int full,
                                char **out, size_t *out_len, juru_error *err);

const char *juru_term_category_name(juru_term_category c);
const char *juru_term_origin_name(juru_term_origin o);

/* ---- matching ------------------------------------------------------------ */

typedef struct juru_matcher juru_matcher;

typedef struct juru_match {
  size_t start, end; /* byte range in the text */
  size_t term;       /* index into the glossary */
} juru_match;

/* A matcher over g's terms (g must outlive it); `morph` (may be NULL, then
 * matching is by lower case only) must too. */
juru_status juru_matcher_new(const juru_glossary *g, juru_morph *morph,
                             juru_matcher **out);
void juru_matcher_free(juru_matcher *mt);

/* Longest-leftmost matches in valid UTF-8 text: up to `max` written;
 * returns how many there are in all. */
size_t juru_matcher_find(juru_matcher *mt, const char *text, size_t len,
                         juru_match *out, size_t max);

/* ---- extraction ---------------------------------------------------------- */

typedef struct juru_extract_options {
  size_t min_frequency; /* default 1 */
  size_t max_terms;     /* 0: no limit */
  unsigned categories;  /* bit (1 << category); 0: all */
  const char *rules;    /* dictionaries/id/glossary.txt: connectors, role
                           and organisation heads, stop words, dates */
} juru_extract_options;

typedef struct juru_extractor juru_extractor;

/* `user` (may be NULL) are glossaries whose terms win; lx and morph are
 * required.  All must outlive the extractor. */
juru_status juru_extractor_new(const juru_lexicon *lx, juru_morph *morph,
                               const juru_glossary *user,
                               const juru_extract_options *opt,
                               juru_extractor **out);
void juru_extractor_free(juru_extractor *ex);

/* Feed one sentence (valid UTF-8). */
juru_status juru_extractor_add(juru_extractor *ex, const char *sentence,
                               size_t len);
/* The key terms, best first.  The caller owns *out. */
juru_status juru_extractor_finish(juru_extractor *ex, juru_glossary **out);

#ifdef __cplusplus
}
#endif
#endif
