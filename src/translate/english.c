/* English inflection (see english.h). */
#include <stdio.h>
#include <string.h>

#include "english.h"
#include "../util/strmap.h"

struct juru__english {
  juru__buf arena;      /* NUL-terminated irregular forms */
  juru__strmap past, pp, ing, third, plural, comparative; /* base -> offset into
                                                      arena */
  juru__strmap plurals; /* the irregular plurals themselves (children) */
  juru__strmap verbs;   /* verb lemmas */
};

static juru_status put_form(juru__english *en, juru__strmap *m,
                            const char *base, size_t blen, const char *form,
                            size_t flen) {
  if (juru__strmap_get(m, base, blen, NULL)) return JURU_OK; /* first wins */
  uint32_t off = (uint32_t)en->arena.len;
  juru_status st = juru__buf_append(&en->arena, form, flen + 1);
  if (st != JURU_OK) return st;
  en->arena.data[off + flen] = '\0';
  return juru__strmap_put(m, base, blen, off, NULL);
}

static int ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* A line of verb.exc is "FORM BASE".  The list does not say which tense a
 * form is: -ing forms are participles in progress, -ed and vowel-changed
 * forms ending in n or ne (taken, begun, done, gone) are past participles
 * except those in -an (began, ran), the others simple pasts; a verb with
 * one irregular form uses it for both. */
static juru_status add_verb_form(juru__english *en, const char *form,
                                 size_t flen, const char *base, size_t blen) {
  if (ends_with(form, flen, "ing"))
    return put_form(en, &en->ing, base, blen, form, flen);
  if (blen == 2 && memcmp(base, "be", 2) == 0) {
    /* am, are, were: not the narrative or third-person forms */
    if (flen == 3 && memcmp(form, "was", 3) == 0)
      return put_form(en, &en->past, base, blen, form, flen);
    if (flen == 4 && memcmp(form, "been", 4) == 0)
      return put_form(en, &en->pp, base, blen, form, flen);
    if (flen == 2 && memcmp(form, "is", 2) == 0)
      return put_form(en, &en->third, base, blen, form, flen);
    return JURU_OK;
  }
  if (ends_with(form, flen, "s") && !ends_with(form, flen, "ss"))
    return put_form(en, &en->third, base, blen, form, flen); /* has */
  int participle = !ends_with(form, flen, "ed") &&
                   !ends_with(form, flen, "an") &&
                   (form[flen - 1] == 'n' || ends_with(form, flen, "ne"));
  juru_status st = JURU_OK;
  if (!participle) st = put_form(en, &en->past, base, blen, form, flen);
  if (st == JURU_OK && (participle || ends_with(form, flen, "ed")))
    st = put_form(en, &en->pp, base, blen, form, flen);
  return st;
}

typedef juru_status (*line_fn)(juru__english *en, const char *a, size_t an,
                               const char *b, size_t bn);

static juru_status add_verb_line(juru__english *en, const char *a, size_t an,
                                 const char *b, size_t bn) {
  return add_verb_form(en, a, an, b, bn);
}

static juru_status add_noun_line(juru__english *en, const char *a, size_t an,
                                 const char *b, size_t bn) {
  juru_status st = juru__strmap_put(&en->plurals, a, an, 1, NULL);
  return st ? st : put_form(en, &en->plural, b, bn, a, an);
}

/* adj.exc: "FORM BASE..."; the comparatives are the forms in -er
 * (bigger big, better good well). */
static juru_status add_adjective_line(juru__english *en, const char *a,
                                      size_t an, const char *b, size_t bn) {
  if (!ends_with(a, an, "er")) return JURU_OK;
  return put_form(en, &en->comparative, b, bn, a, an);
}

static juru_status add_lemma_line(juru__english *en, const char *a, size_t an,
                                  const char *b, size_t bn) {
  (void)b;
  (void)bn;
  return juru__strmap_put(&en->verbs, a, an, 1, NULL);
}

