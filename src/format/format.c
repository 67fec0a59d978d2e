/* Output formats for translations (see juru/format.h).  JSON goes through
 * jansson; XML is written by hand because it is only ever escaped text
 * inside a fixed skeleton. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "juru/format.h"
#include "../util/util.h"

struct juru_writer {
  juru_format format;
  const juru_glossary *glossary;
  juru_write_fn fn;
  void *userdata;
  size_t in_line;   /* sentences written on the current line (text) */
  size_t units;     /* TMX/XLIFF ids */
  juru__buf buf;
  char *original;
};

static const struct {
  const char *name;
  juru_format format;
} names[] = {{"text", JURU_FORMAT_TEXT},   {"txt", JURU_FORMAT_TEXT},
             {"bilingual", JURU_FORMAT_BILINGUAL},
             {"tsv", JURU_FORMAT_TSV},     {"jsonl", JURU_FORMAT_JSONL},
             {"md", JURU_FORMAT_MARKDOWN}, {"markdown", JURU_FORMAT_MARKDOWN},
             {"tmx", JURU_FORMAT_TMX},     {"xliff", JURU_FORMAT_XLIFF},
             {"explain", JURU_FORMAT_EXPLAIN}};

int juru_format_named(const char *name, juru_format *out) {
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(name, names[i].name) == 0) {
      *out = names[i].format;
      return 1;
    }
  return 0;
}

static juru_status add(juru_writer *w, const char *s, size_t n) {
  return juru__buf_append(&w->buf, s, n);
}

static juru_status adds(juru_writer *w, const char *s) {
  return add(w, s, strlen(s));
}

static juru_status flush(juru_writer *w) {
  if (w->buf.len == 0) return JURU_OK;
  int rc = w->fn(w->buf.data, w->buf.len, w->userdata);
  juru__buf_clear(&w->buf);
  return rc ? JURU_EIO : JURU_OK;
}

/* Text for XML character data and attributes. */
static juru_status add_xml(juru_writer *w, const char *s, size_t n) {
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '&': st = adds(w, "&amp;"); break;
    case '<': st = adds(w, "&lt;"); break;
    case '>': st = adds(w, "&gt;"); break;
    case '"': st = adds(w, "&quot;"); break;
    default:
      /* XML 1.0 forbids most control characters even as references */
      st = c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? add(w, " ", 1)
                                                          : add(w, s + i, 1);
    }
  }
  return st;
}

/* A TSV field or table cell stays on one line. */
static juru_status add_cell(juru_writer *w, const char *s, size_t n,
                            int markdown) {
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') st = add(w, " ", 1);
    else if (markdown && c == '|') st = adds(w, "\\|");
    else st = add(w, &c, 1);
  }
  return st;
}

static juru_status header(juru_writer *w) {
  switch (w->format) {
  case JURU_FORMAT_MARKDOWN:
    return adds(w, "| Indonesian | English |\n|---|---|\n");
  case JURU_FORMAT_TMX:
    return adds(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<tmx version=\"1.4\">\n"
                   "  <header creationtool=\"juru\" creationtoolversion=\""
                   JURU_VERSION_STRING "\" datatype=\"plaintext\" "
                   "segtype=\"sentence\" adminlang=\"en\" srclang=\"id\" "
                   "o-tmf=\"juru\"/>\n  <body>\n");
  case JURU_FORMAT_XLIFF: {
    juru_status st = adds(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:"
                             "tc:xliff:document:1.2\">\n  <file original=\"");
    if (st == JURU_OK) st = add_xml(w, w->original, strlen(w->original));
    if (st == JURU_OK)
      st = adds(w, "\" source-language=\"id\" target-language=\"en\" "
                   "datatype=\"plaintext\">\n    <body>\n");
    return st;
  }
  default:
    return JURU_OK;
  }
}

