/* Indonesian morphological analysis: confix stripping in the spirit of
 * Nazief–Adriani / ECS, with every rule read from dictionaries/id/affixes.txt
 * and every root checked against the dictionary.  Analyses are cached per
 * lower-cased word: news repeats its words, so most lookups are one hash
 * probe. */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "juru/morph.h"
#include "juru/text.h"
#include "../util/datafile.h"
#include "hunspell.h"

enum kind {
  K_PARTICLE,
  K_POSSESSIVE,
  K_SUFFIX,
  K_PREFIX,
  K_PROCLITIC,
  K_INFIX,
  K_DWIPURWA,
  K_BOUND /* anti-, pasca-: for lookup, never stripped from a lemma */
};

typedef struct rule {
  enum kind kind;
  char form[12];
  size_t flen;
  char label[12];
  char next[32];   /* letters the rest must start with; "" = any */
  int mono;        /* the root must be one syllable (menge-bom) */
  char restore[4]; /* put back in front of the rest */
} rule;

typedef struct forbid {
  char prefix[12], suffix[12];
} forbid;

/* Roots are the dictionary's (value ROOT_DICTIONARY), the lemmas of the
 * exception list and the spelling variants (ROOT_TABLE), and the lemmas of
 * the corpus table (ROOT_CORPUS), which stemming does without. */
enum { ROOT_DICTIONARY = 1, ROOT_TABLE = 2, ROOT_CORPUS = 3 };

#define MAX_RULES 128
#define MAX_ENDING 8 /* letters of a respelled ending (-kan -> -kkan) */
#define MAX_FORBID 32
#define CACHE_LIMIT (1u << 20)

struct juru_morph {
  rule rules[MAX_RULES];
  size_t nrules;
  forbid forbids[MAX_FORBID];
  size_t nforbid;
  size_t maxprefix;
  juru__strmap meanings;   /* label -> offset into meaning_text */
  juru__strmap pos;        /* label -> offset into meaning_text */
  juru__buf meaning_text;
  juru__strmap roots;
  juru__strmap freq;       /* word -> count in a background corpus */
  uint64_t corpus_size;    /* their sum, computed on first use */
  juru__strmap exceptions; /* word -> offset into strings (its lemma) */
  juru__strmap variants;   /* non-standard spelling -> offset into strings;
                              an ending when it starts with '-' */
  juru__buf strings;
  juru__strmap cache;      /* word -> index into cached */
  juru_analysis *cached;
  size_t ncached, capcached;
  juru__hunspell *hun;
  char *aff_path, *dic_path;
  int hun_failed;
  juru__datafile df; /* compiled roots, frequencies and exceptions */
};

/* ---- loading ------------------------------------------------------------ */

static size_t split_tabs(const char *line, size_t len, const char **f,
                         size_t *fl, size_t max) {
  size_t n = 0;
  const char *p = line, *end = line + len;
  while (n < max) {
    const char *t = memchr(p, '\t', (size_t)(end - p));
    f[n] = p;
    fl[n] = (size_t)((t ? t : end) - p);
    n++;
    if (!t) break;
    p = t + 1;
  }
  return n;
}

static int copy_field(char *dst, size_t size, const char *s, size_t n) {
  if (n >= size) return 0;
  memcpy(dst, s, n);
  dst[n] = '\0';
  return 1;
}

static juru_status store_string(juru__buf *b, const char *s, size_t n,
                                uint32_t *off) {
  *off = (uint32_t)b->len;
  juru_status st = juru__buf_append(b, s, n);
  if (st == JURU_OK) st = juru__buf_append(b, "", 1);
  return st;
}

/* Map an affix label to a text (its meaning, or the part of speech it
 * makes). */
static juru_status label_text(juru_morph *m, juru__strmap *map,
                              const char *label, size_t label_len,
                              const char *text, size_t text_len) {
  uint32_t off;
  juru_status st = store_string(&m->meaning_text, text, text_len, &off);
  if (st == JURU_OK) st = juru__strmap_put(map, label, label_len, off, NULL);
  return st;
}

static int field_is(const char *f, size_t n, const char *word) {
  return strlen(word) == n && memcmp(f, word, n) == 0;
}

/* NEXT: "*" any, "V" vowels, "1" a one-syllable root, "=PATTERN" a
 * pattern of the rest's first letters (C consonant, V vowel, else itself),
 * else a set of letters. */
static void set_next(rule *r, const char *f, size_t n) {
  if (field_is(f, n, "*")) r->next[0] = '\0';
  else if (field_is(f, n, "1")) r->mono = 1;
  else if (field_is(f, n, "V")) strcpy(r->next, "aeiou");
  else copy_field(r->next, sizeof r->next, f, n);
}

static int is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* A rule for one root only (bel- before ajar): its pattern has no C or V. */
static int lexical_rule(const rule *r) {
  return r->next[0] == '=' && !strpbrk(r->next + 1, "CV");
}

static int next_ok(const rule *r, const char *rest, size_t rn) {
  if (!r->next[0]) return 1;
  if (r->next[0] != '=') return strchr(r->next, rest[0]) != NULL;
  size_t k = strlen(r->next + 1);
  if (rn < k) return 0;
  for (size_t i = 0; i < k; i++) {
    char p = r->next[1 + i], c = rest[i];
    if (p == 'C' ? (is_vowel(c) || c < 'a' || c > 'z')
                 : p == 'V' ? !is_vowel(c) : c != p)
      return 0;
  }
  return 1;
}

