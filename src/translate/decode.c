/* The decoder: with a model, the rule-based English of a sentence is one
 * path through a lattice whose other edges are the phrase table's
 * alternatives, and a beam search scored by the language model and the
 * phrase features picks the best path.
 *
 * The lattice runs over the units in English order, as transfer.c left
 * them.  A phrase edge may replace a run of units only where that run is
 * also consecutive in the source, so the rules' reordering is kept and a
 * phrase never straddles it; glossary terms, names, numbers and
 * punctuation are never replaced (they are hard constraints).  Between
 * units, generation's own glue (articles, auxiliaries, spaces) stays. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "juru/text.h"
#include "../model/model.h"
#include "internal.h"

#define BEAM 4             /* hypotheses kept per position */
#define MAX_CANDS 5        /* phrase-table alternatives tried per phrase */
#define CTX (JURU__LM_MAX_ORDER - 1)

enum { ARTICLE_AS_IS, ARTICLE_DROP, ARTICLE_ADD };

typedef struct edge {
  size_t from, to;            /* positions in English order */
  const juru__model_cand *cand; /* NULL: the rules' English */
  int article;                /* ARTICLE_*: the rules' glue before it as is,
                                 without its "the", or with "a"/"an" added */
  size_t text, text_len;      /* a phrase's English, in d->phrases */
  size_t words, n_words;      /* and its word ids, in d->words */
  uint32_t article_id;        /* ARTICLE_ADD: the word id of "a" or "an" */
} edge;

typedef struct hyp {
  double score;
  uint32_t ctx[CTX];          /* last words, oldest first */
  unsigned nctx;
  size_t back;                /* previous hypothesis, or SIZE_MAX */
  size_t edge;
  size_t next;                /* the next one at the same position */
} hyp;

struct juru__decoder {
  uint32_t *words;  /* English ids of glue and rule text */
  size_t n_words, words_cap;
  size_t *glue, *glue_n, *text, *text_n; /* per position (+1 for glue) */
  size_t pos_cap;
  edge *edges;
  size_t n_edges, edges_cap;
  size_t *first_edge; /* edges from position k start here (sorted) */
  size_t *head;       /* the first hypothesis at each position */
  size_t *beam;       /* one position's hypotheses, for sorting */
  size_t beam_cap;
  hyp *hyps;
  size_t n_hyps, hyps_cap;
  juru__buf key, text_buf, phrases, plain, shaped;
};

void juru__decoder_free(juru__decoder *d) {
  if (!d) return;
  juru__free(d->words);
  juru__free(d->glue);
  juru__free(d->glue_n);
  juru__free(d->text);
  juru__free(d->text_n);
  juru__free(d->edges);
  juru__free(d->first_edge);
  juru__free(d->head);
  juru__free(d->beam);
  juru__free(d->hyps);
  juru__buf_free(&d->key);
  juru__buf_free(&d->text_buf);
  juru__buf_free(&d->phrases);
  juru__buf_free(&d->plain);
  juru__buf_free(&d->shaped);
  juru__free(d);
}

static juru_status reserve_positions(juru__decoder *d, size_t n) {
  if (n <= d->pos_cap) return JURU_OK;
  size_t c = n + 64;
  size_t **arrays[] = {&d->glue, &d->glue_n, &d->text, &d->text_n, &d->first_edge,
                       &d->head};
  for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++) {
    size_t *p = juru__realloc(*arrays[i], c * sizeof *p);
    if (!p) return JURU_ENOMEM;
    *arrays[i] = p;
  }
  d->pos_cap = c;
  return JURU_OK;
}

/* English ids of a piece of the rule-based output, appended to words. */
static juru_status add_words(juru__decoder *d, const juru_model *m,
                             const char *s, size_t n, size_t *off, size_t *count) {
  *off = d->n_words;
  size_t pos = 0;
  juru__span tok;
  char low[64];
  while (juru__en_token_next(s, n, &pos, &tok)) {
    size_t len = tok.end - tok.start;
    uint32_t id = JURU__LM_UNK;
    if (len <= sizeof low) {
      juru__lower(s + tok.start, len, low);
      id = juru__model_en_id(m, low, len);
    }
    if (juru__grow((void **)&d->words, &d->words_cap, d->n_words + 1, sizeof *d->words))
      return JURU_ENOMEM;
    d->words[d->n_words++] = id;
  }
  *count = d->n_words - *off;
  return JURU_OK;
}

