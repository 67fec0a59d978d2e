/* The offline translator: a sentence becomes units (glossary terms,
 * lexicon entries, rule words, numbers, names), which transfer.c orders and
 * generate.c turns into English.  See juru/translate.h. */
#include <stdio.h>
#include <string.h>

#include "juru/lookup.h"
#include "juru/text.h"
#include "../text/text.h"
#include "internal.h"

#define MAX_PHRASE_WORDS 5

struct juru_translator {
  const juru_lexicon *lx;
  juru_morph *morph;
  const juru_abbrevs *abbrevs;
  juru__rules rules;
  juru__english *english;
  const juru_glossary *glossary;
  juru_matcher *matcher;
  const juru_model *model;
  juru__decoder *decoder;

  /* per sentence, reused */
  juru__buf arena;        /* the units' English and notes */
  juru__buf out;          /* the English sentence */
  juru__unit *units;
  juru_unit *pub;
  size_t *order, *out_off, *out_len;
  size_t cap;
  juru_match *matches;
  size_t match_cap;
  juru_lookup_result *lookup; /* one word's lookup (large: kept, not
                                 allocated per word) */
  juru_token *tokens;
  size_t token_cap;
  juru_translation result;
};

const char *juru_unit_kind_name(juru_unit_kind kind) {
  static const char *const names[] = {"term", "lexicon", "rule", "number",
                                      "name", "unknown", "punct"};
  return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

juru_status juru_translator_new(const juru_lexicon *lx, juru_morph *morph,
                                const juru_abbrevs *abbrevs,
                                const juru_translator_files *files,
                                juru_translator **out, juru_error *err) {
  *out = NULL;
  if (!lx || !morph || !files || !files->rules || !files->english)
    return juru__fail(err, JURU_EINVAL, "", 0, 0, JURU__NONE,
                      "the translator needs a lexicon, a morphology, the "
                      "transfer rules and the English lists");
  juru_translator *tr = juru__calloc(1, sizeof *tr);
  if (!tr) return juru__fail(err, JURU_ENOMEM, "", 0, 0, JURU__NONE, "out of memory");
  tr->lx = lx;
  tr->morph = morph;
  tr->lookup = juru__malloc(sizeof *tr->lookup);
  if (!tr->lookup) {
    juru__free(tr);
    return juru__fail(err, JURU_ENOMEM, "", 0, 0, JURU__NONE, "out of memory");
  }
  tr->abbrevs = abbrevs;
  juru_status st = juru__rules_load(files->rules, &tr->rules, err);
  if (st != JURU_OK) {
    juru__free(tr->lookup);
    juru__free(tr);
    return st;
  }
  st = juru__english_load(files->english, &tr->english, err);
  if (st != JURU_OK) {
    juru_translator_free(tr);
    return st;
  }
  *out = tr;
  return JURU_OK;
}

void juru_translator_free(juru_translator *tr) {
  if (!tr) return;
  juru__rules_free(&tr->rules);
  juru__english_free(tr->english);
  juru_matcher_free(tr->matcher);
  juru__decoder_free(tr->decoder);
  juru__buf_free(&tr->arena);
  juru__buf_free(&tr->out);
  juru__free(tr->units);
  juru__free(tr->pub);
  juru__free(tr->order);
  juru__free(tr->out_off);
  juru__free(tr->out_len);
  juru__free(tr->matches);
  juru__free(tr->tokens);
  juru__free(tr->lookup);
  juru__free(tr);
}

juru_status juru_translator_set_glossary(juru_translator *tr,
                                         const juru_glossary *g) {
  juru_matcher_free(tr->matcher);
  tr->matcher = NULL;
  tr->glossary = g;
  if (!g) return JURU_OK;
  return juru_matcher_new(g, tr->morph, &tr->matcher);
}

void juru_translator_set_model(juru_translator *tr, const juru_model *m) {
  tr->model = m;
}

/* ---- growing the per-sentence arrays ------------------------------------ */

static juru_status reserve_units(juru_translator *tr, size_t n) {
  if (n <= tr->cap) return JURU_OK;
  size_t c = tr->cap ? tr->cap : 64;
  while (c < n) c *= 2;
  size_t cap;
  void **arrays[] = {(void **)&tr->units, (void **)&tr->pub,
                     (void **)&tr->order, (void **)&tr->out_off,
                     (void **)&tr->out_len};
  size_t sizes[] = {sizeof *tr->units, sizeof *tr->pub, sizeof *tr->order,
                    sizeof *tr->out_off, sizeof *tr->out_len};
  for (size_t i = 0; i < 5; i++) {
    cap = tr->cap;
    if (juru__grow(arrays[i], &cap, c, sizes[i]) != JURU_OK) return JURU_ENOMEM;
  }
  tr->cap = c;
  return JURU_OK;
}

/* ---- the English of a lexicon entry ------------------------------------- */

/* The first sense, without parenthesised notes or a leading "to ".  A
 * bare "be" or "have" before other senses is Wordnet Bahasa's noise
 * (seimbang: be; balanced). */
static juru_status store_sense(juru_translator *tr, const char *s, size_t n,
                               int verb, juru__unit *u) {
  for (;;) {
    const char *semi = NULL;
    for (size_t i = 0; i + 1 < n; i++)
      if (s[i] == ';' && s[i + 1] == ' ') { semi = s + i; break; }
    size_t len = semi ? (size_t)(semi - s) : n;
    if (semi && ((len == 2 && memcmp(s, "be", 2) == 0) ||
                 (len == 4 && memcmp(s, "have", 4) == 0))) {
      n -= len + 2;
      s = semi + 2;
      continue;
    }
    u->en_off = tr->arena.len;
    int depth = 0, space = 0;
    for (size_t i = 0; i < len; i++) {
      char c = s[i];
      if (c == '(') depth++;
      else if (c == ')' && depth > 0) depth--;
      else if (depth == 0) {
        if (c == ' ') { space = tr->arena.len > u->en_off; continue; }
        if (space && juru__buf_append(&tr->arena, " ", 1)) return JURU_ENOMEM;
        space = 0;
        if (juru__buf_append(&tr->arena, &c, 1)) return JURU_ENOMEM;
      }
    }
    u->en_len = tr->arena.len - u->en_off;
    if (verb && u->en_len > 3 && memcmp(tr->arena.data + u->en_off, "to ", 3) == 0) {
      u->en_off += 3;
      u->en_len -= 3;
    }
    if (u->en_len > 0 || !semi) return JURU_OK;
    n -= len + 2;
    s = semi + 2;
  }
}

static juru__cat cat_of_pos(const char *pos, size_t n) {
  static const struct {
    const char *name;
    juru__cat cat;
  } map[] = {{"n", JURU__CAT_NOUN},     {"v", JURU__CAT_VERB},
             {"adj", JURU__CAT_ADJ},    {"adv", JURU__CAT_ADV},
             {"prep", JURU__CAT_PREP},  {"conj", JURU__CAT_CONJ},
             {"det", JURU__CAT_DET},    {"pron", JURU__CAT_PRON},
             {"num", JURU__CAT_NUM},    {"propn", JURU__CAT_PROPN},
             {"abbr", JURU__CAT_PROPN}, {"part", JURU__CAT_ADV}};
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strlen(map[i].name) == n && memcmp(map[i].name, pos, n) == 0)
      return map[i].cat;
  return JURU__CAT_NONE;
}

