/* Transfer: Indonesian order and grammar to English, over units.
 *
 * Three passes, each linear in the sentence:
 *   plurals      quantifiers and numerals before a noun make it plural;
 *   verb groups  auxiliaries and negation before a verb choose its form
 *                (akan datang -> will come, tidak datang -> did not come,
 *                yang dibentuk -> formed, dibentuk -> was formed);
 *   noun phrases head-first becomes head-last, and a demonstrative or
 *                possessor after the phrase becomes its determiner
 *                (kantor polisi baru itu -> the new police station).
 * Which words do what is data (juru__rules); only the mechanisms are here. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

#define MAX_MODIFIERS 5

static juru__role role_of(const juru__unit *u) {
  return u->rule && u->kind != JURU_UNIT_TERM ? u->rule->role : JURU__ROLE_NONE;
}

/* An auxiliary counts as one only inside a verb group (baru: just before a
 * verb, new elsewhere). */
static juru__role acting_role(const juru__unit *u) {
  juru__role r = role_of(u);
  return r == JURU__ROLE_AUX && !u->rule_en ? JURU__ROLE_NONE : r;
}

static int is_noun(const juru__unit *u) {
  return u->cat == JURU__CAT_NOUN && acting_role(u) == JURU__ROLE_NONE;
}

static int is_verb(const juru__unit *u) {
  return u->cat == JURU__CAT_VERB && u->kind == JURU_UNIT_LEXICON &&
         role_of(u) == JURU__ROLE_NONE;
}

/* The unit's source words, lower-cased, into w; 0 when they do not fit. */
static size_t source_words(const char *src, const juru__unit *u, char *w,
                           size_t size) {
  size_t len = u->end - u->start;
  if (len >= size) return 0;
  for (size_t k = 0; k < len; k++) {
    char c = src[u->start + k];
    w[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
  }
  return len;
}

/* The unit's English as generation says it: a rule's, else the chosen
 * sense. */
static const char *english_of(const char *arena, const juru__unit *u,
                              size_t *n) {
  *n = u->rule_en ? strlen(u->rule_en) : u->en_len;
  return u->rule_en ? u->rule_en : arena + u->en_off;
}

/* The length of the first word of e[0..n). */
static size_t first_word(const char *e, size_t n) {
  size_t w = 0;
  while (w < n && e[w] != ' ') w++;
  return w;
}

/* A lexicon word or phrase whose source words `map` holds; its value in
 * `value` when not NULL. */
static int source_in(const juru__strmap *map, const char *src,
                     const juru__unit *u, uint32_t *value) {
  char w[32];
  size_t len = u->kind == JURU_UNIT_LEXICON
                   ? source_words(src, u, w, sizeof w) : 0;
  return len && juru__strmap_get(map, w, len, value);
}

/* pertama, kedua, kesepuluh: first, second, tenth. */
static int is_ordinal(const juru__unit *u, const char *arena) {
  if (u->cat != JURU__CAT_NUM || u->kind != JURU_UNIT_LEXICON) return 0;
  const char *e = arena + u->en_off + u->en_len - 2;
  return u->en_len >= 2 &&
         (memcmp(e, "st", 2) == 0 || memcmp(e, "nd", 2) == 0 ||
          memcmp(e, "rd", 2) == 0 || memcmp(e, "th", 2) == 0);
}

/* A number word above one: dua, tiga, ribuan (not satu, pertama). */
static int is_numeral(const juru__unit *u, const char *arena) {
  if (u->flags & JURU__U_NUMERAL) return 1;
  if (u->cat != JURU__CAT_NUM || u->kind != JURU_UNIT_LEXICON) return 0;
  const char *e = arena + u->en_off;
  size_t n = u->en_len;
  static const char *const singular[] = {"one", "a", "an", "single", "zero", NULL};
  for (size_t i = 0; singular[i]; i++)
    if (strlen(singular[i]) == n && memcmp(e, singular[i], n) == 0) return 0;
  return !is_ordinal(u, arena);
}

/* empat orang prajurit -> four soldiers: the counting word between a
 * numeral and its noun is not said in English. */
static int classifier(const juru__rules *r, const char *src,
                      const juru__unit *u, size_t n, size_t i) {
  return i + 1 < n && is_noun(&u[i + 1]) &&
         source_in(&r->classifiers, src, &u[i], NULL);
}

/* dua tahun lalu -> two years ago (tahun lalu alone: last year). */
static void after_numeral(const juru__rules *r, const char *src,
                          juru__unit *u) {
  uint32_t off;
  if (source_in(&r->after_numeral, src, u, &off))
    u->rule_en = r->arena.data + off;
}

/* Iran dan Pakistan after a noun: two places joined by "and", which
 * modify the noun together (the Iranian and Pakistani ambassadors). */
static int places_joined(const char *arena, const juru__unit *u, size_t n,
                         size_t j) {
  return j + 2 < n && u[j].cat == JURU__CAT_PLACE &&
         !u[j].possessive && u[j + 1].cat == JURU__CAT_CONJ &&
         u[j + 1].en_len == 3 &&
         memcmp(arena + u[j + 1].en_off, "and", 3) == 0 &&
         u[j + 2].cat == JURU__CAT_PLACE;
}

/* A phrase of the lexicon whose last word is a quantifier (di berbagai:
 * in various, lebih banyak: more) makes the noun after it plural too. */
static int ends_in_quantifier(const juru__rules *r, const char *src,
                              const juru__unit *u) {
  char w[32];
  size_t len = u->kind == JURU_UNIT_LEXICON
                   ? source_words(src, u, w, sizeof w) : 0, k = len;
  while (k > 0 && w[k - 1] != ' ') k--;
  const juru__rule *q = k ? juru__rules_find(r, w + k, len - k) : NULL;
  return q && q->role == JURU__ROLE_QUANTIFIER;
}

static void mark_plurals(const juru__rules *r, const char *src,
                         const char *arena, juru__unit *u, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    /* duta besar Iran dan Pakistan: ambassadors; the last place, which a
     * verb after finds as its subject, says so too (were sent) */
    if (is_noun(&u[i]) && places_joined(arena, u, n, i + 1)) {
      u[i].flags |= JURU__U_PLURAL;
      u[i + 3].flags |= JURU__U_PLURAL;
    }
    if (is_numeral(&u[i], arena) && classifier(r, src, u, n, i + 1))
      u[++i].flags |= JURU__U_DROP; /* then the noun, as after a numeral */
    juru__unit *next = &u[i + 1];
    juru__role role = role_of(&u[i]);
    if (is_numeral(&u[i], arena) || role == JURU__ROLE_QUANTIFIER)
      after_numeral(r, src, next);
    if (role == JURU__ROLE_QUANTIFIER && (is_noun(next) || next->cat == JURU__CAT_ADJ)) {
      u[i].rule_en = u[i].rule->english;
      if (!*u[i].rule_en) u[i].flags |= JURU__U_DROP;
      next->flags |= JURU__U_PLURAL;
    } else if (is_noun(next) && ends_in_quantifier(r, src, &u[i])) {
      next->flags |= JURU__U_PLURAL;
    } else if (role == JURU__ROLE_INDEFINITE &&
               (is_noun(next) || next->cat == JURU__CAT_ADJ)) {
      u[i].flags |= JURU__U_ARTICLE;
    } else if ((is_numeral(&u[i], arena) ||
                (i > 0 && (u[i].flags & JURU__U_DROP) &&
                 is_numeral(&u[i - 1], arena))) &&
               is_noun(next)) {
      next->flags |= JURU__U_PLURAL;
    }
  }
}

/* The auxiliaries and negation just before the verb at j. */
typedef struct verb_group {
  size_t first;            /* index of the first unit of the group */
  juru__unit *aux, *neg, *rel;
} verb_group;

