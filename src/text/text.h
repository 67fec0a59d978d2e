/* Internal interface of the text layer. */
#ifndef JURU_TEXT_INTERNAL_H
#define JURU_TEXT_INTERNAL_H

#include "juru/core.h"
#include "../util/util.h"

/* JURU_EENCODING with a description in *what when the first bytes show an
 * encoding other than UTF-8 (UTF-16/32 byte-order marks). */
juru_status juru__encoding_sniff(const unsigned char *s, size_t len,
                                 const char **what);

/* Why the bytes at s (len of them left in the input), which do not decode,
 * are not UTF-8: "overlong encoding", "UTF-16 surrogate", ... */
const char *juru__utf8_problem(const unsigned char *s, size_t len);

/* What a file that begins with s is, when its first bytes are those of a
 * known binary format ("a PDF document", "gzip-compressed data", ...), else
 * NULL.  Asked only of input that failed validation: text may begin with
 * anything. */
const char *juru__binary_kind(const unsigned char *s, size_t len);
/* The most first bytes juru__binary_kind looks at. */
#define JURU__BINARY_HEAD 16

/* The error for text that failed validation (st: JURU_EUTF8 or JURU_ENUL)
 * at `at` (`left` bytes to the end of the input), `offset` bytes and
 * line:col into it: JURU_EENCODING when head (the input's first head_len
 * bytes; NULL when not at hand) shows a binary format, else st with what is
 * wrong at `at`. */
juru_status juru__bad_text(juru_error *err, juru_status st,
                           const unsigned char *head, size_t head_len,
                           const unsigned char *at, size_t left, size_t offset,
                           size_t line, size_t col);

/* Whether a sentence of `words` words, `capitalised` of them with a
 * capital first, whose last token starts with `last`, is a headline in
 * title case: three words or more, seven in ten capitalised, no final
 * stop.  Its capitals are then style, not names (glossary and translator
 * agree on which lines these are). */
int juru__is_headline(size_t words, size_t capitalised, char last);

/* Append `s` to `b`, each invalid byte and each NUL replaced by U+FFFD. */
juru_status juru__utf8_repair_into(juru__buf *b, const char *s, size_t len);

#endif
