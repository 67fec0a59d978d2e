/* Code points: strict UTF-8 decoding and the character classes the text
 * layer, tokenizer and segmenter agree on. */
#ifndef JURU_UCHAR_H
#define JURU_UCHAR_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s[0..len).  Returns its length (1–4), 0 when
 * `len` ends inside a sequence that is valid so far (more bytes needed), or
 * -1 when s[0] does not start a valid sequence (Unicode table 3-7: no
 * overlong forms, no surrogates, nothing past U+10FFFF). */
int juru__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Encode `cp` into out[0..4); returns the length. */
int juru__utf8_encode(uint32_t cp, char *out);

typedef enum juru__cclass {
  JURU__C_OTHER = 0, /* symbols, punctuation not listed below */
  JURU__C_SPACE,     /* space, tab, NBSP, U+2000–200A, U+202F, U+3000… */
  JURU__C_NEWLINE,   /* LF, CR, VT, FF, NEL, U+2028, U+2029 */
  JURU__C_IGNORE,    /* zero-width and format characters, BOM, soft hyphen */
  JURU__C_UPPER,     /* Lu, Lt */
  JURU__C_LOWER,     /* Ll */
  JURU__C_LETTER,    /* letters without case (Lo, Lm) */
  JURU__C_MARK,      /* combining marks */
  JURU__C_DIGIT      /* Nd */
} juru__cclass;

juru__cclass juru__cclass_of_slow(uint32_t cp);
extern const unsigned char juru__ascii_class[128];

static inline juru__cclass juru__cclass_of(uint32_t cp) {
  return cp < 0x80 ? (juru__cclass)juru__ascii_class[cp]
                   : juru__cclass_of_slow(cp);
}

static inline int juru__is_wordish(juru__cclass c) {
  return c >= JURU__C_UPPER;
}

/* Punctuation roles in sentence segmentation. */
int juru__is_terminal(uint32_t cp); /* . ? ! … ‼ ⁇ ⁈ ⁉ ？ ！ */
int juru__is_closer(uint32_t cp);   /* " ' ” ’ » › ) ] } */
int juru__is_opener(uint32_t cp);   /* " ' “ ‘ „ « ‹ ( [ { ` */
int juru__is_dash(uint32_t cp);     /* - ‐ ‑ ‒ – — ― */



/* Unicode punctuation (categories P*) or ASCII punctuation. */
int juru__is_punct(uint32_t cp);
#endif