static verb_group group_before(juru__unit *u, size_t j) {
  verb_group g = {j, NULL, NULL, NULL};
  while (g.first > 0) {
    juru__unit *p = &u[g.first - 1];
    juru__role role = role_of(p);
    if (role == JURU__ROLE_AUX) {
      if (!g.aux) g.aux = p;
      p->rule_en = p->rule->english;
    } else if (role == JURU__ROLE_NEGATION) {
      if (!g.neg) g.neg = p;
    } else {
      break;
    }
    g.first--;
  }
  if (g.first > 0 && role_of(&u[g.first - 1]) == JURU__ROLE_RELATIVE)
    g.rel = &u[g.first - 1];
  return g;
}

/* The auxiliary that decides the verb's form: the one nearest the verb
 * when it wants a bare infinitive (bisa, untuk: can build, to build), else
 * the first of the chain (akan segera dikirim -> will immediately be sent). */
static const juru__rule *deciding_aux(const juru__unit *u, verb_group g,
                                      size_t j) {
  const juru__rule *first = NULL, *nearest = NULL;
  for (size_t k = g.first; k < j; k++)
    if (role_of(&u[k]) == JURU__ROLE_AUX) {
      if (!first) first = u[k].rule;
      nearest = u[k].rule;
    }
  return nearest && nearest->next == JURU__EN_BASE ? nearest : first;
}

/* The unit that heads the subject before position `first`, past adverbs
 * and a demonstrative or possessor closing its noun phrase (rumah saya
 * dijual: rumah; mereka kini dirawat: mereka; but mengatakan mereka
 * belum: mereka). */
static const juru__unit *subject_before(const juru__unit *u, size_t first) {
  size_t k = first;
  while (k >= 2 && u[k - 1].cat == JURU__CAT_ADV) k--; /* mereka kini */
  while (k >= 2 && (role_of(&u[k - 1]) == JURU__ROLE_DEMONSTRATIVE ||
                    role_of(&u[k - 1]) == JURU__ROLE_POSSESSOR) &&
         (is_noun(&u[k - 2]) || u[k - 2].cat == JURU__CAT_ADJ))
    k--;
  return &u[k - 1];
}

static int plural_subject(const juru__unit *u, const char *arena) {
  static const char *const plural[] = {"they", "we", "you", "i", NULL};
  if (u->flags & JURU__U_PLURAL) return 1;
  if (u->cat != JURU__CAT_PRON) return 0;
  size_t n;
  const char *e = english_of(arena, u, &n);
  for (size_t i = 0; plural[i]; i++)
    if (strlen(plural[i]) == n && memcmp(e, plural[i], n) == 0) return 1;
  return 0;
}

/* Does `phrase` end with the word(s) `tail` (was just, just)? */
static int ends_with_word(const char *phrase, const char *tail) {
  size_t n = strlen(phrase), t = tail ? strlen(tail) : 0;
  return t && t < n && phrase[n - t - 1] == ' ' &&
         memcmp(phrase + n - t, tail, t) == 0;
}

/* A sentence that opens with an active verb and, before any other verb,
 * a comma is an adverbial clause before its subject (Menanggapi keluhan
 * warga, camat itu mengatakan... -> Responding to ..., the head said). */
static int opens_participle(const char *src, const juru__unit *u,
                            size_t n) {
  for (size_t k = 1; k < n; k++) {
    if (u[k].cat == JURU__CAT_VERB) return 0;
    if (u[k].cat == JURU__CAT_PUNCT && src[u[k].start] == ',')
      return k + 1 < n;
  }
  return 0;
}

/* setelah melakukan -> after carrying out, dengan mengatakan -> by saying:
 * a verb right after one of the gerund words, with no subject between, is
 * its -ing form; the word may say other English there (dengan: by). */
static int opens_gerund(const juru__rules *r, const char *src, juru__unit *u,
                        size_t first) {
  uint32_t off;
  if (first == 0 || !source_in(&r->gerunds, src, &u[first - 1], &off))
    return 0;
  if (r->arena.data[off]) {
    u[first - 1].rule_en = r->arena.data + off;
    u[first - 1].flags |= JURU__U_KEEP;
  }
  return 1;
}

/* Words an object may span between a verb and "dan" + the next verb. */
#define MAX_OBJECT 8

/* The active verb a verb after "dan" at `conj` is coordinated with: the
 * one right before it (menetralisir dan menghancurkan) or the one whose
 * object comes between (memerangi terorisme dan meningkatkan keamanan);
 * conj itself when there is none. */
static size_t coordinated_verb(const juru__unit *u, size_t conj) {
  for (size_t k = conj; k-- > 0 && conj - k <= MAX_OBJECT;) {
    if (is_verb(&u[k]))
      return u[k].flags & JURU__U_PASSIVE ? conj : k;
    juru__role role = acting_role(&u[k]);
    if (role != JURU__ROLE_NONE && role != JURU__ROLE_POSSESSOR &&
        role != JURU__ROLE_DEMONSTRATIVE && role != JURU__ROLE_QUANTIFIER &&
        role != JURU__ROLE_INDEFINITE)
      return conj; /* yang, akan, oleh: another clause or verb group */
    switch (u[k].cat) {
    case JURU__CAT_NOUN: case JURU__CAT_ADJ: case JURU__CAT_NAME:
    case JURU__CAT_PROPN: case JURU__CAT_PLACE: case JURU__CAT_NUM:
    case JURU__CAT_DET: case JURU__CAT_PREP: case JURU__CAT_PRON:
      continue;
    default:
      return conj;
    }
  }
  return conj;
}

static int is_name(const juru__unit *u) {
  return u->cat == JURU__CAT_PROPN || u->cat == JURU__CAT_NAME;
}

/* dia, mereka: a personal pronoun (one with a possessive), not yang */
static int personal(const juru__unit *u) {
  return u->cat == JURU__CAT_PRON && role_of(u) == JURU__ROLE_POSSESSOR;
}

/* Whether the verb group at `first` has a subject before it, past
 * adverbs: yang, or a noun phrase no preposition governs (dia ada di
 * rumah; not di Jakarta ada gedung, menurut dia, ada masalah). */
static int has_subject(const juru__unit *u, size_t first) {
  size_t k = first;
  while (k > 0 && u[k - 1].cat == JURU__CAT_ADV) k--;
  if (k > 0 && role_of(&u[k - 1]) == JURU__ROLE_RELATIVE) return 1;
  size_t np = k;
  while (np > 0 && (is_noun(&u[np - 1]) || u[np - 1].cat == JURU__CAT_ADJ ||
                    is_name(&u[np - 1]) || u[np - 1].cat == JURU__CAT_PLACE ||
                    u[np - 1].cat == JURU__CAT_NUM || personal(&u[np - 1]) ||
                    role_of(&u[np - 1]) == JURU__ROLE_DEMONSTRATIVE ||
                    role_of(&u[np - 1]) == JURU__ROLE_POSSESSOR))
    np--;
  return np < k && (np == 0 || u[np - 1].cat != JURU__CAT_PREP);
}

/* Whether the noun phrase after position j is plural (ada tiga mobil,
 * ada banyak gedung: there were). */
static int plural_after(const juru__unit *u, size_t n, size_t j,
                        const char *arena) {
  for (size_t k = j + 1; k < n && k <= j + 4; k++) {
    if (is_noun(&u[k])) return (u[k].flags & JURU__U_PLURAL) != 0;
    if (is_numeral(&u[k], arena)) return 1;
    if (u[k].cat != JURU__CAT_ADJ && u[k].cat != JURU__CAT_ADV &&
        u[k].cat != JURU__CAT_NUM && u[k].cat != JURU__CAT_DET &&
        role_of(&u[k]) != JURU__ROLE_QUANTIFIER)
      return 0;
  }
  return 0;
}