/* A unit the phrase table may replace. */
static int replaceable(const juru__unit *u) {
  if (u->term != JURU_NO_TERM ||
      (u->flags & (JURU__U_CAP | JURU__U_ARTICLE | JURU__U_KEEP)))
    return 0;
  /* a capital that only opens the sentence does not make a name */
  if (u->kind == JURU_UNIT_NAME) return u->start == 0;
  if (u->cat == JURU__CAT_PROPN || u->cat == JURU__CAT_PLACE || u->cat == JURU__CAT_NAME)
    return 0;
  return u->kind == JURU_UNIT_LEXICON || u->kind == JURU_UNIT_RULE ||
         u->kind == JURU_UNIT_UNKNOWN;
}

static juru_status push_edge(juru__decoder *d, size_t from, size_t to,
                             const juru__model_cand *c, int article) {
  if (juru__grow((void **)&d->edges, &d->edges_cap, d->n_edges + 1, sizeof *d->edges))
    return JURU_ENOMEM;
  edge e = {from, to, c, article, 0, 0, 0, 0, 0};
  d->edges[d->n_edges++] = e;
  return JURU_OK;
}

/* The phrase key of source bytes [start, end): lower-cased words joined by
 * spaces; 0 when it holds anything but words or too many of them. */
static int phrase_key(juru__decoder *d, const juru_abbrevs *ab, const char *src,
                      size_t start, size_t end) {
  juru__buf_clear(&d->key);
  size_t pos = 0, words = 0;
  juru_token tok;
  while (juru_token_next(ab, src + start, end - start, &pos, &tok)) {
    size_t len = tok.end - tok.start;
    if (tok.type != JURU_TOK_WORD || ++words > 7 ||
        juru__buf_reserve(&d->key, len + 1))
      return 0;
    if (words > 1) d->key.data[d->key.len++] = ' ';
    juru__lower(src + start + tok.start, len, d->key.data + d->key.len);
    d->key.len += len;
    if (!juru__phrase_word(d->key.data + d->key.len - len, len)) return 0;
  }
  return words > 0;
}

static int function_word(const juru__unit *u) {
  return u->rule || u->kind == JURU_UNIT_RULE;
}

/* A phrase's English as the span needs it: a finite verb or a plural
 * noun the rules inflected gets the same inflection (the table keeps the
 * forms its corpus had), so the narrative tense and plurals survive. */
static juru_status shape(juru__decoder *d, const juru_model *m,
                         const juru__english *en, const juru__unit *u,
                         int single, const juru__model_cand *c) {
  juru__buf *plain = &d->plain;
  juru__buf_clear(plain);
  for (uint32_t i = 0; i < c->tgt_len; i++) {
    size_t n;
    const char *w = juru__model_en_word(m, m->tgt[c->tgt_off + i], &n);
    if ((i && juru__buf_append(plain, " ", 1)) || juru__buf_append(plain, w, n))
      return JURU_ENOMEM;
  }
  juru__buf_clear(&d->shaped);
  juru__en_form form = JURU__EN_BASE;
  if (single && (u->flags & JURU__U_COMPARATIVE)) {
    /* lebih besar: the table's "large" is said "larger", its "important"
       "more important" (the rules dropped lebih) */
    if (juru__english_comparable(en, plain->data, plain->len))
      return juru__english_inflect(en, plain->data, plain->len,
                                   JURU__EN_COMPARATIVE, &d->shaped);
    juru_status st = juru__buf_append(&d->shaped, "more ", 5);
    return st ? st : juru__buf_append(&d->shaped, plain->data, plain->len);
  }
  if (single && u->cat == JURU__CAT_VERB && juru__english_is_verb(en, plain->data, plain->len))
    form = u->form;
  else if (single && (u->flags & JURU__U_PLURAL) && u->cat == JURU__CAT_NOUN)
    form = JURU__EN_PLURAL;
  if (form == JURU__EN_BASE) return juru__buf_append(&d->shaped, plain->data, plain->len);
  return juru__english_inflect(en, plain->data, plain->len, form, &d->shaped);
}

