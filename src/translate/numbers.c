/* Numbers, dates and times the English way.  Indonesian writes 1.000.000
 * for a million, 1,5 for one and a half, 10.30 for half past ten and 19/1
 * for the 19th of January. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static int digit(char c) { return c >= '0' && c <= '9'; }

/* Digits separated by dots in groups of three after the first: 1.000.000 */
static int thousands(const char *s, size_t n) {
  size_t i = 0, run = 0, groups = 0;
  while (i < n && digit(s[i])) i++, run++;
  if (run == 0 || run > 3) return 0;
  while (i < n && s[i] == '.') {
    size_t k = 0;
    for (i++; i < n && digit(s[i]); i++) k++;
    if (k != 3) return 0;
    groups++;
  }
  return groups > 0 && (i == n || s[i] == ',');
}

double juru__number_value(const char *s, size_t n) {
  double v = 0, scale = 0;
  int any = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (digit(c)) {
      any = 1;
      if (scale > 0) {
        v += (c - '0') * scale;
        scale /= 10;
      } else {
        v = v * 10 + (c - '0');
      }
    } else if (c == ',' && scale == 0) {
      scale = 0.1;
    } else if (c == '.' && thousands(s, n)) {
      continue;
    } else if (c == '.' && scale == 0) {
      scale = 0.1;
    } else if (any) {
      return -1; /* 19/1, 10-12 */
    }
  }
  return any ? v : -1;
}

/* d/m or d/m/y with a real day and month. */
static int date(const juru__rules *r, const char *s, size_t n,
                juru__buf *out) {
  unsigned d = 0, m = 0, y = 0, i = 0, nd = 0, nm = 0, ny = 0;
  for (; i < n && digit(s[i]) && nd < 2; i++, nd++) d = d * 10 + (unsigned)(s[i] - '0');
  if (nd == 0 || i >= n || s[i] != '/') return 0;
  for (i++; i < n && digit(s[i]) && nm < 2; i++, nm++) m = m * 10 + (unsigned)(s[i] - '0');
  if (i < n && s[i] == '/')
    for (i++; i < n && digit(s[i]) && ny < 4; i++, ny++) y = y * 10 + (unsigned)(s[i] - '0');
  if (i != n || nm == 0 || d < 1 || d > 31 || m < 1 || m > 12 || !r->month[m] ||
      (ny != 0 && ny != 4 && ny != 2))
    return 0;
  char buf[64];
  int k = ny ? snprintf(buf, sizeof buf, "%s %u, %s%u", r->month[m], d,
                        ny == 2 ? "20" : "", y)
             : snprintf(buf, sizeof buf, "%s %u", r->month[m], d);
  return juru__buf_append(out, buf, (size_t)k) == JURU_OK ? 1 : -1;
}

juru_status juru__number_english(const juru__rules *r, const char *s, size_t n,
                                 int clock, juru__buf *out) {
  size_t p = 0; /* a currency before the digits: Rp1,5  US$6.000 */
  while (p < n && !digit(s[p])) p++;
  if (p > 0 && p < n) {
    juru_status st = juru__buf_append(out, s, p);
    return st ? st : juru__number_english(r, s + p, n - p, 0, out);
  }
  int dt = date(r, s, n, out);
  if (dt) return dt > 0 ? JURU_OK : JURU_ENOMEM;
  int sep = thousands(s, n);
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    char c = s[i];
    if (c == '.' && sep) c = ',';
    else if (c == '.' && clock) c = ':';
    else if (c == ',' && i + 1 < n && digit(s[i + 1]) && i > 0 && digit(s[i - 1]))
      c = '.';
    st = juru__buf_append(out, &c, 1);
  }
  return st;
}