/* A country in the gazetteer gives its demonym as a modifier
 * (pemerintah Somalia -> Somali government). */
static juru_status place_of(juru_translator *tr, const juru_lex_entry *e,
                            juru__unit *u) {
  const char *d = NULL;
  for (size_t i = 0; i + 8 <= e->note_len; i++)
    if (memcmp(e->note + i, "demonym=", 8) == 0) { d = e->note + i + 8; break; }
  int place = d || (e->note_len >= 4 && (memcmp(e->note, "city", 4) == 0 ||
                                         memcmp(e->note, "country", 7) == 0));
  if (!place) return JURU_OK;
  u->cat = JURU__CAT_PLACE;
  if (!d) return JURU_OK;
  size_t n = (size_t)(e->note + e->note_len - d);
  const char *semi = memchr(d, ';', n);
  if (semi) n = (size_t)(semi - d);
  u->alt_off = tr->arena.len;
  u->alt_len = n;
  u->flags |= JURU__U_INVARIABLE;
  return juru__buf_append(&tr->arena, d, n);
}

/* The entry of the word that says what place it is, whichever file it is
 * in (Inggris: the country, whose demonym is British, not the adjective;
 * Rusia: the gazetteer's, not the politics list's plain name). */
static juru_status place_in_lexicon(juru_translator *tr, const char *word,
                                    size_t len, juru__unit *u) {
  juru_lex_entry e[4];
  size_t ne = juru_lexicon_find(tr->lx, word, len, e, 4);
  juru_status st = JURU_OK;
  for (size_t k = 0; k < ne && k < 4 && st == JURU_OK && !u->alt_len; k++)
    st = place_of(tr, &e[k], u);
  return st;
}

