/* The lexicon: TSV sources parsed into records, indexed by normalised
 * headword, by each English sense and by each word of a multi-word
 * headword; saved and reopened as a data file.
 *
 * Records live in one text blob, one per line:
 *     HEADWORD \t ENGLISH \t POS \t NOTE \t SOURCE \n
 * An index maps a key to a position in the `lists` array of u32, which
 * holds a count followed by that many record offsets, best first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juru/lexicon.h"
#include "juru/text.h"
#include "../util/datafile.h"

#define MAX_FIELD 4096

struct juru_lexicon {
  juru__buf records;
  juru__buf lists; /* u32 */
  juru__strmap fwd, rev, words;
  size_t max_words;
  char *stamp;
  juru__datafile df; /* when opened compiled */
  size_t headwords;
  /* while loading: key -> record offsets, gathered then indexed */
  juru__buf pairs;   /* pair_t */
};

typedef struct pair_t {
  const char *key;           /* set just before sorting */
  uint32_t key_off, key_len; /* into the scratch key blob */
  uint32_t rec;              /* record offset */
  uint32_t seq;              /* for a stable order */
} pair_t;

/* ---- keys --------------------------------------------------------------- */

/* Lower case, single spaces, trimmed.  Returns the length, 0 if it does not
 * fit. */
static size_t normalise_key(const char *s, size_t len, char *out, size_t size) {
  char *folded = NULL;
  size_t n = 0;
  int ascii = 1;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) ascii = 0;
  const char *src = s;
  if (!ascii) {
    if (juru_normalize(s, len, JURU_NORM_CASEFOLD | JURU_NORM_NFC, &folded, &n,
                       NULL) != JURU_OK)
      return 0;
    src = folded;
    len = n;
  }
  size_t o = 0;
  int space = 0;
  for (size_t i = 0; i < len; i++) {
    char c = src[i];
    if (c == ' ' || c == '\t') {
      space = o > 0;
      continue;
    }
    if (space) {
      if (o + 1 >= size) break;
      out[o++] = ' ';
      space = 0;
    }
    if (o + 1 >= size) {
      o = 0;
      break;
    }
    out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  juru_free(folded);
  return o;
}

/* ---- loading TSV -------------------------------------------------------- */

typedef struct loader {
  juru_lexicon *lx;
  juru__buf keys; /* scratch: normalised keys of pairs */
  juru__buf revpairs, wordpairs; /* English sense -> record, word -> record */
  uint32_t seq;
} loader;

static juru_status add_pair(loader *L, juru__buf *pairs, const char *key,
                            size_t klen, size_t rec) {
  pair_t p = {NULL, (uint32_t)L->keys.len, (uint32_t)klen, (uint32_t)rec,
              L->seq++};
  juru_status st = juru__buf_append(&L->keys, key, klen);
  if (st == JURU_OK) st = juru__buf_append(pairs, &p, sizeof p);
  return st;
}

static size_t count_words(const char *s, size_t n) {
  size_t w = n ? 1 : 0;
  for (size_t i = 0; i < n; i++) w += s[i] == ' ';
  return w;
}

/* Each word of a multi-word key indexes its record (gencatan -> gencatan
 * senjata), so a word known only inside terms can be shown in them. */
static juru_status index_words(loader *L, const char *key, size_t klen,
                               size_t rec) {
  juru_status st = JURU_OK;
  for (const char *w = key, *end = key + klen; w < end && st == JURU_OK;) {
    const char *sp = memchr(w, ' ', (size_t)(end - w));
    const char *stop = sp ? sp : end;
    st = add_pair(L, &L->wordpairs, w, (size_t)(stop - w), rec);
    w = sp ? sp + 1 : end;
  }
  return st;
}

