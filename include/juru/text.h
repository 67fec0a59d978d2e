/* juru/text.h: the text layer — UTF-8 validation, normalisation, tokens.
 *
 * Text enters Juru as bytes.  It is validated once, where it enters (the
 * segmenter validates while it streams; juru_utf8_check validates a whole
 * buffer); everything after that assumes valid UTF-8 without NUL bytes.
 * Strings are always (pointer, length); nothing here needs a terminator. */
#ifndef JURU_TEXT_H
#define JURU_TEXT_H

#include "core.h"
#include "abbrev.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Validate `len` bytes.  Returns JURU_OK, JURU_EUTF8 (overlong forms,
 * surrogates, code points past U+10FFFF and truncated sequences included),
 * JURU_ENUL or JURU_EENCODING (a UTF-16/UTF-32 byte-order mark, or bytes
 * that are not text and begin like a known binary format: PDF, ZIP, gzip,
 * ELF, PNG...); `err` gets the byte offset, line and column of the first
 * bad byte and says what is wrong (overlong, surrogate, ...). */
juru_status juru_utf8_check(const char *s, size_t len, juru_error *err);

/* Copy of `s` with each invalid byte replaced by U+FFFD and NUL bytes
 * replaced by U+FFFD, so the result always passes juru_utf8_check.  The
 * caller owns *out (release with juru_free); it is NUL-terminated. */
juru_status juru_utf8_repair(const char *s, size_t len, char **out,
                             size_t *out_len);

/* Normalisation of what Indonesian news text actually contains.  The input
 * must be valid UTF-8.  Flags combine: */
enum {
  JURU_NORM_NFC = 1u << 0,        /* Unicode NFC (utf8proc) */
  JURU_NORM_PUNCT = 1u << 1,      /* “ ” „ « » → ", ‘ ’ → ', – — → -, … → ... */
  JURU_NORM_SPACE = 1u << 2,      /* NBSP and other spaces → ' ', runs folded,
                                     ends trimmed */
  JURU_NORM_INVISIBLE = 1u << 3,  /* drop zero-width characters, soft hyphens,
                                     a leading BOM */
  JURU_NORM_CASEFOLD = 1u << 4,   /* Unicode case folding (for matching) */
  JURU_NORM_DEFAULT = JURU_NORM_NFC | JURU_NORM_PUNCT | JURU_NORM_SPACE |
                      JURU_NORM_INVISIBLE
};
/* The caller owns *out (release with juru_free); it is NUL-terminated. */
juru_status juru_normalize(const char *s, size_t len, unsigned flags,
                           char **out, size_t *out_len, juru_error *err);

/* Tokens are byte ranges [start, end) of the text they came from. */
typedef enum juru_token_type {
  JURU_TOK_WORD = 1,  /* letters, digits, internal hyphens/apostrophes:
                         kamp-kamp, Amir-Abdollahian, ul-Adl, Jum'at, G20 */
  JURU_TOK_NUMBER,    /* 11, 1.000.000, 1,5, 10.30, 19/1, Rp1,5, US$5 */
  JURU_TOK_URL,       /* https://…, www.…, KOMPAS.com */
  JURU_TOK_EMAIL,     /* nama@contoh.co.id */
  JURU_TOK_HASHTAG,   /* #Pemilu2024 */
  JURU_TOK_MENTION,   /* @jokowi */
  JURU_TOK_ABBREV,    /* Dr., dll., S.H., B. (an initial) */
  JURU_TOK_PUNCT,     /* . , ; : ? ! ... ?! " “ ( ) - – — and the like */
  JURU_TOK_SYMBOL     /* anything else: %, $, +, emoji */
} juru_token_type;

typedef struct juru_token {
  juru_token_type type;
  size_t start;
  size_t end;
} juru_token;

/* Name of a token type ("word", "number", …).  Never NULL. */
const char *juru_token_type_name(juru_token_type type);

/* Iterate over the tokens of valid UTF-8 text.  Start with *pos = 0; each
 * call skips white space, stores the next token in *tok, advances *pos and
 * returns 1; at the end it returns 0.  `abbrevs` may be NULL (then only
 * dotted initials such as "B." and "D.W." are abbreviations).  No
 * allocation, no state besides *pos. */
int juru_token_next(const juru_abbrevs *abbrevs, const char *text, size_t len,
                    size_t *pos, juru_token *tok);

#ifdef __cplusplus
}
#endif
#endif