static juru_status use_entry(juru_translator *tr, const juru_lex_entry *e,
                             juru__cat derived, juru__unit *u) {
  u->kind = JURU_UNIT_LEXICON;
  u->cat = cat_of_pos(e->pos, e->pos_len);
  if (derived != JURU__CAT_NONE) u->cat = derived;
  juru_status st = store_sense(tr, e->english, e->english_len,
                               u->cat == JURU__CAT_VERB, u);
  /* seimbang "be balanced" is an adjective in English */
  if (u->cat == JURU__CAT_VERB && u->en_len > 3 &&
      memcmp(tr->arena.data + u->en_off, "be ", 3) == 0) {
    u->en_off += 3;
    u->en_len -= 3;
    u->cat = JURU__CAT_ADJ;
    u->flags &= ~JURU__U_PASSIVE;
  }
  /* a "verb" whose English is no verb lemma (katanya: reportedly,
   * merupakan: is) is neither inflected nor given auxiliaries */
  if (u->cat == JURU__CAT_VERB &&
      !juru__english_is_verb(tr->english, tr->arena.data + u->en_off, u->en_len))
    u->flags |= JURU__U_FIXED;
  if (st == JURU_OK && u->cat == JURU__CAT_PROPN)
    st = place_in_lexicon(tr, e->headword, e->headword_len, u);
  return st;
}

/* ---- words -------------------------------------------------------------- */

static int is_upper_start(const char *s, size_t n) {
  return n > 0 && s[0] >= 'A' && s[0] <= 'Z';
}

static juru_status note_analysis(juru_translator *tr, const juru_analysis *a,
                                 juru__unit *u) {
  char buf[4 * JURU_MAX_WORD];
  size_t k = 0;
  for (size_t i = 0; i < a->n_prefix && k < sizeof buf; i++)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s + ", a->prefix[i]);
  if (k < sizeof buf)
    k += (size_t)snprintf(buf + k, sizeof buf - k, "%s", a->lemma);
  const char *sfx[] = {a->suffix, a->possessive, a->particle};
  for (size_t i = 0; i < 3 && k < sizeof buf; i++)
    if (sfx[i]) k += (size_t)snprintf(buf + k, sizeof buf - k, " + %s", sfx[i]);
  if (a->reduplicated && k < sizeof buf)
    k += (size_t)snprintf(buf + k, sizeof buf - k, " (reduplicated)");
  if (k >= sizeof buf) k = sizeof buf - 1;
  if (strcmp(buf, a->word) == 0) return JURU_OK;
  u->note_off = tr->arena.len;
  u->note_len = k;
  return juru__buf_append(&tr->arena, buf, k);
}

/* What the affixes make of a word found only through its root. */
static juru__cat derived_cat(const juru_analysis *a, juru_lookup_how how,
                             unsigned *flags) {
  int di = a->n_prefix > 0 && strcmp(a->prefix[0], "di-") == 0;
  int ter = a->n_prefix > 0 && strcmp(a->prefix[0], "ter-") == 0;
  if (di) *flags |= JURU__U_PASSIVE;
  if (how == JURU_LOOKUP_ACTIVE) return JURU__CAT_VERB;
  if (how != JURU_LOOKUP_ROOT) return JURU__CAT_NONE;
  if (ter && a->pos && strcmp(a->pos, "verb") == 0) *flags |= JURU__U_PASSIVE;
  if (a->pos && strcmp(a->pos, "verb") == 0) return JURU__CAT_VERB;
  if (a->pos && strcmp(a->pos, "noun") == 0) return JURU__CAT_NOUN;
  return JURU__CAT_NONE;
}

/* anti-korupsi: anti-corruption, a modifier (kampanye anti-korupsi:
 * anti-corruption campaign). */
static juru_status put_bound_first(juru_translator *tr, const char *label,
                                   juru__unit *u) {
  const char *en = juru_morph_meaning(tr->morph, label);
  if (!en) return JURU_OK;
  size_t off = tr->arena.len, n = strlen(en);
  /* reserved first: the word's English is in the arena, which may move */
  juru_status st = juru__buf_reserve(&tr->arena, n + u->en_len);
  if (st == JURU_OK) st = juru__buf_append(&tr->arena, en, n);
  if (st == JURU_OK)
    st = juru__buf_append(&tr->arena, tr->arena.data + u->en_off, u->en_len);
  if (st != JURU_OK) return st;
  u->en_off = off;
  u->en_len += n;
  u->cat = JURU__CAT_ADJ;
  u->flags &= ~(JURU__U_PLURAL | JURU__U_PASSIVE | JURU__U_OBJECT);
  return JURU_OK;
}

