/* Glossaries: terms kept in stable storage, one per source, in the order
 * they were added (the order of priority). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "glossary.h"
#include "juru/text.h"

/* ---- arena ---------------------------------------------------------------- */

#define BLOCK_SIZE 65536

struct juru__arena_block {
  juru__arena_block *next;
  size_t used, size;
  char data[];
};

char *juru__arena_strndup(juru__arena *a, const char *s, size_t n) {
  juru__arena_block *b = a->head;
  if (!b || b->size - b->used < n + 1) {
    size_t size = n + 1 > BLOCK_SIZE ? n + 1 : BLOCK_SIZE;
    b = juru__malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = a->head;
    b->used = 0;
    b->size = size;
    a->head = b;
  }
  char *p = b->data + b->used;
  memcpy(p, s, n);
  p[n] = '\0';
  b->used += n + 1;
  return p;
}

void juru__arena_free(juru__arena *a) {
  while (a->head) {
    juru__arena_block *next = a->head->next;
    juru__free(a->head);
    a->head = next;
  }
}

/* ---- output strings ------------------------------------------------------- */

juru_status juru__out_str(juru__out *o, const char *s) {
  return juru__buf_append(o, s, strlen(s));
}

juru_status juru__out_fmt(juru__out *o, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return JURU_EINVAL;
  if ((size_t)n < sizeof small) return juru__buf_append(o, small, (size_t)n);
  juru_status st = juru__buf_reserve(o, (size_t)n + 1);
  if (st != JURU_OK) return st;
  va_start(ap, fmt);
  vsnprintf(o->data + o->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  o->len += (size_t)n;
  return JURU_OK;
}

/* ---- glossary ------------------------------------------------------------- */

juru_glossary *juru_glossary_new(void) {
  return juru__calloc(1, sizeof(juru_glossary));
}

void juru_glossary_free(juru_glossary *g) {
  if (!g) return;
  juru__arena_free(&g->text);
  juru__strmap_free(&g->seen);
  juru__free(g->terms);
  juru__free(g);
}

size_t juru__glossary_key(const char *s, size_t len, char *out, size_t size) {
  char *folded = NULL;
  size_t n = len;
  const char *src = s;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) {
      if (juru_normalize(s, len, JURU_NORM_CASEFOLD | JURU_NORM_NFC, &folded,
                         &n, NULL) != JURU_OK)
        return 0;
      src = folded;
      break;
    }
  size_t o = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    char c = src[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = o > 0;
      continue;
    }
    if (o + 2 >= size) {
      juru_free(folded);
      return 0;
    }
    if (space) out[o++] = ' ';
    space = 0;
    out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  juru_free(folded);
  return o;
}

static const char *keep(juru_glossary *g, const char *s, int *failed) {
  if (!s) s = "";
  const char *p = juru__arena_strndup(&g->text, s, strlen(s));
  if (!p) *failed = 1;
  return p;
}

/* A term is one line of text: control characters become spaces, runs of
 * spaces one, and the ends are trimmed (every format can then carry it). */
static const char *one_line(juru_glossary *g, const char *s, int *failed) {
  size_t n = strlen(s), o = 0;
  char *buf = juru__malloc(n + 1);
  if (!buf) {
    *failed = 1;
    return NULL;
  }
  for (size_t i = 0; i < n; i++) {
    char c = ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) ? ' ' : s[i];
    if (c == ' ' && (o == 0 || buf[o - 1] == ' ')) continue;
    buf[o++] = c;
  }
  while (o && buf[o - 1] == ' ') o--;
  const char *p = juru__arena_strndup(&g->text, buf, o);
  juru__free(buf);
  if (!p) *failed = 1;
  return p;
}

juru_status juru_glossary_add(juru_glossary *g, const juru_term *t) {
  if (!g || !t || !t->source || !t->target) return JURU_EINVAL;
  juru_term c = *t;
  int failed = 0;
  /* clean first: the key is that of the term as stored */
  c.source = one_line(g, t->source, &failed);
  c.target = one_line(g, t->target, &failed);
  if (failed) return JURU_ENOMEM;
  if (!c.source[0] || !c.target[0]) return JURU_EINVAL;
  char key[1024];
  /* variants (duta besar|dubes): the first names the term */
  size_t kn = juru__glossary_key(c.source, strcspn(c.source, "|"), key,
                                 sizeof key);
  if (kn == 0) return JURU_EINVAL;
  uint32_t old;
  if (juru__strmap_get(&g->seen, key, kn, &old)) return JURU_OK;
  if (g->count == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 64;
    juru_term *p = juru__realloc(g->terms, cap * sizeof *p);
    if (!p) return JURU_ENOMEM;
    g->terms = p;
    g->cap = cap;
  }
  c.note = keep(g, t->note, &failed);
  c.context = keep(g, t->context, &failed);
  c.from = keep(g, t->from, &failed);
  if (failed) return JURU_ENOMEM;
  juru_status st = juru__strmap_put(&g->seen, key, kn, (uint32_t)g->count, NULL);
  if (st != JURU_OK) return st;
  g->terms[g->count++] = c;
  return JURU_OK;
}

size_t juru_glossary_count(const juru_glossary *g) { return g ? g->count : 0; }

const juru_term *juru_glossary_get(const juru_glossary *g, size_t i) {
  return g && i < g->count ? &g->terms[i] : NULL;
}

/* ---- names ---------------------------------------------------------------- */

static const char *const category_names[] = {"term", "person", "org", "place",
                                             "role"};