/* A lone singular noun the rules left without an article: the decoder
 * weighs "a"/"an" before it (held a meeting) against none (cooperation). */
static int bare(const juru__unit *u) {
  return (u->flags & JURU__U_BARE) && !u->rule_en;
}

/* The word id of the indefinite article before English s[0..n). */
static uint32_t indefinite(const juru_model *m, const char *s, size_t n) {
  return juru__english_article(s, n)[1] ? m->an : m->a;
}

/* The edge for candidate c over [k, to): its text and word ids kept. */
static juru_status phrase_edge(juru__decoder *d, const juru_model *m,
                               const juru__english *en, const juru__unit *u,
                               int single, int bare, size_t k, size_t to,
                               const juru__model_cand *c) {
  uint32_t first = m->tgt[c->tgt_off];
  /* articles are the rules' business: a phrase may not bring its own */
  if ((first == m->the || first == m->a || first == m->an) && u->kind != JURU_UNIT_RULE)
    return JURU_OK;
  /* nor an infinitive where the rules made a verb finite */
  if (first == m->to && u->cat == JURU__CAT_VERB) return JURU_OK;
  /* a single word's English ending in "of"/"to"/an article took its
     neighbour's function word along (kota -> "city of") */
  uint32_t last = m->tgt[c->tgt_off + c->tgt_len - 1];
  if (single && c->tgt_len > 1 &&
      (last == m->of || last == m->to || last == m->the || last == m->a || last == m->an))
    return JURU_OK;
  juru_status st = shape(d, m, en, u, single, c);
  if (st == JURU_OK) st = push_edge(d, k, to, c, ARTICLE_AS_IS);
  if (st != JURU_OK) return st;
  edge *e = &d->edges[d->n_edges - 1];
  e->text = d->phrases.len;
  e->text_len = d->shaped.len;
  st = juru__buf_append(&d->phrases, d->shaped.data, d->shaped.len);
  if (st == JURU_OK)
    st = add_words(d, m, d->shaped.data, d->shaped.len, &e->words, &e->n_words);
  if (st == JURU_OK && bare) {
    edge with = d->edges[d->n_edges - 1];
    with.article = ARTICLE_ADD;
    with.article_id = indefinite(m, d->shaped.data, d->shaped.len);
    st = push_edge(d, k, to, c, ARTICLE_ADD);
    if (st == JURU_OK) d->edges[d->n_edges - 1] = with;
  }
  return st;
}

/* Runs of units from position k that cover a contiguous stretch of the
 * source, in whatever order the rules put them (kantor polisi -> police
 * station is one such block), each looked up as a phrase. */
static juru_status phrase_edges(juru__decoder *d, const juru_model *m,
                                const juru__english *en, const juru_abbrevs *ab,
                                const char *src, const juru__unit *u, size_t n,
                                const size_t *order, const size_t *out_len,
                                size_t k) {
  int filled = 0;
  size_t lo = order[k], hi = order[k];
  for (size_t to = k + 1; to <= n && to - k <= 7; to++) {
    size_t x = order[to - 1];
    if (!replaceable(&u[x])) break;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    filled |= out_len[x] > 0;
    /* a function word alone is the rules' (yang, itu, telah): the table
       only knows its commonest English, not its job in the sentence */
    if (!filled || hi - lo + 1 != to - k || (to == k + 1 && function_word(&u[x])) ||
        !phrase_key(d, ab, src, u[lo].start, u[hi].end))
      continue;
    const juru__model_entry *e = juru__model_find(m, d->key.data, d->key.len);
    for (uint32_t c = 0; e && c < e->n_cand && c < MAX_CANDS; c++) {
      juru_status st = phrase_edge(d, m, en, &u[lo], to == k + 1, bare(&u[order[k]]),
                                   k, to, &m->cands[e->first_cand + c]);
      if (st != JURU_OK) return st;
    }
  }
  return JURU_OK;
}

/* Whether the glue before position k is, or ends in, the definite article
 * the rules add (English leaves it out more often than they know). */