/* Digits and `en` after them, into the arena at *off, *len. */
static juru_status digits_with(juru_translator *tr, const char *digits,
                               size_t d, const char *en, size_t *off,
                               size_t *len) {
  *off = tr->arena.len;
  *len = d + strlen(en);
  juru_status st = juru__buf_append(&tr->arena, digits, d);
  return st ? st : juru__buf_append(&tr->arena, en, strlen(en));
}

/* 1970-an -> the 1970s: digits and a suffix the rules list, a noun
 * (since the 1970s) rather than a number, so it counts nothing. */
static int suffixed_number(juru_translator *tr, const char *w, size_t n,
                           juru__unit *u, juru_status *st) {
  size_t d = 0;
  uint32_t off;
  while (d < n && w[d] >= '0' && w[d] <= '9') d++;
  if (d == 0 || d == n ||
      !juru__strmap_get(&tr->rules.number_suffix, w + d, n - d, &off))
    return 0;
  u->kind = JURU_UNIT_RULE;
  u->cat = JURU__CAT_NOUN;
  *st = digits_with(tr, w, d, tr->rules.arena.data + off, &u->en_off,
                    &u->en_len);
  return 1;
}

static char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* berusia 59 tahun -> 59-year-old: a word, a number and a word the age
 * rules list, one adjective (seorang pria berusia 59 tahun: a 59-year-old
 * man).  Returns the tokens used, or 0. */
static size_t age_unit(juru_translator *tr, const char *text,
                       const juru_token *t, size_t nt, juru__unit *u,
                       juru_status *st) {
  char key[64];
  size_t a = t[0].end - t[0].start, b = nt > 2 ? t[2].end - t[2].start : 0;
  uint32_t off;
  if (nt < 3 || t[1].type != JURU_TOK_NUMBER || t[2].type != JURU_TOK_WORD ||
      a + b + 2 > sizeof key)
    return 0;
  for (size_t k = 0; k < a; k++) key[k] = ascii_lower(text[t[0].start + k]);
  key[a] = ' ';
  for (size_t k = 0; k < b; k++)
    key[a + 1 + k] = ascii_lower(text[t[2].start + k]);
  if (!juru__strmap_get(&tr->rules.ages, key, a + 1 + b, &off)) return 0;
  u->kind = JURU_UNIT_RULE;
  u->cat = JURU__CAT_ADJ;
  const char *num = text + t[1].start;
  size_t d = t[1].end - t[1].start;
  *st = digits_with(tr, num, d, tr->rules.arena.data + off, &u->en_off,
                    &u->en_len);
  /* dia berusia 59 tahun: he was 59 years old (transfer says ALT) */
  if (*st == JURU_OK &&
      juru__strmap_get(&tr->rules.age_predicates, key, a + 1 + b, &off))
    *st = digits_with(tr, num, d, tr->rules.arena.data + off, &u->alt_off,
                      &u->alt_len);
  return 3;
}

static juru_status word_unit(juru_translator *tr, const char *text,
                             const juru_token *t, int first, juru__unit *u) {
  const char *w = text + t->start;
  size_t n = t->end - t->start;
  if (!first && is_upper_start(w, n)) u->flags |= JURU__U_CAP;
  juru_lookup_result *r = tr->lookup;
  juru_status st = juru_lookup(tr->lx, tr->morph, w, n, r);
  const juru_analysis *a = &r->analysis;
  char lower[JURU_MAX_WORD];
  size_t ln = strlen(a->word);
  memcpy(lower, a->word, ln + 1);
  u->rule = juru__rules_find(&tr->rules, lower, ln);
  /* Subrata inside a sentence is a name, not sub- + rata */
  int bound_name = r->bound && !first && is_upper_start(w, n) &&
                   !memchr(w, '-', n);
  if (st == JURU_OK && r->n_entries > 0 && !bound_name) {
    unsigned flags = 0;
    juru__cat d = derived_cat(a, r->how, &flags);
    st = use_entry(tr, &r->entries[0], d, u);
    u->flags |= flags;
    if (u->cat != JURU__CAT_VERB) u->flags &= ~JURU__U_PASSIVE;
    if (a->reduplicated && u->cat == JURU__CAT_NOUN) u->flags |= JURU__U_PLURAL;
    if (a->possessive && r->how != JURU_LOOKUP_EXACT) {
      const juru__rule *p = juru__rules_find(&tr->rules, a->possessive,
                                             strlen(a->possessive));
      if (u->cat == JURU__CAT_NOUN && p && p->role == JURU__ROLE_POSSESSOR)
        u->possessive = p->english;
      else if (u->cat == JURU__CAT_VERB || u->cat == JURU__CAT_PREP)
        u->flags |= JURU__U_OBJECT;
    }
    if (st == JURU_OK && r->bound) st = put_bound_first(tr, r->bound, u);
    if (st == JURU_OK) st = note_analysis(tr, a, u);
  } else if (st == JURU_ENOTFOUND || st == JURU_OK) {
    st = JURU_OK;
    if (suffixed_number(tr, w, n, u, &st)) return st;
    u->kind = u->rule ? JURU_UNIT_RULE
              : is_upper_start(w, n) ? JURU_UNIT_NAME : JURU_UNIT_UNKNOWN;
    u->cat = is_upper_start(w, n) ? JURU__CAT_NAME : JURU__CAT_NONE;
    u->en_off = tr->arena.len;
    u->en_len = n;
    st = juru__buf_append(&tr->arena, w, n);
  }
  return st;
}