static juru_status parse_affix_line(juru_morph *m, const char *line,
                                    size_t len, const char *src, size_t no,
                                    juru_error *err) {
  const char *f[6] = {0};
  size_t fl[6] = {0};
  size_t n = split_tabs(line, len, f, fl, 6);
#define BAD(col, ...) \
  juru__fail(err, JURU_ESYNTAX, src, no, col, JURU__NONE, __VA_ARGS__)
  if (field_is(f[0], fl[0], "maxprefix") && n == 2) {
    m->maxprefix = (size_t)f[1][0] - '0';
    if (fl[1] != 1 || m->maxprefix < 1 || m->maxprefix > JURU_MAX_PREFIXES)
      return BAD(fl[0] + 2, "maxprefix must be 1-%d", JURU_MAX_PREFIXES);
    return JURU_OK;
  }
  int is_meaning = field_is(f[0], fl[0], "meaning");
  if (is_meaning || field_is(f[0], fl[0], "pos")) {
    if (n != 3) return BAD(1, "expected %.*s<TAB>LABEL<TAB>TEXT", (int)fl[0], f[0]);
    return label_text(m, is_meaning ? &m->meanings : &m->pos, f[1], fl[1],
                      f[2], fl[2]);
  }
  if (field_is(f[0], fl[0], "forbid")) {
    if (n != 3 || m->nforbid == MAX_FORBID) return BAD(1, "bad forbid line");
    forbid *b = &m->forbids[m->nforbid++];
    if (!copy_field(b->prefix, sizeof b->prefix, f[1], fl[1]) ||
        !copy_field(b->suffix, sizeof b->suffix, f[2], fl[2]))
      return BAD(1, "label too long");
    return JURU_OK;
  }
  enum kind k;
  size_t want;
  if (field_is(f[0], fl[0], "particle")) k = K_PARTICLE, want = 4;
  else if (field_is(f[0], fl[0], "possessive")) k = K_POSSESSIVE, want = 4;
  else if (field_is(f[0], fl[0], "suffix")) k = K_SUFFIX, want = 4;
  else if (field_is(f[0], fl[0], "prefix")) k = K_PREFIX, want = 5;
  else if (field_is(f[0], fl[0], "proclitic")) k = K_PROCLITIC, want = 4;
  else if (field_is(f[0], fl[0], "infix")) k = K_INFIX, want = 4;
  else if (field_is(f[0], fl[0], "dwipurwa")) k = K_DWIPURWA, want = 4;
  else if (field_is(f[0], fl[0], "bound")) k = K_BOUND, want = 4;
  else return BAD(1, "unknown kind '%.*s'", (int)fl[0], f[0]);
  if (n != want) return BAD(len + 1, "expected %zu fields, found %zu", want, n);
  if (m->nrules == MAX_RULES) return BAD(1, "too many rules");
  rule *r = &m->rules[m->nrules];
  memset(r, 0, sizeof *r);
  r->kind = k;
  if (fl[1] == 0 || !copy_field(r->form, sizeof r->form, f[1], fl[1]) ||
      !copy_field(r->label, sizeof r->label, f[2], fl[2]))
    return BAD(fl[0] + 2, "form or label empty or too long");
  r->flen = fl[1];
  if (k == K_PREFIX) {
    set_next(r, f[3], fl[3]);
    if (!field_is(f[4], fl[4], "-") &&
        !copy_field(r->restore, sizeof r->restore, f[4], fl[4]))
      return BAD(fl[0] + fl[1] + fl[2] + fl[3] + 5, "restore too long");
  } else {
    juru_status st = label_text(m, &m->meanings, f[2], fl[2], f[3], fl[3]);
    if (st != JURU_OK) return st;
  }
  m->nrules++;
  return JURU_OK;
#undef BAD
}

typedef juru_status (*line_fn)(juru_morph *m, const char *line, size_t len,
                               const char *src, size_t no, juru_error *err);

/* Read a UTF-8 text file and hand each non-comment line to `fn`. */
static juru_status each_line(juru_morph *m, const char *path, line_fn fn,
                             juru_error *err) {
  juru__buf b = {0};
  b.max = 64u << 20;
  juru_status st = juru__read_file(path, &b, err);
  if (st == JURU_OK && (st = juru_utf8_check(b.data, b.len, err)) != JURU_OK &&
      err)
    snprintf(err->source, sizeof err->source, "%s", path);
  juru__lines it = {b.data, b.len, 0, 0};
  const char *line;
  size_t len;
  while (st == JURU_OK && juru__next_line(&it, &line, &len)) {
    if (len == 0 || line[0] == '#') continue;
    st = fn(m, line, len, path, it.number, err);
  }
  juru__buf_free(&b);
  return st;
}

static void lower_ascii(char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = (char)(s[i] - 'A' + 'a');
}

/* id_ID.dic: a count, then WORD[/FLAGS] per line. */
static juru_status parse_dic_line(juru_morph *m, const char *line, size_t len,
                                  const char *src, size_t no,
                                  juru_error *err) {
  (void)src;
  (void)err;
  if (no == 1) return JURU_OK;
  const char *slash = memchr(line, '/', len);
  size_t n = slash ? (size_t)(slash - line) : len;
  while (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) n--;
  if (n == 0 || n >= JURU_MAX_WORD) return JURU_OK;
  char w[JURU_MAX_WORD];
  memcpy(w, line, n);
  lower_ascii(w, n);
  return juru__strmap_put(&m->roots, w, n, ROOT_DICTIONARY, NULL);
}

/* frequencies.tsv: WORD<TAB>COUNT */
static juru_status parse_freq_line(juru_morph *m, const char *line, size_t len,
                                   const char *src, size_t no,
                                   juru_error *err) {
  const char *tab = memchr(line, '\t', len);
  if (!tab || tab == line)
    return juru__fail(err, JURU_ESYNTAX, src, no, 1, JURU__NONE,
                      "expected WORD<TAB>COUNT");
  uint32_t n = 0;
  for (const char *p = tab + 1; p < line + len; p++) {
    if (*p < '0' || *p > '9' || n > UINT32_MAX / 10 - 10)
      return juru__fail(err, JURU_ESYNTAX, src, no,
                        (size_t)(p - line) + 1, JURU__NONE, "bad count");
    n = n * 10 + (uint32_t)(*p - '0');
  }
  return juru__strmap_put(&m->freq, line, (size_t)(tab - line), n, NULL);
}

/* An exceptions value is an offset into `strings`; the high bit marks a
 * lemma of the corpus table, which root analysis passes over (it keeps
 * derived forms whole: bekerja) while it keeps the written exceptions
 * (adalah). */
#define TABLE_LEMMA 0x80000000u

static juru_status add_exception(juru_morph *m, const char *line, size_t len,
                                 const char *src, size_t no, uint32_t mark,
                                 juru_error *err) {
  const char *f[3] = {0};
  size_t fl[3] = {0};
  if (split_tabs(line, len, f, fl, 3) < 2 || fl[0] == 0 || fl[1] == 0)
    return juru__fail(err, JURU_ESYNTAX, src, no, 1, JURU__NONE,
                      "expected WORD<TAB>LEMMA");
  uint32_t off;
  juru_status st = store_string(&m->strings, f[1], fl[1], &off);
  if (st == JURU_OK && (off & TABLE_LEMMA)) st = JURU_ETOOBIG;
  if (st == JURU_OK)
    st = juru__strmap_put(&m->exceptions, f[0], fl[0], off | mark, NULL);
  /* a lemma is a root that other forms may be built on (sebagainya) */
  if (st == JURU_OK && fl[1] < JURU_MAX_WORD)
    st = juru__strmap_put(&m->roots, f[1], fl[1],
                          mark ? ROOT_CORPUS : ROOT_TABLE, NULL);
  return st;
}