static int article_at(const juru__decoder *d, const juru_model *m, size_t k) {
  return d->glue_n[k] && d->words[d->glue[k] + d->glue_n[k] - 1] == m->the;
}

/* Glue, rule text and edges for every position. */
static juru_status build_lattice(juru__decoder *d, const juru_model *m,
                                 const juru__english *en,
                                 const juru_abbrevs *ab, const char *src,
                                 const juru__unit *u, size_t n,
                                 const size_t *order, const juru__buf *out,
                                 const size_t *out_off, const size_t *out_len) {
  d->n_words = d->n_edges = 0;
  juru__buf_clear(&d->phrases);
  juru_status st = reserve_positions(d, n + 1);
  size_t prev = 0;
  for (size_t k = 0; k <= n && st == JURU_OK; k++) {
    size_t start = k < n ? out_off[order[k]] : out->len;
    st = add_words(d, m, out->data + prev, start - prev, &d->glue[k], &d->glue_n[k]);
    if (k == n || st != JURU_OK) break;
    size_t len = out_len[order[k]];
    st = add_words(d, m, out->data + start, len, &d->text[k], &d->text_n[k]);
    prev = start + len;
    d->first_edge[k] = d->n_edges;
    if (st == JURU_OK) st = push_edge(d, k, k + 1, NULL, ARTICLE_AS_IS);
    if (st == JURU_OK && article_at(d, m, k))
      st = push_edge(d, k, k + 1, NULL, ARTICLE_DROP);
    if (st == JURU_OK && bare(&u[order[k]])) {
      st = push_edge(d, k, k + 1, NULL, ARTICLE_ADD);
      if (st == JURU_OK)
        d->edges[d->n_edges - 1].article_id = indefinite(m, out->data + start, len);
    }
    if (st == JURU_OK && replaceable(&u[order[k]]))
      st = phrase_edges(d, m, en, ab, src, u, n, order, out_len, k);
  }
  if (st == JURU_OK) d->first_edge[n] = d->n_edges;
  return st;
}

/* ---- search ------------------------------------------------------------- */

static double lm_step(const juru_model *m, hyp *h, uint32_t w) {
  double lp = juru__lm_logprob(&m->lm, h->ctx, h->nctx, w);
  unsigned keep = juru__lm_order(&m->lm) - 1;
  if (keep > CTX) keep = CTX;
  if (h->nctx < keep) {
    h->ctx[h->nctx++] = w;
  } else if (keep) {
    memmove(h->ctx, h->ctx + 1, (keep - 1) * sizeof *h->ctx);
    h->ctx[keep - 1] = w;
  }
  return lp;
}

static double lm_words(const juru_model *m, hyp *h, const uint32_t *w, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += lm_step(m, h, w[i]);
  return s;
}

static double edge_score(const juru__decoder *d, const juru_model *m,
                         const edge *e, hyp *h) {
  const float *w = m->weights;
  double lm = lm_words(m, h, d->words + d->glue[e->from],
                       d->glue_n[e->from] - (e->article == ARTICLE_DROP));
  double article = e->article == ARTICLE_DROP  ? w[JURU_W_NO_ARTICLE]
                   : e->article == ARTICLE_ADD ? w[JURU_W_ADD_ARTICLE]
                                               : 0.0;
  if (e->article == ARTICLE_ADD) lm += lm_step(m, h, e->article_id);
  if (!e->cand) {
    size_t nw = d->text_n[e->from];
    lm += lm_words(m, h, d->words + d->text[e->from], nw);
    return w[JURU_W_LM] * lm + w[JURU_W_RULE] + w[JURU_W_WORD] * (double)nw +
           article;
  }
  const juru__model_cand *c = e->cand;
  lm += lm_words(m, h, d->words + e->words, e->n_words);
  return w[JURU_W_LM] * lm + article + w[JURU_W_PHRASE_EF] * c->f[0] +
         w[JURU_W_PHRASE_FE] * c->f[1] + w[JURU_W_LEX_EF] * c->f[2] +
         w[JURU_W_LEX_FE] * c->f[3] + w[JURU_W_PHRASE] +
         w[JURU_W_WORD] * (double)e->n_words;
}

static int same_ctx(const hyp *a, const hyp *b) {
  return a->nctx == b->nctx && !memcmp(a->ctx, b->ctx, a->nctx * sizeof *a->ctx);
}

