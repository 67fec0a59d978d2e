/* Glossary extraction: an article's key terms, ranked, with English.
 *
 * Each sentence is tokenized and every token described once (capitalised?
 * a lexicon word, a place, a role or organisation head, a stop word?).
 * Candidates then come, in this order, from the user's glossaries, from the
 * lexicon's multi-word entries (longest first), from runs of capitalised
 * words (split into roles, places, organisations and people), from pairs of
 * lower-case nouns, and from single domain words.  A token taken by one
 * candidate is not offered to a later kind.  Candidates are ranked by
 * category, frequency and how rare their words are in everyday text (the
 * background frequencies of dictionaries/id/frequencies.tsv).
 *
 * English: a user's glossary, else the lexicon, else composed from the
 * parts in head-final order (Front Pembebasan Baloch -> Baloch Liberation
 * Front), with places as demonyms before a head (Pakistani Foreign
 * Ministry) and names kept as written. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"
#include "juru/lookup.h"
#include "juru/text.h"
#include "../text/text.h"
#include "../text/uchar.h"

#define MAX_TOKENS 512
#define MAX_KEY 128
#define MAX_TERM_TOKENS 12

enum {
  F_WORD = 1u << 0,     /* letters (a word or an abbreviation) */
  F_CAP = 1u << 1,      /* starts with a capital */
  F_COMMON = 1u << 2,   /* the lexicon knows it as a common word */
  F_PLACE = 1u << 3,    /* the lexicon knows it as a place */
  F_PROPN = 1u << 4,    /* the lexicon knows it as another proper name */
  F_STOP = 1u << 5,
  F_DATE = 1u << 6,
  F_CONNECTOR = 1u << 7,
  F_ROLE = 1u << 8,
  F_ORG = 1u << 9,
  F_PLACEWORD = 1u << 10,
  F_NOUN = 1u << 11,    /* its first lexicon sense is a noun */
  F_ADJ = 1u << 12,
  F_DOMAIN = 1u << 13,  /* from a domain lexicon (politics, economy) */
  F_ENGLISH = 1u << 14, /* an English word, not an Indonesian one */
  F_TAKEN = 1u << 15,   /* part of a candidate already */
  F_ABBR = 1u << 16,
  F_CURATED = 1u << 17, /* from the curated news lexicons */
  F_JOIN = 1u << 18,    /* joins two places (dan) */
  F_PREMODIFIER = 1u << 19 /* modifies the noun after it (mantan) */
};

typedef struct tinfo {
  size_t start, end;
  unsigned flags;
  char key[MAX_KEY];
  uint32_t bg; /* background frequency of the key */
} tinfo;

typedef struct cand {
  char *source, *context, *target;
  juru_term_category category;
  juru_term_origin origin;
  size_t frequency;
  double rarity;     /* mean over its content words, 0 (everyday) to 1 */
  double min_rarity; /* of its most everyday content word */
  int words;
  int user;
  int domain;        /* from a domain lexicon (politics, economy) */
} cand;

struct juru_extractor {
  const juru_lexicon *lx;
  juru_morph *morph;
  const juru_glossary *user;
  juru_matcher *user_matcher;
  juru_extract_options opt;
  juru__strmap rules; /* word -> F_* bits */
  juru__strmap index; /* candidate key -> position */
  cand *cands;
  size_t n, cap;
  juru__arena text;
  double log_corpus;
  /* the current sentence */
  const char *s;
  tinfo tok[MAX_TOKENS];
  size_t ntok;
};

/* ---- rules (dictionaries/id/glossary.txt) -------------------------------- */

static juru_status load_rules(juru_extractor *ex, const char *path,
                              juru_error *err) {
  static const struct {
    const char *kind;
    unsigned flag;
  } kinds[] = {{"connector", F_CONNECTOR}, {"role", F_ROLE},
               {"org", F_ORG},             {"placeword", F_PLACEWORD},
               {"stop", F_STOP},           {"date", F_DATE},
               {"join", F_JOIN},           {"premodifier", F_PREMODIFIER}};
  juru__buf b = {0};
  b.max = 16u << 20;
  juru_status st = juru__read_file(path, &b, err);
  juru__lines it = {b.data, b.len, 0, 0};
  const char *p;
  size_t n;
  while (st == JURU_OK && juru__next_line(&it, &p, &n)) {
    size_t line = it.number;
    if (n == 0 || p[0] == '#') continue;
    const char *tab = memchr(p, '\t', n);
    unsigned flag = 0;
    for (size_t k = 0; tab && k < sizeof kinds / sizeof kinds[0]; k++)
      if ((size_t)(tab - p) == strlen(kinds[k].kind) &&
          memcmp(p, kinds[k].kind, (size_t)(tab - p)) == 0)
        flag = kinds[k].flag;
    if (!flag || (size_t)(tab - p) + 1 >= n) {
      st = juru__fail(err, JURU_ESYNTAX, path, line, 1, JURU__NONE,
                      "expected KIND<TAB>WORD (connector, role, org, "
                      "placeword, stop, date, join, premodifier)");
      break;
    }
    const char *w = tab + 1;
    size_t wl = n - (size_t)(w - p);
    uint32_t old = 0;
    st = juru__strmap_put(&ex->rules, w, wl, flag, &old);
    if (st == JURU_OK && old != UINT32_MAX)
      juru__strmap_set(&ex->rules, w, wl, old | flag);
  }
  juru__buf_free(&b);
  return st;
}

/* ---- set-up --------------------------------------------------------------- */