static juru_status parse_exception_line(juru_morph *m, const char *line,
                                        size_t len, const char *src,
                                        size_t no, juru_error *err) {
  return add_exception(m, line, len, src, no, 0, err);
}

static juru_status parse_lemma_line(juru_morph *m, const char *line,
                                    size_t len, const char *src, size_t no,
                                    juru_error *err) {
  return add_exception(m, line, len, src, no, TABLE_LEMMA, err);
}

/* spelling-variants.tsv: NONSTANDARD<TAB>STANDARD */
static juru_status parse_variant_line(juru_morph *m, const char *line,
                                      size_t len, const char *src, size_t no,
                                      juru_error *err) {
  const char *f[3] = {0};
  size_t fl[3] = {0};
  if (split_tabs(line, len, f, fl, 3) != 2 || fl[0] == 0 || fl[1] == 0)
    return juru__fail(err, JURU_ESYNTAX, src, no, 1, JURU__NONE,
                      "expected NONSTANDARD<TAB>STANDARD");
  if ((f[0][0] == '-') != (f[1][0] == '-') ||
      (f[0][0] == '-' && fl[0] > MAX_ENDING + 1))
    return juru__fail(err, JURU_ESYNTAX, src, no, 1, JURU__NONE,
                      "an ending (-kan) maps to an ending of at most %d "
                      "letters", MAX_ENDING);
  uint32_t off;
  juru_status st = store_string(&m->strings, f[1], fl[1], &off);
  if (st == JURU_OK) st = juru__strmap_put(&m->variants, f[0], fl[0], off, NULL);
  /* a variant is a root too (resikonya is resiko + -nya) */
  if (st == JURU_OK && f[0][0] != '-' && fl[0] < JURU_MAX_WORD)
    st = juru__strmap_put(&m->roots, f[0], fl[0], ROOT_TABLE, NULL);
  return st;
}

static char *dup_path(const char *p) {
  return p ? juru__strndup(p, strlen(p)) : NULL;
}

/* Every value of `map` (without its mark bit) is the offset of a
 * terminated string in `str`. */
static int strings_ok(const juru__strmap *map, const juru__section *str) {
  for (size_t i = 0; i < map->nslots; i++) {
    const juru__strmap_slot *sl = &map->slots[i];
    uint32_t off = sl->value & ~TABLE_LEMMA;
    if (sl->len && (off >= str->size ||
                    !memchr((const char *)str->data + off, '\0',
                            str->size - off)))
      return 0;
  }
  return 1;
}

/* The heavy tables from a compiled file instead of the text sources. */
static juru_status open_compiled(juru_morph *m, const char *path,
                                 juru_error *err) {
  juru_status st = juru__datafile_open(path, &m->df, err);
  if (st != JURU_OK) return st;
  const juru__section *str = juru__datafile_get(&m->df, "strings");
  if (!str || juru__strmap_view(&m->roots, &m->df, "roots") != JURU_OK ||
      juru__strmap_view(&m->freq, &m->df, "freq") != JURU_OK ||
      juru__strmap_view(&m->exceptions, &m->df, "exceptions") != JURU_OK ||
      juru__strmap_view(&m->variants, &m->df, "variants") != JURU_OK ||
      !strings_ok(&m->exceptions, str) || !strings_ok(&m->variants, str))
    return juru__fail(err, JURU_ESYNTAX, path, 0, 0, JURU__NONE,
                      "damaged compiled morphology");
  m->strings.data = (char *)str->data;
  m->strings.len = str->size;
  return JURU_OK;
}

juru_status juru_morph_save(const juru_morph *m, const char *path,
                            juru_error *err) {
  juru__section s[9];
  memset(s, 0, sizeof s);
  juru__strmap_sections(&m->roots, "roots", s);
  juru__strmap_sections(&m->freq, "freq", s + 2);
  juru__strmap_sections(&m->exceptions, "exceptions", s + 4);
  juru__strmap_sections(&m->variants, "variants", s + 6);
  strcpy(s[8].name, "strings");
  s[8].data = m->strings.data;
  s[8].size = m->strings.len;
  return juru__datafile_write(path, s, 9, err);
}

juru_status juru_morph_load(const juru_morph_files *files, juru_morph **out,
                            juru_error *err) {
  *out = NULL;
  if (!files || !files->affixes)
    return juru__fail(err, JURU_EINVAL, NULL, 0, 0, JURU__NONE,
                      "no affix file given");
  juru_morph *m = juru__calloc(1, sizeof *m);
  if (!m) return juru__fail(err, JURU_ENOMEM, NULL, 0, 0, JURU__NONE, NULL);
  m->maxprefix = JURU_MAX_PREFIXES;
  juru_status st = JURU_OK;
  if (files->compiled) {
    st = open_compiled(m, files->compiled, err);
  } else {
    /* affix meanings go to `strings` too: read the tables first so that a
     * compiled file made from them holds everything it needs */
    if (files->hunspell_dic)
      st = each_line(m, files->hunspell_dic, parse_dic_line, err);
    if (st == JURU_OK && files->exceptions)
      st = each_line(m, files->exceptions, parse_exception_line, err);
    if (st == JURU_OK && files->lemmas)
      st = each_line(m, files->lemmas, parse_lemma_line, err);
    if (st == JURU_OK && files->frequencies)
      st = each_line(m, files->frequencies, parse_freq_line, err);
    if (st == JURU_OK && files->variants)
      st = each_line(m, files->variants, parse_variant_line, err);
  }
  if (st == JURU_OK) st = each_line(m, files->affixes, parse_affix_line, err);
  if (st == JURU_OK) {
    m->aff_path = dup_path(files->hunspell_aff);
    m->dic_path = dup_path(files->hunspell_dic);
    if ((files->hunspell_aff && !m->aff_path) ||
        (files->hunspell_dic && !m->dic_path))
      st = JURU_ENOMEM;
  }
  if (st != JURU_OK) {
    if (st == JURU_ENOMEM)
      juru__fail(err, st, files->affixes, 0, 0, JURU__NONE, NULL);
    juru_morph_free(m);
    return st;
  }
  *out = m;
  return JURU_OK;
}