static juru_status read_list(juru__english *en, const char *dir,
                             const char *name, line_fn fn, juru_error *err) {
  char path[4096];
  if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
    return juru__fail(err, JURU_EINVAL, dir, 0, 0, JURU__NONE, "path too long");
  juru__buf b = {0};
  b.max = 64u << 20;
  juru_status st = juru__read_file(path, &b, err);
  juru__lines it = {b.data, b.len, 0, 0};
  const char *p;
  size_t n;
  while (st == JURU_OK && juru__next_line(&it, &p, &n)) {
    if (n == 0 || p[0] == '#') continue;
    const char *sp = memchr(p, ' ', n);
    size_t an = sp ? (size_t)(sp - p) : n;
    const char *bword = sp ? sp + 1 : p + n;
    size_t bn = sp ? n - an - 1 : 0;
    const char *sp2 = memchr(bword, ' ', bn); /* extra bases: first only */
    if (sp2) bn = (size_t)(sp2 - bword);
    if (an == 0 || (fn != add_lemma_line && bn == 0) ||
        memchr(p, '_', n)) /* multi-word lemmas are not inflected here */
      continue;
    st = fn(en, p, an, bword, bn);
  }
  if (st == JURU_ENOMEM) juru__fail(err, st, path, 0, 0, JURU__NONE, "out of memory");
  juru__buf_free(&b);
  return st;
}

juru_status juru__english_load(const char *dir, juru__english **out,
                               juru_error *err) {
  *out = NULL;
  juru__english *en = juru__calloc(1, sizeof *en);
  if (!en) return juru__fail(err, JURU_ENOMEM, dir, 0, 0, JURU__NONE, "out of memory");
  juru_status st = read_list(en, dir, "verb.exc", add_verb_line, err);
  if (st == JURU_OK) st = read_list(en, dir, "verb-extra.exc", add_verb_line, err);
  if (st == JURU_OK) st = read_list(en, dir, "noun.exc", add_noun_line, err);
  if (st == JURU_OK) st = read_list(en, dir, "noun-extra.exc", add_noun_line, err);
  if (st == JURU_OK) st = read_list(en, dir, "adj.exc", add_adjective_line, err);
  if (st == JURU_OK) st = read_list(en, dir, "verbs.txt", add_lemma_line, err);
  if (st != JURU_OK) {
    juru__english_free(en);
    return st;
  }
  *out = en;
  return JURU_OK;
}

void juru__english_free(juru__english *en) {
  if (!en) return;
  juru__buf_free(&en->arena);
  juru__strmap_free(&en->past);
  juru__strmap_free(&en->pp);
  juru__strmap_free(&en->ing);
  juru__strmap_free(&en->third);
  juru__strmap_free(&en->plural);
  juru__strmap_free(&en->comparative);
  juru__strmap_free(&en->plurals);
  juru__strmap_free(&en->verbs);
  juru__free(en);
}

static size_t first_word(const char *s, size_t n) {
  const char *sp = memchr(s, ' ', n);
  return sp ? (size_t)(sp - s) : n;
}

int juru__english_is_verb(const juru__english *en, const char *phrase,
                          size_t len) {
  return juru__strmap_get(&en->verbs, phrase, first_word(phrase, len), NULL);
}

static int is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The regular spelling: stop -> stops, try -> tries, watch -> watches. */
/* try -> tries, tried: a y after a consonant becomes i before -es/-ed */
static int y_to_i(const char *w, size_t n) {
  return n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]);
}

static juru_status append_y_to_i(juru__buf *out, const char *w, size_t n,
                                 const char *ending) {
  juru_status st = juru__buf_append(out, w, n - 1);
  return st ? st : juru__buf_append(out, ending, strlen(ending));
}

static juru_status append_s(juru__buf *out, const char *w, size_t n) {
  if (y_to_i(w, n)) return append_y_to_i(out, w, n, "ies");
  juru_status st = juru__buf_append(out, w, n);
  if (st) return st;
  if (ends_with(w, n, "s") || ends_with(w, n, "x") || ends_with(w, n, "z") ||
      ends_with(w, n, "ch") || ends_with(w, n, "sh"))
    return juru__buf_append(out, "es", 2);
  return juru__buf_append(out, "s", 1);
}

