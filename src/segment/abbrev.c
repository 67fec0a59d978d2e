/* Abbreviation lists: a small open-addressing hash set loaded from
 * dictionaries/id/abbreviations.txt (format in include/juru/abbrev.h). */
#include <stdio.h>
#include <string.h>

#include "juru/abbrev.h"
#include "juru/text.h"
#include "../util/strmap.h"

struct juru_abbrevs {
  juru__strmap map; /* abbreviation -> juru_abbrev_class */
};

#define MAX_ABBREV_BYTES 64

/* Insert; returns JURU_EINVAL when the entry exists with another class. */
static juru_status insert(juru_abbrevs *a, const char *s, size_t len,
                          juru_abbrev_class cls) {
  uint32_t old;
  juru_status st = juru__strmap_put(&a->map, s, len, cls, &old);
  if (st != JURU_OK) return st;
  return old == UINT32_MAX || old == (uint32_t)cls ? JURU_OK : JURU_EINVAL;
}

static int parse_class(const char *s, size_t len, juru_abbrev_class *cls) {
  if (len == 5 && memcmp(s, "title", 5) == 0) *cls = JURU_ABBREV_TITLE;
  else if (len == 3 && memcmp(s, "pre", 3) == 0) *cls = JURU_ABBREV_PRE;
  else if (len == 3 && memcmp(s, "end", 3) == 0) *cls = JURU_ABBREV_END;
  else return 0;
  return 1;
}

/* "Jl." also matches as "JL.": the capitalised variant of an entry that
 * starts with a capital. */
static juru_status insert_with_caps(juru_abbrevs *a, const char *s, size_t len,
                                    juru_abbrev_class cls) {
  juru_status st = insert(a, s, len, cls);
  if (st != JURU_OK || !(s[0] >= 'A' && s[0] <= 'Z')) return st;
  char up[MAX_ABBREV_BYTES];
  int changed = 0;
  for (size_t i = 0; i < len; i++) {
    up[i] = s[i];
    if (s[i] >= 'a' && s[i] <= 'z') {
      up[i] = (char)(s[i] - 'a' + 'A');
      changed = 1;
    }
  }
  if (!changed) return JURU_OK;
  st = insert(a, up, len, cls);
  return st == JURU_EINVAL ? JURU_OK : st; /* an explicit entry wins */
}

static juru_status parse_line(juru_abbrevs *a, const char *line, size_t len,
                              const char *source, size_t lineno,
                              juru_error *err) {
  const char *tab = memchr(line, '\t', len);
  if (!tab)
    return juru__fail(err, JURU_ESYNTAX, source, lineno, len + 1, JURU__NONE,
                      "expected ABBREVIATION<TAB>CLASS");
  size_t alen = (size_t)(tab - line);
  if (alen < 2 || alen > MAX_ABBREV_BYTES || line[alen - 1] != '.')
    return juru__fail(err, JURU_ESYNTAX, source, lineno, 1, JURU__NONE,
                      "abbreviation must be 2-%d bytes ending with '.'",
                      MAX_ABBREV_BYTES);
  for (size_t i = 0; i < alen; i++)
    if (line[i] == ' ')
      return juru__fail(err, JURU_ESYNTAX, source, lineno, i + 1, JURU__NONE,
                        "abbreviation must not contain spaces");
  const char *c = tab + 1;
  const char *end = line + len;
  const char *ctab = memchr(c, '\t', (size_t)(end - c));
  size_t clen = (size_t)((ctab ? ctab : end) - c);
  juru_abbrev_class cls;
  if (!parse_class(c, clen, &cls))
    return juru__fail(err, JURU_ESYNTAX, source, lineno, alen + 2, JURU__NONE,
                      "class must be title, pre or end");
  juru_status st = insert_with_caps(a, line, alen, cls);
  if (st == JURU_EINVAL)
    return juru__fail(err, JURU_ESYNTAX, source, lineno, 1, JURU__NONE,
                      "'%.*s' listed again with another class", (int)alen,
                      line);
  if (st != JURU_OK) return juru__fail(err, st, source, lineno, 0, JURU__NONE,
                                       NULL);
  return JURU_OK;
}

juru_status juru_abbrevs_parse(const char *data, size_t len,
                               const char *source, juru_abbrevs **out,
                               juru_error *err) {
  *out = NULL;
  juru_status st = juru_utf8_check(data, len, err);
  if (st != JURU_OK) {
    if (err) snprintf(err->source, sizeof err->source, "%s",
                      source ? source : "<input>");
    return st;
  }
  juru_abbrevs *a = juru__calloc(1, sizeof *a);
  if (!a) return juru__fail(err, JURU_ENOMEM, source, 0, 0, JURU__NONE, NULL);
  juru__lines it = {data, len, 0, 0};
  const char *line;
  size_t l;
  while (st == JURU_OK && juru__next_line(&it, &line, &l)) {
    if (l == 0 || line[0] == '#') continue;
    st = parse_line(a, line, l, source, it.number, err);
  }
  if (st != JURU_OK) {
    if (st == JURU_ENOMEM) juru__fail(err, st, source, 0, 0, JURU__NONE, NULL);
    juru_abbrevs_free(a);
    return st;
  }
  *out = a;
  return JURU_OK;
}

juru_status juru_abbrevs_load(const char *path, juru_abbrevs **out,
                              juru_error *err) {
  juru__buf b = {0};
  b.max = 16u << 20;
  *out = NULL;
  juru_status st = juru__read_file(path, &b, err);
  if (st == JURU_OK) st = juru_abbrevs_parse(b.data ? b.data : "", b.len, path,
                                             out, err);
  juru__buf_free(&b);
  return st;
}

void juru_abbrevs_free(juru_abbrevs *a) {
  if (!a) return;
  juru__strmap_free(&a->map);
  juru__free(a);
}

size_t juru_abbrevs_count(const juru_abbrevs *a) {
  return a ? a->map.count : 0;
}

juru_abbrev_class juru_abbrevs_find(const juru_abbrevs *a, const char *s,
                                    size_t len) {
  uint32_t cls;
  if (!a || len == 0 || len > MAX_ABBREV_BYTES ||
      !juru__strmap_get(&a->map, s, len, &cls))
    return JURU_ABBREV_NONE;
  return (juru_abbrev_class)cls;
}
