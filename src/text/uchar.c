/* Character classes: a table for ASCII (the hot path) and utf8proc's
 * Unicode categories for everything else. */
#include "uchar.h"

#include <utf8proc.h>

int juru__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp) {
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int n;
  uint32_t v;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;       /* overlong */
    else if (c == 0xED) hi = 0x9F;  /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    v = c & 0x07;
    if (c == 0xF0) lo = 0x90;       /* overlong */
    else if (c == 0xF4) hi = 0x8F;  /* past U+10FFFF */
  } else {
    return -1;
  }
  for (int i = 1; i < n; i++) {
    if ((size_t)i >= len) return 0;
    unsigned char t = s[i];
    if (t < lo || t > hi) return -1;
    lo = 0x80;
    hi = 0xBF;
    v = (v << 6) | (t & 0x3F);
  }
  *cp = v;
  return n;
}

int juru__utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

#define SP JURU__C_SPACE
#define NL JURU__C_NEWLINE
#define UP JURU__C_UPPER
#define LO JURU__C_LOWER
#define DG JURU__C_DIGIT
#define OT JURU__C_OTHER
const unsigned char juru__ascii_class[128] = {
    OT, OT, OT, OT, OT, OT, OT, OT, OT, SP, NL, NL, NL, NL, OT, OT, /* 00 */
    OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, /* 10 */
    SP, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, OT, /* 20 */
    DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, OT, OT, OT, OT, OT, OT, /* 30 */
    OT, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* 40 */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, OT, OT, OT, OT, OT, /* 50 */
    OT, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* 60 */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, OT, OT, OT, OT, OT, /* 70 */
};
#undef SP
#undef NL
#undef UP
#undef LO
#undef DG
#undef OT

juru__cclass juru__cclass_of_slow(uint32_t cp) {
  if (cp < 0x80) return (juru__cclass)juru__ascii_class[cp];
  switch (cp) {
    case 0x85: case 0x2028: case 0x2029:
      return JURU__C_NEWLINE;
    case 0xAD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
      return JURU__C_IGNORE;
    default:
      break;
  }
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_ZS: return JURU__C_SPACE;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return JURU__C_UPPER;
    case UTF8PROC_CATEGORY_LL: return JURU__C_LOWER;
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_LM: return JURU__C_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return JURU__C_MARK;
    case UTF8PROC_CATEGORY_ND: return JURU__C_DIGIT;
    case UTF8PROC_CATEGORY_CF: return JURU__C_IGNORE;
    default: return JURU__C_OTHER;
  }
}

int juru__is_terminal(uint32_t cp) {
  switch (cp) {
    case '.': case '?': case '!': case 0x2026: case 0x203C: case 0x2047:
    case 0x2048: case 0x2049: case 0xFF1F: case 0xFF01: case 0x3002:
      return 1;
    default:
      return 0;
  }
}

int juru__is_closer(uint32_t cp) {
  switch (cp) {
    case '"': case '\'': case ')': case ']': case '}': case 0x201D:
    case 0x2019: case 0xBB: case 0x203A:
      return 1;
    default:
      return 0;
  }
}

int juru__is_opener(uint32_t cp) {
  switch (cp) {
    case '"': case '\'': case '(': case '[': case '{': case '`': case 0x201C:
    case 0x2018: case 0x201E: case 0xAB: case 0x2039:
      return 1;
    default:
      return 0;
  }
}

int juru__is_dash(uint32_t cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015);
}

int juru__is_punct(uint32_t cp) {
  if (cp < 0x80)
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '?' ||
           cp == '!' || cp == '"' || cp == '\'' || cp == '(' || cp == ')' ||
           cp == '[' || cp == ']' || cp == '{' || cp == '}' || cp == '-' ||
           cp == '/' || cp == '`' || cp == '*' || cp == '&' || cp == '#' ||
           cp == '@' || cp == '\\' || cp == '_';
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return 1;
    default:
      return 0;
  }
}