static const char *const origin_names[] = {"user", "lexicon", "composed",
                                           "name"};

const char *juru_term_category_name(juru_term_category c) {
  return (unsigned)c < 5 ? category_names[c] : "term";
}

const char *juru_term_origin_name(juru_term_origin o) {
  return (unsigned)o < 4 ? origin_names[o] : "user";
}

juru_term_category juru__category_named(const char *s, size_t n) {
  for (int i = 0; i < 5; i++)
    if (strlen(category_names[i]) == n && memcmp(s, category_names[i], n) == 0)
      return (juru_term_category)i;
  if (n == 12 && memcmp(s, "organisation", 12) == 0) return JURU_TERM_ORG;
  return JURU_TERM_TERM;
}

juru_term_origin juru__origin_named(const char *s, size_t n) {
  for (int i = 0; i < 4; i++)
    if (strlen(origin_names[i]) == n && memcmp(s, origin_names[i], n) == 0)
      return (juru_term_origin)i;
  return JURU_ORIGIN_USER;
}

juru_glossary_format juru_glossary_format_named(const char *name) {
  static const struct {
    const char *name;
    juru_glossary_format f;
  } names[] = {{"tsv", JURU_GLOSSARY_TSV},       {"txt", JURU_GLOSSARY_TSV},
               {"csv", JURU_GLOSSARY_CSV},       {"json", JURU_GLOSSARY_JSON},
               {"tbx", JURU_GLOSSARY_TBX},       {"tbx2", JURU_GLOSSARY_TBX2},
               {"md", JURU_GLOSSARY_MARKDOWN},
               {"markdown", JURU_GLOSSARY_MARKDOWN},
               {"omegat", JURU_GLOSSARY_OMEGAT}, {"utf8", JURU_GLOSSARY_OMEGAT},
               {"deepl", JURU_GLOSSARY_DEEPL}};
  for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
    if (strcmp(name, names[i].name) == 0) return names[i].f;
  return JURU_GLOSSARY_AUTO;
}

static juru_glossary_format by_extension(const char *path) {
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return JURU_GLOSSARY_TSV;
  juru_glossary_format f = juru_glossary_format_named(dot + 1);
  return f == JURU_GLOSSARY_AUTO ? JURU_GLOSSARY_TSV : f;
}

/* ---- reading and writing -------------------------------------------------- */

juru_status juru_glossary_parse(juru_glossary *g, const char *data, size_t len,
                                juru_glossary_format format, const char *name,
                                juru_error *err) {
  if (!g || (!data && len)) return JURU_EINVAL;
  if (!data) data = "";
  if (!name) name = "<glossary>";
  /* a UTF-8 byte-order mark, as spreadsheet programs write it */
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, len -= 3;
  juru_status st = juru_utf8_check(data, len, err);
  if (st != JURU_OK) {
    if (err) snprintf(err->source, sizeof err->source, "%s", name);
    return st;
  }
  if (format == JURU_GLOSSARY_AUTO) format = by_extension(name);
  switch (format) {
    case JURU_GLOSSARY_TSV:
    case JURU_GLOSSARY_OMEGAT:
    case JURU_GLOSSARY_DEEPL:
      return juru__glossary_read_tsv(g, data, len, name, err);
    case JURU_GLOSSARY_CSV:
      return juru__glossary_read_csv(g, data, len, name, err);
    case JURU_GLOSSARY_JSON:
      return juru__glossary_read_json(g, data, len, name, err);
    case JURU_GLOSSARY_TBX:
    case JURU_GLOSSARY_TBX2:
      return juru__glossary_read_tbx(g, data, len, name, err);
    case JURU_GLOSSARY_MARKDOWN:
      return juru__glossary_read_md(g, data, len, name, err);
    default:
      return juru__fail(err, JURU_EINVAL, name, 0, 0, JURU__NONE,
                        "unknown glossary format");
  }
}

juru_status juru_glossary_load(juru_glossary *g, const char *path,
                               juru_glossary_format format, juru_error *err) {
  juru__buf b = {0};
  b.max = 512u << 20;
  juru_status st = juru__read_file(path, &b, err);
  if (st == JURU_OK)
    st = juru_glossary_parse(g, b.data, b.len,
                             format == JURU_GLOSSARY_AUTO ? by_extension(path)
                                                          : format,
                             path, err);
  juru__buf_free(&b);
  return st;
}

juru_status juru_glossary_write(const juru_glossary *g,
                                juru_glossary_format format, int full,
                                char **out, size_t *out_len, juru_error *err) {
  if (!g || !out) return JURU_EINVAL;
  juru__out o = {0};
  juru_status st;
  switch (format) {
    case JURU_GLOSSARY_JSON:
      st = juru__glossary_write_json(g, full, &o, err);
      break;
    case JURU_GLOSSARY_TBX:
    case JURU_GLOSSARY_TBX2:
      st = juru__glossary_write_tbx(g, format == JURU_GLOSSARY_TBX2 ? 2 : 3, &o);
      break;
    default:
      st = juru__glossary_write_text(g, format, full, &o);
      break;
  }
  if (st == JURU_OK && !o.data) st = juru__buf_reserve(&o, 0);
  if (st != JURU_OK) {
    juru__buf_free(&o);
    if (st == JURU_ENOMEM) juru__fail(err, st, NULL, 0, 0, JURU__NONE, NULL);
    return st;
  }
  *out = o.data;
  if (out_len) *out_len = o.len;
  return JURU_OK;
}