/* The plural: woman -> women, spokesman -> spokesmen, which noun.exc
 * does not list, but human, German, talisman -> -mans. */
static juru_status append_plural(juru__buf *out, const char *w, size_t n) {
  static const char *const mans[] = {"human", "german", "roman", "shaman",
                                     "talisman", "caiman", "ottoman", NULL};
  int man = ends_with(w, n, "man");
  for (size_t i = 0; man && mans[i]; i++)
    if (ends_with(w, n, mans[i]) && (n == strlen(mans[i]) || w[n - strlen(mans[i]) - 1] == ' '))
      man = 0;
  if (!man) return append_s(out, w, n);
  juru_status st = juru__buf_append(out, w, n - 2);
  return st ? st : juru__buf_append(out, "en", 2);
}

static juru_status append_ed(juru__buf *out, const char *w, size_t n) {
  if (y_to_i(w, n)) return append_y_to_i(out, w, n, "ied");
  juru_status st = juru__buf_append(out, w, n);
  if (st) return st;
  return juru__buf_append(out, w[n - 1] == 'e' ? "d" : "ed", w[n - 1] == 'e' ? 1 : 2);
}

static juru_status append_ing(juru__buf *out, const char *w, size_t n) {
  if (ends_with(w, n, "ie")) {
    juru_status st = juru__buf_append(out, w, n - 2);
    return st ? st : juru__buf_append(out, "ying", 4);
  }
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]))
    n--; /* make -> making, but see -> seeing */
  juru_status st = juru__buf_append(out, w, n);
  return st ? st : juru__buf_append(out, "ing", 3);
}

/* One vowel sound: a group of vowels, not counting a final silent e
 * (close, large, strong; not heavy, important). */
static int one_syllable(const char *w, size_t n) {
  size_t groups = 0;
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2])) n--;
  for (size_t i = 0; i < n; i++)
    if ((is_vowel(w[i]) || (w[i] == 'y' && i > 0)) &&
        (i == 0 || !(is_vowel(w[i - 1]) || w[i - 1] == 'y')))
      groups++;
  return groups == 1;
}

int juru__english_comparable(const juru__english *en, const char *word,
                             size_t len) {
  if (len < 2 || memchr(word, ' ', len)) return 0;
  for (size_t i = 0; i < len; i++)
    if (word[i] < 'a' || word[i] > 'z') return 0;
  return juru__strmap_get(&en->comparative, word, len, NULL) ||
         one_syllable(word, len);
}

/* close -> closer, strong -> stronger (the doubled and y forms are in
 * adj.exc: bigger, easier). */
static juru_status append_er(juru__buf *out, const char *w, size_t n) {
  juru_status st = juru__buf_append(out, w, n);
  return st ? st : juru__buf_append(out, w[n - 1] == 'e' ? "r" : "er",
                                    w[n - 1] == 'e' ? 1 : 2);
}

static juru_status append_form(const juru__english *en, const char *w,
                               size_t n, juru__en_form form, juru__buf *out) {
  const juru__strmap *m = form == JURU__EN_PAST ? &en->past
                          : form == JURU__EN_PP  ? &en->pp
                          : form == JURU__EN_ING ? &en->ing
                          : form == JURU__EN_3SG ? &en->third
                          : form == JURU__EN_PLURAL ? &en->plural
                          : form == JURU__EN_COMPARATIVE ? &en->comparative
                                                    : NULL;
  uint32_t off;
  if (n == 0 || form == JURU__EN_BASE) return juru__buf_append(out, w, n);
  if (m && juru__strmap_get(m, w, n, &off)) {
    const char *f = en->arena.data + off;
    return juru__buf_append(out, f, strlen(f));
  }
  if (form == JURU__EN_PP && juru__strmap_get(&en->past, w, n, &off)) {
    const char *f = en->arena.data + off; /* said, made: one form for both */
    return juru__buf_append(out, f, strlen(f));
  }
  if (form == JURU__EN_PAST && juru__strmap_get(&en->pp, w, n, &off)) {
    const char *f = en->arena.data + off; /* won, spun; not shown, proven */
    size_t k = strlen(f);
    if (!ends_with(f, k, "en") && !ends_with(f, k, "wn"))
      return juru__buf_append(out, f, k);
  }
  switch (form) {
  case JURU__EN_PAST:
  case JURU__EN_PP: return append_ed(out, w, n);
  case JURU__EN_ING: return append_ing(out, w, n);
  case JURU__EN_COMPARATIVE: return append_er(out, w, n);
  case JURU__EN_PLURAL: return append_plural(out, w, n);
  default: return append_s(out, w, n);
  }
}