static juru_status parse_line(loader *L, const char *line,
                              size_t len, const char *src, size_t srclen,
                              const char *path, size_t no, juru_error *err) {
  const char *f[5] = {0};
  size_t fl[5] = {0}, n = 0;
  for (const char *p = line, *end = line + len; n < 5;) {
    const char *t = memchr(p, '\t', (size_t)(end - p));
    f[n] = p;
    fl[n++] = (size_t)((t ? t : end) - p);
    if (!t) break;
    p = t + 1;
  }
  if (n < 3 || n > 4)
    return juru__fail(err, JURU_ESYNTAX, path, no, n < 3 ? len + 1 : 1,
                      JURU__NONE,
                      "expected 3 or 4 tab-separated columns "
                      "(indonesian, english, pos[, note]), found %zu", n);
  size_t col = 1;
  for (size_t i = 0; i < n; i++) {
    if (i < 3 && fl[i] == 0)
      return juru__fail(err, JURU_ESYNTAX, path, no, col, JURU__NONE,
                        "empty %s column",
                        i == 0 ? "indonesian" : i == 1 ? "english" : "pos");
    if (fl[i] > MAX_FIELD)
      return juru__fail(err, JURU_ESYNTAX, path, no, col, JURU__NONE,
                        "column longer than %d bytes", MAX_FIELD);
    col += fl[i] + 1;
  }
  char key[MAX_FIELD];
  size_t klen = normalise_key(f[0], fl[0], key, sizeof key);
  if (klen == 0)
    return juru__fail(err, JURU_ESYNTAX, path, no, 1, JURU__NONE,
                      "empty indonesian column");
  juru__buf *rec = &L->lx->records;
  size_t off = rec->len;
  juru_status st = JURU_OK;
  for (size_t i = 0; i < 4 && st == JURU_OK; i++) {
    if (i < n) st = juru__buf_append(rec, f[i], fl[i]);
    if (st == JURU_OK) st = juru__buf_append(rec, "\t", 1);
  }
  if (st == JURU_OK) st = juru__buf_append(rec, src, srclen);
  if (st == JURU_OK) st = juru__buf_append(rec, "\n", 1);
  if (st == JURU_OK) st = add_pair(L, &L->lx->pairs, key, klen, off);
  size_t words = count_words(key, klen);
  if (words > L->lx->max_words) L->lx->max_words = words;
  if (st == JURU_OK && words > 1) st = index_words(L, key, klen, off);
  /* each English sense indexes back */
  const char *e = f[1], *end = f[1] + fl[1];
  while (st == JURU_OK && e < end) {
    const char *semi = memchr(e, ';', (size_t)(end - e));
    const char *stop = semi ? semi : end;
    char ekey[MAX_FIELD];
    size_t elen = normalise_key(e, (size_t)(stop - e), ekey, sizeof ekey);
    if (elen) st = add_pair(L, &L->revpairs, ekey, elen, off);
    e = semi ? semi + 1 : end;
  }
  return st;
}

static juru_status parse_buffer(loader *L, const char *data, size_t size,
                                const char *path, juru_error *err) {
  juru_status st = juru_utf8_check(data, size, err);
  if (st != JURU_OK && err)
    snprintf(err->source, sizeof err->source, "%s", path);
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t blen = strlen(base);
  if (blen > 4 && strcmp(base + blen - 4, ".tsv") == 0) blen -= 4;
  juru__lines it = {data, size, 0, 0};
  const char *line;
  size_t len;
  while (st == JURU_OK && juru__next_line(&it, &line, &len)) {
    if (len == 0 || line[0] == '#') continue;
    st = parse_line(L, line, len, base, blen, path, it.number, err);
  }
  if (st == JURU_ENOMEM)
    juru__fail(err, st, path, it.number, 0, JURU__NONE, NULL);
  return st;
}

static juru_status load_file(loader *L, const char *path, juru_error *err) {
  juru__buf b = {0};
  b.max = 256u << 20;
  juru_status st = juru__read_file(path, &b, err);
  if (st == JURU_OK)
    st = parse_buffer(L, b.data ? b.data : "", b.len, path, err);
  juru__buf_free(&b);
  return st;
}

static int cmp_pairs(const void *a, const void *b) {
  const pair_t *x = a, *y = b;
  size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
  int c = memcmp(x->key, y->key, n);
  if (c) return c;
  if (x->key_len != y->key_len) return x->key_len < y->key_len ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort the pairs by key (stable) and index each key's run of records. */
static juru_status build_index(juru_lexicon *lx, juru__strmap *map,
                               juru__buf *pairs, const juru__buf *keys) {
  size_t n = pairs->len / sizeof(pair_t);
  pair_t *p = (pair_t *)pairs->data;
  if (n == 0) return JURU_OK;
  for (size_t i = 0; i < n; i++) p[i].key = keys->data + p[i].key_off;
  qsort(p, n, sizeof *p, cmp_pairs);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && p[j].key_len == p[i].key_len &&
           memcmp(keys->data + p[j].key_off, keys->data + p[i].key_off,
                  p[i].key_len) == 0)
      j++;
    uint32_t at = (uint32_t)(lx->lists.len / sizeof(uint32_t));
    uint32_t count = 0;
    juru_status st = juru__buf_append(&lx->lists, &count, sizeof count);
    for (size_t k = i; k < j && st == JURU_OK; k++) {
      /* one record per source line; the same record twice (a sense listed
       * twice) only once */
      if (k > i && p[k].rec == p[k - 1].rec) continue;
      st = juru__buf_append(&lx->lists, &p[k].rec, sizeof p[k].rec);
      count++;
    }
    if (st == JURU_OK) {
      memcpy(lx->lists.data + (size_t)at * sizeof(uint32_t), &count,
             sizeof count);
      st = juru__strmap_put(map, keys->data + p[i].key_off, p[i].key_len, at,
                            NULL);
    }
    if (st != JURU_OK) return st;
    i = j;
  }
  return JURU_OK;
}