/* Whether a noun phrase follows position j, past adverbs (ada juga
 * dua orang), rather than a preposition or the clause's end. */
static int phrase_follows(const juru__unit *u, size_t n, size_t j) {
  size_t k = j + 1;
  while (k < n && u[k].cat == JURU__CAT_ADV) k++;
  if (k == n) return 0;
  juru__role role = role_of(&u[k]);
  return is_noun(&u[k]) || is_name(&u[k]) || u[k].cat == JURU__CAT_NUM ||
         u[k].cat == JURU__CAT_PLACE || u[k].cat == JURU__CAT_ADJ ||
         role == JURU__ROLE_QUANTIFIER || role == JURU__ROLE_INDEFINITE;
}

/* Whether the clause ends after position j (at a comma, a conjunction,
 * a verb or the sentence's end). */
static int ends_clause(const juru__unit *u, size_t n, size_t j) {
  return j + 1 == n || u[j + 1].cat == JURU__CAT_PUNCT ||
         u[j + 1].cat == JURU__CAT_CONJ || is_verb(&u[j + 1]) ||
         role_of(&u[j + 1]) == JURU__ROLE_AUX;
}

/* ada: "be" with a subject and no noun phrase after it (dia ada di rumah
 * -> he was at home), else "there" and "be" agreeing with the noun phrase
 * after it (ada tiga mobil -> there were three cars, akan ada -> there
 * will be; saat kejadian tidak ada korban -> at the time there were no
 * victims: a noun before is then a topic).  Returns the "there" to put
 * before the verb group, or NULL. */
static const char *existential(const juru__rules *r, const char *src,
                               juru__unit *u, size_t n, size_t j,
                               size_t first) {
  uint32_t off;
  if (!source_in(&r->existentials, src, &u[j], &off)) return NULL;
  const char *with_subject = r->arena.data + off;
  const char *there = with_subject + strlen(with_subject) + 1;
  const char *be = there + strlen(there) + 1;
  const char *attributive = be + strlen(be) + 1;
  if (*attributive && first > 0 &&
      role_of(&u[first - 1]) == JURU__ROLE_RELATIVE && ends_clause(u, n, j)) {
    u[j].cat = JURU__CAT_ADJ; /* anggaran yang ada -> the existing budget */
    u[j].rule_en = attributive;
    u[j].flags |= JURU__U_KEEP;
    return NULL;
  }
  u[j].flags = (u[j].flags & ~JURU__U_FIXED) | JURU__U_LEMMA | JURU__U_KEEP;
  if (has_subject(u, first) && !phrase_follows(u, n, j)) {
    u[j].rule_en = with_subject;
    return NULL;
  }
  u[j].rule_en = be;
  return there;
}

/* mereka juga dirawat -> they were also treated, dia juga akan datang ->
 * he will also come: an adverb of the mid-adverb list before a verb group
 * goes after its first auxiliary, "be" or a modal, not after "to" or an
 * auxiliary that is an adverb itself (masih: still). */
static void mid_adverb(const juru__rules *r, const char *arena, juru__unit *u,
                       verb_group g, size_t j, size_t *order) {
  if (g.first == 0 || order[g.first - 1] != g.first - 1) return;
  juru__unit *adv = &u[g.first - 1], *v = &u[j];
  size_t n;
  const char *e = english_of(arena, adv, &n);
  if (adv->cat != JURU__CAT_ADV || role_of(adv) != JURU__ROLE_NONE ||
      adv->pre || first_word(e, n) != n ||
      !juru__strmap_get(&r->mid_adverbs, e, n, NULL))
    return;
  if (!g.aux && v->pre == r->passive_be && v->pre) { /* a passive's was */
    adv->pre = v->pre; /* the "be" moves before the adverb, which no */
    v->pre = NULL;     /* phrase may then span with the word before */
    adv->flags |= JURU__U_KEEP;
    adv->flags |= v->flags & JURU__U_AGREE;
    v->flags &= ~(unsigned)JURU__U_AGREE;
    return;
  }
  const juru__unit *a = &u[order[g.first]];
  if (!g.aux || role_of(a) != JURU__ROLE_AUX || (a->flags & JURU__U_DROP) ||
      a->rule->next == JURU__EN_PAST || !a->rule_en ||
      strchr(a->rule_en, ' ') || strcmp(a->rule_en, "to") == 0)
    return;
  order[g.first - 1] = order[g.first];
  order[g.first] = g.first - 1;
}

/* An auxiliary whose English is "be ..." (be able to). */
static int is_be(const juru__rule *a) {
  return strncmp(a->english, "be ", 3) == 0;
}

/* ingin datang -> wanted to come, akan mulai bekerja -> will start to
 * work, tidak ingin -> did not want to: an auxiliary whose English is a
 * verb (the rule's "verb" flag) takes the narrative tense when it opens
 * the group, do-support after a negation, else the form the auxiliary
 * before it asks for. */
static void verb_auxiliaries(const juru__rules *r, const char *arena,
                             juru__unit *u, verb_group g, size_t j) {
  const juru__rule *before = NULL; /* the last auxiliary */
  juru__unit *neg = NULL;
  for (size_t k = g.first; k < j; k++) {
    juru__role role = role_of(&u[k]);
    if (role == JURU__ROLE_NEGATION && !before) neg = &u[k];
    if (role != JURU__ROLE_AUX) continue;
    if (u[k].rule->verb) {
      /* the model's phrases know "want to" uninflected: keep the group */
      for (size_t x = g.first; x <= k; x++) u[x].flags |= JURU__U_KEEP;
      u[k].flags |= JURU__U_LEMMA;
      if (before) {
        u[k].form = before->next;
      } else if (neg && !is_be(u[k].rule)) {
        neg->rule_en = neg->rule->extra; /* did not want to */
        u[k].form = neg->rule->next;
      } else if (neg && r->copula) { /* tidak mampu -> was not able to */
        neg->pre = r->copula;
        u[k].rule_en = u[k].rule->english + 3;
        u[k].flags &= ~(unsigned)JURU__U_LEMMA;
      } else {
        u[k].form = r->tense;
        u[k].flags |= JURU__U_FINITE;
        if (u[k].form == JURU__EN_3SG && g.first > 0 &&
            plural_subject(subject_before(u, g.first), arena))
          u[k].form = JURU__EN_BASE;
      }
    }
    before = u[k].rule;
  }
}

/* A verb whose English takes a clause (say, believe): a pronoun after it
 * subjects that clause (mengatakan dia kabur -> said he escaped). */
static int clausal(const juru__rules *r, const char *arena,
                   const juru__unit *u) {
  size_t n;
  const char *e = english_of(arena, u, &n);
  return u->cat == JURU__CAT_VERB &&
         juru__strmap_get(&r->clausal, e, first_word(e, n), NULL);
}

/* ", “ or ”. */
static int is_quote(const char *src, const juru__unit *u) {
  size_t n = u->end - u->start;
  const char *p = src + u->start;
  return (n == 1 && *p == '"') ||
         (n == 3 && (!memcmp(p, "\xe2\x80\x9c", 3) || !memcmp(p, "\xe2\x80\x9d", 3)));
}

/* Whether the verb group at `first` is in a clause reported by a verb of
 * saying in the past (mengatakan dia akan datang), not in quoted words. */
#define MAX_REPORTED 24
static int reported(const juru__rules *r, const char *src, const char *arena,
                    const juru__unit *u, size_t first) {
  for (size_t k = first; k-- > 0 && first - k <= MAX_REPORTED;) {
    if (u[k].cat == JURU__CAT_PUNCT &&
        (is_quote(src, &u[k]) || memchr(".;:", src[u[k].start], 3)))
      return 0;
    if (is_verb(&u[k]) && clausal(r, arena, &u[k]))
      return u[k].form == JURU__EN_PAST;
  }
  return 0;
}