juru_status juru_morph_load_dir(const char *dir, juru_morph **out,
                                juru_error *err) {
  static const char *const rel[7] = {
      "id/affixes.txt",     "id/lemma-exceptions.tsv", "hunspell/id_ID.aff",
      "hunspell/id_ID.dic", "id/frequencies.tsv",      "id/lemmas-ud.tsv",
      "id/spelling-variants.tsv"};
  char p[7][4096];
  for (int i = 0; i < 7; i++)
    if ((size_t)snprintf(p[i], sizeof p[i], "%s/%s", dir ? dir : ".", rel[i]) >=
        sizeof p[i])
      return juru__fail(err, JURU_EINVAL, dir, 0, 0, JURU__NONE,
                        "directory name too long");
  juru_morph_files f = {p[0], p[1], p[2], p[3], p[4], p[5], p[6], NULL};
  return juru_morph_load(&f, out, err);
}

void juru_morph_free(juru_morph *m) {
  if (!m) return;
  juru__strmap_free(&m->meanings);
  juru__strmap_free(&m->pos);
  juru__buf_free(&m->meaning_text);
  juru__strmap_free(&m->roots);
  juru__strmap_free(&m->freq);
  juru__strmap_free(&m->exceptions);
  juru__strmap_free(&m->variants);
  juru__strmap_free(&m->cache);
  if (m->df.map) juru__datafile_close(&m->df);
  else juru__buf_free(&m->strings);
  juru__free(m->cached);
  juru__hunspell_close(m->hun);
  juru__free(m->aff_path);
  juru__free(m->dic_path);
  juru__free(m);
}

juru_status juru_morph_add_root(juru_morph *m, const char *root, size_t len) {
  if (!m || !root || len == 0 || len >= JURU_MAX_WORD) return JURU_EINVAL;
  return juru__strmap_put(&m->roots, root, len, ROOT_DICTIONARY, NULL);
}

const char *juru_morph_meaning(const juru_morph *m, const char *label) {
  uint32_t off;
  if (!m || !label || !juru__strmap_get(&m->meanings, label, strlen(label), &off))
    return NULL;
  return m->meaning_text.data + off;
}

static const char *pos_of(const juru_morph *m, const char *label) {
  uint32_t off;
  return label && juru__strmap_get(&m->pos, label, strlen(label), &off)
             ? m->meaning_text.data + off
             : NULL;
}

/* The part of speech the affixes make: a confix (ke-an), else the
 * outermost prefix, else the suffix. */
static void guess_pos(const juru_morph *m, juru_analysis *a) {
  const char *p = NULL;
  if (a->n_prefix && a->suffix) {
    char confix[32];
    snprintf(confix, sizeof confix, "%s%s", a->prefix[a->n_prefix - 1],
             a->suffix + 1);
    if (a->n_prefix == 1) p = pos_of(m, confix);
  }
  if (!p && a->n_prefix) p = pos_of(m, a->prefix[0]);
  if (!p) p = pos_of(m, a->suffix);
  a->pos = p;
}

/* ---- analysis ----------------------------------------------------------- */

typedef struct search {
  const juru_morph *m;
  juru_analysis best;
  double best_score;
  juru_analysis cur;
  const char *target; /* only readings with this root, when set */
  int dictionary_only; /* only roots of the dictionary, not table lemmas */
  int no_corpus;       /* not the corpus table's lemmas (stemming) */
  int stemming;        /* a lexical allomorph's reading always wins */
  int lexical;         /* prefixes stripped by lexical allomorphs */
  int mono_ok;         /* the last prefix asked for a one-syllable root */
  int unknown;         /* the word is not in the dictionary */
} search;

/* Each affix stripped costs AFFIX_COST, each prefix a little more (ECS
 * strips suffixes before prefixes); a root's log frequency in the
 * background corpus pays some of it back, so that mengalahkan is kalah (a
 * common word) rather than alah, and perbankan is bank rather than
 * perban + -kan. */
#ifndef AFFIX_COST
#define AFFIX_COST 2.5
#endif
#ifndef PREFIX_COST
#define PREFIX_COST 0.5
#endif
/* A lemma of the tables is a weaker root than the dictionary's: the
 * treebanks keep some inflected forms whole (lakukan), and building on
 * them gives diberlakukannya = di- + ber- + lakukan + -nya rather than
 * di- + berlaku + -kan + -nya.  (Neutral on cross-validated UD accuracy,
 * +1 token at 1.0.) */
#ifndef TABLE_ROOT_COST
#define TABLE_ROOT_COST 1.0
#endif
/* Keeping the word whole is a reading too.  A dictionary word costs
 * ROOT_KEEP_COST to keep (so that a clearly derived dictionary entry such as
 * belajar can still yield ajar); a word the dictionary lacks costs
 * UNKNOWN_KEEP_COST, so that any reading reaching a root wins: derived forms
 * the dictionary lacks are the common case, and the price is that a lower-
 * cased name can be cut (asean -> ase + -an).  Both are paid back by the
 * word's own frequency.  (Keeping unknown words at a cost of 4 loses 1.5
 * points of cross-validated UD accuracy and 9 on the Sastrawi cases.) */
#ifndef ROOT_KEEP_COST
#define ROOT_KEEP_COST 0.0
#endif
#ifndef UNKNOWN_KEEP_COST
#define UNKNOWN_KEEP_COST 1e9
#endif

/* A root of at most SHORT_ROOT letters and one syllable that derivation
 * reaches (di- + pe- + cat, ber- + as, dika = di- + ka) is more often a
 * false cut than a word (dicek, disahkan): such a reading costs
 * SHORT_ROOT_COST more, and is not taken at all for a word the dictionary
 * lacks, which is then most likely a name.  Clitics (haknya), reduplication
 * (jam-jam) and the prefixes that ask for one syllable (menge-bom) are
 * not doubted. */
#ifndef SHORT_ROOT
#define SHORT_ROOT 3
#endif
#ifndef SHORT_ROOT_COST
#define SHORT_ROOT_COST 3.0
#endif

static int is_root(const juru_morph *m, const char *s, size_t n) {
  return n > 1 && juru__strmap_get(&m->roots, s, n, NULL);
}

static int forbidden(const juru_morph *m, const char *prefix,
                     const char *suffix) {
  if (!prefix || !suffix) return 0;
  for (size_t i = 0; i < m->nforbid; i++)
    if (strcmp(m->forbids[i].prefix, prefix) == 0 &&
        strcmp(m->forbids[i].suffix, suffix) == 0)
      return 1;
  return 0;
}