static const hyp *sort_hyps;
static int by_score(const void *x, const void *y) {
  double a = sort_hyps[*(const size_t *)x].score, b = sort_hyps[*(const size_t *)y].score;
  return a > b ? -1 : a < b;
}

/* Add h at position `to`, recombining with a hypothesis of the same
 * language-model context.  A position's hypotheses are chained, so no
 * per-position memory is needed. */
static juru_status add_hyp(juru__decoder *d, const hyp *h, size_t to) {
  for (size_t i = d->head[to]; i != SIZE_MAX; i = d->hyps[i].next) {
    hyp *o = &d->hyps[i];
    if (same_ctx(o, h)) {
      if (h->score > o->score) {
        size_t next = o->next;
        *o = *h;
        o->next = next;
      }
      return JURU_OK;
    }
  }
  if (juru__grow((void **)&d->hyps, &d->hyps_cap, d->n_hyps + 1, sizeof *d->hyps))
    return JURU_ENOMEM;
  d->hyps[d->n_hyps] = *h;
  d->hyps[d->n_hyps].next = d->head[to];
  d->head[to] = d->n_hyps++;
  return JURU_OK;
}

/* Position k's best BEAM hypotheses, into d->beam; their number. */
static size_t best_at(juru__decoder *d, size_t k, juru_status *st) {
  size_t n = 0;
  for (size_t i = d->head[k]; i != SIZE_MAX; i = d->hyps[i].next) {
    if (juru__grow((void **)&d->beam, &d->beam_cap, n + 1, sizeof *d->beam)) {
      *st = JURU_ENOMEM;
      return 0;
    }
    d->beam[n++] = i;
  }
  sort_hyps = d->hyps;
  qsort(d->beam, n, sizeof *d->beam, by_score);
  return n < BEAM ? n : BEAM;
}

/* The best path's hypothesis at position n, or SIZE_MAX. */
static juru_status search(juru__decoder *d, const juru_model *m, size_t n,
                          size_t *best) {
  juru_status st = JURU_OK;
  d->n_hyps = 0;
  for (size_t k = 0; k <= n; k++) d->head[k] = SIZE_MAX;
  hyp start = {0, {JURU__LM_BOS}, 1, SIZE_MAX, 0, SIZE_MAX};
  st = add_hyp(d, &start, 0);
  for (size_t k = 0; k < n && st == JURU_OK; k++) {
    size_t keep = best_at(d, k, &st);
    for (size_t b = 0; b < keep && st == JURU_OK; b++)
      for (size_t e = d->first_edge[k]; e < d->first_edge[k + 1] && st == JURU_OK; e++) {
        hyp h = d->hyps[d->beam[b]];
        h.score += edge_score(d, m, &d->edges[e], &h);
        h.back = d->beam[b];
        h.edge = e;
        st = add_hyp(d, &h, d->edges[e].to);
      }
  }
  *best = SIZE_MAX;
  double top = -INFINITY;
  for (size_t i = st == JURU_OK ? d->head[n] : SIZE_MAX; i != SIZE_MAX; i = d->hyps[i].next) {
    hyp h = d->hyps[i];
    h.score += m->weights[JURU_W_LM] *
               (lm_words(m, &h, d->words + d->glue[n], d->glue_n[n]) +
                lm_step(m, &h, JURU__LM_EOS));
    if (h.score > top) {
      top = h.score;
      *best = i;
    }
  }
  return st;
}

/* ---- the chosen English -------------------------------------------------- */

/* Glue text as the edge wants it: as is, without its final "the" (and
 * the space before it), or with "a"/"an" after it. */
