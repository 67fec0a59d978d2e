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

/* A number word above one: dua, tiga, ribuan (not satu, pertama). */
static int is_numeral(const juru__unit *u, const char *arena) {
  if (u->flags & JURU__U_NUMERAL) return 1;
  if (u->cat != JURU__CAT_NUM || u->kind != JURU_UNIT_LEXICON) return 0;
  const char *e = arena + u->en_off;
  size_t n = u->en_len;
  static const char *const singular[] = {"one", "a", "an", "single", "zero", NULL};
  for (size_t i = 0; singular[i]; i++)
    if (strlen(singular[i]) == n && memcmp(e, singular[i], n) == 0) return 0;
  if (n >= 2 && (memcmp(e + n - 2, "st", 2) == 0 || memcmp(e + n - 2, "nd", 2) == 0 ||
                 memcmp(e + n - 2, "rd", 2) == 0 || memcmp(e + n - 2, "th", 2) == 0))
    return 0; /* ordinals */
  return 1;
}

static void mark_plurals(const char *arena, juru__unit *u, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    juru__unit *next = &u[i + 1];
    juru__role role = role_of(&u[i]);
    if (role == JURU__ROLE_QUANTIFIER && (is_noun(next) || next->cat == JURU__CAT_ADJ)) {
      u[i].rule_en = u[i].rule->english;
      if (!*u[i].rule_en) u[i].flags |= JURU__U_DROP;
      next->flags |= JURU__U_PLURAL;
    } else if (role == JURU__ROLE_INDEFINITE &&
               (is_noun(next) || next->cat == JURU__CAT_ADJ)) {
      u[i].flags |= JURU__U_ARTICLE;
    } else if (is_numeral(&u[i], arena) && is_noun(next)) {
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

static int plural_subject(const juru__unit *u, const char *arena) {
  static const char *const plural[] = {"they", "we", "you", "i", NULL};
  if (u->flags & JURU__U_PLURAL) return 1;
  if (u->cat != JURU__CAT_PRON) return 0;
  const char *e = u->rule_en ? u->rule_en : arena + u->en_off;
  size_t n = u->rule_en ? strlen(u->rule_en) : u->en_len;
  for (size_t i = 0; plural[i]; i++)
    if (strlen(plural[i]) == n && memcmp(e, plural[i], n) == 0) return 1;
  return 0;
}

static void verb_group_forms(const juru__rules *r, const char *arena,
                             juru__unit *u, size_t n, size_t j,
                             size_t *order) {
  juru__unit *v = &u[j];
  verb_group g = group_before(u, j);
  int passive = (v->flags & JURU__U_PASSIVE) != 0;
  if (g.neg) g.neg->rule_en = g.neg->rule->english;
  if (v->flags & JURU__U_FIXED) {
    return; /* tidak merupakan -> not is: nothing to inflect */
  } else if (g.aux) {
    const juru__rule *a = deciding_aux(u, g, j);
    v->form = passive ? JURU__EN_PP : a->next;
    if (passive) v->pre = a->next == JURU__EN_BASE ? "be" : a->extra;
    size_t ni = g.neg ? (size_t)(g.neg - u) : 0, ai = (size_t)(g.aux - u);
    if (g.neg && ni + 1 == ai) { /* tidak akan -> will not */
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
  } else if (passive) {
    v->form = JURU__EN_PP;
    if (g.rel) g.rel->flags |= JURU__U_DROP;
    else v->pre = r->passive_be;
  } else if (g.first > 0 && is_verb(&u[g.first - 1]) &&
             !(u[g.first - 1].flags & JURU__U_PASSIVE)) {
    v->form = JURU__EN_BASE; /* berusaha mencari -> tried to find */
    v->pre = "to";
  } else {
    v->form = r->tense;
    v->flags |= JURU__U_FINITE;
    /* the present agrees: Ministers Discuss, They Reject */
    if (v->form == JURU__EN_3SG && g.first > 0 &&
        plural_subject(&u[g.first - 1], arena))
      v->form = JURU__EN_BASE;
  }
  /* dilakukan kelompok itu: a noun phrase right after a passive is its
   * agent (done by the group) */
  if (passive && r->agent && j + 1 < n &&
      (is_noun(&u[j + 1]) || u[j + 1].cat == JURU__CAT_PRON ||
       u[j + 1].cat == JURU__CAT_NAME || u[j + 1].cat == JURU__CAT_PROPN))
    v->post = r->agent;
}

/* yang before an adjective: "which is" (kerja sama yang erat). */
static void relatives(juru__unit *u, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (role_of(&u[i]) != JURU__ROLE_RELATIVE || (u[i].flags & JURU__U_DROP))
      continue;
    u[i].rule_en = u[i].rule->english;
    size_t k = i + 1;
    while (k < n && (u[k].cat == JURU__CAT_ADV || role_of(&u[k]) == JURU__ROLE_NEGATION))
      k++;
    if (k < n && u[k].cat == JURU__CAT_ADJ) u[i].rule_en = u[i].rule->extra;
  }
}

static int is_modifier(const juru__unit *u) {
  if (acting_role(u) != JURU__ROLE_NONE || (u->flags & JURU__U_PASSIVE)) return 0;
  return u->cat == JURU__CAT_NOUN || u->cat == JURU__CAT_ADJ ||
         u->cat == JURU__CAT_PLACE;
}

static int starts_determined(const juru__rules *r, const char *arena,
                             const juru__unit *u) {
  const char *e = u->rule_en ? u->rule_en : arena + u->en_off;
  size_t n = u->rule_en ? strlen(u->rule_en) : u->en_len, w = 0;
  while (w < n && e[w] != ' ') w++;
  return juru__strmap_get(&r->determiners, e, w, NULL);
}

/* ... or ends with one (di berbagai: in various). */
static int ends_determined(const juru__rules *r, const char *arena,
                           const juru__unit *u) {
  const char *e = u->rule_en ? u->rule_en : arena + u->en_off;
  size_t n = u->rule_en ? strlen(u->rule_en) : u->en_len, w = n;
  while (w > 0 && e[w - 1] != ' ') w--;
  return juru__strmap_get(&r->determiners, e + w, n - w, NULL);
}

/* Something before the phrase already says which one: a number, a
 * quantifier, an article, a demonstrative or possessive word. */
static int determined(const juru__unit *u, size_t i) {
  if (i == 0) return 0;
  const juru__unit *p = &u[i - 1];
  juru__role r = role_of(p);
  return p->cat == JURU__CAT_NUM || p->cat == JURU__CAT_DET ||
         p->cat == JURU__CAT_PRON || r == JURU__ROLE_QUANTIFIER ||
         r == JURU__ROLE_INDEFINITE || (p->flags & JURU__U_NUMERAL);
}

/* The noun phrase headed at i: modifiers, then at most one possessor and
 * one demonstrative.  Returns the index after it. */
static size_t noun_phrase(const juru__rules *r, const char *arena,
                          juru__unit *u, size_t n, size_t i, size_t *order) {
  const char *article = starts_determined(r, arena, &u[i]) ? NULL : r->article;
  size_t j = i + 1, mods = 0;
  int closed = u[i].possessive != NULL;
  while (!closed && j < n && mods < MAX_MODIFIERS && is_modifier(&u[j])) {
    closed = u[j].possessive != NULL; /* rumah sakitnya: -nya ends it */
    j++;
    mods++;
  }
  size_t end = j, possessor = n, dem = n;
  if (!closed && end < n && role_of(&u[end]) == JURU__ROLE_POSSESSOR)
    possessor = end++;
  if (end < n && role_of(&u[end]) == JURU__ROLE_DEMONSTRATIVE) dem = end++;
  if (dem < n && r->copula) { /* rumah itu besar -> the house was big */
    size_t k = end;
    while (k < n && u[k].cat == JURU__CAT_ADV) k++;
    if (k < n && u[k].cat == JURU__CAT_ADJ && !u[end].pre) u[end].pre = r->copula;
  }
  if (end == i + 1) {
    /* a lone noun after a preposition or opening the sentence is most
     * often a known one: di kota -> in the city */
    if (article && !u[i].possessive && !(u[i].flags & JURU__U_PLURAL) &&
        (i == 0 || ((u[i - 1].cat == JURU__CAT_PREP || u[i - 1].post) &&
                    !ends_determined(r, arena, &u[i - 1]))))
      u[i].det = article;
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
  for (size_t m = j; m-- > i + 1;) {
    if (u[m].cat == JURU__CAT_PLACE && u[m].alt_len) u[m].flags |= JURU__U_ALT;
    u[m].flags |= JURU__U_INVARIABLE;
    order[k++] = m;
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
        !starts_determined(r, arena, &u[order[i]]))
      u[order[i]].det = r->article;
  }
  return end;
}

/* A pronoun after a verb or preposition is its object: bagi kami -> for us. */
static void object_pronouns(const juru__rules *r, const char *src,
                            juru__unit *u, size_t n) {
  for (size_t i = 1; i < n; i++) {
    uint32_t off;
    char w[16];
    size_t len = u[i].end - u[i].start;
    if (u[i].cat != JURU__CAT_PRON || u[i].kind != JURU_UNIT_LEXICON ||
        len >= sizeof w ||
        (u[i - 1].cat != JURU__CAT_PREP && u[i - 1].cat != JURU__CAT_VERB))
      continue;
    for (size_t k = 0; k < len; k++) {
      char c = src[u[i].start + k];
      w[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    if (juru__strmap_get(&r->objects, w, len, &off))
      u[i].rule_en = r->arena.data + off;
  }
}

void juru__transfer(const juru__rules *r, const juru__english *en,
                    const char *src, const char *arena, juru__unit *u,
                    size_t n, size_t *order) {
  (void)en;
  for (size_t i = 0; i < n; i++) order[i] = i;
  mark_plurals(arena, u, n);
  for (size_t j = 0; j < n; j++)
    if (is_verb(&u[j])) verb_group_forms(r, arena, u, n, j, order);
  relatives(u, n);
  object_pronouns(r, src, u, n);
  for (size_t i = 0; i < n;) {
    if (is_noun(&u[i]) && order[i] == i) i = noun_phrase(r, arena, u, n, i, order);
    else i++;
  }
  for (size_t i = 0; i < n; i++)
    if (u[i].possessive) u[i].det = u[i].possessive;
}