juru_status juru_extractor_new(const juru_lexicon *lx, juru_morph *morph,
                               const juru_glossary *user,
                               const juru_extract_options *opt,
                               juru_extractor **out) {
  *out = NULL;
  if (!lx || !morph) return JURU_EINVAL;
  juru_extractor *ex = juru__calloc(1, sizeof *ex);
  if (!ex) return JURU_ENOMEM;
  ex->lx = lx;
  ex->morph = morph;
  ex->user = user;
  if (opt) ex->opt = *opt;
  if (!ex->opt.min_frequency) ex->opt.min_frequency = 1;
  ex->log_corpus = log(1.0 + (double)juru_morph_corpus_size(morph));
  juru_status st = JURU_OK;
  if (user && juru_glossary_count(user))
    st = juru_matcher_new(user, morph, &ex->user_matcher);
  if (st == JURU_OK && ex->opt.rules)
    st = load_rules(ex, ex->opt.rules, NULL);
  if (st != JURU_OK) {
    juru_extractor_free(ex);
    return st;
  }
  *out = ex;
  return JURU_OK;
}

void juru_extractor_free(juru_extractor *ex) {
  if (!ex) return;
  juru_matcher_free(ex->user_matcher);
  juru__strmap_free(&ex->rules);
  juru__strmap_free(&ex->index);
  juru__free(ex->cands);
  juru__arena_free(&ex->text);
  juru__free(ex);
}

/* ---- describing tokens ---------------------------------------------------- */

static int starts_with(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}

static unsigned entry_flags(const juru_lex_entry *e) {
  unsigned f = 0;
  if (e->pos_len == 5 && memcmp(e->pos, "propn", 5) == 0) {
    static const char *const places[] = {"country", "city", "capital",
                                         "province", "regency", "island",
                                         "region", "sea", "strait"};
    f |= F_PROPN;
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++)
      if (starts_with(e->note, e->note_len, places[i])) f = F_PLACE;
  } else if (e->pos_len == 4 && memcmp(e->pos, "abbr", 4) == 0) {
    f |= F_ABBR | F_PROPN;
  } else if (e->headword_len && e->headword[0] >= 'A' && e->headword[0] <= 'Z') {
    f |= F_PROPN; /* a dictionary writes a name with its capital (Abdullah) */
  } else {
    f |= F_COMMON;
    if (e->pos_len == 1 && e->pos[0] == 'n') f |= F_NOUN;
    if (e->pos_len == 3 && memcmp(e->pos, "adj", 3) == 0) f |= F_ADJ;
  }
  if (starts_with(e->source, e->source_len, "news-politics") ||
      starts_with(e->source, e->source_len, "news-economy"))
    f |= F_DOMAIN;
  if (starts_with(e->source, e->source_len, "news-")) f |= F_CURATED;
  return f;
}

/* The first entry decides, but a place is a place whichever entry says so
 * (Amerika Serikat is listed as a name and as a country). */
static unsigned entries_flags(const juru_lex_entry *e, size_t n) {
  unsigned f = entry_flags(&e[0]);
  for (size_t i = 1; i < n; i++)
    if (entry_flags(&e[i]) & F_PLACE) f = (f & ~(unsigned)(F_PROPN | F_COMMON)) | F_PLACE;
  return f;
}

/* The rules' flags for t->key and, when the lexicon has it, its entries';
 * whether it has. */
static int describe_key(juru_extractor *ex, tinfo *t) {
  size_t k = strlen(t->key);
  uint32_t rule = 0;
  if (juru__strmap_get(&ex->rules, t->key, k, &rule)) t->flags |= rule;
  juru_lex_entry e[4];
  size_t found = juru_lexicon_find(ex->lx, t->key, k, e, 4);
  if (found) t->flags |= entries_flags(e, found < 4 ? found : 4);
  return found != 0;
}

static void describe(juru_extractor *ex, tinfo *t) {
  const char *w = ex->s + t->start;
  size_t n = t->end - t->start;
  t->flags = 0;
  size_t k = juru__glossary_key(w, n, t->key, sizeof t->key);
  t->key[k] = '\0';
  uint32_t cp = 0;
  if (juru__utf8_decode((const unsigned char *)w, n, &cp) <= 0) return;
  juru__cclass c0 = juru__cclass_of(cp);
  if (c0 != JURU__C_UPPER && c0 != JURU__C_LOWER) return;
  t->flags |= F_WORD;
  if (c0 == JURU__C_UPPER) t->flags |= F_CAP;
  t->bg = juru_morph_frequency(ex->morph, t->key, k);
  if (describe_key(ex, t)) return;
  juru_lookup_result r;
  juru_lex_entry e[1];
  if (juru_lookup(ex->lx, ex->morph, w, n, &r) == JURU_OK && r.n_entries) {
    const juru_analysis *a = &r.analysis;
    if (a->particle && !a->possessive && strcmp(a->base, a->lemma) == 0) {
      /* Sabtu-lah, Jakarta-pun: the word itself, stressed (a date or a
       * place, not a person called Sabtu-lah) */
      snprintf(t->key, sizeof t->key, "%s", a->base);
      describe_key(ex, t);
    } else {
      t->flags |= entry_flags(&r.entries[0]) & ~(unsigned)(F_PLACE | F_PROPN);
    }
  } else if (juru_lexicon_reverse(ex->lx, t->key, k, e, 1)) {
    t->flags |= F_ENGLISH;
  }
}

/* ---- candidates ----------------------------------------------------------- */

static char *keep(juru_extractor *ex, const char *s, size_t n) {
  return juru__arena_strndup(&ex->text, s, n);
}

