/* Loading the transfer rules (dictionaries/id/transfer.txt; the format is
 * described at the top of that file). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "juru/text.h"
#include "internal.h"

#define MAX_FIELDS 6

typedef struct field {
  const char *p;
  size_t n;
} field;

static size_t split_tabs(const char *p, size_t n, field *f, size_t max) {
  size_t k = 0;
  while (k < max) {
    const char *tab = memchr(p, '\t', n);
    size_t len = tab ? (size_t)(tab - p) : n;
    f[k].p = p;
    f[k++].n = len;
    if (!tab) break;
    p += len + 1;
    n -= len + 1;
  }
  return k;
}

/* Strings are stored as offsets while the arena grows, then resolved. */
static juru_status store(juru__rules *r, field f, size_t *off) {
  *off = r->arena.len;
  int dropped = f.n == 1 && f.p[0] == '-';
  juru_status st = juru__buf_append(&r->arena, f.p, dropped ? 0 : f.n);
  if (st == JURU_OK) st = juru__buf_append(&r->arena, "", 1);
  for (size_t i = *off; st == JURU_OK && i < r->arena.len; i++)
    if (r->arena.data[i] == '_') r->arena.data[i] = ' ';
  return st;
}

static const struct {
  const char *name;
  juru__role role;
  size_t min_fields;
} kinds[] = {
    {"aux", JURU__ROLE_AUX, 5},
    {"negation", JURU__ROLE_NEGATION, 4},
    {"relative", JURU__ROLE_RELATIVE, 4},
    {"demonstrative", JURU__ROLE_DEMONSTRATIVE, 4},
    {"possessor", JURU__ROLE_POSSESSOR, 3},
    {"quantifier", JURU__ROLE_QUANTIFIER, 3},
    {"indefinite", JURU__ROLE_INDEFINITE, 2},
    {"agent", JURU__ROLE_AGENT, 3},
    {"time", JURU__ROLE_TIME, 3},
};

static int is(field f, const char *s) {
  return strlen(s) == f.n && memcmp(f.p, s, f.n) == 0;
}

static int form_named(field f, juru__en_form *out) {
  static const char *const names[] = {"base", "past", "pp", "ing"};
  for (int i = 0; i < 4; i++)
    if (is(f, names[i])) {
      *out = (juru__en_form)i;
      return 1;
    }
  return 0;
}

typedef struct pending {
  size_t english, extra; /* arena offsets */
} pending;

static juru_status add_rule(juru__rules *r, juru__role role, const field *f,
                            size_t nf, pending **offs, size_t *noffs) {
  if (r->n == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 64;
    juru__rule *nr = juru__realloc(r->rules, cap * sizeof *nr);
    pending *np = juru__realloc(*offs, cap * sizeof *np);
    if (nr) r->rules = nr;
    if (np) *offs = np;
    if (!nr || !np) return JURU_ENOMEM;
    r->cap = cap;
  }
  juru__rule *rule = &r->rules[r->n];
  memset(rule, 0, sizeof *rule);
  rule->role = role;
  field empty = {"-", 1};
  juru_status st = store(r, nf > 2 ? f[2] : empty, &(*offs)[r->n].english);
  if (st == JURU_OK) {
    field extra = role == JURU__ROLE_AUX ? f[4] : nf > 3 ? f[3] : empty;
    st = store(r, extra, &(*offs)[r->n].extra);
  }
  if (st == JURU_OK) st = juru__strmap_put(&r->words, f[1].p, f[1].n,
                                           (uint32_t)r->n, NULL);
  *noffs = ++r->n;
  return st;
}

/* The word lists (WORD) and word maps (WORD ENGLISH, the value an arena
 * offset): one table for reading and for freeing them. */