/* kerja sama erat, pemulihan penuh: a phrase whose last word is an
 * adjective has its modifier already; a noun after it is its owner. */
static int ends_in_adjective(const juru_translator *tr, const char *s,
                             size_t n) {
  size_t w = n;
  while (w > 0 && s[w - 1] != ' ') w--;
  juru_lex_entry e;
  return w > 0 && juru_lexicon_find(tr->lx, s + w, n - w, &e, 1) &&
         cat_of_pos(e.pos, e.pos_len) == JURU__CAT_ADJ;
}

/* tidak akan, tidak bisa: negations and auxiliaries ending in one that
 * takes the bare verb are the transfer rules' to say (will not come), not
 * a dictionary phrase's (never, cannot: "cannot came"). */
static int verb_group_words(const juru_translator *tr, const char *key,
                            size_t len) {
  const juru__rule *last = NULL;
  char lower[JURU_LOOKUP_MAX_FORM];
  for (size_t i = 0; i < len;) {
    size_t w = i;
    while (w < len && key[w] != ' ') w++;
    if (w - i >= sizeof lower) return 0;
    for (size_t k = i; k < w; k++)
      lower[k - i] = ascii_lower(key[k]);
    last = juru__rules_find(&tr->rules, lower, w - i);
    if (!last || (last->role != JURU__ROLE_AUX && last->role != JURU__ROLE_NEGATION))
      return 0;
    i = w + 1;
  }
  return last && last->role == JURU__ROLE_AUX && last->next == JURU__EN_BASE;
}

/* A run of words that is a multi-word lexicon entry (longest first). */
static size_t phrase_unit(juru_translator *tr, const char *text,
                          const juru_token *t, size_t nt, size_t limit,
                          int first, juru__unit *u, juru_status *st) {
  size_t maxw = juru_lexicon_max_words(tr->lx);
  if (maxw > MAX_PHRASE_WORDS) maxw = MAX_PHRASE_WORDS;
  if (maxw > limit) maxw = limit;
  if (maxw > nt) maxw = nt;
  char key[JURU_LOOKUP_MAX_FORM];
  for (size_t k = maxw; k >= 2; k--) {
    size_t len = 0;
    int ok = 1;
    for (size_t i = 0; i < k && ok; i++) {
      size_t wl = t[i].end - t[i].start;
      ok = t[i].type == JURU_TOK_WORD && len + wl + 1 < sizeof key;
      if (!ok) break;
      if (i) key[len++] = ' ';
      memcpy(key + len, text + t[i].start, wl);
      len += wl;
    }
    if (!ok) continue;
    juru_lex_entry e;
    if (juru_lexicon_find(tr->lx, key, len, &e, 1) == 0 ||
        verb_group_words(tr, key, len))
      continue;
    *st = use_entry(tr, &e, JURU__CAT_NONE, u);
    if (u->cat == JURU__CAT_NOUN && ends_in_adjective(tr, key, len))
      u->flags |= JURU__U_QUALIFIED;
    if (!first && is_upper_start(text + t[0].start, t[0].end - t[0].start))
      u->flags |= JURU__U_CAP;
    return k;
  }
  return 0;
}

/* kamp-kamp, serangan-serangan: a word said twice over a hyphen. */
static int doubled(const char *w, size_t n) {
  const char *dash = memchr(w, '-', n);
  size_t half = dash ? (size_t)(dash - w) : 0;
  return half && n == 2 * half + 1 && memcmp(w, dash + 1, half) == 0;
}

