/* Glossaries as text: TSV (OmegaT layout), CSV (RFC 4180), and the export
 * formats Markdown, OmegaT and DeepL. */
#include <stdio.h>
#include <string.h>

#include "glossary.h"

#define MAX_FIELDS 8
#define MAX_FIELD_BYTES 65536

typedef struct field {
  const char *s;
  size_t n;
} field;

/* The columns of a term row: source, target, comment, then (as Juru writes
 * them) category, frequency, origin, context. */
static juru_status add_row(juru_glossary *g, const field *f, size_t n,
                           const char *name, size_t line, const size_t *col,
                           juru_error *err) {
  if (n < 2)
    return juru__fail(err, JURU_ESYNTAX, name, line, col[0], JURU__NONE,
                      "expected at least 2 columns (source, target), found %zu",
                      n);
  for (size_t i = 0; i < 2; i++)
    if (f[i].n == 0)
      return juru__fail(err, JURU_ESYNTAX, name, line, col[i], JURU__NONE,
                        "empty %s", i ? "target" : "source");
  char buf[6][MAX_FIELD_BYTES + 1];
  for (size_t i = 0; i < n && i < 6; i++) {
    if (f[i].n > MAX_FIELD_BYTES)
      return juru__fail(err, JURU_ESYNTAX, name, line, col[i], JURU__NONE,
                        "field longer than %d bytes", MAX_FIELD_BYTES);
    memcpy(buf[i], f[i].s, f[i].n);
    buf[i][f[i].n] = '\0';
  }
  juru_term t;
  memset(&t, 0, sizeof t);
  t.source = buf[0];
  t.target = buf[1];
  t.note = n > 2 ? buf[2] : "";
  t.from = name;
  if (n > 3) t.category = juru__category_named(f[3].s, f[3].n);
  if (n > 4) {
    size_t v = 0;
    for (size_t i = 0; i < f[4].n && f[4].s[i] >= '0' && f[4].s[i] <= '9'; i++)
      v = v * 10 + (size_t)(f[4].s[i] - '0');
    t.frequency = v;
  }
  t.origin = n > 5 ? juru__origin_named(f[5].s, f[5].n) : JURU_ORIGIN_USER;
  juru_status st = juru_glossary_add(g, &t);
  if (st == JURU_EINVAL)
    return juru__fail(err, JURU_ESYNTAX, name, line, 1, JURU__NONE,
                      "source is too long or blank");
  if (st != JURU_OK) return juru__fail(err, st, name, line, 0, JURU__NONE, NULL);
  return JURU_OK;
}

juru_status juru__glossary_read_tsv(juru_glossary *g, const char *data,
                                    size_t len, const char *name,
                                    juru_error *err) {
  juru__lines it = {data, len, 0, 0};
  const char *p;
  size_t n;
  while (juru__next_line(&it, &p, &n)) {
    size_t line = it.number;
    if (n == 0 || p[0] == '#') continue;
    field f[MAX_FIELDS];
    size_t col[MAX_FIELDS], nf = 0;
    for (size_t k = 0; nf < MAX_FIELDS;) {
      const char *tab = memchr(p + k, '\t', n - k);
      size_t e = tab ? (size_t)(tab - p) : n;
      f[nf].s = p + k;
      f[nf].n = e - k;
      col[nf++] = k + 1;
      if (!tab) break;
      k = e + 1;
    }
    juru_status st = add_row(g, f, nf, name, line, col, err);
    if (st != JURU_OK) return st;
  }
  return JURU_OK;
}

/* A Markdown table as Juru writes it: | source | target | comment | ...,
 * a separator row |---|---|, pipes inside cells escaped as \|. */