static double log1p_count(const juru_morph *m, const char *w, size_t n) {
  uint32_t c = 0;
  juru__strmap_get(&m->freq, w, n, &c);
  double x = 1.0 + c, l = 0.0;
  while (x >= 2.718281828) { /* a coarse log without libm */
    x /= 2.718281828;
    l += 1.0;
  }
  return l + (x - 1.0);
}

/* Each vowel is a syllable except the second of a diphthong (ai, au, oi,
 * ei): bom and sah are one syllable, buat (bu.at) and bau-bauan are two. */
static size_t syllables(const char *w, size_t n) {
  size_t nuclei = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_vowel(w[i])) continue;
    int glide = i > 0 && is_vowel(w[i - 1]) && (w[i] == 'i' || w[i] == 'u') &&
                w[i - 1] != 'i' && w[i - 1] != 'u' && w[i - 1] != w[i];
    if (!glide) nuclei++;
  }
  return nuclei;
}

static int one_syllable(const char *w, size_t n) {
  return syllables(w, n) == 1;
}

static void consider(search *s, const char *root, size_t n, size_t cost) {
  uint32_t kind = 0;
  if (n < 2 || !juru__strmap_get(&s->m->roots, root, n, &kind) ||
      (s->dictionary_only && kind != ROOT_DICTIONARY) ||
      (s->no_corpus && kind == ROOT_CORPUS))
    return;
  int doubtful = (s->cur.n_prefix || s->cur.suffix) && n <= SHORT_ROOT &&
                 syllables(root, n) <= 1;
  if (doubtful && s->unknown && !s->mono_ok) return;
  if (s->target && (strlen(s->target) != n || memcmp(s->target, root, n)))
    return;
  double score = AFFIX_COST * (double)cost +
                 PREFIX_COST * (double)s->cur.n_prefix -
                 log1p_count(s->m, root, n) +
                 (kind != ROOT_DICTIONARY ? TABLE_ROOT_COST : 0.0) +
                 (doubtful ? SHORT_ROOT_COST : 0.0);
  /* bel- exists only before ajar: when it matches, the word is derived */
  if (s->stemming && s->lexical) score -= 1e6;
  if (score >= s->best_score) return;
  s->best = s->cur;
  memcpy(s->best.lemma, root, n);
  s->best.lemma[n] = '\0';
  s->best.flags |= JURU_ANALYSIS_KNOWN;
  s->best_score = score;
}

static int has_label(const juru_analysis *a, const char *label) {
  for (size_t i = 0; i < a->n_prefix; i++)
    if (strcmp(a->prefix[i], label) == 0) return 1;
  return 0;
}


/* Strip prefixes from w[0..n) (already without suffixes), depth-first in
 * rule order. */
static void strip_prefixes(search *s, const char *w, size_t n, size_t cost) {
  const juru_morph *m = s->m;
  if (s->cur.n_prefix >= m->maxprefix) return;
  for (size_t i = 0; i < m->nrules; i++) {
    const rule *r = &m->rules[i];
    int proclitic = r->kind == K_PROCLITIC && s->cur.n_prefix == 0;
    if ((r->kind != K_PREFIX && !proclitic) || n <= r->flen + 1 ||
        memcmp(w, r->form, r->flen) != 0)
      continue;
    const char *rest = w + r->flen;
    size_t rn = n - r->flen;
    if (!next_ok(r, rest, rn)) continue;
    if (r->mono && !one_syllable(rest, rn)) continue;
    if (has_label(&s->cur, r->label)) continue;
    if (s->cur.n_prefix == 0 && forbidden(m, r->label, s->cur.suffix)) continue;
    char cand[JURU_MAX_WORD];
    size_t rl = strlen(r->restore);
    if (rl + rn >= sizeof cand) continue;
    memcpy(cand, r->restore, rl);
    memcpy(cand + rl, rest, rn);
    int lexical = lexical_rule(r);
    s->cur.prefix[s->cur.n_prefix++] = r->label;
    s->mono_ok = r->mono;
    s->lexical += lexical;
    consider(s, cand, rl + rn, cost + 1);
    s->mono_ok = 0;
    strip_prefixes(s, cand, rl + rn, cost + 1);
    s->lexical -= lexical;
    s->cur.n_prefix--;
  }
}

static int ends_with(const char *w, size_t n, const rule *r) {
  return n > r->flen + 1 && memcmp(w + n - r->flen, r->form, r->flen) == 0;
}

/* w without clitics: the bare form, then each derivational suffix. */
static void strip_derivation(search *s, const char *w, size_t n, size_t cost) {
  const juru_morph *m = s->m;
  s->cur.suffix = NULL;
  /* the whole word (cost 0) is weighed by analyze_word itself */
  if (cost > 0) consider(s, w, n, cost);
  strip_prefixes(s, w, n, cost);
  for (size_t i = 0; i < m->nrules; i++) {
    const rule *r = &m->rules[i];
    if (r->kind != K_SUFFIX || !ends_with(w, n, r)) continue;
    s->cur.suffix = r->label;
    size_t bn = n - r->flen;
    consider(s, w, bn, cost + 1);
    strip_prefixes(s, w, bn, cost + 1);
    s->cur.suffix = NULL;
  }
}

static void set_base(juru_analysis *a, const char *w, size_t n) {
  memcpy(a->base, w, n);
  a->base[n] = '\0';
}

/* Clitics: none, a particle, a possessive, or both (-nyalah). */
static void strip_clitics(search *s, const char *w, size_t n) {
  const juru_morph *m = s->m;
  set_base(&s->cur, w, n);
  strip_derivation(s, w, n, 0);
  for (size_t i = 0; i < m->nrules; i++) {
    const rule *p = &m->rules[i];
    if (p->kind == K_POSSESSIVE && ends_with(w, n, p)) {
      s->cur.possessive = p->label;
      set_base(&s->cur, w, n - p->flen);
      strip_derivation(s, w, n - p->flen, 1);
      s->cur.possessive = NULL;
    }
    if (p->kind != K_PARTICLE || !ends_with(w, n, p)) continue;
    size_t pn = n - p->flen;
    s->cur.particle = p->label;
    set_base(&s->cur, w, pn);
    strip_derivation(s, w, pn, 1);
    for (size_t j = 0; j < m->nrules; j++) {
      const rule *q = &m->rules[j];
      if (q->kind != K_POSSESSIVE || !ends_with(w, pn, q)) continue;
      s->cur.possessive = q->label;
      set_base(&s->cur, w, pn - q->flen);
      strip_derivation(s, w, pn - q->flen, 2);
      s->cur.possessive = NULL;
    }
    s->cur.particle = NULL;
  }
}

