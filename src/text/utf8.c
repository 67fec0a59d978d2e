/* Whole-buffer UTF-8 validation and repair. */
#include <string.h>

#include "juru/text.h"
#include "uchar.h"
#include "../util/util.h"
#include "text.h"

juru_status juru__encoding_sniff(const unsigned char *s, size_t len,
                                 const char **what) {
  /* UTF-32LE first: its mark begins with UTF-16LE's */
  if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) {
    *what = "UTF-32LE (byte-order mark FF FE 00 00); convert it with "
            "iconv -f UTF-32 -t UTF-8";
    return JURU_EENCODING;
  }
  if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) {
    *what = "UTF-32BE (byte-order mark 00 00 FE FF); convert it with "
            "iconv -f UTF-32 -t UTF-8";
    return JURU_EENCODING;
  }
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    *what = "UTF-16LE (byte-order mark FF FE); convert it with "
            "iconv -f UTF-16 -t UTF-8";
    return JURU_EENCODING;
  }
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    *what = "UTF-16BE (byte-order mark FE FF); convert it with "
            "iconv -f UTF-16 -t UTF-8";
    return JURU_EENCODING;
  }
  return JURU_OK;
}

const char *juru__utf8_problem(const unsigned char *s, size_t len) {
  unsigned char c = s[0], next = len > 1 ? s[1] : 0;
  int need;
  if (c >= 0x80 && c <= 0xBF)
    return "a continuation byte with no lead byte: Windows-1252 or Latin-1 "
           "text?";
  if (c == 0xC0 || c == 0xC1) return "overlong encoding";
  if (c >= 0xF5) return "not a byte of UTF-8";
  need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (len > 1) {
    if (c == 0xE0 && next < 0xA0) return "overlong encoding";
    if (c == 0xF0 && next < 0x90) return "overlong encoding";
    if (c == 0xED && next >= 0xA0 && next <= 0xBF)
      return "UTF-16 surrogate";
    if (c == 0xF4 && next >= 0x90 && next <= 0xBF)
      return "code point past U+10FFFF";
  }
  for (int i = 1; i < need; i++) {
    if ((size_t)i >= len) return "truncated sequence at end of input";
    if (s[i] < 0x80 || s[i] > 0xBF)
      return "a sequence cut short: Windows-1252 or Latin-1 text?";
  }
  return "invalid sequence";
}

const char *juru__binary_kind(const unsigned char *s, size_t len) {
  static const struct {
    const char *magic;
    size_t n;
    const char *kind;
  } kinds[] = {
      {"\x7F" "ELF", 4, "an ELF executable or library"},
      {"%PDF-", 5, "a PDF document"},
      {"PK\x03\x04", 4, "a ZIP archive (also .docx, .xlsx, .odt, .epub)"},
      {"\x1F\x8B", 2, "gzip-compressed data: decompress it first"},
      {"BZh", 3, "bzip2-compressed data: decompress it first"},
      {"\xFD" "7zXZ\0", 6, "xz-compressed data: decompress it first"},
      {"\x28\xB5\x2F\xFD", 4, "zstd-compressed data: decompress it first"},
      {"\x89PNG", 4, "a PNG image"},
      {"\xFF\xD8\xFF", 3, "a JPEG image"},
      {"GIF8", 4, "a GIF image"},
      {"\xD0\xCF\x11\xE0", 4, "an OLE document (.doc, .xls)"},
      {"SQLite format 3", 16, "an SQLite database"},
  };
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (len >= kinds[i].n && memcmp(s, kinds[i].magic, kinds[i].n) == 0)
      return kinds[i].kind;
  return NULL;
}

juru_status juru__bad_text(juru_error *err, juru_status st,
                           const unsigned char *head, size_t head_len,
                           const unsigned char *at, size_t left, size_t offset,
                           size_t line, size_t col) {
  const char *kind = head ? juru__binary_kind(head, head_len) : NULL;
  if (kind)
    return juru__fail(err, JURU_EENCODING, NULL, 1, 1, 0,
                      "input is binary (%s), not text", kind);
  if (st == JURU_ENUL)
    return juru__fail(err, st, NULL, line, col, offset,
                      "NUL byte at offset %zu: binary data, not text", offset);
  return juru__fail(err, st, NULL, line, col, offset,
                    "invalid UTF-8 byte 0x%02X at offset %zu (%s)", at[0],
                    offset, juru__utf8_problem(at, left));
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
    if (n <= 0 || cp == 0)
      return juru__bad_text(err, n <= 0 ? JURU_EUTF8 : JURU_ENUL, u, len,
                            u + i, len - i, i, line, col);
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