/* The source as written: the sentence's bytes from token i to token j. */
static juru_status add_cand_as(juru_extractor *ex, size_t i, size_t j,
                               juru_term_category cat, const char *target,
                               juru_term_origin origin, int user, int domain,
                               const char *canonical) {
  const char *src = canonical ? canonical : ex->s + ex->tok[i].start;
  size_t n = canonical ? strlen(canonical) : ex->tok[j].end - ex->tok[i].start;
  for (size_t k = i; k <= j; k++) ex->tok[k].flags |= F_TAKEN;
  char key[1024];
  size_t kn = juru__glossary_key(src, n, key, sizeof key);
  if (kn == 0) return JURU_OK;
  uint32_t at;
  if (juru__strmap_get(&ex->index, key, kn, &at)) {
    ex->cands[at].frequency++;
    return JURU_OK;
  }
  if (ex->n == ex->cap) {
    size_t cap = ex->cap ? ex->cap * 2 : 256;
    cand *p = juru__realloc(ex->cands, cap * sizeof *p);
    if (!p) return JURU_ENOMEM;
    ex->cands = p;
    ex->cap = cap;
  }
  cand *c = &ex->cands[ex->n];
  memset(c, 0, sizeof *c);
  c->source = keep(ex, src, n);
  c->context = keep(ex, ex->s, ex->tok[ex->ntok - 1].end);
  c->target = target ? keep(ex, target, strlen(target)) : NULL;
  c->category = cat;
  c->origin = origin;
  c->frequency = 1;
  c->user = user;
  c->domain = domain;
  c->words = (int)(j - i + 1);
  double r = 0, lowest = 1.0;
  int content = 0;
  for (size_t k = i; k <= j; k++) {
    if (!(ex->tok[k].flags & F_WORD) || (ex->tok[k].flags & F_STOP)) continue;
    double idf = ex->log_corpus - log(1.0 + ex->tok[k].bg);
    double x = ex->log_corpus > 0 ? idf / ex->log_corpus : 1.0;
    r += x;
    if (x < lowest) lowest = x;
    content++;
  }
  c->rarity = content ? r / content : 0;
  c->min_rarity = content ? lowest : 0;
  if (!c->source || !c->context || (target && !c->target)) return JURU_ENOMEM;
  juru_status st = juru__strmap_put(&ex->index, key, kn, (uint32_t)ex->n, NULL);
  /* "... (KPK)": a later KPK alone is this term again */
  if (st == JURU_OK && j >= i + 3 && ex->s[ex->tok[j].start] == ')') {
    const tinfo *a = &ex->tok[j - 1];
    st = juru__strmap_put(&ex->index, a->key, strlen(a->key), (uint32_t)ex->n,
                          NULL);
  }
  if (st == JURU_OK) ex->n++;
  return st;
}

static size_t phrase_key(const juru_extractor *ex, size_t i, size_t j,
                         char *out, size_t size);

/* A lower-case term is listed in its base form (kamp-kamp teroris as kamp
 * teroris); names as written. */
static juru_status add_cand(juru_extractor *ex, size_t i, size_t j,
                            juru_term_category cat, const char *target,
                            juru_term_origin origin, int user) {
  unsigned domain = 0;
  for (size_t k = i; k <= j; k++) domain |= ex->tok[k].flags & F_DOMAIN;
  char base[1024];
  const char *canonical = NULL;
  if (cat == JURU_TERM_TERM && !(ex->tok[i].flags & F_CAP) && !user &&
      phrase_key(ex, i, j, base, sizeof base))
    canonical = base;
  return add_cand_as(ex, i, j, cat, target, origin, user, domain != 0,
                     canonical);
}

static int taken(const juru_extractor *ex, size_t i, size_t j) {
  for (size_t k = i; k <= j; k++)
    if (ex->tok[k].flags & F_TAKEN) return 1;
  return 0;
}

/* The user's glossaries first: their terms win. */
static juru_status user_terms(juru_extractor *ex, size_t len) {
  if (!ex->user_matcher) return JURU_OK;
  juru_match m[64];
  size_t n = juru_matcher_find(ex->user_matcher, ex->s, len, m, 64);
  for (size_t k = 0; k < n && k < 64; k++) {
    size_t i = 0, j;
    while (i < ex->ntok && ex->tok[i].start < m[k].start) i++;
    for (j = i; j + 1 < ex->ntok && ex->tok[j].end < m[k].end; j++) {
    }
    if (i >= ex->ntok || taken(ex, i, j)) continue;
    const juru_term *t = juru_glossary_get(ex->user, m[k].term);
    juru_status st = add_cand(ex, i, j, t->category, t->target,
                              JURU_ORIGIN_USER, 1);
    if (st != JURU_OK) return st;
  }
  return JURU_OK;
}

/* Tokens i..j joined as a lexicon key ("komite keamanan nasional"), with
 * reduplicated words as their single form. */
static size_t phrase_key(const juru_extractor *ex, size_t i, size_t j,
                         char *out, size_t size) {
  size_t o = 0;
  for (size_t k = i; k <= j; k++) {
    const char *w = ex->tok[k].key;
    size_t n = strlen(w);
    const char *dash = strchr(w, '-');
    if (dash && (size_t)(dash - w) * 2 + 1 == n &&
        memcmp(w, dash + 1, (size_t)(dash - w)) == 0)
      n = (size_t)(dash - w);
    if (o + n + 2 > size) return 0;
    if (k > i) out[o++] = ' ';
    memcpy(out + o, w, n);
    o += n;
  }
  out[o] = '\0';
  return o;
}

static const char *first_sense(const juru_lex_entry *e, char *buf,
                               size_t size) {
  const char *semi = memchr(e->english, ';', e->english_len);
  size_t n = semi ? (size_t)(semi - e->english) : e->english_len;
  snprintf(buf, size, "%.*s", (int)n, e->english);
  return buf;
}