/* mengatakan dia akan datang -> said he would come, ... telah melakukan ->
 * had done: in a clause reported in the narrative past, the first
 * auxiliary takes its past form (the backshift rules). */
static void backshift(const juru__rules *r, const char *src,
                      const char *arena, juru__unit *u, verb_group g,
                      size_t j) {
  if (r->tense != JURU__EN_PAST) return;
  for (size_t k = g.first; k < j; k++) {
    if (role_of(&u[k]) != JURU__ROLE_AUX) continue;
    uint32_t off;
    const char *e = u[k].rule_en;
    if (e && !(u[k].flags & JURU__U_LEMMA) &&
        juru__strmap_get(&r->backshift, e, strlen(e), &off) &&
        reported(r, src, arena, u, g.first)) {
      u[k].rule_en = r->arena.data + off;
      u[k].flags |= JURU__U_KEEP; /* the model's phrases say "will" */
    }
    return; /* only the first auxiliary carries the tense */
  }
}

static void verb_group_forms(const juru__rules *r, const char *src,
                             const char *arena, juru__unit *u, size_t n,
                             size_t j, size_t *order) {
  juru__unit *v = &u[j];
  verb_group g = group_before(u, j);
  int passive = (v->flags & JURU__U_PASSIVE) != 0;
  const char *there = existential(r, src, u, n, j, g.first);
  if (v->cat != JURU__CAT_VERB) return; /* yang ada: an adjective now */
  if (g.neg) g.neg->rule_en = g.neg->rule->english;
  if (v->flags & JURU__U_FIXED) {
    return; /* tidak merupakan -> not is: nothing to inflect */
  } else if (j == 0 && !passive && !there && opens_participle(src, u, n)) {
    v->form = JURU__EN_ING; /* Menanggapi keluhan itu, ... -> Responding */
  } else if (g.aux) {
    const juru__rule *a = deciding_aux(u, g, j);
    v->form = passive ? JURU__EN_PP : a->next;
    if (passive) v->pre = a->next == JURU__EN_BASE ? "be" : a->extra;
    size_t ni = g.neg ? (size_t)(g.neg - u) : 0, ai = (size_t)(g.aux - u);
    verb_auxiliaries(r, arena, u, g, j);
    backshift(r, src, arena, u, g, j);
    if (g.neg && ni + 1 == ai && !g.aux->rule->verb) { /* tidak akan -> will not */
      size_t t = order[ni];
      order[ni] = order[ai];
      order[ai] = t;
    }
  } else if (g.neg) {
    if (passive) {
      g.neg->pre = r->passive_be;
      v->form = JURU__EN_PP;
    } else {
      g.neg->rule_en = g.neg->rule->extra;
      v->form = g.neg->rule->next;
    }
  } else if (opens_gerund(r, src, u, g.first)) {
    v->form = passive ? JURU__EN_PP : JURU__EN_ING;
    if (passive) v->pre = "being"; /* setelah ditangkap: after being */
  } else if (passive) {
    v->form = JURU__EN_PP;
    if (g.rel) g.rel->flags |= JURU__U_DROP;
    else v->pre = r->passive_be;
  } else if (!there && g.first > 0 && is_verb(&u[g.first - 1]) &&
             !(u[g.first - 1].flags & JURU__U_PASSIVE)) {
    v->form = JURU__EN_BASE; /* berusaha mencari -> tried to find */
    v->pre = "to";
  } else if (g.first > 1 && u[g.first - 1].cat == JURU__CAT_CONJ &&
             coordinated_verb(u, g.first - 1) != g.first - 1) {
    /* untuk menetralisir dan menghancurkan -> to neutralize and destroy;
     * termasuk memerangi terorisme dan meningkatkan -> including combating
     * terrorism and raising */
    const juru__unit *first = &u[coordinated_verb(u, g.first - 1)];
    v->form = first->form;
    v->flags |= first->flags & JURU__U_FINITE;
  } else {
    v->form = r->tense;
    v->flags |= JURU__U_FINITE;
    /* the present agrees: Ministers Discuss, They Reject */
    if (v->form == JURU__EN_3SG && g.first > 0 &&
        plural_subject(subject_before(u, g.first), arena))
      v->form = JURU__EN_BASE;
  }
  /* baru dibangun -> was just built: the "be" form says the auxiliary */
  if (passive && g.aux && v->pre && v->pre != r->passive_be)
    for (size_t k = g.first; k < j; k++)
      if (role_of(&u[k]) == JURU__ROLE_AUX &&
          ends_with_word(v->pre, u[k].rule_en))
        u[k].flags |= JURU__U_DROP;
  if (there) u[order[g.first]].det = there;
  /* dua gedung sudah dibangun -> two buildings have been built */
  if (there ? plural_after(u, n, j, arena)
            : g.first > 0 && plural_subject(subject_before(u, g.first), arena))
    for (size_t k = g.first; k <= j; k++)
      if (!(u[k].flags & JURU__U_DROP)) {
        u[k].flags |= JURU__U_AGREE;
        break;
      }
  if (!there && !g.neg) mid_adverb(r, arena, u, g, j, order);
  /* dilakukan kelompok itu: a noun phrase right after a passive is its
   * agent (done by the group) */
  if (passive && r->agent && j + 1 < n &&
      (is_noun(&u[j + 1]) || u[j + 1].cat == JURU__CAT_PRON ||
       u[j + 1].cat == JURU__CAT_NAME || u[j + 1].cat == JURU__CAT_PROPN))
    v->post = r->agent;
}

/* Is the unit's English a participle (killed, injured)? */
static int participle(const char *arena, const juru__unit *u) {
  size_t n;
  const char *e = english_of(arena, u, &n);
  size_t w = first_word(e, n);
  return w > 3 && e[w - 2] == 'e' && e[w - 1] == 'd';
}

/* Does the unit before the relative at i (past a comma) name a person:
 * a name kept as written, a personal pronoun, or a noun the person list
 * holds (para pejabat yang: officials who)? */
static int after_person(const juru__rules *r, const char *arena,
                        const juru__unit *u, size_t i) {
  size_t k = i;
  if (k > 0 && u[k - 1].cat == JURU__CAT_PUNCT) k--;
  if (k == 0) return 0;
  const juru__unit *p = &u[k - 1];
  size_t n;
  const char *e = english_of(arena, p, &n);
  return p->cat == JURU__CAT_NAME || personal(p) ||
         (p->cat == JURU__CAT_NOUN && !p->rule_en &&
          juru__strmap_get(&r->persons, e, first_word(e, n), NULL));
}

/* yang before an adjective: "which is" (kerja sama yang erat); before
 * one that is a participle, nothing, as before a passive (dua orang yang
 * tewas pekan ini -> two people killed this week); after a person, the
 * person-relative settings (who, who is). */
static void relatives(const juru__rules *r, const char *arena, juru__unit *u,
                      size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (role_of(&u[i]) != JURU__ROLE_RELATIVE || (u[i].flags & JURU__U_DROP))
      continue;
    int who = r->who && r->who_is && after_person(r, arena, u, i);
    u[i].rule_en = who ? r->who : u[i].rule->english;
    size_t k = i + 1;
    while (k < n && (u[k].cat == JURU__CAT_ADV || role_of(&u[k]) == JURU__ROLE_NEGATION))
      k++;
    if (k == i + 1 && k < n && u[k].cat == JURU__CAT_ADJ && !u[k].rule_en &&
        participle(arena, &u[k])) {
      u[i].flags |= JURU__U_DROP;
    } else if (k < n && u[k].cat == JURU__CAT_ADJ) {
      /* which is 59 years old */
      u[i].rule_en = who ? r->who_is : u[i].rule->extra;
      if (u[k].alt_len) u[k].flags |= JURU__U_ALT;
    }
  }
}

