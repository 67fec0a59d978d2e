/* Whole-buffer UTF-8 validation and repair. */
#include <string.h>

#include "juru/text.h"
#include "uchar.h"
#include "../util/util.h"
#include "text.h"

juru_status juru__encoding_sniff(const unsigned char *s, size_t len,
                                 const char **what) {
  if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
                   (s[0] == 0xFE && s[1] == 0xFF))) {
    *what = "UTF-16 (byte-order mark FF FE / FE FF); convert it with "
            "iconv -f UTF-16 -t UTF-8";
    return JURU_EENCODING;
  }
  if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
    *what = "UTF-32 (byte-order mark 00 00 FE FF); convert it with "
            "iconv -f UTF-32 -t UTF-8";
    return JURU_EENCODING;
  }
  return JURU_OK;
}

juru_status juru_utf8_check(const char *s, size_t len, juru_error *err) {
  const unsigned char *u = (const unsigned char *)s;
  const char *what;
  if (juru__encoding_sniff(u, len, &what) != JURU_OK)
    return juru__fail(err, JURU_EENCODING, NULL, 1, 1, 0, "input is %s", what);
  size_t line = 1, col = 1;
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    int n = juru__utf8_decode(u + i, len - i, &cp);
    if (n <= 0)
      return juru__fail(err, JURU_EUTF8, NULL, line, col, i,
                        "invalid UTF-8 byte 0x%02X at offset %zu%s", u[i], i,
                        n == 0 ? " (truncated sequence at end of input)" : "");
    if (cp == 0)
      return juru__fail(err, JURU_ENUL, NULL, line, col, i,
                        "NUL byte at offset %zu", i);
    if (cp == '\n' || (cp == '\r' && !(i + 1 < len && u[i + 1] == '\n'))) {
      line++;
      col = 1;
    } else {
      col++;
    }
    i += (size_t)n;
  }
  return JURU_OK;
}

juru_status juru__utf8_repair_into(juru__buf *b, const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0;
  juru_status st = juru__buf_reserve(b, len);
  while (st == JURU_OK && i < len) {
    uint32_t cp = 0;
    int n = juru__utf8_decode(u + i, len - i, &cp);
    if (n > 0 && cp != 0) {
      i += (size_t)n;
      continue;
    }
    st = juru__buf_append(b, s + run, i - run);
    if (st == JURU_OK) st = juru__buf_append(b, "\xEF\xBF\xBD", 3);
    i++;
    run = i;
  }
  if (st == JURU_OK) st = juru__buf_append(b, s + run, len - run);
  return st;
}

juru_status juru_utf8_repair(const char *s, size_t len, char **out,
                             size_t *out_len) {
  juru__buf b = {0};
  juru_status st = juru__utf8_repair_into(&b, s, len);
  if (st == JURU_OK && !b.data) st = juru__buf_reserve(&b, 0);
  if (st != JURU_OK) {
    juru__buf_free(&b);
    return st;
  }
  *out = b.data;
  if (out_len) *out_len = b.len;
  return JURU_OK;
}
