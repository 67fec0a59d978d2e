/* Reading parallel text: TSV, TMX, or two line-aligned files.  Every
 * complaint names the file and line, so a user can fix a corpus of a
 * million lines.  Only this file and nothing else parses TMX. */
#include <expat.h>
#include <stdio.h>
#include <string.h>

#include "juru/model.h"
#include "juru/text.h"
#include "../util/util.h"

#define MAX_CORPUS ((size_t)1 << 31)

static juru_status read_text(const char *path, juru__buf *b, juru_error *err) {
  b->max = MAX_CORPUS;
  juru_status st = juru__read_file(path, b, err);
  if (st == JURU_OK) st = juru_utf8_check(b->data ? b->data : "", b->len, err);
  if (st != JURU_OK && err && !err->source[0])
    snprintf(err->source, sizeof err->source, "%s", path);
  return st;
}

static const char *skip_bom(const char *s, size_t *n) {
  if (*n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
    *n -= 3;
    return s + 3;
  }
  return s;
}

static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

/* Two columns; a lexicon (`extra`) may have more, and '#' comments, and
 * its callback gets everything after the first tab. */
static juru_status read_tsv(const char *path, const char *data, size_t len,
                            int extra, juru_pair_fn fn, void *ud, size_t *count,
                            juru_error *err) {
  juru__lines it = {data, len, 0, 0};
  const char *line;
  size_t n;
  while (juru__next_line(&it, &line, &n)) {
    if (blank(line, n) || (extra && line[0] == '#')) continue;
    const char *tab = memchr(line, '\t', n);
    if (!tab)
      return juru__fail(err, JURU_ESYNTAX, path, it.number, 1, JURU__NONE,
                        "expected two columns, Indonesian TAB English; found one");
    size_t a = (size_t)(tab - line), b = n - a - 1;
    const char *second = memchr(tab + 1, '\t', b);
    if (second && !extra)
      return juru__fail(err, JURU_ESYNTAX, path, it.number,
                        (size_t)(second - line) + 1, JURU__NONE,
                        "expected two columns; found a third");
    if (blank(line, a) || blank(tab + 1, second ? (size_t)(second - tab - 1) : b))
      return juru__fail(err, JURU_ESYNTAX, path, it.number, blank(line, a) ? 1 : a + 2,
                        JURU__NONE, "empty %s side", blank(line, a) ? "Indonesian" : "English");
    juru_status st = fn(ud, line, a, tab + 1, b);
    if (st != JURU_OK)
      return juru__fail(err, st, path, it.number, 1, JURU__NONE, "%s", juru_strerror(st));
    ++*count;
  }
  return JURU_OK;
}

static juru_status read_aligned(const char *id_path, const char *id, size_t id_len,
                                const char *en_path, const char *en, size_t en_len,
                                juru_pair_fn fn, void *ud, size_t *count,
                                juru_error *err) {
  juru__lines a = {id, id_len, 0, 0}, b = {en, en_len, 0, 0};
  const char *la, *lb;
  size_t na, nb;
  for (;;) {
    int more_a = juru__next_line(&a, &la, &na), more_b = juru__next_line(&b, &lb, &nb);
    if (!more_a && !more_b) return JURU_OK;
    if (!more_a || !more_b)
      return juru__fail(err, JURU_ESYNTAX, more_a ? en_path : id_path,
                        (more_a ? b.number : a.number) + 1, 1, JURU__NONE,
                        "ends here, but %s goes on (line %zu): the files must "
                        "have one sentence per line, line for line",
                        more_a ? id_path : en_path, more_a ? a.number : b.number);
    if (blank(la, na) && blank(lb, nb)) continue;
    if (blank(la, na) || blank(lb, nb))
      return juru__fail(err, JURU_ESYNTAX, blank(la, na) ? id_path : en_path,
                        a.number, 1, JURU__NONE,
                        "empty line where %s has a sentence",
                        blank(la, na) ? en_path : id_path);
    juru_status st = fn(ud, la, na, lb, nb);
    if (st != JURU_OK)
      return juru__fail(err, st, id_path, a.number, 1, JURU__NONE, "%s", juru_strerror(st));
    ++*count;
  }
}

/* ---- TMX ------------------------------------------------------------------ */

typedef struct tmx_reader {
  juru_pair_fn fn;
  void *ud;
  int in_seg;
  int lang;            /* 1 id, 2 en, 0 other */
  juru__buf seg, id, en;
  size_t count;
  juru_status st;
} tmx_reader;

static int lang_is(const char *v, char a, char b) {
  return (v[0] == a || v[0] == a - 32) && (v[1] == b || v[1] == b - 32) &&
         (v[2] == '\0' || v[2] == '-' || v[2] == '_');
}