/* After a noun: a noun, adjective, place, or an ordinal (gambar pertama
 * -> the first picture, Perang Dunia Kedua -> the Second World War). */
static int is_modifier(const juru__unit *u, const char *arena) {
  if (acting_role(u) != JURU__ROLE_NONE || (u->flags & JURU__U_PASSIVE)) return 0;
  return u->cat == JURU__CAT_NOUN || u->cat == JURU__CAT_ADJ ||
         u->cat == JURU__CAT_PLACE || is_ordinal(u, arena);
}

static int starts_determined(const juru__rules *r, const char *arena,
                             const juru__unit *u) {
  size_t n;
  const char *e = english_of(arena, u, &n);
  return juru__strmap_get(&r->determiners, e, first_word(e, n), NULL);
}

/* ... or ends with one (di berbagai: in various). */
static int ends_determined(const juru__rules *r, const char *arena,
                           const juru__unit *u) {
  size_t n;
  const char *e = english_of(arena, u, &n);
  size_t w = n;
  while (w > 0 && e[w - 1] != ' ') w--;
  return juru__strmap_get(&r->determiners, e + w, n - w, NULL);
}

/* Something before the phrase already says which one: a number, a
 * quantifier, an article, a demonstrative or possessive word. */
static int determined(const juru__unit *u, size_t i) {
  while (i > 0 && (u[i - 1].flags & JURU__U_DROP)) i--; /* empat orang */
  if (i == 0) return 0;
  const juru__unit *p = &u[i - 1];
  juru__role r = role_of(p);
  return p->cat == JURU__CAT_NUM || p->cat == JURU__CAT_DET ||
         p->cat == JURU__CAT_PRON || r == JURU__ROLE_QUANTIFIER ||
         r == JURU__ROLE_INDEFINITE || (p->flags & JURU__U_NUMERAL);
}

/* An organisation named by what it is, which the glossary translates
 * (Komite Keamanan Nasional: the National Security Committee), takes the
 * article; a one-word name or one kept as it is (Hamas, Jaish ul-Adl)
 * does not. */
static int described_name(const char *src, const char *arena,
                          const juru__unit *u) {
  if (u->kind != JURU_UNIT_TERM || u->cat != JURU__CAT_PROPN) return 0;
  const char *e = arena + u->en_off;
  size_t n = u->end - u->start;
  return memchr(e, ' ', u->en_len) != NULL &&
         (n != u->en_len || memcmp(src + u->start, e, n) != 0);
}


/* Whether the unit's source words are in `set` (appositive, titles), or
 * with `first`, whether its first word is (Menteri Luar Negeri). */
static int listed(const juru__strmap *set, const char *src,
                  const juru__unit *u, int first) {
  char w[128]; /* Menteri Luar Negeri Amerika Serikat */
  size_t len = u->kind == JURU_UNIT_LEXICON || u->kind == JURU_UNIT_TERM
                   ? source_words(src, u, w, sizeof w) : 0;
  const char *space = first && len ? memchr(w, ' ', len) : NULL;
  return len && (juru__strmap_get(set, w, len, NULL) ||
                 (space && juru__strmap_get(set, w, (size_t)(space - w), NULL)));
}

/* kelompok Hamas -> the Hamas group: how many names follow a head that
 * they specify, or 0. */
static size_t appositive_names(const juru__rules *r, const char *src,
                               const juru__unit *u, size_t n, size_t i) {
  if (!listed(&r->appositive, src, &u[i], 0)) return 0;
  size_t j = i + 1;
  while (j < n && j - i <= MAX_MODIFIERS && is_name(&u[j]) &&
         !u[j - 1].possessive)
    j++;
  return j - i - 1;
}

/* The noun at `owner` owns the phrase headed at `head`: "of" between. */
static void owns(const juru__rules *r, juru__unit *u, size_t head,
                 size_t owner) {
  u[head].post = r->genitive;
  u[owner].flags |= JURU__U_OWNER;
}

/* A word in `list` before a noun phrase takes the list's English for it
 * (near, southeast of), which the model keeps, and the phrase after it is
 * its object, not a modifier before it. */
static int heads_next(const juru__rules *r, const juru__strmap *list,
                      const char *src, juru__unit *u, size_t n, size_t i) {
  uint32_t off;
  if (i + 1 >= n ||
      (!is_noun(&u[i + 1]) && !is_name(&u[i + 1]) &&
       u[i + 1].cat != JURU__CAT_PLACE) ||
      !source_in(list, src, &u[i], &off))
    return 0;
  u[i].rule_en = r->arena.data + off;
  u[i].flags |= JURU__U_KEEP;
  u[i + 1].flags |= JURU__U_OWNER; /* near the border */
  return 1;
}

/* wilayah dekat perbatasan -> the region near the border: an adjective
 * that governs the noun after it takes its governing English and ends the
 * phrase before it. */
static int governs(const juru__rules *r, const char *src, juru__unit *u,
                   size_t n, size_t j) {
  return u[j].cat == JURU__CAT_ADJ &&
         heads_next(r, &r->governing, src, u, n, j);
}

/* A conjunction at k joining a noun, not a second adjective (ikan yang
 * lebih kecil dan plankton, but aman dan damai). */
static int joins_noun(const juru__unit *u, size_t n, size_t k) {
  return u[k].cat == JURU__CAT_CONJ && k + 1 < n &&
         (is_noun(&u[k + 1]) || is_name(&u[k + 1]));
}

/* kerja sama yang lebih erat di ... -> closer cooperation in ..., tingkat
 * yang sama ditemukan -> the same level was found: yang and an adjective
 * that ends its clause are one more modifier, the way English says it,
 * not "cooperation which is closer".  A word the adjective needs (sangat,
 * kaya akan) or a second adjective (aman dan damai) keeps the relative. */
static size_t relative_adjective(juru__unit *u, size_t n, size_t i,
                                 size_t j) {
  if (j >= n || j - i >= MAX_MODIFIERS ||
      role_of(&u[j]) != JURU__ROLE_RELATIVE)
    return j;
  size_t k = j + 1;
  while (k < n && (u[k].flags & JURU__U_DROP)) k++; /* lebih, said by -er */
  if (k >= n || u[k].cat != JURU__CAT_ADJ || u[k].possessive ||
      (k + 1 < n && u[k + 1].cat != JURU__CAT_PUNCT &&
       u[k + 1].cat != JURU__CAT_PREP && !is_verb(&u[k + 1]) &&
       role_of(&u[k + 1]) != JURU__ROLE_AUX &&
       role_of(&u[k + 1]) != JURU__ROLE_DEMONSTRATIVE &&
       !joins_noun(u, n, k + 1)))
    return j;
  u[j].flags |= JURU__U_DROP;
  u[k].flags &= ~(unsigned)JURU__U_ALT; /* the 59-year-old king */
  return k + 1;
}

/* The modifiers after the head at i; returns the index after them.  A
 * noun after an adjective no longer modifies the head but owns it:
 * pemulihan penuh hubungan -> full recovery of relations. */
static size_t modifiers(const juru__rules *r, const char *src,
                        const char *arena, juru__unit *u, size_t n, size_t i,
                        int *closed) {
  size_t j = i + 1;
  int adjective = (u[i].flags & JURU__U_QUALIFIED) != 0;
  /* 26 persen perempuan -> 26 percent of women: the noun after a
   * partitive is what it counts, in general, not its modifier */
  if (j < n && is_noun(&u[j]) && r->genitive &&
      listed(&r->partitives, src, &u[i], 0)) {
    u[i].post = r->genitive;
    u[j].flags |= JURU__U_PLURAL;
    return j;
  }
  while (!*closed && j < n && j - i <= MAX_MODIFIERS &&
         is_modifier(&u[j], arena)) {
    if (governs(r, src, u, n, j)) break;
    if (listed(&r->premodifiers, src, &u[j], 1)) {
      if (r->genitive) owns(r, u, i, j); /* pendukung | mantan menteri */
      break;
    }
    if (adjective && u[j].cat == JURU__CAT_NOUN && r->genitive) {
      owns(r, u, i, j);
      break;
    }
    adjective |= u[j].cat == JURU__CAT_ADJ;
    *closed = u[j].possessive != NULL; /* rumah sakitnya: -nya ends it */
    if (!*closed && places_joined(arena, u, n, j) &&
        j + 2 - i <= MAX_MODIFIERS) {
      j += 2;
    }
    j++;
  }
  return *closed ? j : relative_adjective(u, n, i, j);
}