juru_status juru__glossary_read_md(juru_glossary *g, const char *data,
                                   size_t len, const char *name,
                                   juru_error *err) {
  juru__buf cells = {0};
  size_t rows = 0;
  juru_status st = JURU_OK;
  juru__lines it = {data, len, 0, 0};
  const char *p;
  size_t n;
  while (st == JURU_OK && juru__next_line(&it, &p, &n)) {
    size_t line = it.number;
    while (n && p[n - 1] == ' ') n--;
    if (n == 0) continue;
    if (p[0] != '|' || p[n - 1] != '|') {
      st = juru__fail(err, JURU_ESYNTAX, name, line, 1, JURU__NONE,
                      "expected a table row: | source | target | ... |");
      break;
    }
    if (rows++ == 0 || (n > 1 && p[1] == '-')) continue; /* header, rule */
    field f[MAX_FIELDS];
    size_t col[MAX_FIELDS], nf = 0;
    juru__buf_clear(&cells);
    st = juru__buf_reserve(&cells, n);
    size_t k = 1;
    while (st == JURU_OK && k < n && nf < MAX_FIELDS) {
      size_t start = cells.len;
      col[nf] = k + 1;
      while (k < n - 1 && p[k] == ' ') k++;
      while (k < n && p[k] != '|') {
        if (p[k] == '\\' && k + 1 < n && p[k + 1] == '|') k++;
        cells.data[cells.len++] = p[k++];
      }
      size_t end = cells.len;
      while (end > start && cells.data[end - 1] == ' ') end--;
      f[nf].s = cells.data + start;
      f[nf].n = end - start;
      nf++;
      k++; /* the pipe */
    }
    if (st == JURU_OK) st = add_row(g, f, nf, name, line, col, err);
  }
  juru__buf_free(&cells);
  return st;
}

/* RFC 4180: fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and "" for a quote. */
juru_status juru__glossary_read_csv(juru_glossary *g, const char *data,
                                    size_t len, const char *name,
                                    juru_error *err) {
  juru__buf unq[MAX_FIELDS];
  memset(unq, 0, sizeof unq);
  size_t line = 1, record = 0;
  size_t i = 0;
  juru_status st = JURU_OK;
  while (st == JURU_OK && i < len) {
    field f[MAX_FIELDS];
    size_t col[MAX_FIELDS], nf = 0, start_line = line;
    size_t line_start = i;
    for (;;) { /* one field */
      if (nf == MAX_FIELDS) {
        st = juru__fail(err, JURU_ESYNTAX, name, line, i - line_start + 1,
                        JURU__NONE, "more than %d fields", MAX_FIELDS);
        break;
      }
      juru__buf *b = &unq[nf];
      juru__buf_clear(b);
      col[nf] = i - line_start + 1;
      if (i < len && data[i] == '"') {
        size_t qline = line, qcol = col[nf];
        i++;
        for (;;) {
          if (i >= len) {
            st = juru__fail(err, JURU_ESYNTAX, name, qline, qcol, JURU__NONE,
                            "unterminated quoted field");
            break;
          }
          if (data[i] == '"') {
            if (i + 1 < len && data[i + 1] == '"') {
              st = juru__buf_append(b, "\"", 1);
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (data[i] == '\n') line++, line_start = i + 1;
          st = juru__buf_append(b, data + i, 1);
          i++;
          if (st != JURU_OK) break;
        }
        if (st == JURU_OK && i < len && data[i] != ',' && data[i] != '\n' &&
            data[i] != '\r')
          st = juru__fail(err, JURU_ESYNTAX, name, line, i - line_start + 1,
                          JURU__NONE, "text after a closing quote");
      } else {
        size_t s = i;
        while (i < len && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
          if (data[i] == '"') {
            st = juru__fail(err, JURU_ESYNTAX, name, line, i - line_start + 1,
                            JURU__NONE, "quote inside an unquoted field");
            break;
          }
          i++;
        }
        if (st == JURU_OK) st = juru__buf_append(b, data + s, i - s);
      }
      if (st != JURU_OK) break;
      f[nf].s = b->data ? b->data : "";
      f[nf].n = b->len;
      nf++;
      if (i < len && data[i] == ',') {
        i++;
        continue;
      }
      break;
    }
    if (st != JURU_OK) break;
    if (i < len && data[i] == '\r') i++;
    if (i < len && data[i] == '\n') i++;
    line++;
    record++;
    int blank = nf == 1 && f[0].n == 0;
    int header = record == 1 && f[0].n == 6 &&
                 strncmp(f[0].s, "source", 6) == 0;
    if (!blank && !header) st = add_row(g, f, nf, name, start_line, col, err);
  }
  for (size_t k = 0; k < MAX_FIELDS; k++) juru__buf_free(&unq[k]);
  return st;
}

/* ---- writing -------------------------------------------------------------- */

/* A field for a line-based format: tabs and line breaks become spaces. */
static juru_status put_flat(juru__out *o, const char *s) {
  size_t run = 0, n = strlen(s);
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r') continue;
    st = juru__buf_append(o, s + run, i - run);
    if (st == JURU_OK) st = juru__buf_append(o, " ", 1);
    run = i + 1;
  }
  return st == JURU_OK ? juru__buf_append(o, s + run, n - run) : st;
}

static juru_status put_csv(juru__out *o, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) return juru__out_str(o, s);
  juru_status st = juru__out_str(o, "\"");
  for (const char *p = s; *p && st == JURU_OK; p++)
    st = juru__buf_append(o, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
  return st == JURU_OK ? juru__out_str(o, "\"") : st;
}

static juru_status put_md(juru__out *o, const char *s) {
  juru_status st = JURU_OK;
  for (const char *p = s; *p && st == JURU_OK; p++) {
    if (*p == '|') st = juru__out_str(o, "\\|");
    else if (*p == '\n' || *p == '\r' || *p == '\t') st = juru__out_str(o, " ");
    else st = juru__buf_append(o, p, 1);
  }
  return st;
}

typedef juru_status (*put_fn)(juru__out *o, const char *s);

static juru_status row(juru__out *o, put_fn put, const char *sep,
                       const char *const *cells, size_t n, const char *pre,
                       const char *post) {
  juru_status st = juru__out_str(o, pre);
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    if (i) st = juru__out_str(o, sep);
    if (st == JURU_OK) st = put(o, cells[i]);
  }
  return st == JURU_OK ? juru__out_str(o, post) : st;
}