/* Nouns that are plural or uncountable already. */
/* Whether w[0..n) is one of the NULL-ended words. */
static int one_of(const char *const *words, const char *w, size_t n) {
  for (size_t i = 0; words[i]; i++)
    if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0) return 1;
  return 0;
}

static int no_plural(const char *w, size_t n) {
  static const char *const words[] = {"people", "police", "news", "staff",
                                      "personnel", "equipment", "information",
                                      "data", "media", "public", "military",
                                      "security", "evidence", "progress",
                                      "aid", "research", "advice", NULL};
  if (one_of(words, w, n)) return 1;
  return (n > 2 && w[n - 1] == 's' && w[n - 2] != 's') || !(w[0] >= 'a' && w[0] <= 'z');
}

/* A phrase ending in a preposition (belonging to) is no noun to make
 * plural. */
static int preposition(const char *w, size_t n) {
  static const char *const words[] = {"to", "for", "in", "on", "with", "from",
                                      "about", "at", "by", "against", NULL};
  return one_of(words, w, n);
}

juru_status juru__english_inflect(const juru__english *en, const char *phrase,
                                  size_t len, juru__en_form form,
                                  juru__buf *out) {
  if (form == JURU__EN_BASE || len == 0) return juru__buf_append(out, phrase, len);
  size_t ws, we; /* the word that changes */
  if (form == JURU__EN_PLURAL) {
    const char *of = NULL;
    for (size_t i = 0; i + 4 <= len; i++)
      if (memcmp(phrase + i, " of ", 4) == 0) { of = phrase + i; break; }
    we = of ? (size_t)(of - phrase) : len;
    ws = we;
    while (ws > 0 && phrase[ws - 1] != ' ') ws--;
    if (no_plural(phrase + ws, we - ws) || preposition(phrase + ws, we - ws) ||
        juru__strmap_get(&en->plurals, phrase + ws, we - ws, NULL))
      return juru__buf_append(out, phrase, len);
  } else {
    ws = 0;
    we = first_word(phrase, len);
  }
  juru_status st = juru__buf_append(out, phrase, ws);
  if (st == JURU_OK) st = append_form(en, phrase + ws, we - ws, form, out);
  if (st == JURU_OK) st = juru__buf_append(out, phrase + we, len - we);
  return st;
}

const char *juru__english_article(const char *word, size_t len) {
  if (len == 0) return "a";
  char c = word[0] | 0x20;
  /* an hour, an MP; a university, a one-day visit */
  if (len >= 3 && (memcmp(word, "uni", 3) == 0 || memcmp(word, "use", 3) == 0 ||
                   memcmp(word, "one", 3) == 0 || memcmp(word, "eur", 3) == 0))
    return "a";
  if (len >= 4 && (memcmp(word, "hour", 4) == 0 || memcmp(word, "hono", 4) == 0))
    return "an";
  return is_vowel(c) ? "an" : "a";
}

const char *juru__english_plural_verb(const char *word, size_t len) {
  static const char *const pairs[][2] = {
      {"was", "were"}, {"is", "are"}, {"has", "have"}};
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
    if (strlen(pairs[i][0]) == len && memcmp(word, pairs[i][0], len) == 0)
      return pairs[i][1];
  return NULL;
}