/* keputusan Komite Keamanan Nasional: the decision of the committee.  A
 * capitalised head is a title (Presiden Joko Widodo), a term's English is
 * fixed. */
static void owner_name(const juru__rules *r, const char *src,
                       const char *arena, juru__unit *u, size_t n, size_t i,
                       size_t j) {
  if (j >= n || !r->genitive || u[i].post || (u[i].flags & JURU__U_CAP) ||
      u[i].kind == JURU_UNIT_TERM || !is_name(&u[j]))
    return;
  owns(r, u, i, j);
  if (described_name(src, arena, &u[j])) u[j].det = r->article;
}

/* perlunya kerja sama -> the need for cooperation: a noun whose English
 * ends in a preposition takes the phrase after it as its object; with
 * none after it, the preposition goes (his death). */
static int governing_noun(const juru__rules *r, const char *arena,
                          juru__unit *u, size_t n, size_t i) {
  const char *e = arena + u[i].en_off;
  size_t len = u[i].en_len, w = len;
  while (w > 0 && e[w - 1] != ' ') w--;
  if (u[i].rule_en || w == 0 ||
      !juru__strmap_get(&r->prepositions, e + w, len - w, NULL))
    return 0;
  if (i + 1 < n && (is_noun(&u[i + 1]) || is_name(&u[i + 1]) ||
                    u[i + 1].cat == JURU__CAT_PLACE ||
                    u[i + 1].cat == JURU__CAT_NUM ||
                    u[i + 1].cat == JURU__CAT_PRON))
    u[i + 1].flags |= JURU__U_OWNER;
  else
    u[i].en_len = w - 1;
  return 1;
}

/* di tenggara kota Rask -> in the southeast of Rask: a direction after a
 * preposition, heading a place or noun phrase, is the part of it, with
 * "of" (not "the Rask southeast"); after a noun it is a modifier (pantai
 * timur: the east coast). */
static int direction_of(const juru__rules *r, const char *src, juru__unit *u,
                        size_t n, size_t i) {
  if ((i > 0 && u[i - 1].cat != JURU__CAT_PREP) ||
      !heads_next(r, &r->directions, src, u, n, i))
    return 0;
  if (r->article && !determined(u, i)) u[i].det = r->article;
  return 1;
}

/* A numeral before the phrase at order[i..k) comes after what English
 * puts first: the `ndet` determiners opening the phrase (dua orang itu ->
 * the two people, dua rumah saya -> my two houses), then an adjective
 * listed as leading (tiga pekan terakhir -> the last three weeks), which
 * takes the article when no determiner came. */
static void before_numeral(const juru__rules *r, const char *arena,
                           juru__unit *u, size_t i, size_t k, size_t ndet,
                           size_t *order) {
  if (i == 0 || order[i - 1] != i - 1 || !is_numeral(&u[i - 1], arena))
    return;
  memmove(order + i - 1, order + i, ndet * sizeof *order);
  size_t at = i - 1 + ndet; /* the numeral's place now */
  order[at] = i - 1;
  for (size_t p = at + 1; p < k; p++) {
    juru__unit *a = &u[order[p]];
    if (a->cat != JURU__CAT_ADJ || a->rule_en ||
        !juru__strmap_get(&r->leading, arena + a->en_off, a->en_len, NULL))
      continue;
    size_t m = order[p];
    memmove(order + at + 1, order + at, (p - at) * sizeof *order);
    order[at] = m;
    if (!ndet) a->det = r->article;
    return;
  }
}

/* An adjective said as a predicate: the copula at `at` (the adjective or
 * an adverb before it), and its predicative English where it has one
 * (59 years old, not 59-year-old). */
static void predicate(const juru__rules *r, juru__unit *at, juru__unit *a) {
  at->pre = r->copula;
  if (a->alt_len) a->flags |= JURU__U_ALT;
}

/* Where a clause ends: punctuation, a conjunction, or a word that opens
 * a clause of its own (setelah, bahwa). */
static int breaks_clause(const juru__rules *r, const char *src,
                         const juru__unit *u) {
  return u->cat == JURU__CAT_PUNCT || u->cat == JURU__CAT_CONJ ||
         source_in(&r->subordinators, src, u, NULL);
}

/* 250 orang tewas -> 250 people were killed: a clause that opens with a
 * numeral or quantifier (puluhan orang hilang: dozens of people went
 * missing) and a noun, and has no verb, says what happened to them with
 * the adjective ending the phrase.  Anything before the numeral must be
 * an adverb (sedikitnya: at least). */
static int numeral_predicate(const juru__rules *r, const char *src,
                             const char *arena, const juru__unit *u, size_t n,
                             size_t i, size_t j) {
  if (j < i + 2 || u[j - 1].cat != JURU__CAT_ADJ || u[j - 1].rule_en ||
      u[j - 1].possessive || (u[j - 1].flags & JURU__U_COMPARATIVE))
    return 0;
  size_t k = i;
  while (k > 0 && (u[k - 1].flags & JURU__U_DROP) &&
         role_of(&u[k - 1]) != JURU__ROLE_QUANTIFIER)
    k--; /* orang, not para */
  if (k == 0 || (!is_numeral(&u[k - 1], arena) &&
                 role_of(&u[k - 1]) != JURU__ROLE_QUANTIFIER))
    return 0;
  /* the numeral opens its clause (... dan tiga orang lainnya terluka) */
  for (size_t p = k - 1; p-- > 0 && !breaks_clause(r, src, &u[p]);)
    if (u[p].cat != JURU__CAT_ADV) return 0;
  for (size_t p = j; p < n && !breaks_clause(r, src, &u[p]); p++)
    if (is_verb(&u[p]) || u[p].cat == JURU__CAT_ADJ) return 0;
  return 1;
}

/* closer cooperation, better results: a phrase with a comparative speaks
 * in general and takes no article. */
static int compared(const juru__unit *u, size_t from, size_t to) {
  for (size_t k = from; k < to; k++)
    if (u[k].flags & JURU__U_COMPARATIVE) return 1;
  return 0;
}

/* The noun phrase headed at i: modifiers (or the names an appositive head
 * takes), then at most one possessor and one demonstrative.  Returns the
 * index after it. */