/* Wordnet Bahasa's multi-word names are linked automatically and often
 * wrong (perdana menteri Israel -> Begin): a phrase needs another source. */
static int only_wordnet(const juru_lex_entry *e, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!starts_with(e[i].source, e[i].source_len, "wordnet")) return 0;
  return 1;
}

/* Entries for a multi-word key, unless Wordnet alone has them. */
static size_t find_phrase(const juru_extractor *ex, const char *key,
                          juru_lex_entry *e, size_t max) {
  size_t n = juru_lexicon_find(ex->lx, key, strlen(key), e, max);
  return n && !only_wordnet(e, n < max ? n : max) ? n : 0;
}

/* The last token of the place starting at token i, the longest the
 * lexicon knows (Amerika Serikat, not Amerika), or SIZE_MAX for none. */
static size_t place_end(const juru_extractor *ex, size_t i) {
  if (i >= ex->ntok || (ex->tok[i].flags & F_TAKEN)) return SIZE_MAX;
  size_t end = ex->tok[i].flags & F_PLACE ? i : SIZE_MAX;
  for (size_t j = i + 1; j < ex->ntok && j - i < 4; j++) {
    char key[256];
    juru_lex_entry e[4];
    if (ex->tok[j].flags & F_TAKEN || !phrase_key(ex, i, j, key, sizeof key))
      break;
    size_t found = find_phrase(ex, key, e, 4);
    if (found && (entries_flags(e, found < 4 ? found : 4) & F_PLACE)) end = j;
  }
  return end;
}

/* Whether "dan" and another place follow the place ending at token i. */
static int joins_place(const juru_extractor *ex, size_t i) {
  return i + 2 < ex->ntok && (ex->tok[i + 1].flags & F_JOIN) &&
         place_end(ex, i + 2) != SIZE_MAX;
}

/* Multi-word lexicon entries, longest-leftmost. */
static int name_part(const tinfo *t, int sentence_start);
static size_t with_acronym(const juru_extractor *ex, size_t j);

static juru_status lexicon_terms(juru_extractor *ex) {
  size_t maxw = juru_lexicon_max_words(ex->lx);
  if (maxw > MAX_TERM_TOKENS) maxw = MAX_TERM_TOKENS;
  for (size_t i = 0; i < ex->ntok; i++) {
    if (!(ex->tok[i].flags & F_WORD) || (ex->tok[i].flags & (F_TAKEN | F_STOP)))
      continue;
    for (size_t len = maxw; len >= 2; len--) {
      size_t j = i + len - 1;
      if (j >= ex->ntok || taken(ex, i, j)) continue;
      char key[1024];
      if (!phrase_key(ex, i, j, key, sizeof key)) continue;
      juru_lex_entry e[4];
      size_t found = find_phrase(ex, key, e, 4);
      if (!found) continue;
      unsigned f = entries_flags(e, found < 4 ? found : 4);
      if (!(f & (F_NOUN | F_PROPN | F_PLACE | F_ABBR))) break; /* pada hari */
      if (ex->tok[j].flags & (F_STOP | F_DATE)) break;
      juru_term_category cat = f & F_PLACE ? JURU_TERM_PLACE
                               : f & (F_PROPN | F_ABBR) ? JURU_TERM_ORG
                               : (ex->tok[i].flags & (F_ROLE | F_CAP)) ==
                                         (F_ROLE | F_CAP)
                                   ? JURU_TERM_ROLE
                               : (ex->tok[i].flags & (F_ORG | F_CAP)) ==
                                         (F_ORG | F_CAP)
                                   ? JURU_TERM_ORG
                               : ex->tok[i].flags & F_ROLE ? JURU_TERM_ROLE
                                                           : JURU_TERM_TERM;
      /* a role or ministry with its country: Perdana Menteri sementara
       * Pakistan, Kementerian Luar Negeri Pakistan */
      size_t place = cat == JURU_TERM_ROLE || cat == JURU_TERM_ORG
                         ? place_end(ex, j + 1) : SIZE_MAX;
      /* ... but not one of two joined places, which modify it together:
       * duta besar Iran dan Pakistan, the Iranian and Pakistani
       * ambassadors */
      if (place != SIZE_MAX && joins_place(ex, place)) place = SIZE_MAX;
      if (place != SIZE_MAX)
        j = place;
      /* ... or its name: Front Pembebasan Baloch */
      else if (cat == JURU_TERM_ORG && (ex->tok[i].flags & F_CAP))
        while (j + 1 < ex->ntok && name_part(&ex->tok[j + 1], 0) &&
               !(ex->tok[j + 1].flags & (F_COMMON | F_ROLE | F_ORG)))
          j++;
      if (cat == JURU_TERM_ORG) j = with_acronym(ex, j);
      char buf[512];
      const char *target = j == i + len - 1 ? first_sense(&e[0], buf, sizeof buf)
                                            : NULL;
      juru_status st = add_cand_as(ex, i, j, cat, target,
                                   target ? JURU_ORIGIN_LEXICON
                                          : JURU_ORIGIN_COMPOSED,
                                   0, (f & F_DOMAIN) != 0, NULL);
      if (st != JURU_OK) return st;
      i = j;
      break;
    }
  }
  return JURU_OK;
}

/* ul-Adl, bin-Salman: a connector joined to a name by a hyphen */
static int connector_name(const juru_extractor *ex, const tinfo *t) {
  const char *dash = strchr(t->key, '-');
  const char *w = ex->s + t->start;
  uint32_t f = 0;
  return dash && juru__strmap_get(&ex->rules, t->key, (size_t)(dash - t->key),
                                  &f) &&
         (f & F_CONNECTOR) && w[dash - t->key + 1] >= 'A' &&
         w[dash - t->key + 1] <= 'Z';
}