static const struct {
  const char *name;
  size_t offset; /* of the juru__strmap in juru__rules */
  int english;
} lists[] = {{"invariable", offsetof(juru__rules, invariable), 0},
             {"determiner", offsetof(juru__rules, determiners), 0},
             {"preposition", offsetof(juru__rules, prepositions), 0},
             {"comparative", offsetof(juru__rules, comparatives), 0},
             {"title", offsetof(juru__rules, titles), 0},
             {"classifier", offsetof(juru__rules, classifiers), 0},
             {"subordinator", offsetof(juru__rules, subordinators), 0},
             {"reporting", offsetof(juru__rules, reporting), 0},
             {"leading", offsetof(juru__rules, leading), 0},
             {"nationality", offsetof(juru__rules, nationality), 0},
             {"person", offsetof(juru__rules, persons), 0},
             {"clausal", offsetof(juru__rules, clausal), 0},
             {"premodifier", offsetof(juru__rules, premodifiers), 0},
             {"partitive", offsetof(juru__rules, partitives), 0},
             {"backshift", offsetof(juru__rules, backshift), 1},
             {"mid-adverb", offsetof(juru__rules, mid_adverbs), 0},
             {"appositive", offsetof(juru__rules, appositive), 0},
             {"object", offsetof(juru__rules, objects), 1},
             {"governing", offsetof(juru__rules, governing), 1},
             {"gerund", offsetof(juru__rules, gerunds), 1},
             {"regional", offsetof(juru__rules, regional), 1},
             {"direction", offsetof(juru__rules, directions), 1},
             {"own", offsetof(juru__rules, own), 1},
             {"addressee", offsetof(juru__rules, addressee), 1},
             {"after-numeral", offsetof(juru__rules, after_numeral), 1},
             {"number-suffix", offsetof(juru__rules, number_suffix), 1},
             {"age", offsetof(juru__rules, ages), 1},
             {"age-predicate", offsetof(juru__rules, age_predicates), 1}};

static juru__strmap *list_map(juru__rules *r, size_t i) {
  return (juru__strmap *)((char *)r + lists[i].offset);
}

/* Where each setting's value was stored in the arena, or JURU__NONE. */
typedef struct setting_offs {
  size_t be, article, copula, genitive, person, origin, who, who_is;
} setting_offs;

/* A setting's value, or NULL when it is absent or "-" (stored empty). */
static const char *setting(const juru__rules *r, size_t off) {
  return off != JURU__NONE && r->arena.data[off] ? r->arena.data + off : NULL;
}

static juru_status parse_line(juru__rules *r, const char *path, size_t line,
                              const char *p, size_t n, pending **offs,
                              size_t *noffs, size_t month_off[13],
                              setting_offs *set, juru_error *err) {
  field f[MAX_FIELDS] = {{0}};
  size_t nf = split_tabs(p, n, f, MAX_FIELDS);
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    if (!is(f[0], kinds[i].name)) continue;
    if (nf < kinds[i].min_fields)
      return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                        "'%s' needs %zu fields", kinds[i].name,
                        kinds[i].min_fields);
    juru_status st = add_rule(r, kinds[i].role, f, nf, offs, noffs);
    field form = kinds[i].role == JURU__ROLE_AUX ? f[3]
                 : kinds[i].role == JURU__ROLE_NEGATION && nf > 4 ? f[4]
                                                                  : f[0];
    if (st == JURU_OK && form.p != f[0].p &&
        !form_named(form, &r->rules[r->n - 1].next))
      return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                        "unknown verb form '%.*s' (base, past, pp, ing)",
                        (int)f[3].n, f[3].p);
    if (st == JURU_OK && kinds[i].role == JURU__ROLE_AUX && nf > 5) {
      if (!is(f[5], "verb"))
        return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                          "unknown auxiliary flag '%.*s' (verb)", (int)f[5].n,
                          f[5].p);
      r->rules[r->n - 1].verb = 1;
    }
    return st;
  }
  for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
    if (!is(f[0], lists[i].name) || nf < 2u + (size_t)lists[i].english)
      continue;
    size_t off = 1;
    juru_status st = lists[i].english ? store(r, f[2], &off) : JURU_OK;
    return st ? st : juru__strmap_put(list_map(r, i), f[1].p, f[1].n,
                                      (uint32_t)off, NULL);
  }
  if (is(f[0], "existential") && nf >= 4) {
    /* the existential English splits into its first word and the verb */
    field there = {f[3].p, 0}, be = f[3];
    while (there.n < f[3].n && there.p[there.n] != '_') there.n++;
    if (there.n + 1 >= f[3].n)
      return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                        "existential: '%.*s' needs a word and a verb",
                        (int)f[3].n, f[3].p);
    be.p += there.n + 1;
    be.n -= there.n + 1;
    size_t off, skip;
    field none = {"-", 1};
    juru_status st = store(r, f[2], &off);
    if (st == JURU_OK) st = store(r, there, &skip);
    if (st == JURU_OK) st = store(r, be, &skip);
    if (st == JURU_OK) st = store(r, nf > 4 ? f[4] : none, &skip);
    return st ? st : juru__strmap_put(&r->existentials, f[1].p, f[1].n,
                                      (uint32_t)off, NULL);
  }
  if (is(f[0], "month") && nf >= 3) {
    long m = strtol(f[1].p, NULL, 10);
    if (m < 1 || m > 12)
      return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                        "month number out of range");
    return store(r, f[2], &month_off[m]);
  }
  if (is(f[0], "setting") && nf >= 3) {
    if (is(f[1], "narrative-tense")) {
      if (!form_named(f[2], &r->tense))
        return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                          "unknown tense");
      return JURU_OK;
    }
    if (is(f[1], "passive-be")) return store(r, f[2], &set->be);
    if (is(f[1], "definite-article")) return store(r, f[2], &set->article);
    if (is(f[1], "copula")) return store(r, f[2], &set->copula);
    if (is(f[1], "genitive")) return store(r, f[2], &set->genitive);
    if (is(f[1], "person-possessive")) return store(r, f[2], &set->person);
    if (is(f[1], "origin")) return store(r, f[2], &set->origin);
    if (is(f[1], "person-relative")) return store(r, f[2], &set->who);
    if (is(f[1], "person-relative-be")) return store(r, f[2], &set->who_is);
  }
  return juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                    "unknown rule '%.*s' or too few fields", (int)f[0].n,
                    f[0].p);
}