/* Load from n files, or (data != NULL) from one buffer named `name`. */
static juru_status load(const char *const *paths, size_t n, const char *data,
                        size_t size, const char *name, juru_lexicon **out,
                        juru_error *err) {
  *out = NULL;
  juru_lexicon *lx = juru__calloc(1, sizeof *lx);
  if (!lx) return juru__fail(err, JURU_ENOMEM, NULL, 0, 0, JURU__NONE, NULL);
  loader L;
  memset(&L, 0, sizeof L);
  L.lx = lx;
  juru_status st = JURU_OK;
  if (data) st = parse_buffer(&L, data, size, name, err);
  for (size_t i = 0; !data && i < n && st == JURU_OK; i++)
    st = load_file(&L, paths[i], err);
  if (st == JURU_OK) st = build_index(lx, &lx->fwd, &lx->pairs, &L.keys);
  if (st == JURU_OK) st = build_index(lx, &lx->rev, &L.revpairs, &L.keys);
  if (st == JURU_OK) st = build_index(lx, &lx->words, &L.wordpairs, &L.keys);
  juru__buf_free(&L.keys);
  juru__buf_free(&L.revpairs);
  juru__buf_free(&L.wordpairs);
  juru__buf_free(&lx->pairs);
  if (st != JURU_OK) {
    if (st == JURU_ENOMEM) juru__fail(err, st, NULL, 0, 0, JURU__NONE, NULL);
    juru_lexicon_free(lx);
    return st;
  }
  *out = lx;
  return JURU_OK;
}

juru_status juru_lexicon_load(const char *const *paths, size_t n,
                              juru_lexicon **out, juru_error *err) {
  if (!paths && n) return JURU_EINVAL;
  return load(paths, n, NULL, 0, NULL, out, err);
}

juru_status juru_lexicon_parse(const char *data, size_t len, const char *name,
                               juru_lexicon **out, juru_error *err) {
  if (!data && len) return JURU_EINVAL;
  return load(NULL, 0, data ? data : "", len, name ? name : "<lexicon>", out,
              err);
}

/* ---- compiled form ------------------------------------------------------ */

juru_status juru_lexicon_save(const juru_lexicon *lx, const char *path,
                              const char *stamp, juru_error *err) {
  uint64_t meta[2] = {lx->max_words, lx->fwd.count};
  juru__section s[9];
  memset(s, 0, sizeof s);
  strcpy(s[0].name, "meta");
  s[0].data = meta;
  s[0].size = sizeof meta;
  strcpy(s[1].name, "records");
  s[1].data = lx->records.data;
  s[1].size = lx->records.len;
  strcpy(s[2].name, "lists");
  s[2].data = lx->lists.data;
  s[2].size = lx->lists.len;
  juru__strmap_sections(&lx->fwd, "fwd", s + 3);
  juru__strmap_sections(&lx->rev, "rev", s + 5);
  juru__strmap_sections(&lx->words, "words", s + 7);
  juru__section all[10];
  memcpy(all, s, sizeof s);
  memset(&all[9], 0, sizeof all[9]);
  strcpy(all[9].name, "stamp");
  all[9].data = stamp ? stamp : "";
  all[9].size = stamp ? strlen(stamp) : 0;
  return juru__datafile_write(path, all, 10, err);
}