static juru_status term_unit(juru_translator *tr, const juru_match *m,
                             juru__unit *u) {
  const juru_term *term = juru_glossary_get(tr->glossary, m->term);
  u->kind = JURU_UNIT_TERM;
  u->term = m->term;
  switch (term->category) {
  case JURU_TERM_PERSON: u->cat = JURU__CAT_NAME; break;
  case JURU_TERM_ORG: u->cat = JURU__CAT_PROPN; break;
  case JURU_TERM_PLACE: u->cat = JURU__CAT_PLACE; break;
  default: u->cat = JURU__CAT_NOUN; break;
  }
  u->en_off = tr->arena.len;
  u->en_len = strlen(term->target);
  juru_status st = juru__buf_append(&tr->arena, term->target, u->en_len);
  const char *src = term->source;
  if (u->cat == JURU__CAT_NOUN && ends_in_adjective(tr, src, strlen(src)))
    u->flags |= JURU__U_QUALIFIED;
  if (st == JURU_OK && u->cat == JURU__CAT_PLACE)
    st = place_in_lexicon(tr, src, strlen(src), u);
  return st;
}

static int is_clock_zone(const char *w, size_t n) {
  return (n == 3 && (memcmp(w, "WIB", 3) == 0 || memcmp(w, "WIT", 3) == 0)) ||
         (n == 4 && memcmp(w, "WITA", 4) == 0);
}

static juru_status number_unit(juru_translator *tr, const char *text,
                               const juru_token *t, size_t nt,
                               const juru__unit *prev, juru__unit *u) {
  const char *w = text + t->start;
  size_t n = t->end - t->start;
  int clock = (prev && prev->rule && prev->rule->role == JURU__ROLE_TIME) ||
              (nt > 1 && is_clock_zone(text + t[1].start, t[1].end - t[1].start));
  u->kind = JURU_UNIT_NUMBER;
  u->cat = JURU__CAT_NUM;
  double v = juru__number_value(w, n);
  if (v > 1) u->flags |= JURU__U_NUMERAL;
  u->en_off = tr->arena.len;
  juru_status st = juru__number_english(&tr->rules, w, n, clock, &tr->arena);
  u->en_len = tr->arena.len - u->en_off;
  return st;
}

static juru_status plain_unit(juru_translator *tr, const char *text,
                              const juru_token *t, juru_unit_kind kind,
                              juru__unit *u) {
  u->kind = kind;
  u->cat = kind == JURU_UNIT_PUNCT ? JURU__CAT_PUNCT : JURU__CAT_NAME;
  u->en_off = tr->arena.len;
  u->en_len = t->end - t->start;
  return juru__buf_append(&tr->arena, text + t->start, u->en_len);
}

/* ---- the sentence ------------------------------------------------------- */

/* PKL, PBB: letters, all capitals. */
static int capitals(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (w[i] < 'A' || w[i] > 'Z') return 0;
  return n > 0;
}

static juru_status tokenize(juru_translator *tr, const char *text, size_t len,
                            size_t *nt) {
  size_t pos = 0, n = 0;
  juru_token tok;
  while (juru_token_next(tr->abbrevs, text, len, &pos, &tok)) {
    if (juru__grow((void **)&tr->tokens, &tr->token_cap, n + 1, sizeof tok))
      return JURU_ENOMEM;
    tr->tokens[n++] = tok;
  }
  /* para PKL.: an acronym, or an abbreviation that never ends a sentence,
   * ending one: the dot is the sentence's */
  juru_token *last = n ? &tr->tokens[n - 1] : NULL;
  if (last && last->type == JURU_TOK_ABBREV && text[last->end - 1] == '.') {
    juru_abbrev_class c = juru_abbrevs_find(tr->abbrevs, text + last->start,
                                            last->end - last->start);
    if (c == JURU_ABBREV_TITLE || c == JURU_ABBREV_PRE ||
        capitals(text + last->start, last->end - last->start - 1)) {
      if (juru__grow((void **)&tr->tokens, &tr->token_cap, n + 1, sizeof tok))
        return JURU_ENOMEM;
      last = &tr->tokens[n - 1];
      last->type = JURU_TOK_WORD;
      last->end--;
      juru_token dot = {JURU_TOK_PUNCT, last->end, last->end + 1};
      tr->tokens[n++] = dot;
    }
  }
  *nt = n;
  return JURU_OK;
}

/* An extracted name matched in lower case ("masyarakat" for the
 * organisation "Masyarakat ...") is the common word, not the name.  A
 * user's terms always apply. */