/* Partial reduplication (dwipurwa: rerata, lelembut, teterbang) and
 * infixes (kinerja, gemetar), when the affix table lists them. */
static void strip_partial_reduplication(search *s, const char *w, size_t n) {
  const juru_morph *m = s->m;
  for (size_t i = 0; i < m->nrules; i++) {
    const rule *r = &m->rules[i];
    char cand[JURU_MAX_WORD];
    if (r->kind == K_DWIPURWA && n > 4 && w[1] == 'e' && w[0] == w[2] &&
        !is_vowel(w[0])) {
      s->cur.prefix[0] = r->label;
      s->cur.n_prefix = 1;
      consider(s, w + 2, n - 2, 1);
      strip_prefixes(s, w + 2, n - 2, 1);
      s->cur.n_prefix = 0;
    } else if (r->kind == K_INFIX && n > r->flen + 3 && !is_vowel(w[0]) &&
               memcmp(w + 1, r->form, r->flen) == 0) {
      cand[0] = w[0];
      memcpy(cand + 1, w + 1 + r->flen, n - 1 - r->flen);
      s->cur.prefix[0] = r->label;
      s->cur.n_prefix = 1;
      consider(s, cand, n - r->flen, 1);
      s->cur.n_prefix = 0;
    }
  }
}

static void plain(juru_analysis *a, const char *w, size_t n) {
  memcpy(a->lemma, w, n);
  a->lemma[n] = '\0';
  set_base(a, w, n);
}

static void analyze_word(juru_morph *m, const char *w, size_t n,
                         juru_analysis *out);
static void analyze_by_rules(const juru_morph *m, const char *w, size_t n,
                             int may_keep, juru_analysis *out);

/* The first clitic rule (possessive or particle) that ends w, leaving at
 * least two letters; with `hyphen`, only one written after a hyphen
 * (kuasa-mu, malaikat-malaikat-nya). */
static const rule *final_clitic(const juru_morph *m, const char *w, size_t n,
                                int hyphen) {
  for (size_t i = 0; i < m->nrules; i++) {
    const rule *r = &m->rules[i];
    if ((r->kind == K_POSSESSIVE || r->kind == K_PARTICLE) &&
        ends_with(w, n, r) &&
        (!hyphen || (n > r->flen + 2 && w[n - r->flen - 1] == '-')))
      return r;
  }
  return NULL;
}

/* The reading of w whose root is `target`, if there is one; `out` is
 * left alone otherwise. */
static void analyze_toward(const juru_morph *m, const char *w, size_t n,
                           const char *target, juru_analysis *out) {
  search s;
  memset(&s, 0, sizeof s);
  s.m = m;
  s.best_score = 1e30;
  s.target = target;
  strip_clitics(&s, w, n);
  if (!s.best.lemma[0]) return;
  *out = s.best;
  memcpy(out->word, w, n);
  out->word[n] = '\0';
}

/* kamp-kamp, negara-negara, berkali-kali, meniru-nirukan; and a clitic
 * after a hyphen. */
static int analyze_hyphenated(juru_morph *m, const char *w, size_t n,
                              juru_analysis *out) {
  const rule *clitic = final_clitic(m, w, n, 1);
  if (clitic) {
    analyze_word(m, w, n - clitic->flen - 1, out);
    if (clitic->kind == K_POSSESSIVE) out->possessive = clitic->label;
    else out->particle = clitic->label;
    memcpy(out->word, w, n);
    out->word[n] = '\0';
    return 1;
  }
  const char *dash = memchr(w, '-', n);
  if (!dash || dash == w || dash == w + n - 1) return 0;
  size_t ln = (size_t)(dash - w), rn = n - ln - 1;
  const char *r = dash + 1;
  if (memchr(r, '-', rn)) return 0;
  juru_analysis left, right;
  if (ln == rn && memcmp(w, r, ln) == 0) {
    analyze_word(m, w, ln, out);
  } else {
    analyze_word(m, w, ln, &left);
    analyze_word(m, r, rn, &right);
    int tail = ln > rn && memcmp(w + ln - rn, r, rn) == 0; /* berkali-kali */
    /* the repeated part vouches for a short root (berton-ton: ton) */
    if (tail && strcmp(left.lemma, right.lemma) != 0)
      analyze_toward(m, w, ln, right.lemma, &left);
    int same_root = strcmp(left.lemma, right.lemma) == 0;
    int echo = 0; /* meniru-nirukan: the right repeats the left's end */
    for (size_t k = 1; k <= 4 && k + 3 <= ln && !echo; k++)
      echo = rn >= ln - k && memcmp(r, w + k, ln - k) == 0;
    if (!same_root && !tail && !echo) return 0;
    *out = left;
  }
  memcpy(out->word, w, n);
  out->word[n] = '\0';
  out->reduplicated = 1;
  return 1;
}

static void analyze_word(juru_morph *m, const char *w, size_t n,
                         juru_analysis *out) {
  memset(out, 0, sizeof *out);
  memcpy(out->word, w, n);
  out->word[n] = '\0';
  uint32_t off;
  if (juru__strmap_get(&m->exceptions, w, n, &off)) {
    /* the lemma is fixed; the affixes come from the reading that reaches
     * it, if one does (diluncurkan: di- + luncur + -kan) */
    const char *lemma = m->strings.data + (off & ~TABLE_LEMMA);
    if (!memchr(w, '-', n) || !analyze_hyphenated(m, w, n, out) ||
        strcmp(out->lemma, lemma) != 0) {
      /* a hyphenated reading the table disagrees with still tells how the
       * word is built (proyek-proyek: reduplicated) */
      plain(out, w, n);
      snprintf(out->lemma, sizeof out->lemma, "%s", lemma);
      if (strlen(lemma) != n || memcmp(lemma, w, n) != 0)
        analyze_toward(m, w, n, lemma, out);
    }
    out->flags = JURU_ANALYSIS_EXCEPTION | JURU_ANALYSIS_KNOWN;
    return;
  }
  if (memchr(w, '-', n) && analyze_hyphenated(m, w, n, out)) return;
  analyze_by_rules(m, w, n, 1, out);
}

/* The search's cheapest reading of w, or w itself when none beat keeping
 * it (`root`: w is in the dictionary). */
