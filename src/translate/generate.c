/* Generation: the English sentence from ordered units — inflection, a/an,
 * spacing around punctuation and quotes, capitals. */
#include <string.h>

#include "internal.h"

typedef struct gen {
  juru__buf *out;
  int quote_open;
  int glue_next;       /* no space before the next piece: after ( or " */
  int article;         /* an a/an waits for the next word */
  int agree;           /* the next word agrees with a plural subject */
  int after_quote;     /* the last piece was an opening quote */
  int capital;         /* the next word starts with a capital */
} gen;

static int closes(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
         c == '?' || c == ')' || c == ']' || c == '}' || c == '%';
}

static int is(const char *s, size_t n, const char *lit) {
  return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

/* Quotes: '"' opens or closes by count; curly ones say which they are. */
static int quote_kind(const char *s, size_t n) {
  if (is(s, n, "\"")) return 1;
  if (is(s, n, "\xE2\x80\x9C") || is(s, n, "\xE2\x80\x98") || is(s, n, "\xC2\xAB"))
    return 2; /* opening */
  if (is(s, n, "\xE2\x80\x9D") || is(s, n, "\xE2\x80\x99") || is(s, n, "\xC2\xBB"))
    return 3; /* closing */
  return 0;
}

static juru_status put(gen *g, const char *s, size_t n) {
  if (n == 0) return JURU_OK;
  int q = quote_kind(s, n);
  int opening = q == 2 || (q == 1 && !g->quote_open);
  int quote = q != 0;
  int space = g->out->len > 0 && !g->glue_next;
  if (quote && !opening) space = 0;
  else if (!quote && (closes(s[0]) || is(s, n, "/") || is(s, n, ">"))) space = 0;
  juru_status st = JURU_OK;
  if (g->article && !quote && !closes(s[0]) && s[0] != '(') {
    const char *a = juru__english_article(s, n);
    if (space) st = juru__buf_append(g->out, " ", 1);
    if (st == JURU_OK) st = juru__buf_append(g->out, a, strlen(a));
    space = 1;
    g->article = 0;
  }
  if (st == JURU_OK && space) st = juru__buf_append(g->out, " ", 1);
  size_t at = g->out->len;
  if (st == JURU_OK) st = juru__buf_append(g->out, s, n);
  if (st == JURU_OK && g->capital && !quote) {
    char *c = &g->out->data[at];
    if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
    g->capital = 0;
  }
  g->after_quote = quote && opening;
  g->glue_next = (quote && opening) || is(s, n, "(") || is(s, n, "[") ||
                 is(s, n, "/") || is(s, n, "<");
  if (quote) g->quote_open = opening;
  return st;
}

static const char *unit_text(const char *arena, const juru__unit *u,
                             size_t *n) {
  if (u->rule_en) {
    *n = strlen(u->rule_en);
    return u->rule_en;
  }
  if ((u->flags & JURU__U_ALT) && u->alt_len) {
    *n = u->alt_len;
    return arena + u->alt_off;
  }
  *n = u->en_len;
  return arena + u->en_off;
}

/* The unit's English, inflected, into `tmp`. */
static juru_status inflected(const juru__rules *r, const juru__english *en,
                             const char *arena, const juru__unit *u,
                             int quoted_start, juru__buf *tmp) {
  size_t n;
  const char *s = unit_text(arena, u, &n);
  juru__buf_clear(tmp);
  /* a glossary's common-noun term may take a plural (police officers);
   * names and places stay exactly as the glossary gives them */
  int term_noun = u->kind == JURU_UNIT_TERM && u->cat == JURU__CAT_NOUN;
  if ((u->kind != JURU_UNIT_LEXICON && !term_noun) ||
      (u->rule_en && !(u->flags & JURU__U_LEMMA)))
    return juru__buf_append(tmp, s, n);
  juru__en_form form = JURU__EN_BASE;
  if (u->flags & JURU__U_COMPARATIVE)
    form = JURU__EN_COMPARATIVE;
  else if ((u->cat == JURU__CAT_VERB || (u->flags & JURU__U_LEMMA)) &&
           juru__english_is_verb(en, s, n))
    form = u->form;
  else if ((u->flags & JURU__U_PLURAL) && !(u->flags & JURU__U_INVARIABLE) &&
           !juru__strmap_get(&r->invariable, s, n, NULL))
    form = JURU__EN_PLURAL;
  juru_status st = juru__english_inflect(en, s, n, form, tmp);
  if (st == JURU_OK && (u->flags & JURU__U_CAP) && !quoted_start && tmp->len &&
      tmp->data[0] >= 'a' && tmp->data[0] <= 'z' &&
      (u->cat == JURU__CAT_NOUN || u->cat == JURU__CAT_PROPN))
    tmp->data[0] = (char)(tmp->data[0] - 'a' + 'A');
  return st;
}

/* With g->agree, the first word in its plural (two were held). */
static juru_status put_agreeing(gen *g, const char *s, size_t n) {
  if (!g->agree || n == 0) return put(g, s, n);
  g->agree = 0;
  size_t w = 0;
  while (w < n && s[w] != ' ') w++;
  const char *plural = juru__english_plural_verb(s, w);
  if (!plural) return put(g, s, n);
  juru_status st = put(g, plural, strlen(plural));
  if (st == JURU_OK && w < n) st = put(g, s + w + 1, n - w - 1);
  return st;
}

/* A string of words as pieces: "has been" is two words for spacing. */
static juru_status put_words(gen *g, const char *s) {
  return s && *s ? put_agreeing(g, s, strlen(s)) : JURU_OK;
}

static void capitalise_first(juru__buf *out) {
  for (size_t i = 0; i < out->len; i++) {
    unsigned char c = (unsigned char)out->data[i];
    size_t left = out->len - i;
    if (left >= 3 && quote_kind(out->data + i, 3) == 2) { i += 2; continue; }
    if (left >= 2 && quote_kind(out->data + i, 2) == 2) { i += 1; continue; }
    if (c >= 'a' && c <= 'z') {
      out->data[i] = (char)(c - 'a' + 'A');
      return;
    }
    if ((c >= 'A' && c <= 'Z') || c >= 0x80 || (c >= '0' && c <= '9')) return;
  }
}

juru_status juru__generate(const juru__rules *r, const juru__english *en,
                           const char *src, const char *arena,
                           const juru__unit *u, size_t n, const size_t *order,
                           juru__buf *out, size_t *out_off, size_t *out_len) {
  (void)src;
  gen g = {out, 0, 0, 0, 0, 0, 0};
  size_t quoted_start = SIZE_MAX; /* the source unit after an opening quote */
  juru__buf tmp = {0};
  juru_status st = JURU_OK;
  for (size_t k = 0; k < n && st == JURU_OK; k++) {
    const juru__unit *x = &u[order[k]];
    out_off[order[k]] = out->len;
    out_len[order[k]] = 0;
    if (x->flags & JURU__U_DROP) continue;
    if (x->flags & JURU__U_ARTICLE) {
      g.article = 1;
      continue;
    }
    st = put_words(&g, x->det);
    g.agree = (x->flags & JURU__U_AGREE) != 0;
    if (st == JURU_OK) st = put_words(&g, x->pre);
    size_t start = out->len;
    if (st == JURU_OK)
      st = inflected(r, en, arena, x, order[k] == quoted_start, &tmp);
    if (st == JURU_OK)
      st = put_agreeing(&g, tmp.data ? tmp.data : "", tmp.len);
    g.agree = 0;
    if (st == JURU_OK && (x->flags & JURU__U_OBJECT)) st = put(&g, "it", 2);
    /* the unit's own English, without the space before it; the words
     * after it (by, of) are glue, which a phrase replacing it keeps */
    if (out->len > start && out->data[start] == ' ') start++;
    out_off[order[k]] = start;
    out_len[order[k]] = out->len - start;
    if (st == JURU_OK) st = put_words(&g, x->post);
    /* a quoted sentence opens with a capital, on whatever English comes
     * first, and its first word is not a name for it (Dia berkata,
     * "Rumah itu besar." -> He said, "The house was big.") */
    if (g.after_quote && order[k] + 1 < n && (u[order[k] + 1].flags & JURU__U_CAP)) {
      g.capital = 1;
      quoted_start = order[k] + 1;
    }
  }
  juru__buf_free(&tmp);
  /* a dropped word stands where the next one's English starts, so that
   * the words before that one (was, have) stay glue before a phrase
   * beginning at the dropped word (lebih besar: was greater) */
  for (size_t k = n; k-- > 0;)
    if (u[order[k]].flags & JURU__U_DROP)
      out_off[order[k]] = k + 1 < n ? out_off[order[k + 1]] : out->len;
  if (st == JURU_OK) capitalise_first(out);
  return st;
}