static int common_use_of_name(const juru_translator *tr, const char *text,
                              const juru_match *m) {
  const juru_term *t = juru_glossary_get(tr->glossary, m->term);
  if (!t || t->origin == JURU_ORIGIN_USER || t->category == JURU_TERM_TERM) return 0;
  char first = text[m->start];
  return t->source[0] >= 'A' && t->source[0] <= 'Z' && first >= 'a' && first <= 'z';
}

static juru_status find_terms(juru_translator *tr, const char *text,
                              size_t len, size_t *nm) {
  *nm = 0;
  if (!tr->matcher) return JURU_OK;
  size_t k = juru_matcher_find(tr->matcher, text, len, tr->matches, tr->match_cap);
  if (k > tr->match_cap) {
    if (juru__grow((void **)&tr->matches, &tr->match_cap, k, sizeof *tr->matches))
      return JURU_ENOMEM;
    k = juru_matcher_find(tr->matcher, text, len, tr->matches, tr->match_cap);
  }
  size_t kept = 0;
  for (size_t i = 0; i < k; i++)
    if (!common_use_of_name(tr, text, &tr->matches[i])) tr->matches[kept++] = tr->matches[i];
  *nm = kept;
  return JURU_OK;
}

/* An abbreviation the lexicon lists with its dot (dll. -> etc.). */
static int listed_abbreviation(juru_translator *tr, const char *text,
                               const juru_token *t, juru__unit *u,
                               juru_status *st) {
  juru_lex_entry e;
  if (juru_lexicon_find(tr->lx, text + t->start, t->end - t->start, &e, 1) == 0 ||
      !e.headword_len || e.headword[e.headword_len - 1] != '.')
    return 0;
  *st = use_entry(tr, &e, JURU__CAT_NONE, u);
  return 1;
}

static juru_status build_units(juru_translator *tr, const char *text,
                               size_t nt, size_t nm, size_t *nu) {
  size_t n = 0, m = 0;
  juru_status st = JURU_OK;
  for (size_t i = 0; i < nt && st == JURU_OK;) {
    const juru_token *t = &tr->tokens[i];
    juru__unit *u = &tr->units[n];
    memset(u, 0, sizeof *u);
    u->term = JURU_NO_TERM;
    u->start = t->start;
    size_t used = 1;
    while (m < nm && tr->matches[m].end <= t->start) m++;
    if (m < nm && tr->matches[m].start <= t->start) {
      st = term_unit(tr, &tr->matches[m], u);
      u->end = tr->matches[m].end;
      if (u->cat == JURU__CAT_NOUN && doubled(text + t->start, t->end - t->start))
        u->flags |= JURU__U_PLURAL; /* kamp-kamp teroris: terrorist camps */
      while (i + used < nt && tr->tokens[i + used].start < u->end) used++;
      m++;
    } else if (t->type == JURU_TOK_WORD) {
      size_t limit = nt - i; /* a phrase never runs into a term */
      if (m < nm) {
        limit = 0;
        while (i + limit < nt && tr->tokens[i + limit].start < tr->matches[m].start)
          limit++;
      }
      size_t k = limit >= 3 ? age_unit(tr, text, t, nt - i, u, &st) : 0;
      if (!k) k = phrase_unit(tr, text, t, nt - i, limit, n == 0, u, &st);
      if (k) used = k;
      else st = word_unit(tr, text, t, n == 0, u);
      u->end = tr->tokens[i + used - 1].end;
    } else if (t->type == JURU_TOK_NUMBER) {
      st = number_unit(tr, text, t, nt - i, n ? &tr->units[n - 1] : NULL, u);
      u->end = t->end;
    } else if (t->type == JURU_TOK_ABBREV && listed_abbreviation(tr, text, t, u, &st)) {
      u->end = t->end; /* dll. -> etc. */
    } else {
      juru_unit_kind kind = t->type == JURU_TOK_PUNCT || t->type == JURU_TOK_SYMBOL
                                ? JURU_UNIT_PUNCT : JURU_UNIT_NAME;
      st = plain_unit(tr, text, t, kind, u);
      u->end = t->end;
    }
    i += used;
    n++;
  }
  *nu = n;
  return st;
}