static void take_reading(const search *s, const char *w, size_t n, int root,
                         juru_analysis *out) {
  if (s->best.lemma[0]) {
    *out = s->best;
  } else {
    memset(out, 0, sizeof *out);
    plain(out, w, n);
    out->flags = root ? JURU_ANALYSIS_KNOWN : 0;
  }
  memcpy(out->word, w, n);
  out->word[n] = '\0';
}

/* The cheapest reading; keeping the word whole is one when `may_keep`. */
static void analyze_by_rules(const juru_morph *m, const char *w, size_t n,
                             int may_keep, juru_analysis *out) {
  int root = is_root(m, w, n);
  search s;
  memset(&s, 0, sizeof s);
  s.m = m;
  s.dictionary_only = !may_keep;
  s.unknown = may_keep && !root;
  s.best_score = !may_keep ? 1e30
                 : (root ? ROOT_KEEP_COST : UNKNOWN_KEEP_COST) -
                       log1p_count(m, w, n);
  strip_clitics(&s, w, n);
  strip_partial_reduplication(&s, w, n);
  take_reading(&s, w, n, root, out);
}

/* Lower-case into buf; returns the length, or 0 when it does not fit. */
static size_t fold_case(const char *word, size_t len, char *buf, size_t size) {
  int ascii = 1;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)word[i] >= 0x80) ascii = 0;
  if (ascii) {
    if (len >= size) return 0;
    memcpy(buf, word, len);
    lower_ascii(buf, len);
    buf[len] = '\0';
    return len;
  }
  char *folded = NULL;
  size_t n = 0;
  if (juru_normalize(word, len, JURU_NORM_CASEFOLD | JURU_NORM_NFC, &folded,
                     &n, NULL) != JURU_OK || n >= size) {
    juru_free(folded);
    return 0;
  }
  memcpy(buf, folded, n);
  buf[n] = '\0';
  juru_free(folded);
  return n;
}

static void remember(juru_morph *m, const char *w, size_t n,
                     const juru_analysis *a) {
  if (m->ncached == CACHE_LIMIT) {
    juru__strmap_free(&m->cache);
    m->ncached = 0;
  }
  if (m->ncached == m->capcached) {
    size_t cap = m->capcached ? m->capcached * 2 : 1024;
    juru_analysis *p = juru__realloc(m->cached, cap * sizeof *p);
    if (!p) return; /* the cache is an optimisation: go on without it */
    m->cached = p;
    m->capcached = cap;
  }
  if (juru__strmap_put(&m->cache, w, n, (uint32_t)m->ncached, NULL) != JURU_OK)
    return;
  m->cached[m->ncached++] = *a;
}

juru_status juru_morph_analyze(juru_morph *m, const char *word, size_t len,
                               juru_analysis *out) {
  if (!m || !out || (!word && len)) return JURU_EINVAL;
  char w[JURU_MAX_WORD];
  size_t n = fold_case(word, len, w, sizeof w);
  if (n == 0) {
    memset(out, 0, sizeof *out);
    n = len < JURU_MAX_WORD - 1 ? len : JURU_MAX_WORD - 1;
    while (n > 0 && n < len && ((unsigned char)word[n] & 0xC0) == 0x80) n--;
    memcpy(out->word, word, n);
    plain(out, word, n);
    return JURU_OK;
  }
  uint32_t idx;
  if (juru__strmap_get(&m->cache, w, n, &idx)) {
    *out = m->cached[idx];
    return JURU_OK;
  }
  analyze_word(m, w, n, out);
  guess_pos(m, out);
  remember(m, w, n, out);
  return JURU_OK;
}

juru_status juru_morph_split_clitic(juru_morph *m, const char *word,
                                    size_t len, juru_analysis *out) {
  if (!m || !out || (!word && len)) return JURU_EINVAL;
  char w[JURU_MAX_WORD];
  size_t n = fold_case(word, len, w, sizeof w);
  const rule *r = n ? final_clitic(m, w, n, 0) : NULL;
  if (!r) return JURU_ENOTFOUND;
  juru_status st = juru_morph_analyze(m, w, n - r->flen, out);
  if (st != JURU_OK) return st;
  if (r->kind == K_POSSESSIVE) out->possessive = r->label;
  else out->particle = r->label;
  memcpy(out->word, w, n + 1);
  return JURU_OK;
}

juru_status juru_morph_analyze_rules(juru_morph *m, const char *word,
                                     size_t len, juru_analysis *out) {
  if (!m || !out || (!word && len)) return JURU_EINVAL;
  char w[JURU_MAX_WORD];
  size_t n = fold_case(word, len, w, sizeof w);
  if (n == 0) return juru_morph_analyze(m, word, len, out);
  analyze_by_rules(m, w, n, 0, out);
  guess_pos(m, out);
  return JURU_OK;
}

/* ---- roots (stemming) --------------------------------------------------- */

/* Stemming keeps a dictionary word whole only when no reading reaching
 * another root costs less than STEM_KEEP_COST (lemma analysis: 0), so
 * that a derived entry yields its root (belajar -> ajar, kinerja -> kerja)
 * while a root that merely looks derived stays (nilai, not nila + -i).
 * On the Sastrawi cases, 1.0 to 2.5 all score 0.95 or more, 1.5 best
 * (0.969); the ports' extra cases, not tuned on, agree (0.889 at 1.5 to
 * 2.5, 0.833 at 1.0). */
#ifndef STEM_KEEP_COST
#define STEM_KEEP_COST 1.5
#endif
#define STEM_DEPTH 3 /* mempelajari -> pelajar -> ajar */

/* A lemma the exception list fixes (adalah), not the corpus table's. */
static const char *written_exception(const juru_morph *m, const char *w,
                                     size_t n) {
  uint32_t off;
  if (!juru__strmap_get(&m->exceptions, w, n, &off) || (off & TABLE_LEMMA))
    return NULL;
  return m->strings.data + off;
}

/* One level: the cheapest reading of w, clitics included or not. */
static void stem_once(const juru_morph *m, const char *w, size_t n,
                      int clitics, juru_analysis *out) {
  uint32_t kind = 0;
  int root = n > 1 && juru__strmap_get(&m->roots, w, n, &kind) &&
             kind != ROOT_CORPUS;
  search s;
  memset(&s, 0, sizeof s);
  s.m = m;
  s.no_corpus = 1;
  s.stemming = 1;
  s.unknown = !root;
  s.best_score =
      (root ? STEM_KEEP_COST : UNKNOWN_KEEP_COST) - log1p_count(m, w, n);
  if (clitics) {
    strip_clitics(&s, w, n);
  } else {
    set_base(&s.cur, w, n);
    strip_derivation(&s, w, n, 0);
  }
  strip_partial_reduplication(&s, w, n);
  take_reading(&s, w, n, root, out);
}

