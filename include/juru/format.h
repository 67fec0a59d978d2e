/* juru/format.h: writing translations — plain text, bilingual, TSV, JSON
 * lines, Markdown, TMX 1.4 and XLIFF 1.2.
 *
 * A writer streams: it is given each translated sentence and each end of an
 * input line, and hands its bytes to a callback as it goes, so a document
 * of any length needs no more memory than one sentence.  Plain text keeps
 * the input's lines (one English line per input line, sentences of a line
 * joined by a space); the other formats have one record per sentence. */
#ifndef JURU_FORMAT_H
#define JURU_FORMAT_H

#include "core.h"
#include "glossary.h"
#include "translate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum juru_format {
  JURU_FORMAT_TEXT = 0, /* English only, the input's line structure */
  JURU_FORMAT_BILINGUAL,/* per sentence: Indonesian line, English line, blank */
  JURU_FORMAT_TSV,      /* per sentence: Indonesian TAB English */
  JURU_FORMAT_JSONL,    /* per sentence: one JSON object (see below) */
  JURU_FORMAT_MARKDOWN, /* a two-column table */
  JURU_FORMAT_TMX,      /* TMX 1.4b, one <tu> per sentence */
  JURU_FORMAT_XLIFF,    /* XLIFF 1.2, one <trans-unit> per sentence */
  JURU_FORMAT_EXPLAIN   /* per sentence: the English, then the terms used,
                           the unknown words and each word's analysis */
} juru_format;

/* "text", "bilingual", "tsv", "jsonl", "md", "tmx", "xliff", "explain";
 * returns 0 for an unknown name. */
int juru_format_named(const char *name, juru_format *out);

/* Return 0 on success; anything else stops the writer (JURU_EIO). */
typedef int (*juru_write_fn)(const char *data, size_t len, void *userdata);

typedef struct juru_writer juru_writer;

/* `original` names the source document in TMX/XLIFF ("-" for stdin);
 * `glossary` (may be NULL) is the one the translations' term indexes refer
 * to.  Both are borrowed.  The writer's header is written here. */
juru_status juru_writer_new(juru_format format, const char *original,
                            const juru_glossary *glossary, juru_write_fn fn,
                            void *userdata, juru_writer **out);

/* One sentence: `line` is its input line (from 1), `index` its number
 * within the line (from 0).  JSON lines hold {"line", "sentence",
 * "source", "english", "terms": [{"source", "english"}], "unknown": [...]}. */
juru_status juru_writer_sentence(juru_writer *w, size_t line, size_t index,
                                 const char *source, size_t len,
                                 const juru_translation *t);
/* The end of an input line (plain text writes its line break). */
juru_status juru_writer_line_end(juru_writer *w);
/* The footer (TMX/XLIFF closing tags). */
juru_status juru_writer_finish(juru_writer *w);
void juru_writer_free(juru_writer *w);

#ifdef __cplusplus
}
#endif
#endif