juru_status juru_writer_new(juru_format format, const char *original,
                            const juru_glossary *glossary, juru_write_fn fn,
                            void *userdata, juru_writer **out) {
  *out = NULL;
  juru_writer *w = juru__calloc(1, sizeof *w);
  if (!w) return JURU_ENOMEM;
  w->format = format;
  w->glossary = glossary;
  w->fn = fn;
  w->userdata = userdata;
  w->original = juru__strndup(original ? original : "-",
                              strlen(original ? original : "-"));
  juru_status st = w->original ? header(w) : JURU_ENOMEM;
  if (st == JURU_OK) st = flush(w);
  if (st != JURU_OK) {
    juru_writer_free(w);
    return st;
  }
  *out = w;
  return JURU_OK;
}

void juru_writer_free(juru_writer *w) {
  if (!w) return;
  juru__buf_free(&w->buf);
  juru__free(w->original);
  juru__free(w);
}

/* ---- JSON lines ------------------------------------------------------- */

static json_t *terms_json(const juru_writer *w, const char *src,
                          const juru_translation *t) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < t->n_units; i++) {
    const juru_unit *u = &t->units[i];
    if (u->kind != JURU_UNIT_TERM) continue;
    const juru_term *term = w->glossary ? juru_glossary_get(w->glossary, u->term)
                                        : NULL;
    json_t *o = json_object();
    if (!o || json_array_append_new(a, o)) break;
    json_object_set_new(o, "source", json_stringn(src + u->start, u->end - u->start));
    json_object_set_new(o, "english", json_string(term ? term->target : ""));
    if (term) json_object_set_new(o, "term", json_string(term->source));
    /* a term is honoured when its English is in the sentence's English */
    json_object_set_new(o, "honoured", json_boolean(u->english_len > 0));
  }
  return a;
}

static json_t *unknown_json(const char *src, const juru_translation *t) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < t->n_units; i++)
    if (t->units[i].kind == JURU_UNIT_UNKNOWN)
      json_array_append_new(a, json_stringn(src + t->units[i].start,
                                            t->units[i].end - t->units[i].start));
  return a;
}

static juru_status write_jsonl(juru_writer *w, size_t line, size_t index,
                               const char *src, size_t len,
                               const juru_translation *t) {
  json_t *o = json_object();
  if (!o) return JURU_ENOMEM;
  json_object_set_new(o, "line", json_integer((json_int_t)line));
  json_object_set_new(o, "sentence", json_integer((json_int_t)index));
  json_object_set_new(o, "source", json_stringn(src, len));
  json_object_set_new(o, "english", json_stringn(t->english, t->english_len));
  json_object_set_new(o, "terms", terms_json(w, src, t));
  json_object_set_new(o, "unknown", unknown_json(src, t));
  char *s = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  if (!s) return JURU_ENOMEM;
  juru_status st = adds(w, s);
  if (st == JURU_OK) st = add(w, "\n", 1);
  free(s); /* jansson's allocator, not Juru's */
  return st;
}

/* ---- explain ---------------------------------------------------------- */

static juru_status write_explain(juru_writer *w, size_t line, size_t index,
                                 const char *src, size_t len,
                                 const juru_translation *t) {
  char head[64];
  snprintf(head, sizeof head, "[%zu.%zu] ", line, index + 1);
  juru_status st = adds(w, head);
  if (st == JURU_OK) st = add_cell(w, src, len, 0);
  if (st == JURU_OK) st = adds(w, "\n  => ");
  if (st == JURU_OK) st = add(w, t->english, t->english_len);
  if (st == JURU_OK) st = adds(w, "\n");
  for (size_t i = 0; st == JURU_OK && i < t->n_units; i++) {
    const juru_unit *u = &t->units[i];
    if (u->kind == JURU_UNIT_PUNCT) continue;
    st = adds(w, "  ");
    if (st == JURU_OK) st = adds(w, juru_unit_kind_name(u->kind));
    if (st == JURU_OK) st = adds(w, "\t");
    if (st == JURU_OK) st = add_cell(w, src + u->start, u->end - u->start, 0);
    if (st == JURU_OK && u->analysis[0]) {
      st = adds(w, " (");
      if (st == JURU_OK) st = adds(w, u->analysis);
      if (st == JURU_OK) st = adds(w, ")");
    }
    if (st == JURU_OK) st = adds(w, " -> ");
    if (st == JURU_OK) st = add(w, u->english_len ? u->english : "-",
                                u->english_len ? u->english_len : 1);
    if (st == JURU_OK) st = adds(w, "\n");
  }
  if (st == JURU_OK) {
    char tail[128];
    snprintf(tail, sizeof tail, "  terms: %zu, unknown words: %zu\n\n",
             t->n_terms, t->n_unknown);
    st = adds(w, tail);
  }
  return st;
}