juru_status juru_lexicon_open(const char *path, juru_lexicon **out,
                              juru_error *err) {
  *out = NULL;
  juru_lexicon *lx = juru__calloc(1, sizeof *lx);
  if (!lx) return juru__fail(err, JURU_ENOMEM, path, 0, 0, JURU__NONE, NULL);
  juru_status st = juru__datafile_open(path, &lx->df, err);
  if (st != JURU_OK) {
    juru__free(lx);
    return st;
  }
  const juru__section *meta = juru__datafile_get(&lx->df, "meta");
  const juru__section *rec = juru__datafile_get(&lx->df, "records");
  const juru__section *lists = juru__datafile_get(&lx->df, "lists");
  const juru__section *stamp = juru__datafile_get(&lx->df, "stamp");
  st = JURU_ESYNTAX;
  if (meta && meta->size == 2 * sizeof(uint64_t) && rec && lists && stamp &&
      lists->size % sizeof(uint32_t) == 0 &&
      juru__strmap_view(&lx->fwd, &lx->df, "fwd") == JURU_OK &&
      juru__strmap_view(&lx->rev, &lx->df, "rev") == JURU_OK &&
      juru__strmap_view(&lx->words, &lx->df, "words") == JURU_OK) {
    uint64_t m[2];
    memcpy(m, meta->data, sizeof m);
    lx->max_words = (size_t)m[0];
    lx->headwords = (size_t)m[1];
    /* borrowed buffers: len set, cap 0, never freed (see juru_lexicon_free) */
    lx->records.data = (char *)rec->data;
    lx->records.len = rec->size;
    lx->lists.data = (char *)lists->data;
    lx->lists.len = lists->size;
    lx->stamp = juru__strndup(stamp->data, stamp->size);
    st = lx->stamp ? JURU_OK : JURU_ENOMEM;

  }
  if (st != JURU_OK) {
    juru_lexicon_free(lx);
    return juru__fail(err, st, path, 0, 0, JURU__NONE,
                      st == JURU_ESYNTAX ? "damaged compiled lexicon" : NULL);
  }
  *out = lx;
  return JURU_OK;
}

const char *juru_lexicon_stamp(const juru_lexicon *lx) {
  return lx && lx->stamp ? lx->stamp : "";
}

void juru_lexicon_free(juru_lexicon *lx) {
  if (!lx) return;
  if (lx->df.map) {
    juru__strmap_free(&lx->fwd);
    juru__strmap_free(&lx->rev);
    juru__strmap_free(&lx->words);
    juru__datafile_close(&lx->df);
  } else {
    juru__buf_free(&lx->records);
    juru__buf_free(&lx->lists);
    juru__strmap_free(&lx->fwd);
    juru__strmap_free(&lx->rev);
    juru__strmap_free(&lx->words);
  }
  juru__buf_free(&lx->pairs);
  juru__free(lx->stamp);
  juru__free(lx);
}

/* ---- queries ------------------------------------------------------------ */

static void fill_entry(const juru_lexicon *lx, uint32_t off,
                       juru_lex_entry *e) {
  const char *p = lx->records.data + off;
  const char *end = lx->records.data + lx->records.len;
  const char *f[5];
  size_t fl[5];
  for (int i = 0; i < 5; i++) {
    const char *stop = p;
    while (stop < end && *stop != '\t' && *stop != '\n') stop++;
    f[i] = p;
    fl[i] = (size_t)(stop - p);
    p = stop < end ? stop + 1 : end;
  }
  e->headword = f[0];
  e->headword_len = fl[0];
  e->english = f[1];
  e->english_len = fl[1];
  e->pos = f[2];
  e->pos_len = fl[2];
  e->note = f[3];
  e->note_len = fl[3];
  e->source = f[4];
  e->source_len = fl[4];
}

static size_t query(const juru_lexicon *lx, const juru__strmap *map,
                    const char *key, size_t len, juru_lex_entry *out,
                    size_t max) {
  char k[MAX_FIELD];
  size_t n = normalise_key(key, len, k, sizeof k);
  uint32_t at;
  if (!lx || n == 0 || !juru__strmap_get(map, k, n, &at)) return 0;
  /* a compiled file is checked where it is read, not all at open */
  const uint32_t *l = (const uint32_t *)lx->lists.data;
  size_t nu32 = lx->lists.len / sizeof(uint32_t);
  if (at >= nu32 || l[at] > nu32 - at - 1) return 0;
  uint32_t count = l[at];
  size_t got = 0;
  for (uint32_t i = 0; i < count && got < max; i++)
    if (l[at + 1 + i] < lx->records.len)
      fill_entry(lx, l[at + 1 + i], &out[got++]);
  return got < max ? got : count;
}

size_t juru_lexicon_find(const juru_lexicon *lx, const char *key, size_t len,
                         juru_lex_entry *out, size_t max) {
  return query(lx, &lx->fwd, key, len, out, max);
}

size_t juru_lexicon_reverse(const juru_lexicon *lx, const char *english,
                            size_t len, juru_lex_entry *out, size_t max) {
  return query(lx, &lx->rev, english, len, out, max);
}

size_t juru_lexicon_containing(const juru_lexicon *lx, const char *word,
                               size_t len, juru_lex_entry *out, size_t max) {
  return query(lx, &lx->words, word, len, out, max);
}

size_t juru_lexicon_count(const juru_lexicon *lx) {
  return !lx ? 0 : lx->df.map ? lx->headwords : lx->fwd.count;
}

size_t juru_lexicon_max_words(const juru_lexicon *lx) {
  return lx ? lx->max_words : 0;
}