static int name_part_of(const juru_extractor *ex, const tinfo *t,
                        int sentence_start) {
  if ((t->flags & F_WORD) && !(t->flags & F_CAP) && connector_name(ex, t))
    return !(t->flags & F_TAKEN);
  return name_part(t, sentence_start);
}

/* A capital inside a sentence marks a name, even on a word the lexicon
 * knows (Budi, Rask); at the start of a sentence it proves nothing. */
static int name_part(const tinfo *t, int sentence_start) {
  if (!(t->flags & F_WORD) || !(t->flags & F_CAP)) return 0;
  if (t->flags & (F_TAKEN | F_DATE | F_STOP)) return 0;
  if (sentence_start && (t->flags & F_ENGLISH)) return 0;
  /* at the start, a word Indonesian text uses (the curated lexicons have
   * it, or everyday text does) is just a capitalised word; Trump, known
   * only to the broad dictionaries, is still a name */
  if (sentence_start && (t->flags & F_COMMON) && !(t->flags & (F_ROLE | F_ORG)) &&
      ((t->flags & F_CURATED) || t->bg >= 3))
    return 0;
  return 1;
}

static int all_caps(const char *s, size_t n) {
  size_t upper = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') return 0;
    upper += s[i] >= 'A' && s[i] <= 'Z';
  }
  return upper >= 2;
}

/* Split a run of capitalised words i..j into places, roles, organisations
 * and people. */
static juru_status split_run(juru_extractor *ex, size_t i, size_t j) {
  while (i <= j) {
    const tinfo *t = &ex->tok[i];
    if (t->flags & F_ORG) { /* Front Pembebasan Baloch: to the end */
      return add_cand(ex, i, with_acronym(ex, j), JURU_TERM_ORG, NULL,
                      JURU_ORIGIN_COMPOSED, 0);
    }
    size_t place = place_end(ex, i);
    if (place != SIZE_MAX && place <= j) {
      juru_status st = add_cand(ex, i, place, JURU_TERM_PLACE, NULL,
                                JURU_ORIGIN_NAME, 0);
      if (st != JURU_OK) return st;
      i = place + 1;
      continue;
    }
    if (t->flags & F_ROLE) {
      /* a title (known words) and perhaps its country, then a name */
      size_t k = i;
      while (k < j && (ex->tok[k + 1].flags & (F_COMMON | F_ROLE)) &&
             !(ex->tok[k + 1].flags & F_PLACE))
        k++;
      size_t country = k < j ? place_end(ex, k + 1) : SIZE_MAX;
      if (country != SIZE_MAX && country <= j) k = country;
      juru_status st = add_cand(ex, i, k, JURU_TERM_ROLE, NULL,
                                JURU_ORIGIN_COMPOSED, 0);
      if (st != JURU_OK) return st;
      i = k + 1;
      continue;
    }
    /* unknown words: a name, with connectors inside (Jaish ul-Adl) */
    size_t k = i;
    while (k < j && !(ex->tok[k + 1].flags & (F_PLACE | F_ROLE | F_ORG)))
      k++;
    juru_term_category cat = JURU_TERM_PERSON;
    if (k == i && (t->flags & F_COMMON) && (t->flags & F_CURATED))
      cat = JURU_TERM_ORG; /* Pemerintah, Majelis: an institution */
    else if (k == i && all_caps(ex->s + t->start, t->end - t->start))
      cat = JURU_TERM_ORG; /* an acronym */
    size_t from = i;
    if (i > 0 && (ex->tok[i - 1].flags & F_PLACEWORD) &&
        !(ex->tok[i - 1].flags & F_TAKEN)) {
      cat = JURU_TERM_PLACE; /* kota Rask */
      from = i - 1;
    }
    juru_status st = add_cand(ex, from, k, cat, NULL, JURU_ORIGIN_NAME, 0);
    if (st != JURU_OK) return st;
    i = k + 1;
  }
  return JURU_OK;
}

/* The first word of a sentence, or of a quotation or list within it. */
static int starts_clause(const juru_extractor *ex, size_t i) {
  for (size_t k = i; k-- > 0;) {
    if (ex->tok[k].flags & F_WORD) return 0;
    const unsigned char *p = (const unsigned char *)ex->s + ex->tok[k].start;
    /* an opening quote, a colon or a dash opens a clause */
    if (p[0] == '"' || p[0] == ':' || p[0] == '(' || p[0] == '-' ||
        (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x98)))
      return 1;
  }
  return 1;
}

/* "Komisi Pemberantasan Korupsi (KPK)": the acronym that follows a name in
 * brackets belongs to it.  Returns the last token to include. */
static size_t with_acronym(const juru_extractor *ex, size_t j) {
  if (j + 3 < ex->ntok && ex->s[ex->tok[j + 1].start] == '(' &&
      ex->s[ex->tok[j + 3].start] == ')' &&
      all_caps(ex->s + ex->tok[j + 2].start,
               ex->tok[j + 2].end - ex->tok[j + 2].start))
    return j + 3;
  return j;
}