static void publish(juru_translator *tr, const char *text, size_t n) {
  (void)text;
  juru_translation *r = &tr->result;
  r->english = tr->out.data ? tr->out.data : "";
  r->english_len = tr->out.len;
  r->units = tr->pub;
  r->n_units = n;
  r->n_terms = r->n_unknown = 0;
  for (size_t i = 0; i < n; i++) {
    const juru__unit *u = &tr->units[i];
    juru_unit *p = &tr->pub[i];
    p->start = u->start;
    p->end = u->end;
    p->kind = u->kind;
    p->term = u->term;
    p->english = r->english + (tr->out_len[i] ? tr->out_off[i] : 0);
    p->english_len = tr->out_len[i];
    p->analysis = u->note_len ? tr->arena.data + u->note_off : "";
    r->n_terms += u->kind == JURU_UNIT_TERM;
    r->n_unknown += u->kind == JURU_UNIT_UNKNOWN;
  }
}

/* Notes are stored without terminators while the arena grows; the
 * published ones need them, so they are copied once at the end. */
static juru_status terminate_notes(juru_translator *tr, size_t n) {
  for (size_t i = 0; i < n; i++) {
    juru__unit *u = &tr->units[i];
    if (!u->note_len) continue;
    size_t off = tr->arena.len;
    /* reserve first: the copy comes from the arena itself */
    if (juru__buf_reserve(&tr->arena, u->note_len + 1)) return JURU_ENOMEM;
    memcpy(tr->arena.data + off, tr->arena.data + u->note_off, u->note_len);
    tr->arena.data[off + u->note_len] = '\0';
    tr->arena.len += u->note_len + 1;
    tr->arena.data[tr->arena.len] = '\0';
    u->note_off = off;
  }
  return JURU_OK;
}

/* Pakistan Umumkan Pemulihan Penuh Hubungan: a headline in title case. */
static int is_headline(const juru_translator *tr, const char *text,
                       size_t nt) {
  size_t words = 0, caps = 0;
  for (size_t i = 0; i < nt; i++) {
    const juru_token *t = &tr->tokens[i];
    if (t->type != JURU_TOK_WORD) continue;
    words++;
    caps += is_upper_start(text + t->start, t->end - t->start);
  }
  return nt && juru__is_headline(words, caps, text[tr->tokens[nt - 1].start]);
}

/* English headline style: the present tense (Pakistan announces), no
 * definite article, a passive without "be" (missile launched). */
static void headline_rules(const juru__rules *r, juru__rules *h) {
  *h = *r;
  h->tense = JURU__EN_3SG;
  h->article = NULL;
  h->passive_be = NULL;
}

/* A headline's capitals are style, not names; in sentence case the
 * glossary's terms stay exactly as the glossary gives them. */
static void drop_style_capitals(juru__unit *u, size_t nu) {
  for (size_t i = 0; i < nu; i++)
    if (u[i].kind == JURU_UNIT_LEXICON && u[i].cat != JURU__CAT_PROPN &&
        u[i].cat != JURU__CAT_PLACE)
      u[i].flags &= ~(unsigned)JURU__U_CAP;
}

juru_status juru_translate_sentence(juru_translator *tr, const char *text,
                                    size_t len, const juru_translation **out) {
  *out = NULL;
  juru__buf_clear(&tr->arena);
  juru__buf_clear(&tr->out);
  size_t nt = 0, nm = 0, nu = 0;
  juru_status st = tokenize(tr, text, len, &nt);
  if (st == JURU_OK) st = find_terms(tr, text, len, &nm);
  if (st == JURU_OK) st = reserve_units(tr, nt + 1);
  if (st == JURU_OK) st = build_units(tr, text, nt, nm, &nu);
  juru__rules headline;
  const juru__rules *rules = &tr->rules;
  int is_head = st == JURU_OK && is_headline(tr, text, nt);
  if (is_head) {
    headline_rules(&tr->rules, &headline);
    drop_style_capitals(tr->units, nu);
    rules = &headline;
  }
  if (st == JURU_OK) {
    juru__transfer(rules, tr->english, text, tr->arena.data, tr->units, nu,
                   tr->order);
    st = terminate_notes(tr, nu);
  }
  if (st == JURU_OK)
    st = juru__generate(rules, tr->english, text, tr->arena.data, tr->units,
                        nu, tr->order, &tr->out, tr->out_off, tr->out_len);
  /* the model learned sentences, not headlines: it would bring the
   * narrative past back (Pakistan Announced) */
  if (st == JURU_OK && tr->model && !is_head)
    st = juru__decode(&tr->decoder, tr->model, tr->english, tr->abbrevs, text, tr->units, nu,
                      tr->order, &tr->out, tr->out_off, tr->out_len);
  if (st == JURU_OK && juru__buf_append(&tr->out, "", 0) != JURU_OK)
    st = JURU_ENOMEM;
  if (st != JURU_OK) return st;
  publish(tr, text, nu);
  *out = &tr->result;
  return JURU_OK;
}