static juru_status put_glue(const juru_model *m, juru__buf *b, const char *g,
                            size_t n, const edge *e) {
  int article = e->article;
  if (article == ARTICLE_ADD) {
    if (juru__buf_append(b, g, n)) return JURU_ENOMEM;
    /* none after a space or an opening bracket or quote (“, ‘) */
    unsigned char last = b->len ? (unsigned char)b->data[b->len - 1] : ' ';
    int space = last != ' ' && last != '(' && last != '"' && last != '[' &&
                !(b->len >= 3 && (last == 0x9C || last == 0x98) &&
                  (unsigned char)b->data[b->len - 3] == 0xE2);
    if (space && juru__buf_append(b, " ", 1)) return JURU_ENOMEM;
    return e->article_id == m->an ? juru__buf_append(b, "an ", 3)
                                  : juru__buf_append(b, "a ", 2);
  }
  if (article == ARTICLE_DROP) {
    size_t end = n;
    while (end && g[end - 1] == ' ') end--;
    if (end >= 3 && (!memcmp(g + end - 3, "the", 3) || !memcmp(g + end - 3, "The", 3)) &&
        (end == 3 || g[end - 4] == ' ')) {
      size_t cut = end - 3;
      while (cut && g[cut - 1] == ' ') cut--;
      if (juru__buf_append(b, g, cut)) return JURU_ENOMEM;
      /* the space that parted the words around it stays (ready for
       * combat, not "forcombat"); at the start of the sentence none */
      return cut || (end > 3 && b->len) ? juru__buf_append(b, " ", 1) : JURU_OK;
    }
  }
  return juru__buf_append(b, g, n);
}

/* Rebuild the sentence along the path: glue and rule text as generated,
 * phrase English in place of the units it covers (credited to the first). */
static juru_status rebuild(juru__decoder *d, const juru_model *m, size_t best,
                           const size_t *order, size_t n, juru__buf *out,
                           size_t *out_off, size_t *out_len) {
  size_t *chosen = juru__malloc((n + 1) * sizeof *chosen);
  if (!chosen) return JURU_ENOMEM;
  for (size_t k = 0; k <= n; k++) chosen[k] = SIZE_MAX;
  for (size_t h = best; h != SIZE_MAX && d->hyps[h].back != SIZE_MAX; h = d->hyps[h].back)
    chosen[d->edges[d->hyps[h].edge].from] = d->hyps[h].edge;
  juru__buf *b = &d->text_buf;
  juru__buf_clear(b);
  juru_status st = JURU_OK;
  size_t prev = 0;
  for (size_t k = 0; k < n && st == JURU_OK;) {
    const edge *e = &d->edges[chosen[k]];
    size_t start = out_off[order[k]];
    st = put_glue(m, b, out->data + prev, start - prev, e);
    size_t off = b->len;
    if (st == JURU_OK && !e->cand)
      st = juru__buf_append(b, out->data + start, out_len[order[k]]);
    else if (st == JURU_OK)
      st = juru__buf_append(b, d->phrases.data + e->text, e->text_len);
    size_t last = order[e->to - 1];
    prev = out_off[last] + out_len[last];
    out_off[order[k]] = off;
    out_len[order[k]] = b->len - off;
    for (size_t j = k + 1; j < e->to; j++) {
      out_off[order[j]] = b->len;
      out_len[order[j]] = 0;
    }
    k = e->to;
  }
  if (st == JURU_OK) st = juru__buf_append(b, out->data + prev, out->len - prev);
  if (st == JURU_OK && out->len && b->len && out->data[0] >= 'A' && out->data[0] <= 'Z' &&
      b->data[0] >= 'a' && b->data[0] <= 'z')
    b->data[0] = (char)(b->data[0] - 32);
  juru__free(chosen);
  if (st != JURU_OK) return st;
  juru__buf_clear(out);
  return juru__buf_append(out, b->data, b->len);
}

juru_status juru__decode(juru__decoder **dp, const juru_model *m,
                         const juru__english *en,
                         const juru_abbrevs *ab, const char *src,
                         const juru__unit *u, size_t n, const size_t *order,
                         juru__buf *out, size_t *out_off, size_t *out_len) {
  if (!n) return JURU_OK;
  if (!*dp && !(*dp = juru__calloc(1, sizeof **dp))) return JURU_ENOMEM;
  juru__decoder *d = *dp;
  size_t best;
  juru_status st = build_lattice(d, m, en, ab, src, u, n, order, out, out_off, out_len);
  if (st == JURU_OK) st = search(d, m, n, &best);
  if (st == JURU_OK && best != SIZE_MAX)
    st = rebuild(d, m, best, order, n, out, out_off, out_len);
  return st;
}