static juru_status name_runs(juru_extractor *ex) {
  for (size_t i = 0; i < ex->ntok;) {
    if (!name_part(&ex->tok[i], starts_clause(ex, i))) {
      i++;
      continue;
    }
    size_t j = i;
    for (;;) {
      size_t k = j + 1;
      if (k < ex->ntok && name_part_of(ex, &ex->tok[k], 0)) {
        j = k;
        continue;
      }
      /* a lower-case connector between two capitalised words */
      if (k + 1 < ex->ntok && (ex->tok[k].flags & F_CONNECTOR) &&
          !(ex->tok[k].flags & F_CAP) && name_part(&ex->tok[k + 1], 0)) {
        j = k + 1;
        continue;
      }
      break;
    }
    /* English words together are an English phrase (Story Code), not a
     * name; one among Indonesian words is a name (Trump) */
    int english = j > i;
    for (size_t k = i; k <= j && english; k++)
      english = (ex->tok[k].flags & F_ENGLISH) != 0;
    /* [IT/r]: an editor's tag */
    int tag = i > 0 && ex->s[ex->tok[i - 1].start] == '[';
    /* "Kantor itu baru": an organisation's head word alone, capitalised
     * only because it opens the sentence, names nothing */
    int lone_head = i == j && starts_clause(ex, i) &&
                    (ex->tok[i].flags & F_COMMON) &&
                    (ex->tok[i].flags & (F_ROLE | F_ORG));
    juru_status st = english || tag || lone_head ? JURU_OK : split_run(ex, i, j);
    if (st != JURU_OK) return st;
    i = j + 1;
  }
  return JURU_OK;
}

static int plain_word(const tinfo *t) {
  return (t->flags & (F_WORD | F_COMMON)) == (F_WORD | F_COMMON) &&
         !(t->flags & (F_CAP | F_STOP | F_DATE | F_TAKEN | F_ENGLISH));
}

/* noun + noun or adjective: keamanan perbatasan, pangkalan separatis. */
static juru_status noun_pairs(juru_extractor *ex) {
  for (size_t i = 0; i + 1 < ex->ntok; i++) {
    const tinfo *a = &ex->tok[i], *b = &ex->tok[i + 1];
    if (!plain_word(a) || !plain_word(b)) continue;
    if (!(a->flags & F_NOUN) || !(b->flags & (F_NOUN | F_ADJ))) continue;
    if (!((a->flags | b->flags) & F_DOMAIN)) continue;
    if (b->flags & F_PLACEWORD) continue; /* tenggara | kota Rask */
    if (b->flags & F_PREMODIFIER) continue; /* pendukung | mantan menteri */
    juru_status st = add_cand(ex, i, i + 1, JURU_TERM_TERM, NULL,
                              JURU_ORIGIN_COMPOSED, 0);
    if (st != JURU_OK) return st;
    i++;
  }
  return JURU_OK;
}

/* Strong single words: domain nouns (kedaulatan, rudal, terorisme). */
static juru_status single_terms(juru_extractor *ex) {
  for (size_t i = 0; i < ex->ntok; i++) {
    const tinfo *t = &ex->tok[i];
    if (!plain_word(t) || !(t->flags & F_DOMAIN) ||
        !(t->flags & (F_NOUN | F_ADJ)))
      continue;
    /* the headword, not this form: timpalannya counts as timpalan */
    juru_lookup_result r;
    const char *canonical = NULL;
    if (juru_lookup(ex->lx, ex->morph, ex->s + t->start, t->end - t->start,
                    &r) == JURU_OK && r.how != JURU_LOOKUP_ROOT)
      canonical = r.form;
    juru_status st = add_cand_as(ex, i, i, JURU_TERM_TERM, NULL,
                                 JURU_ORIGIN_LEXICON, 0, 1, canonical);
    if (st != JURU_OK) return st;
  }
  return JURU_OK;
}

/* A headline in title case (mostly capitals, no final full stop): its
 * capitals are style, not names. */
static void headline_case(juru_extractor *ex) {
  size_t words = 0, caps = 0;
  for (size_t i = 0; i < ex->ntok; i++) {
    if (!(ex->tok[i].flags & F_WORD)) continue;
    words++;
    caps += (ex->tok[i].flags & F_CAP) != 0;
  }
  if (!juru__is_headline(words, caps, ex->s[ex->tok[ex->ntok - 1].start]))
    return;
  for (size_t i = 0; i < ex->ntok; i++)
    if (ex->tok[i].flags & (F_COMMON | F_STOP)) ex->tok[i].flags &= ~(unsigned)F_CAP;
}

juru_status juru_extractor_add(juru_extractor *ex, const char *sentence,
                               size_t len) {
  if (!ex || (!sentence && len)) return JURU_EINVAL;
  ex->s = sentence;
  ex->ntok = 0;
  size_t pos = 0;
  juru_token t;
  while (ex->ntok < MAX_TOKENS && juru_token_next(NULL, sentence, len, &pos, &t)) {
    tinfo *ti = &ex->tok[ex->ntok++];
    ti->start = t.start;
    ti->end = t.end;
    describe(ex, ti);
  }
  if (ex->ntok == 0) return JURU_OK;
  headline_case(ex);
  juru_status st = user_terms(ex, len);
  if (st == JURU_OK) st = lexicon_terms(ex);
  if (st == JURU_OK) st = name_runs(ex);
  if (st == JURU_OK) st = noun_pairs(ex);
  if (st == JURU_OK) st = single_terms(ex);
  return st;
}

/* ---- English -------------------------------------------------------------- */

/* "demonym=Pakistani" in a place's note */
static int demonym(const juru_lex_entry *e, char *buf, size_t size) {
  const char *d = NULL;
  for (size_t i = 0; i + 8 <= e->note_len; i++)
    if (memcmp(e->note + i, "demonym=", 8) == 0) d = e->note + i + 8;
  if (!d) return 0;
  size_t n = 0;
  while (d + n < e->note + e->note_len && d[n] != ';') n++;
  snprintf(buf, size, "%.*s", (int)n, d);
  return 1;
}

typedef struct unit {
  char text[256];
  int name; /* kept as written; a run of name parts stays one unit */
} unit;