static size_t noun_phrase(const juru__rules *r, const char *src,
                          const char *arena, juru__unit *u, size_t n, size_t i,
                          size_t *order) {
  const char *article = starts_determined(r, arena, &u[i]) ? NULL : r->article;
  if (governing_noun(r, arena, u, n, i)) {
    if (article && !u[i].possessive && !determined(u, i)) u[i].det = article;
    return i + 1;
  }
  int closed = u[i].possessive != NULL;
  size_t names = closed ? 0 : appositive_names(r, src, u, n, i);
  size_t j = names ? i + 1 + names
                   : modifiers(r, src, arena, u, n, i, &closed);
  if (!names && r->copula && numeral_predicate(r, src, arena, u, n, i, j)) {
    j--;
    predicate(r, &u[j], &u[j]);
    u[j].flags |= JURU__U_AGREE;
    closed = 1;
  }
  int titled = !closed && j == i + 1 && j < n && is_name(&u[j]) &&
               listed(&r->titles, src, &u[i], 1); /* President Jokowi */
  if (names) closed = u[j - 1].possessive != NULL;
  else if (!closed && !titled) owner_name(r, src, arena, u, n, i, j);
  if (titled) article = NULL;
  size_t end = j, possessor = n, dem = n;
  if (!closed && end < n && role_of(&u[end]) == JURU__ROLE_POSSESSOR)
    possessor = end++;
  if (end < n && role_of(&u[end]) == JURU__ROLE_DEMONSTRATIVE) dem = end++;
  /* rumah itu besar -> the house was big; opening the sentence, a phrase
   * closed by its owner too (hasilnya lebih baik -> its result was better) */
  int owned = closed || possessor < n;
  size_t own = n; /* tentara mereka sendiri -> their own troops */
  uint32_t own_off;
  if (owned && end < n && source_in(&r->own, src, &u[end], &own_off)) {
    own = end++;
    u[own].rule_en = r->arena.data + own_off;
  }
  if ((dem < n || (i == 0 && owned)) && r->copula) {
    size_t k = end; /* not past an auxiliary: itu dapat terintegrasi */
    while (k < n && u[k].cat == JURU__CAT_ADV &&
           acting_role(&u[k]) != JURU__ROLE_AUX)
      k++;
    size_t c = end; /* lebih besar: not on the dropped lebih */
    while (c < k && (u[c].flags & JURU__U_DROP)) c++;
    if (k < n && u[k].cat == JURU__CAT_ADJ && !u[c].pre) {
      predicate(r, &u[c], &u[k]);
      if (u[i].flags & JURU__U_PLURAL) u[c].flags |= JURU__U_AGREE;
    }
  }
  if (end == i + 1) {
    /* a lone noun after a preposition or opening the sentence is most
     * often a known one (di kota -> in the city), and so is one an "of"
     * phrase follows (the full recovery of relations) */
    if (article && !u[i].possessive && !(u[i].flags & JURU__U_PLURAL) &&
        (i == 0 ||
         (r->genitive && u[i].post == r->genitive && !determined(u, i)) ||
         (u[i].flags & JURU__U_OWNER) ||
         ((u[i - 1].cat == JURU__CAT_PREP || u[i - 1].post) &&
          !ends_determined(r, arena, &u[i - 1]))))
      u[i].det = article;
    else if (article && !u[i].possessive && !determined(u, i) &&
             !(u[i].flags & JURU__U_PLURAL))
      u[i].flags |= JURU__U_BARE; /* the decoder may say "a" */
    return end;
  }
  /* English: [demonstrative] [possessor] modifiers reversed, head */
  size_t k = i, head_plural = (u[i].flags & JURU__U_PLURAL) != 0;
  if (dem < n) {
    const juru__rule *d = u[dem].rule;
    u[dem].rule_en = head_plural ? d->extra : d->english;
    order[k++] = dem;
  }
  if (possessor < n) {
    u[possessor].rule_en = u[possessor].rule->english;
    order[k++] = possessor;
  }
  if (own < n) order[k++] = own; /* after the owner, -nya's too (below) */
  for (size_t x = i + 1; x < j; x++) { /* names keep their own order */
    size_t m = names ? x : j - (x - i);
    if (u[m].cat == JURU__CAT_PLACE && u[m].alt_len) u[m].flags |= JURU__U_ALT;
    u[m].flags |= JURU__U_INVARIABLE;
    order[k++] = m;
    /* joined places keep their order too: Iranian and Pakistani */
    if (!names && k >= i + 3 && order[k - 3] == m + 2 &&
        order[k - 2] == m + 1 && places_joined(arena, u, n, m)) {
      order[k - 3] = m;
      order[k - 1] = m + 2;
    }
  }
  order[k++] = i;
  if (dem == n && possessor == n) {
    for (size_t m = i; m < j; m++)
      if (u[m].possessive) {
        u[order[i]].det = u[m].possessive;
        u[m].possessive = NULL;
        break;
      }
    if (!u[order[i]].det && r->article && !determined(u, i) &&
        !(i > 0 && u[i - 1].cat == JURU__CAT_VERB &&
          ends_determined(r, arena, &u[i - 1])) && /* there was no */
        !starts_determined(r, arena, &u[order[i]]) &&
        !compared(u, i + 1, j))
      u[order[i]].det = r->article;
  }
  before_numeral(r, arena, u, i, k,
                 (size_t)(dem < n) + (possessor < n) + (own < n), order);
  return end;
}

/* lebih erat -> closer: the degree word gives way to the adjective's own
 * comparative where English has one (not "more important"). */
static void comparatives(const juru__rules *r, const juru__english *en,
                         const char *src, const char *arena, juru__unit *u,
                         size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    juru__unit *a = &u[i + 1];
    if (a->cat != JURU__CAT_ADJ || a->kind != JURU_UNIT_LEXICON ||
        a->rule_en || !source_in(&r->comparatives, src, &u[i], NULL) ||
        !juru__english_comparable(en, arena + a->en_off, a->en_len))
      continue;
    u[i].flags |= JURU__U_DROP;
    a->flags |= JURU__U_COMPARATIVE;
  }
}

/* akan siap -> will be ready, dapat terintegrasi -> can be integrated,
 * akan sangat penting -> will be very important: an adjective after an
 * auxiliary that wants a bare verb, past adverbs, takes the auxiliary's
 * "be" before the first word said after it. */
static void modal_adjectives(juru__unit *u, size_t n) {
  for (size_t p = 0; p + 1 < n; p++) {
    juru__unit *a = &u[p];
    if (role_of(a) != JURU__ROLE_AUX || a->rule->next != JURU__EN_BASE)
      continue;
    size_t k = p + 1, first = n;
    for (; k < n && ((u[k].flags & JURU__U_DROP) || u[k].cat == JURU__CAT_ADV);
         k++)
      if (first == n && !(u[k].flags & JURU__U_DROP)) first = k;
    if (k >= n || u[k].cat != JURU__CAT_ADJ || u[k].rule_en) continue;
    if (first == n) first = k;
    if (u[first].pre) continue;
    a->rule_en = a->rule->english;
    u[first].pre = a->rule->extra;
  }
}

/* A pronoun after a verb or preposition is its object: bagi kami -> for
 * us; after a word that opens a clause it is the clause's subject
 * (setelah dia tewas: after he was killed). */
static void object_pronouns(const juru__rules *r, const char *src,
                            const char *arena, juru__unit *u, size_t n) {
  for (size_t i = 1; i < n; i++) {
    uint32_t off;
    if (u[i].cat == JURU__CAT_PRON &&
        (u[i - 1].cat == JURU__CAT_PREP || u[i - 1].cat == JURU__CAT_VERB) &&
        !source_in(&r->subordinators, src, &u[i - 1], NULL) &&
        !clausal(r, arena, &u[i - 1]) &&
        source_in(&r->objects, src, &u[i], &off))
      u[i].rule_en = r->arena.data + off;
  }
}

/* Irak selatan -> southern Iraq: a direction after a place goes before
 * it, when no noun phrase took the two as modifiers (pasukan Irak
 * selatan), which left them where they were. */
static void regions(const juru__rules *r, const char *src, juru__unit *u,
                    size_t n, size_t *order) {
  for (size_t i = 0; i + 1 < n; i++) {
    uint32_t off;
    if (u[i].cat != JURU__CAT_PLACE || order[i] != i || order[i + 1] != i + 1 ||
        (u[i + 1].flags & JURU__U_CAP) ||
        !source_in(&r->regional, src, &u[i + 1], &off))
      continue;
    u[i + 1].rule_en = r->arena.data + off;
    u[i + 1].flags |= JURU__U_KEEP;
    order[i] = i + 1;
    order[i + 1] = i;
    i++;
  }
}