/* ---- the rest --------------------------------------------------------- */

static juru_status write_xml_unit(juru_writer *w, const char *src, size_t len,
                                  const juru_translation *t) {
  char id[64];
  juru_status st;
  w->units++;
  if (w->format == JURU_FORMAT_TMX) {
    st = adds(w, "    <tu>\n      <tuv xml:lang=\"id\"><seg>");
    if (st == JURU_OK) st = add_xml(w, src, len);
    if (st == JURU_OK) st = adds(w, "</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>");
    if (st == JURU_OK) st = add_xml(w, t->english, t->english_len);
    if (st == JURU_OK) st = adds(w, "</seg></tuv>\n    </tu>\n");
    return st;
  }
  snprintf(id, sizeof id, "      <trans-unit id=\"%zu\">\n        <source>", w->units);
  st = adds(w, id);
  if (st == JURU_OK) st = add_xml(w, src, len);
  if (st == JURU_OK) st = adds(w, "</source>\n        <target state=\"translated\">");
  if (st == JURU_OK) st = add_xml(w, t->english, t->english_len);
  if (st == JURU_OK) st = adds(w, "</target>\n      </trans-unit>\n");
  return st;
}

juru_status juru_writer_sentence(juru_writer *w, size_t line, size_t index,
                                 const char *src, size_t len,
                                 const juru_translation *t) {
  juru_status st = JURU_OK;
  switch (w->format) {
  case JURU_FORMAT_TEXT:
    if (w->in_line++) st = add(w, " ", 1);
    if (st == JURU_OK) st = add(w, t->english, t->english_len);
    break;
  case JURU_FORMAT_BILINGUAL:
    st = add_cell(w, src, len, 0);
    if (st == JURU_OK) st = add(w, "\n", 1);
    if (st == JURU_OK) st = add_cell(w, t->english, t->english_len, 0);
    if (st == JURU_OK) st = add(w, "\n\n", 2);
    break;
  case JURU_FORMAT_TSV:
  case JURU_FORMAT_MARKDOWN: {
    int md = w->format == JURU_FORMAT_MARKDOWN;
    if (md) st = add(w, "| ", 2);
    if (st == JURU_OK) st = add_cell(w, src, len, md);
    if (st == JURU_OK) st = adds(w, md ? " | " : "\t");
    if (st == JURU_OK) st = add_cell(w, t->english, t->english_len, md);
    if (st == JURU_OK) st = adds(w, md ? " |\n" : "\n");
    break;
  }
  case JURU_FORMAT_JSONL:
    st = write_jsonl(w, line, index, src, len, t);
    break;
  case JURU_FORMAT_TMX:
  case JURU_FORMAT_XLIFF:
    st = write_xml_unit(w, src, len, t);
    break;
  case JURU_FORMAT_EXPLAIN:
    st = write_explain(w, line, index, src, len, t);
    break;
  }
  return st == JURU_OK ? flush(w) : st;
}

juru_status juru_writer_line_end(juru_writer *w) {
  if (w->format != JURU_FORMAT_TEXT) return JURU_OK;
  w->in_line = 0;
  juru_status st = add(w, "\n", 1);
  return st == JURU_OK ? flush(w) : st;
}

juru_status juru_writer_finish(juru_writer *w) {
  juru_status st = JURU_OK;
  if (w->format == JURU_FORMAT_TMX) st = adds(w, "  </body>\n</tmx>\n");
  else if (w->format == JURU_FORMAT_XLIFF)
    st = adds(w, "    </body>\n  </file>\n</xliff>\n");
  return st == JURU_OK ? flush(w) : st;
}