static void title_case(char *s) {
  static const char *const small[] = {"of", "the", "and", "for", "in", "on",
                                      "a", "an", "to"};
  int start = 1;
  for (char *p = s; *p; p++) {
    if (start && *p >= 'a' && *p <= 'z') {
      size_t n = strcspn(p, " ");
      int keep_small = 0;
      for (size_t k = 0; k < sizeof small / sizeof small[0]; k++)
        keep_small |= strlen(small[k]) == n && strncmp(p, small[k], n) == 0;
      if (!keep_small || p == s) *p = (char)(*p - 'a' + 'A');
    }
    start = *p == ' ' || *p == '-';
  }
}

/* The English of a unit of one or more tokens i..j of the current text. */
static void unit_english(juru_extractor *ex, size_t i, size_t j, int alone,
                         unit *u) {
  const tinfo *t = &ex->tok[i];
  const char *w = ex->s + t->start;
  size_t n = ex->tok[j].end - t->start;
  juru_lex_entry e[4];
  char key[512];
  u->name = 0;
  size_t found;
  if (i == j) found = t->flags & F_PLACE
                         ? juru_lexicon_find(ex->lx, t->key, strlen(t->key), e, 4)
                         : 0;
  else found = phrase_key(ex, i, j, key, sizeof key)
                   ? find_phrase(ex, key, e, 4) : 0;
  if (found) {
    /* a place before a head says its demonym (Amerika Serikat: US) */
    int place = (entries_flags(e, found < 4 ? found : 4) & F_PLACE) != 0;
    int done = 0;
    for (size_t k = 0; place && !alone && !done && k < found && k < 4; k++)
      done = demonym(&e[k], u->text, sizeof u->text);
    if (!done) first_sense(&e[0], u->text, sizeof u->text);
    return;
  }
  juru_lookup_result r;
  if (i == j && (t->flags & (F_COMMON | F_ABBR)) &&
      juru_lookup(ex->lx, ex->morph, w, n, &r) == JURU_OK && r.n_entries) {
    /* anti-kapal: anti-ship */
    const char *bound = r.bound ? juru_morph_meaning(ex->morph, r.bound) : NULL;
    char sense[sizeof u->text];
    first_sense(&r.entries[0], sense, sizeof sense);
    snprintf(u->text, sizeof u->text, "%s%s", bound ? bound : "", sense);
    return;
  }
  snprintf(u->text, sizeof u->text, "%.*s", (int)n, w);
  u->name = 1;
}

/* Whether a and b are the same words, ignoring case and whether hyphens
 * or spaces join them (Bangsa-Bangsa, Bangsa Bangsa). */
static int same_words(const char *a, size_t an, const char *b, size_t bn) {
  size_t i = 0, k = 0;
  for (; i < an && k < bn; i++, k++) {
    char x = a[i] == '-' ? ' ' : a[i], y = b[k] == '-' ? ' ' : b[k];
    if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
    if (x != y) return 0;
  }
  return i == an && k == bn;
}

/* Perserikatan Bangsa Bangsa (PBB): when the lexicon expands the acronym
 * in brackets to the words before it, its English names the whole. */
static int acronym_english(const juru_extractor *ex, const char *words,
                           size_t n, const char *bracket, char *out,
                           size_t size) {
  size_t blen = strlen(bracket);
  if (blen < 3) return 0;
  juru_lex_entry e[4];
  size_t found = juru_lexicon_find(ex->lx, bracket + 1, blen - 2, e, 4);
  for (size_t k = 0; k < found && k < 4; k++) {
    if (!(entry_flags(&e[k]) & F_ABBR) ||
        !same_words(e[k].note, e[k].note_len, words, n))
      continue;
    char sense[256];
    snprintf(out, size, "%s %s", first_sense(&e[k], sense, sizeof sense),
             bracket);
    return 1;
  }
  return 0;
}

/* Compose: units (longest lexicon phrases, else words; names kept whole)
 * in reverse order, Indonesian modifiers following their head. */
static void compose(juru_extractor *ex, const cand *c, char *out,
                    size_t size) {
  ex->s = c->source;
  ex->ntok = 0;
  size_t pos = 0, len = strlen(c->source);
  /* an acronym in brackets is kept, after the English */
  const char *bracket = len && c->source[len - 1] == ')' ? strrchr(c->source, '(')
                                                          : NULL;
  if (bracket && bracket > c->source) {
    len = (size_t)(bracket - c->source);
    while (len && c->source[len - 1] == ' ') len--;
    if (acronym_english(ex, c->source, len, bracket, out, size)) return;
  }
  juru_token t;
  while (ex->ntok < MAX_TERM_TOKENS &&
         juru_token_next(NULL, c->source, len, &pos, &t)) {
    tinfo *ti = &ex->tok[ex->ntok++];
    ti->start = t.start;
    ti->end = t.end;
    describe(ex, ti);
  }
  unit units[MAX_TERM_TOKENS];
  size_t nu = 0, i = 0;
  /* kota Rask -> Rask */
  if (ex->ntok > 1 && (ex->tok[0].flags & F_PLACEWORD) &&
      (ex->tok[1].flags & F_CAP))
    i = 1;
  while (i < ex->ntok) {
    size_t j = i;
    /* a name: its parts and connectors (Al, bin) together, kept as written */
    int known = (ex->tok[i].flags & (F_COMMON | F_PLACE | F_ROLE)) &&
                !(ex->tok[i].flags & F_CONNECTOR);
    if (!known) {
      while (j + 1 < ex->ntok &&
             (!(ex->tok[j + 1].flags & (F_COMMON | F_PLACE | F_ROLE)) ||
              (ex->tok[j + 1].flags & F_CONNECTOR)))
        j++;
    } else {
      for (size_t k = ex->ntok - 1; k > i; k--) {
        char key[512];
        juru_lex_entry e[4];
        if (phrase_key(ex, i, k, key, sizeof key) && find_phrase(ex, key, e, 4)) {
          j = k;
          break;
        }
      }
    }
    unit_english(ex, i, j, i == 0 && j + 1 == ex->ntok, &units[nu]);
    if (!units[nu].name && c->category != JURU_TERM_TERM &&
        (ex->tok[i].flags & F_CAP))
      title_case(units[nu].text);
    nu++;
    i = j + 1;
  }
  size_t o = 0;
  out[0] = '\0';
  for (size_t k = nu; k-- > 0;) {
    int n = snprintf(out + o, size - o, "%s%s", o ? " " : "", units[k].text);
    if (n < 0 || (size_t)n >= size - o) break;
    o += (size_t)n;
  }
  if (bracket && bracket > c->source && o < size)
    snprintf(out + o, size - o, " %s", bracket);
}