/* Does the unit say the word `w` (a setting such as the origin's dari)? */
static int says(const char *src, const juru__unit *u, const char *w) {
  size_t n = w ? strlen(w) : 0;
  char buf[32];
  return n && source_words(src, u, buf, sizeof buf) == n &&
         memcmp(buf, w, n) == 0;
}

/* timpalannya dari Iran -> his Iranian counterpart: a country after
 * "from" is the nationality of an owned person noun listed as taking one
 * (not pasukannya dari Irak: its troops from Iraq). */
static void nationalities(const juru__rules *r, const char *src,
                          const char *arena, juru__unit *u, size_t n,
                          size_t *order) {
  for (size_t i = 0; i + 2 < n; i++) {
    juru__unit *place = &u[i + 2];
    if (!u[i].possessive || order[i] != i || order[i + 1] != i + 1 ||
        order[i + 2] != i + 2 || place->cat != JURU__CAT_PLACE ||
        !place->alt_len || !says(src, &u[i + 1], r->origin) ||
        !juru__strmap_get(&r->nationality, arena + u[i].en_off, u[i].en_len,
                          NULL))
      continue;
    place->flags |= JURU__U_ALT | JURU__U_KEEP;
    place->possessive = u[i].possessive;
    u[i].possessive = NULL;
    u[i + 1].flags |= JURU__U_DROP;
    order[i] = i + 2;
    order[i + 1] = i;
    order[i + 2] = i + 1;
    i += 2;
  }
}

/* Pablo Escobar tewas -> Pablo Escobar was killed, dia terluka -> he was
 * injured: an adjective right after a name, or after a pronoun opening
 * the clause, in a clause with no verb, is what the subject is. */
static void name_predicates(const juru__rules *r, const char *src,
                            const char *arena, juru__unit *u, size_t n) {
  if (!r->copula) return;
  for (size_t start = 0; start < n;) { /* one clause at a time */
    size_t end = start;
    int verb = 0;
    for (; end < n && !breaks_clause(r, src, &u[end]); end++)
      verb |= is_verb(&u[end]) || (u[end].flags & JURU__U_PASSIVE);
    for (size_t i = start + 1; i < end && !verb; i++) {
      const juru__unit *s = &u[i - 1];
      if (u[i].cat != JURU__CAT_ADJ || u[i].pre || u[i].rule_en ||
          (u[i].flags & JURU__U_CAP) ||
          !(is_name(s) || (personal(s) && i - 1 == start)))
        continue;
      predicate(r, &u[i], &u[i]);
      if (plural_subject(s, arena)) u[i].flags |= JURU__U_AGREE;
    }
    start = end + 1;
  }
}

/* Menteri Luar Negeri Pakistan ... dan timpalannya: his counterpart, not
 * its.  A -nya takes the possessive of the last person the sentence
 * named before it: a pronoun (ia: his, mereka: their) or a title
 * (menteri: the person-possessive setting). */
static void person_possessives(const juru__rules *r, const char *src,
                               juru__unit *u, size_t n) {
  const juru__rule *clitic = juru__rules_find(r, "-nya", 4);
  if (!clitic || !r->person_possessive) return;
  const char *who = NULL;
  for (size_t i = 0; i < n; i++) {
    /* the clitic's possessive is the rule's own string (word_unit) */
    if (u[i].possessive == clitic->english && who) u[i].possessive = who;
    if (personal(&u[i]))
      who = u[i].rule->english;
    else if (listed(&r->titles, src, &u[i], 1))
      who = r->person_possessive;
  }
}

/* Is the unit at order position p after a comma, or after a comma and a
 * closing quote ("Kami siap," kata dia)? */
static int after_comma(const char *src, const juru__unit *u,
                       const size_t *order, size_t p) {
  const juru__unit *prev = &u[order[p - 1]];
  if (prev->cat != JURU__CAT_PUNCT) return 0;
  if (src[prev->start] == ',') return 1;
  return is_quote(src, prev) && p >= 2 && u[order[p - 2]].cat == JURU__CAT_PUNCT &&
         src[u[order[p - 2]].start] == ',';
}

/* ..., kata laporan itu. -> ..., the report said.: a reporting verb after
 * a comma follows its subject when a short noun phrase (at most
 * MAX_REPORTER units) ends the sentence after it; a longer one keeps the
 * verb first (said Samir Hosni, the deputy of ...).  With a hearer
 * (kata Garver kepada AFP) the verb goes between the two, as the
 * addressee rule says it: Garver told AFP. */
#define MAX_REPORTER 4
static void reporting_last(const juru__rules *r, const char *src,
                           juru__unit *u, size_t n, size_t *order) {
  size_t q = n; /* the sentence's final punctuation, in order */
  while (q > 0 && u[order[q - 1]].cat == JURU__CAT_PUNCT) q--;
  for (size_t p = 1; p + 1 < q; p++) {
    juru__unit *v = &u[order[p]];
    if (!after_comma(src, u, order, p) ||
        !source_in(&r->reporting, src, v, NULL))
      continue;
    size_t to = q; /* where the subject ends: the hearer's preposition */
    uint32_t told = 0;
    for (size_t k = p + 2; k + 1 < q && k <= p + 1 + MAX_REPORTER; k++)
      if (source_in(&r->addressee, src, &u[order[k]], &told)) {
        to = k;
        break;
      }
    if (to - p - 1 > MAX_REPORTER) continue;
    for (size_t k = p + 1; k < q; k++)
      if (u[order[k]].cat == JURU__CAT_VERB) return;
    size_t verb = order[p];
    memmove(order + p, order + p + 1, (to - p - 1) * sizeof *order);
    order[to - 1] = verb;
    if (to < q) {
      v->rule_en = r->arena.data + told;
      u[order[to]].flags |= JURU__U_DROP;
    }
    return;
  }
}

/* Does order[] hold each of 0..n-1 once?  Marks seen values in the top
 * bit of the slot they index, then clears the marks. */
static int is_permutation(size_t *order, size_t n) {
  const size_t seen = ~(SIZE_MAX >> 1);
  int ok = 1;
  for (size_t k = 0; k < n && ok; k++) {
    size_t v = order[k] & ~seen;
    ok = v < n && !(order[v] & seen);
    if (ok) order[v] |= seen;
  }
  for (size_t k = 0; k < n; k++) order[k] &= ~seen;
  return ok;
}

void juru__transfer(const juru__rules *r, const juru__english *en,
                    const char *src, const char *arena, juru__unit *u,
                    size_t n, size_t *order) {
  for (size_t i = 0; i < n; i++) order[i] = i;
  mark_plurals(r, src, arena, u, n);
  comparatives(r, en, src, arena, u, n);
  for (size_t j = 0; j < n; j++)
    if (is_verb(&u[j])) verb_group_forms(r, src, arena, u, n, j, order);
  relatives(r, arena, u, n);
  modal_adjectives(u, n);
  object_pronouns(r, src, arena, u, n);
  name_predicates(r, src, arena, u, n);
  person_possessives(r, src, u, n);
  for (size_t i = 0; i < n;) {
    if (order[i] != i || (u[i].flags & JURU__U_DROP)) i++;
    else if (direction_of(r, src, u, n, i)) i++;
    else if (is_noun(&u[i])) i = noun_phrase(r, src, arena, u, n, i, order);
    else i++;
  }
  regions(r, src, u, n, order);
  nationalities(r, src, arena, u, n, order);
  reporting_last(r, src, u, n, order);
  for (size_t i = 0; i < n; i++)
    if (u[i].possessive) u[i].det = u[i].possessive;
  /* a rule that moved a word twice must not lose or repeat one: the
   * source order is the safe fallback */
  if (!is_permutation(order, n))
    for (size_t i = 0; i < n; i++) order[i] = i;
}
