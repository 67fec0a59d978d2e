/* Normalisation of news text: typographic punctuation, odd spaces, invisible
 * characters, then NFC and case folding through utf8proc. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "juru/text.h"
#include "uchar.h"
#include "../util/util.h"

/* The ASCII form of typographic punctuation, or NULL to keep it. */
static const char *punct_ascii(uint32_t cp) {
  switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
    case 0x2033:
      return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039:
    case 0x203A: case 0x2032:
      return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    default:
      return NULL;
  }
}

static juru_status map_chars(const char *s, size_t len, unsigned flags,
                             juru__buf *b, juru_error *err) {
  const unsigned char *u = (const unsigned char *)s;
  int pending_space = 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    int n = juru__utf8_decode(u + i, len - i, &cp);
    if (n <= 0 || cp == 0)
      return juru__fail(err, n <= 0 ? JURU_EUTF8 : JURU_ENUL, NULL, 0, 0, i,
                        "invalid text at offset %zu", i);
    juru__cclass cls = juru__cclass_of(cp);
    const char *rep = NULL;
    size_t rep_len = (size_t)n;
    const char *src = s + i;
    i += (size_t)n;
    if ((flags & JURU_NORM_INVISIBLE) && cls == JURU__C_IGNORE) continue;
    if ((flags & JURU_NORM_SPACE) &&
        (cls == JURU__C_SPACE || cls == JURU__C_NEWLINE)) {
      pending_space = b->len > 0;
      continue;
    }
    if ((flags & JURU_NORM_PUNCT) && (rep = punct_ascii(cp)) != NULL) {
      src = rep;
      rep_len = strlen(rep);
    }
    juru_status st = JURU_OK;
    if (pending_space) st = juru__buf_append(b, " ", 1);
    pending_space = 0;
    if (st == JURU_OK) st = juru__buf_append(b, src, rep_len);
    if (st != JURU_OK) return st;
  }
  return JURU_OK;
}

static juru_status unicode_map(juru__buf *b, unsigned flags) {
  int opts = UTF8PROC_STABLE;
  if (flags & JURU_NORM_NFC) opts |= UTF8PROC_COMPOSE;
  if (flags & JURU_NORM_CASEFOLD) opts |= UTF8PROC_CASEFOLD;
  if (!(flags & (JURU_NORM_NFC | JURU_NORM_CASEFOLD)) || b->len == 0)
    return JURU_OK;
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)b->data,
                                    (utf8proc_ssize_t)b->len, &dst,
                                    (utf8proc_option_t)opts);
  if (n < 0) return n == UTF8PROC_ERROR_NOMEM ? JURU_ENOMEM : JURU_EUTF8;
  juru__buf_clear(b);
  juru_status st = juru__buf_append(b, dst, (size_t)n);
  free(dst); /* utf8proc allocates with malloc */
  return st;
}

juru_status juru_normalize(const char *s, size_t len, unsigned flags,
                           char **out, size_t *out_len, juru_error *err) {
  if (!out || (!s && len)) return juru__fail(err, JURU_EINVAL, NULL, 0, 0,
                                             JURU__NONE, NULL);
  juru__buf b = {0};
  juru_status st = juru__buf_reserve(&b, len);
  if (st == JURU_OK) st = map_chars(s, len, flags, &b, err);
  if (st == JURU_OK) st = unicode_map(&b, flags);
  if (st != JURU_OK) {
    juru__buf_free(&b);
    if (err && st != JURU_EUTF8 && st != JURU_ENUL)
      juru__fail(err, st, NULL, 0, 0, JURU__NONE, NULL);
    return st;
  }
  *out = b.data;
  if (out_len) *out_len = b.len;
  return JURU_OK;
}
