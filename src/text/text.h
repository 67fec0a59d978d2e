/* Internal interface of the text layer. */
#ifndef JURU_TEXT_INTERNAL_H
#define JURU_TEXT_INTERNAL_H

#include "juru/core.h"
#include "../util/util.h"

/* JURU_EENCODING with a description in *what when the first bytes show an
 * encoding other than UTF-8 (UTF-16/32 byte-order marks). */
juru_status juru__encoding_sniff(const unsigned char *s, size_t len,
                                 const char **what);

/* Append `s` to `b`, each invalid byte and each NUL replaced by U+FFFD. */
juru_status juru__utf8_repair_into(juru__buf *b, const char *s, size_t len);

#endif