juru_status juru__glossary_write_text(const juru_glossary *g,
                                      juru_glossary_format f, int full,
                                      juru__out *o) {
  static const char *const head[] = {"source", "target", "comment",
                                     "category", "frequency", "origin",
                                     "context"};
  size_t ncols = f == JURU_GLOSSARY_DEEPL ? 2 : full ? 7 : 3;
  if (f == JURU_GLOSSARY_OMEGAT) ncols = 3;
  put_fn put = f == JURU_GLOSSARY_CSV ? put_csv
               : f == JURU_GLOSSARY_MARKDOWN ? put_md
                                             : put_flat;
  const char *sep = f == JURU_GLOSSARY_CSV ? "," : f == JURU_GLOSSARY_MARKDOWN
                                                       ? " | "
                                                       : "\t";
  const char *pre = f == JURU_GLOSSARY_MARKDOWN ? "| " : "";
  const char *post = f == JURU_GLOSSARY_MARKDOWN ? " |\n"
                     : f == JURU_GLOSSARY_CSV    ? "\r\n"
                                                 : "\n";
  juru_status st = JURU_OK;
  if (f == JURU_GLOSSARY_CSV) {
    st = row(o, put, sep, head, ncols, pre, post);
  } else if (f == JURU_GLOSSARY_MARKDOWN) {
    st = row(o, put, sep, head, ncols, pre, post);
    for (size_t i = 0; i < ncols && st == JURU_OK; i++)
      st = juru__out_str(o, i ? "---|" : "|---|");
    if (st == JURU_OK) st = juru__out_str(o, "\n");
  } else if (f == JURU_GLOSSARY_TSV && full) {
    st = juru__out_str(o, "# ");
    if (st == JURU_OK) st = row(o, put, sep, head, ncols, pre, post);
  }
  for (size_t i = 0; i < g->count && st == JURU_OK; i++) {
    const juru_term *t = &g->terms[i];
    char freq[32];
    snprintf(freq, sizeof freq, "%zu", t->frequency);
    const char *cells[7] = {t->source,
                            t->target,
                            t->note,
                            juru_term_category_name(t->category),
                            freq,
                            juru_term_origin_name(t->origin),
                            t->context};
    st = row(o, put, sep, cells, ncols, pre, post);
  }
  return st;
}