juru_status juru__rules_load(const char *path, juru__rules *r,
                             juru_error *err) {
  memset(r, 0, sizeof *r);
  r->tense = JURU__EN_PAST;
  juru__buf b = {0};
  b.max = 16u << 20;
  pending *offs = NULL;
  size_t noffs = 0, month_off[13];
  setting_offs set = {JURU__NONE, JURU__NONE, JURU__NONE, JURU__NONE,
                      JURU__NONE, JURU__NONE, JURU__NONE, JURU__NONE};
  for (int m = 0; m < 13; m++) month_off[m] = JURU__NONE;
  juru_status st = juru__read_file(path, &b, err);
  if (st == JURU_OK) st = juru_utf8_check(b.data, b.len, err);
  juru__lines it = {b.data, b.len, 0, 0};
  const char *p;
  size_t n;
  while (st == JURU_OK && juru__next_line(&it, &p, &n)) {
    if (n == 0 || p[0] == '#') continue;
    st = parse_line(r, path, it.number, p, n, &offs, &noffs, month_off, &set,
                    err);
  }
  if (st == JURU_OK) {
    for (size_t i = 0; i < noffs; i++) {
      r->rules[i].english = r->arena.data + offs[i].english;
      r->rules[i].extra = r->arena.data + offs[i].extra;
    }
    for (int m = 1; m <= 12; m++)
      r->month[m] = month_off[m] != JURU__NONE ? r->arena.data + month_off[m]
                                             : NULL;
    r->passive_be = set.be != JURU__NONE ? r->arena.data + set.be : "was";
    r->article = setting(r, set.article);
    r->genitive = setting(r, set.genitive);
    for (size_t i = 0; i < r->n && !r->agent; i++)
      if (r->rules[i].role == JURU__ROLE_AGENT) r->agent = r->rules[i].english;
    r->copula = setting(r, set.copula);
    r->person_possessive = setting(r, set.person);
    r->origin = setting(r, set.origin);
    r->who = setting(r, set.who);
    r->who_is = setting(r, set.who_is);
  } else if (st == JURU_ENOMEM) {
    juru__fail(err, st, path, 0, 0, JURU__NONE, "out of memory");
  } else if (err && err->source[0] == '\0') {
    juru__fail(err, st, path, err->line, err->column, err->offset, "%s",
               err->text);
  }
  juru__free(offs);
  juru__buf_free(&b);
  if (st != JURU_OK) juru__rules_free(r);
  return st;
}

void juru__rules_free(juru__rules *r) {
  juru__buf_free(&r->arena);
  juru__free(r->rules);
  juru__strmap_free(&r->words);
  juru__strmap_free(&r->existentials);
  for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
    juru__strmap_free(list_map(r, i));
  memset(r, 0, sizeof *r);
}

const juru__rule *juru__rules_find(const juru__rules *r, const char *word,
                                   size_t len) {
  uint32_t i;
  return juru__strmap_get(&r->words, word, len, &i) ? &r->rules[i] : NULL;
}