static int lang_of(const char **attr) {
  for (size_t i = 0; attr[i]; i += 2)
    if (strcmp(attr[i], "xml:lang") == 0 || strcmp(attr[i], "lang") == 0) {
      const char *v = attr[i + 1];
      if (lang_is(v, 'i', 'd') || lang_is(v, 'i', 'n')) return 1;
      return lang_is(v, 'e', 'n') ? 2 : 0;
    }
  return 0;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attr) {
  tmx_reader *r = ud;
  if (strcmp(name, "tu") == 0) {
    juru__buf_clear(&r->id);
    juru__buf_clear(&r->en);
  } else if (strcmp(name, "tuv") == 0) {
    r->lang = lang_of(attr);
  } else if (strcmp(name, "seg") == 0) {
    r->in_seg = 1;
    juru__buf_clear(&r->seg);
  }
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len) {
  tmx_reader *r = ud;
  if (r->in_seg && r->st == JURU_OK) r->st = juru__buf_append(&r->seg, s, (size_t)len);
}

static void XMLCALL on_end(void *ud, const XML_Char *name) {
  tmx_reader *r = ud;
  if (strcmp(name, "seg") == 0) {
    r->in_seg = 0;
    juru__buf *to = r->lang == 1 ? &r->id : r->lang == 2 ? &r->en : NULL;
    if (to && to->len == 0 && r->st == JURU_OK)
      r->st = juru__buf_append(to, r->seg.data ? r->seg.data : "", r->seg.len);
  } else if (strcmp(name, "tu") == 0 && r->id.len && r->en.len && r->st == JURU_OK) {
    r->st = r->fn(r->ud, r->id.data, r->id.len, r->en.data, r->en.len);
    r->count += r->st == JURU_OK;
  }
}

static juru_status read_tmx(const char *path, const char *data, size_t len,
                            juru_pair_fn fn, void *ud, size_t *count,
                            juru_error *err) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (!p) return juru__fail(err, JURU_ENOMEM, path, 0, 0, JURU__NONE, "out of memory");
  tmx_reader r = {fn, ud, 0, 0, {0}, {0}, {0}, 0, JURU_OK};
  XML_SetUserData(p, &r);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  juru_status st = JURU_OK;
  /* expat takes an int length: the file goes in in pieces */
  enum { PIECE = 1 << 26 };
  enum XML_Status xs;
  size_t off = 0;
  do {
    size_t n = len - off < PIECE ? len - off : PIECE;
    xs = XML_Parse(p, data + off, (int)n, off + n == len);
    off += n;
  } while (xs == XML_STATUS_OK && off < len);
  if (xs == XML_STATUS_ERROR)
    st = juru__fail(err, r.st != JURU_OK ? r.st : JURU_ESYNTAX, path,
                    XML_GetCurrentLineNumber(p), XML_GetCurrentColumnNumber(p) + 1,
                    JURU__NONE, "%s", r.st != JURU_OK ? juru_strerror(r.st)
                                      : XML_ErrorString(XML_GetErrorCode(p)));
  else if (r.st != JURU_OK)
    st = juru__fail(err, r.st, path, XML_GetCurrentLineNumber(p), 0, JURU__NONE,
                    "%s", juru_strerror(r.st));
  *count += r.count;
  XML_ParserFree(p);
  juru__buf_free(&r.seg);
  juru__buf_free(&r.id);
  juru__buf_free(&r.en);
  return st;
}

/* A TMX file starts with markup once white space is skipped. */
static int looks_like_xml(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
  return i < n && s[i] == '<';
}

juru_status juru_corpus_read_tmx(const char *path, juru_pair_fn fn, void *ud,
                                 size_t *count, juru_error *err) {
  *count = 0;
  juru__buf file = {0};
  juru_status st = read_text(path, &file, err);
  if (st == JURU_OK)
    st = read_tmx(path, file.data ? file.data : "", file.len, fn, ud, count, err);
  juru__buf_free(&file);
  return st;
}

juru_status juru_corpus_read(const char *path, const char *en_path,
                             juru_pair_fn fn, void *ud, size_t *count,
                             juru_error *err) {
  *count = 0;
  juru__buf a = {0}, b = {0};
  juru_status st = read_text(path, &a, err);
  if (st == JURU_OK && en_path) st = read_text(en_path, &b, err);
  if (st == JURU_OK) {
    size_t na = a.len, nb = b.len;
    const char *da = skip_bom(a.data ? a.data : "", &na);
    const char *db = skip_bom(b.data ? b.data : "", &nb);
    if (en_path)
      st = read_aligned(path, da, na, en_path, db, nb, fn, ud, count, err);
    else if (looks_like_xml(da, na))
      st = read_tmx(path, a.data ? a.data : "", a.len, fn, ud, count, err);
    else
      st = read_tsv(path, da, na, 0, fn, ud, count, err);
  }
  if (st == JURU_OK && *count == 0)
    st = juru__fail(err, JURU_ESYNTAX, path, 0, 0, JURU__NONE,
                    "no sentence pairs in it");
  juru__buf_free(&a);
  juru__buf_free(&b);
  return st;
}

juru_status juru_corpus_read_tsv(const char *path, juru_pair_fn fn, void *ud,
                                 size_t *count, juru_error *err) {
  *count = 0;
  juru__buf file = {0};
  juru_status st = read_text(path, &file, err);
  size_t n = file.len;
  const char *d = skip_bom(file.data ? file.data : "", &n);
  if (st == JURU_OK) st = read_tsv(path, d, n, 1, fn, ud, count, err);
  juru__buf_free(&file);
  return st;
}