/* ---- ranking -------------------------------------------------------------- */

static double score_of(const cand *c) {
  static const double base[] = {1.0, 3.0, 3.0, 2.0, 3.0};
  double s = base[c->category] + log2(1.0 + (double)c->frequency) +
             2.0 * c->rarity;
  if (c->category == JURU_TERM_TERM && c->words > 1) s += 1.0;
  if (c->user) s += 5.0;
  return s;
}

/* Everyday words are no terms: a term's words have to be rare enough in
 * everyday text (thresholds on the 0-1 rarity scale; see add_cand_as). */
static int junk(const cand *c) {
  if (c->user || c->category != JURU_TERM_TERM) return 0;
  /* terjadinya serangan, tewasnya warga: a word with -nya opening the
   * phrase names an event in this text ('the occurrence of the attack'),
   * not a term */
  size_t first = strcspn(c->source, " ");
  if (c->words > 1 && first > 3 && memcmp(c->source + first - 3, "nya", 3) == 0)
    return 1;
  if (c->words == 1)
    return !(c->rarity >= 0.85 || (c->rarity >= 0.65 && c->frequency >= 3));
  if (c->origin == JURU_ORIGIN_COMPOSED) return c->min_rarity < 0.6;
  return c->rarity < (c->domain ? 0.6 : 0.75);
}

/* "Jilani" alone is the Jalil Abbas Jilani met before. */
static void merge_surnames(juru_extractor *ex) {
  for (size_t i = 0; i < ex->n; i++) {
    cand *a = &ex->cands[i];
    if (a->category != JURU_TERM_PERSON || a->words != 1) continue;
    size_t an = strlen(a->source);
    for (size_t k = 0; k < ex->n; k++) {
      cand *b = &ex->cands[k];
      size_t bn = strlen(b->source);
      if (k == i || b->words < 2 || bn <= an + 1 ||
          (b->category != JURU_TERM_PERSON && b->category != JURU_TERM_ORG))
        continue;
      if (strcmp(b->source + bn - an, a->source) == 0 &&
          b->source[bn - an - 1] == ' ') {
        b->frequency += a->frequency;
        a->frequency = 0;
        break;
      }
    }
  }
}

typedef struct ranked {
  size_t i;
  double score;
} ranked;

static int by_score(const void *x, const void *y) {
  const ranked *a = x, *b = y;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  return a->i < b->i ? -1 : a->i > b->i;
}

juru_status juru_extractor_finish(juru_extractor *ex, juru_glossary **out) {
  *out = NULL;
  if (!ex) return JURU_EINVAL;
  merge_surnames(ex);
  ranked *r = juru__calloc(ex->n ? ex->n : 1, sizeof *r);
  juru_glossary *g = juru_glossary_new();
  if (!r || !g) {
    juru__free(r);
    juru_glossary_free(g);
    return JURU_ENOMEM;
  }
  size_t nr = 0;
  for (size_t i = 0; i < ex->n; i++) {
    const cand *c = &ex->cands[i];
    if (c->frequency < ex->opt.min_frequency || c->frequency == 0 || junk(c))
      continue;
    if (ex->opt.categories && !(ex->opt.categories & (1u << c->category)))
      continue;
    r[nr].i = i;
    r[nr++].score = score_of(c);
  }
  qsort(r, nr, sizeof *r, by_score);
  if (ex->opt.max_terms && nr > ex->opt.max_terms) nr = ex->opt.max_terms;
  juru_status st = JURU_OK;
  for (size_t k = 0; k < nr && st == JURU_OK; k++) {
    cand *c = &ex->cands[r[k].i];
    char english[1024];
    juru_term t;
    memset(&t, 0, sizeof t);
    t.origin = c->origin;
    if (c->category == JURU_TERM_PERSON && !c->target) {
      snprintf(english, sizeof english, "%s", c->source);
      t.origin = JURU_ORIGIN_NAME;
    } else if (c->target) {
      snprintf(english, sizeof english, "%s", c->target);
      if (c->category != JURU_TERM_TERM && c->source[0] >= 'A' &&
          c->source[0] <= 'Z' && !c->user)
        title_case(english);
    } else {
      compose(ex, c, english, sizeof english);
      if (c->origin == JURU_ORIGIN_NAME && strcmp(english, c->source) != 0)
        t.origin = JURU_ORIGIN_LEXICON; /* a known place: Teheran -> Tehran */
    }
    t.source = c->source;
    t.target = english;
    t.context = c->context;
    t.category = c->category;
    t.frequency = c->frequency;
    t.score = r[k].score;
    st = juru_glossary_add(g, &t);
  }
  juru__free(r);
  if (st != JURU_OK) {
    juru_glossary_free(g);
    return st;
  }
  *out = g;
  return JURU_OK;
}