/* Strip the lemma again while it is itself derived; the inner prefixes
 * follow the outer ones while there is room. */
static void deepen(const juru_morph *m, juru_analysis *a) {
  for (int depth = 0; depth < STEM_DEPTH; depth++) {
    size_t n = strlen(a->lemma);
    if (strcmp(a->lemma, a->word) == 0 || written_exception(m, a->lemma, n))
      return;
    juru_analysis inner;
    stem_once(m, a->lemma, n, 0, &inner);
    if (strcmp(inner.lemma, a->lemma) == 0) return;
    for (size_t i = 0; i < inner.n_prefix && a->n_prefix < JURU_MAX_PREFIXES;
         i++)
      a->prefix[a->n_prefix++] = inner.prefix[i];
    if (!a->suffix) a->suffix = inner.suffix;
    memcpy(a->lemma, inner.lemma, sizeof a->lemma);
  }
}

juru_status juru_morph_root(juru_morph *m, const char *word, size_t len,
                            juru_analysis *out) {
  if (!m || !out || (!word && len)) return JURU_EINVAL;
  char w[JURU_MAX_WORD];
  size_t n = fold_case(word, len, w, sizeof w);
  if (n == 0) return juru_morph_analyze(m, word, len, out);
  if (written_exception(m, w, n) || memchr(w, '-', n))
    analyze_word(m, w, n, out);
  else
    stem_once(m, w, n, 1, out);
  deepen(m, out);
  guess_pos(m, out);
  return JURU_OK;
}

/* ---- generation --------------------------------------------------------- */

size_t juru_morph_generate(const juru_morph *m, const char *root,
                           const char *prefix, const char *suffix, char *out,
                           size_t size) {
  size_t rn = strlen(root);
  if (!m || rn == 0) return 0;
  const char *body = root;
  const char *form = "";
  if (prefix) {
    /* the first rule that fits, a conditioned one (bel- before ajar,
     * be- before kerja) before an unconditioned one (ber-) */
    const rule *hit = NULL, *fallback = NULL;
    for (size_t i = 0; i < m->nrules && !hit; i++) {
      const rule *r = &m->rules[i];
      if (r->kind != K_PREFIX || strcmp(r->label, prefix) != 0) continue;
      size_t rl = strlen(r->restore);
      if (rn <= rl || strncmp(root, r->restore, rl) != 0) continue;
      if (!next_ok(r, root + rl, rn - rl)) continue;
      if (r->mono && !one_syllable(root, rn)) continue;
      if (r->next[0] || r->mono || rl) hit = r;
      else if (!fallback) fallback = r;
    }
    if (!hit) hit = fallback;
    if (!hit) return 0;
    form = hit->form;
    body = root + strlen(hit->restore);
  }
  const char *suf = suffix && suffix[0] == '-' ? suffix + 1 : (suffix ? suffix : "");
  int n = snprintf(out, size, "%s%s%s", form, body, suf);
  return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* ---- spelling ----------------------------------------------------------- */

const char *juru_morph_standard_spelling(const juru_morph *m, const char *word,
                                         size_t len) {
  uint32_t off;
  if (!m || !word || len == 0 || word[0] == '-' ||
      !juru__strmap_get(&m->variants, word, len, &off))
    return NULL;
  return m->strings.data + off;
}

static int starts_with_fold(const char *w, const char *prefix, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != prefix[i]) return 0;
  }
  return 1;
}

/* The longest bound form that leaves a word of three letters or more. */
size_t juru_morph_bound_form(const juru_morph *m, const char *word,
                             size_t len, const char **label) {
  size_t best = 0;
  if (!m || !word) return 0;
  for (size_t i = 0; i < m->nrules; i++) {
    const rule *r = &m->rules[i];
    if (r->kind != K_BOUND || r->flen + 3 > len ||
        !starts_with_fold(word, r->form, r->flen))
      continue;
    /* a form written with its hyphen (eks-) is only found with it */
    size_t k = r->flen + (r->form[r->flen - 1] != '-' && word[r->flen] == '-');
    if (k <= best || len - k < 3 || word[k] == '-') continue;
    best = k;
    if (label) *label = r->label;
  }
  return best;
}

/* Endings are few and short: try each tail of the word as a key. */
size_t juru_morph_respell_ending(const juru_morph *m, const char *word,
                                 size_t len, char *out, size_t size) {
  char key[MAX_ENDING + 1];
  if (!m || !word) return 0;
  for (size_t k = len < MAX_ENDING ? len : MAX_ENDING; k >= 2; k--) {
    uint32_t off;
    key[0] = '-';
    memcpy(key + 1, word + len - k, k);
    if (!juru__strmap_get(&m->variants, key, k + 1, &off)) continue;
    const char *std = m->strings.data + off + 1; /* past its '-' */
    size_t sn = strlen(std), stem = len - k;
    if (stem < 2 || stem + sn >= size) return 0;
    memcpy(out, word, stem);
    memcpy(out + stem, std, sn + 1);
    return stem + sn;
  }
  return 0;
}

/* ---- background frequencies --------------------------------------------- */

uint32_t juru_morph_frequency(const juru_morph *m, const char *word,
                              size_t len) {
  uint32_t c = 0;
  if (m) juru__strmap_get(&m->freq, word, len, &c);
  return c;
}

uint64_t juru_morph_corpus_size(juru_morph *m) {
  if (!m) return 0;
  if (!m->corpus_size) {
    for (size_t i = 0; i < m->freq.nslots; i++)
      if (m->freq.slots[i].len) m->corpus_size += m->freq.slots[i].value;
  }
  return m->corpus_size;
}

/* ---- spelling (Hunspell) ------------------------------------------------ */

static juru__hunspell *hunspell(juru_morph *m) {
  if (!m->hun && !m->hun_failed && m->aff_path && m->dic_path) {
    m->hun = juru__hunspell_open(m->aff_path, m->dic_path);
    m->hun_failed = m->hun == NULL;
  }
  return m->hun;
}

int juru_morph_spell(juru_morph *m, const char *word, size_t len) {
  juru__hunspell *h = hunspell(m);
  return h ? juru__hunspell_spell(h, word, len) : 0;
}

size_t juru_morph_suggest(juru_morph *m, const char *word, size_t len,
                          char **out, size_t max) {
  juru__hunspell *h = hunspell(m);
  return h ? juru__hunspell_suggest(h, word, len, out, max) : 0;
}
