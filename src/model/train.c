/* juru_trainer: sentence pairs in, a model file out.  See juru/model.h.
 *
 * Corpus words become ids as they arrive (Indonesian surface forms, their
 * lemmas, English words).  Alignment then runs over flat id arrays, with
 * each sentence pair's co-occurrences resolved once to indexes into the
 * translation tables, so EM iterations touch only arrays. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juru/text.h"
#include "../util/strmap.h"
#include "../util/util.h"
#include "model.h"

#define NULL_WORD 0u   /* lemma id 0 and English id 0 stand for "no word" */
#define DIAGONAL 2.0   /* how strongly alignments prefer the diagonal, once
                          IBM model 1 has learnt the words (Indonesian noun
                          phrases run backwards, so not too strongly) */
#define P_NULL 0.08    /* prior of aligning to no word */
#define T_FLOOR 1e-7   /* a translation probability never seen */
#define MIN_PHRASE_COUNT 2u /* sightings a phrase pair needs, but one word
                              for one word */

/* ---- a u64 -> u32 hash map ---------------------------------------------- */

typedef struct u64map {
  uint64_t *keys;
  uint32_t *vals; /* value + 1; 0 is an empty slot */
  size_t nslots, count;
} u64map;

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

static size_t u64map_slot(const u64map *m, uint64_t key) {
  size_t mask = m->nslots - 1, i = (size_t)mix64(key) & mask;
  while (m->vals[i] && m->keys[i] != key) i = (i + 1) & mask;
  return i;
}

static juru_status u64map_grow(u64map *m) {
  size_t n = m->nslots ? m->nslots * 2 : 1024;
  u64map bigger = {juru__malloc(n * sizeof(uint64_t)),
                   juru__calloc(n, sizeof(uint32_t)), n, m->count};
  if (!bigger.keys || !bigger.vals) {
    juru__free(bigger.keys);
    juru__free(bigger.vals);
    return JURU_ENOMEM;
  }
  for (size_t i = 0; i < m->nslots; i++) {
    if (!m->vals[i]) continue;
    size_t j = u64map_slot(&bigger, m->keys[i]);
    bigger.keys[j] = m->keys[i];
    bigger.vals[j] = m->vals[i];
  }
  juru__free(m->keys);
  juru__free(m->vals);
  *m = bigger;
  return JURU_OK;
}

/* The value of `key`, inserting `fresh` when absent. */
static juru_status u64map_intern(u64map *m, uint64_t key, uint32_t fresh,
                                 uint32_t *value) {
  if ((m->count + 1) * 2 > m->nslots && u64map_grow(m)) return JURU_ENOMEM;
  size_t i = u64map_slot(m, key);
  if (!m->vals[i]) {
    m->keys[i] = key;
    m->vals[i] = fresh + 1;
    m->count++;
  }
  *value = m->vals[i] - 1;
  return JURU_OK;
}

static int u64map_get(const u64map *m, uint64_t key, uint32_t *value) {
  if (!m->nslots) return 0;
  size_t i = u64map_slot(m, key);
  if (!m->vals[i]) return 0;
  *value = m->vals[i] - 1;
  return 1;
}

static void u64map_free(u64map *m) {
  juru__free(m->keys);
  juru__free(m->vals);
  memset(m, 0, sizeof *m);
}

/* ---- vocabularies ------------------------------------------------------- */

/* Strings <-> dense ids, with the id -> string direction kept too. */
typedef struct vocab {
  juru__strmap map;
  juru__buf pool;
  uint32_t *off; /* start of each word in pool, count + 1 of them */
  size_t n, cap;
} vocab;

static juru_status vocab_id(vocab *v, const char *s, size_t n, uint32_t *id) {
  if (juru__strmap_put(&v->map, s, n, (uint32_t)v->n, NULL) ||
      !juru__strmap_get(&v->map, s, n, id))
    return JURU_ENOMEM;
  if (*id < v->n) return JURU_OK;
  if (juru__grow((void **)&v->off, &v->cap, v->n + 2, sizeof *v->off) ||
      juru__buf_append(&v->pool, s, n))
    return JURU_ENOMEM;
  v->off[v->n] = (uint32_t)(v->pool.len - n);
  v->off[v->n + 1] = (uint32_t)v->pool.len;
  v->n++;
  return JURU_OK;
}

static const char *vocab_word(const vocab *v, uint32_t id, size_t *n) {
  *n = v->off[id + 1] - v->off[id];
  return v->pool.data + v->off[id];
}

static void vocab_free(vocab *v) {
  juru__strmap_free(&v->map);
  juru__buf_free(&v->pool);
  juru__free(v->off);
  memset(v, 0, sizeof *v);
}

/* ---- the trainer -------------------------------------------------------- */

typedef struct ids {
  uint32_t *v;
  size_t n, cap;
} ids;

static juru_status ids_push(ids *a, uint32_t x) {
  if (juru__grow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v)) return JURU_ENOMEM;
  a->v[a->n++] = x;
  return JURU_OK;
}

typedef struct sent {
  uint32_t id_off, id_len, en_off, en_len;
} sent;

struct juru_trainer {
  juru_morph *morph;
  const juru_abbrevs *abbrevs;
  juru_train_options o;
  vocab surface, lemma, en;
  ids lemma_of;       /* surface id -> lemma id */
  ids id_tok, en_tok; /* the corpus */
  sent *sents;        /* pairs, and English-only ones with id_len 0 */
  size_t n_sents, sent_cap, n_pairs;
  juru__buf low;      /* a lower-cased token */
};

void juru_train_options_default(juru_train_options *o) {
  memset(o, 0, sizeof *o);
  o->lm_order = 4;
  o->max_phrase = 4;
  o->iterations = 5;
  o->max_candidates = 8;
  o->max_sentence = 80;
}

static void default_weights(float *w) {
  /* tuned for the default model (tests/eval/tune_weights.py on Guntara's
     general test set and PANL economy/science, which nothing reports on);
     the last, for "a"/"an" before a bare noun, by reading the general test
     set: 0.5 gives it 567 indefinite articles (its reference has 972),
     1.0 gives 822 but already "a sand", "a global poverty" */
  static const float d[JURU_N_WEIGHTS] = {1.0f, 0.1f, 1.0f, 0.1f, 0.3f,
                                          1.2f, 0.6f, 0.5f, -3.0f, 0.5f};
  memcpy(w, d, sizeof d);
}

static int weights_unset(const float *w) {
  for (int i = 0; i < JURU_N_WEIGHTS; i++)
    if (w[i] != 0.0f) return 0;
  return 1;
}

juru_status juru_trainer_new(juru_morph *morph, const juru_abbrevs *abbrevs,
                             const juru_train_options *opts,
                             juru_trainer **out) {
  *out = NULL;
  juru_trainer *t = juru__calloc(1, sizeof *t);
  if (!t) return JURU_ENOMEM;
  t->morph = morph;
  t->abbrevs = abbrevs;
  juru_train_options_default(&t->o);
  if (opts) {
    if (opts->lm_order) t->o.lm_order = opts->lm_order;
    if (opts->max_phrase) t->o.max_phrase = opts->max_phrase;
    if (opts->iterations) t->o.iterations = opts->iterations;
    if (opts->max_candidates) t->o.max_candidates = opts->max_candidates;
    if (opts->max_sentence) t->o.max_sentence = opts->max_sentence;
    memcpy(t->o.weights, opts->weights, sizeof t->o.weights);
  }
  if (weights_unset(t->o.weights)) default_weights(t->o.weights);
  if (t->o.lm_order < 2 || t->o.lm_order > JURU__LM_MAX_ORDER ||
      t->o.max_phrase > 7) {
    juru__free(t);
    return JURU_EINVAL;
  }
  /* reserved ids: no-word for both sides, <s> and </s> for English */
  static const char *const reserved[] = {"<unk>", "<s>", "</s>"};
  uint32_t id;
  juru_status st = vocab_id(&t->lemma, "<null>", 6, &id);
  for (int i = 0; i < 3 && st == JURU_OK; i++)
    st = vocab_id(&t->en, reserved[i], strlen(reserved[i]), &id);
  if (st != JURU_OK) {
    juru_trainer_free(t);
    return st;
  }
  *out = t;
  return JURU_OK;
}

void juru_trainer_free(juru_trainer *t) {
  if (!t) return;
  vocab_free(&t->surface);
  vocab_free(&t->lemma);
  vocab_free(&t->en);
  juru__free(t->lemma_of.v);
  juru__free(t->id_tok.v);
  juru__free(t->en_tok.v);
  juru__free(t->sents);
  juru__buf_free(&t->low);
  juru__free(t);
}

static juru_status lowered(juru_trainer *t, const char *s, size_t n) {
  juru__buf_clear(&t->low);
  if (juru__buf_reserve(&t->low, n + 1)) return JURU_ENOMEM;
  juru__lower(s, n, t->low.data);
  t->low.len = n;
  t->low.data[n] = '\0';
  return JURU_OK;
}

/* A new surface word also gets its lemma, once. */
static juru_status surface_id(juru_trainer *t, const char *s, size_t n,
                              uint32_t *id) {
  juru_status st = vocab_id(&t->surface, s, n, id);
  if (st != JURU_OK || *id < t->lemma_of.n) return st;
  juru_analysis a;
  const char *lemma = s;
  size_t len = n;
  if (t->morph && juru_morph_analyze(t->morph, s, n, &a) == JURU_OK && a.lemma[0]) {
    lemma = a.lemma;
    len = strlen(a.lemma);
  }
  uint32_t lid;
  st = vocab_id(&t->lemma, lemma, len, &lid);
  return st == JURU_OK ? ids_push(&t->lemma_of, lid) : st;
}

static juru_status add_indonesian(juru_trainer *t, const char *s, size_t n,
                                  uint32_t *count) {
  size_t pos = 0, before = t->id_tok.n;
  juru_token tok;
  while (juru_token_next(t->abbrevs, s, n, &pos, &tok)) {
    uint32_t id;
    juru_status st = lowered(t, s + tok.start, tok.end - tok.start);
    if (st == JURU_OK) st = surface_id(t, t->low.data, t->low.len, &id);
    if (st == JURU_OK) st = ids_push(&t->id_tok, id);
    if (st != JURU_OK) return st;
  }
  *count = (uint32_t)(t->id_tok.n - before);
  return JURU_OK;
}

static juru_status add_english(juru_trainer *t, const char *s, size_t n,
                               uint32_t *count) {
  size_t pos = 0, before = t->en_tok.n;
  juru__span tok;
  while (juru__en_token_next(s, n, &pos, &tok)) {
    uint32_t id;
    juru_status st = lowered(t, s + tok.start, tok.end - tok.start);
    if (st == JURU_OK) st = vocab_id(&t->en, t->low.data, t->low.len, &id);
    if (st == JURU_OK) st = ids_push(&t->en_tok, id);
    if (st != JURU_OK) return st;
  }
  *count = (uint32_t)(t->en_tok.n - before);
  return JURU_OK;
}

static juru_status add_sent(juru_trainer *t, const char *id, size_t id_len,
                            const char *en, size_t en_len) {
  if (juru__grow((void **)&t->sents, &t->sent_cap, t->n_sents + 1, sizeof *t->sents))
    return JURU_ENOMEM;
  sent *x = &t->sents[t->n_sents];
  x->id_off = (uint32_t)t->id_tok.n;
  x->en_off = (uint32_t)t->en_tok.n;
  x->id_len = 0;
  juru_status st = id ? add_indonesian(t, id, id_len, &x->id_len) : JURU_OK;
  if (st == JURU_OK) st = add_english(t, en, en_len, &x->en_len);
  if (st != JURU_OK) return st;
  if (x->en_len == 0) return JURU_OK; /* nothing to learn from */
  t->n_sents++;
  t->n_pairs += x->id_len > 0;
  return JURU_OK;
}

juru_status juru_trainer_add_pair(juru_trainer *t, const char *id, size_t id_len,
                                  const char *en, size_t en_len) {
  if (t->id_tok.n + id_len >= UINT32_MAX / 2 || t->en_tok.n + en_len >= UINT32_MAX / 2)
    return JURU_ETOOBIG;
  return add_sent(t, id, id_len, en, en_len);
}

juru_status juru_trainer_add_english(juru_trainer *t, const char *en,
                                     size_t len) {
  if (t->en_tok.n + len >= UINT32_MAX / 2) return JURU_ETOOBIG;
  return add_sent(t, NULL, 0, en, len);
}

/* ---- alignment ---------------------------------------------------------- */

/* Translation tables over (lemma, English word) pairs: t_ef = p(e | f),
 * t_fe = p(f | e); lemma 0 and English 0 are the empty word. */
typedef struct tables {
  u64map index;
  uint32_t *f, *e; /* each pair's words */
  double *t_ef, *t_fe, *c;
  size_t n, cap;
  uint32_t *cooc;  /* per aligned pair: m*n indexes, then n (null, e_j),
                      then m (f_i, null) */
  size_t *cooc_off;
} tables;

static juru_status table_index(tables *tb, uint32_t f, uint32_t e, uint32_t *k) {
  juru_status st = u64map_intern(&tb->index, (uint64_t)f << 32 | e, (uint32_t)tb->n, k);
  if (st != JURU_OK || *k < tb->n) return st;
  if (juru__grow((void **)&tb->f, &tb->cap, tb->n + 1, sizeof *tb->f)) return JURU_ENOMEM;
  size_t cap = tb->cap;
  uint32_t *e2 = juru__realloc(tb->e, cap * sizeof *e2);
  if (!e2) return JURU_ENOMEM;
  tb->e = e2;
  tb->f[tb->n] = f;
  tb->e[tb->n] = e;
  tb->n++;
  return JURU_OK;
}

static void tables_free(tables *tb) {
  u64map_free(&tb->index);
  juru__free(tb->f);
  juru__free(tb->e);
  juru__free(tb->t_ef);
  juru__free(tb->t_fe);
  juru__free(tb->c);
  juru__free(tb->cooc);
  juru__free(tb->cooc_off);
}

static int alignable(const juru_trainer *t, const sent *s) {
  return s->id_len && s->en_len && s->id_len <= t->o.max_sentence &&
         s->en_len <= t->o.max_sentence;
}

static juru_status build_cooc(const juru_trainer *t, tables *tb) {
  size_t total = 0;
  for (size_t p = 0; p < t->n_sents; p++) {
    const sent *s = &t->sents[p];
    if (alignable(t, s)) total += (size_t)s->id_len * s->en_len + s->id_len + s->en_len;
  }
  tb->cooc = juru__malloc((total ? total : 1) * sizeof *tb->cooc);
  tb->cooc_off = juru__malloc((t->n_sents + 1) * sizeof *tb->cooc_off);
  if (!tb->cooc || !tb->cooc_off) return JURU_ENOMEM;
  size_t at = 0;
  for (size_t p = 0; p < t->n_sents; p++) {
    const sent *s = &t->sents[p];
    tb->cooc_off[p] = at;
    if (!alignable(t, s)) continue;
    const uint32_t *fw = t->id_tok.v + s->id_off, *ew = t->en_tok.v + s->en_off;
    for (uint32_t i = 0; i < s->id_len; i++)
      for (uint32_t j = 0; j < s->en_len; j++)
        if (table_index(tb, t->lemma_of.v[fw[i]], ew[j], &tb->cooc[at++]))
          return JURU_ENOMEM;
    for (uint32_t j = 0; j < s->en_len; j++)
      if (table_index(tb, NULL_WORD, ew[j], &tb->cooc[at++])) return JURU_ENOMEM;
    for (uint32_t i = 0; i < s->id_len; i++)
      if (table_index(tb, t->lemma_of.v[fw[i]], NULL_WORD, &tb->cooc[at++]))
        return JURU_ENOMEM;
  }
  tb->cooc_off[t->n_sents] = at;
  tb->t_ef = juru__malloc((tb->n ? tb->n : 1) * sizeof(double));
  tb->t_fe = juru__malloc((tb->n ? tb->n : 1) * sizeof(double));
  tb->c = juru__malloc((tb->n ? tb->n : 1) * sizeof(double));
  if (!tb->t_ef || !tb->t_fe || !tb->c) return JURU_ENOMEM;
  for (size_t k = 0; k < tb->n; k++) tb->t_ef[k] = tb->t_fe[k] = 1.0;
  return JURU_OK;
}

static double diagonal(double tension, size_t i, size_t m, size_t j, size_t n) {
  return exp(-tension * fabs(((double)i + 0.5) / (double)m - ((double)j + 0.5) / (double)n));
}

/* Index of (f_i, e_j) in the pair's co-occurrences, in either direction:
 * `src` positions are generating `tgt` ones. */
typedef struct view {
  const uint32_t *cooc;
  size_t m, n;  /* Indonesian, English lengths */
  int ef;       /* English generated from Indonesian */
  double tension; /* of the diagonal prior; 0 is IBM model 1 */
} view;

static uint32_t at(const view *v, size_t s, size_t g) {
  return v->ef ? v->cooc[s * v->n + g] : v->cooc[g * v->n + s];
}
static uint32_t null_at(const view *v, size_t g) {
  return v->ef ? v->cooc[v->m * v->n + g] : v->cooc[v->m * v->n + v->n + g];
}

/* One E step over a pair: each generated word's posterior over the source
 * words and the empty word. */
static void expect(const view *v, const double *t, double *c) {
  size_t ns = v->ef ? v->m : v->n, ng = v->ef ? v->n : v->m;
  for (size_t g = 0; g < ng; g++) {
    double z = 0, sum = 0;
    for (size_t s = 0; s < ns; s++) z += diagonal(v->tension, s, ns, g, ng);
    double pn = P_NULL * t[null_at(v, g)];
    sum = pn;
    for (size_t s = 0; s < ns; s++)
      sum += (1 - P_NULL) * t[at(v, s, g)] * diagonal(v->tension, s, ns, g, ng) / z;
    if (sum <= 0) continue;
    c[null_at(v, g)] += pn / sum;
    for (size_t s = 0; s < ns; s++)
      c[at(v, s, g)] += (1 - P_NULL) * t[at(v, s, g)] * diagonal(v->tension, s, ns, g, ng) / z / sum;
  }
}

static view pair_view(const juru_trainer *t, const tables *tb, size_t p, int ef) {
  view v = {tb->cooc + tb->cooc_off[p], t->sents[p].id_len, t->sents[p].en_len, ef,
            DIAGONAL};
  return v;
}

static juru_status em(const juru_trainer *t, tables *tb, int ef) {
  double *tt = ef ? tb->t_ef : tb->t_fe;
  const uint32_t *cond = ef ? tb->f : tb->e; /* what the table conditions on */
  size_t ncond = ef ? t->lemma.n : t->en.n;
  double *tot = juru__malloc(ncond * sizeof *tot);
  if (!tot) return JURU_ENOMEM;
  for (unsigned it = 0; it < t->o.iterations; it++) {
    memset(tb->c, 0, tb->n * sizeof *tb->c);
    memset(tot, 0, ncond * sizeof *tot);
    for (size_t p = 0; p < t->n_sents; p++) {
      if (!alignable(t, &t->sents[p])) continue;
      view v = pair_view(t, tb, p, ef);
      if (it < (t->o.iterations + 1) / 2) v.tension = 0; /* IBM 1 first */
      expect(&v, tt, tb->c);
    }
    for (size_t k = 0; k < tb->n; k++) tot[cond[k]] += tb->c[k];
    for (size_t k = 0; k < tb->n; k++)
      tt[k] = tot[cond[k]] > 0 ? tb->c[k] / tot[cond[k]] : T_FLOOR;
  }
  juru__free(tot);
  return JURU_OK;
}

/* For each generated word, its best source word or -1 for none. */
static void viterbi(const view *v, const double *t, int *best) {
  size_t ns = v->ef ? v->m : v->n, ng = v->ef ? v->n : v->m;
  for (size_t g = 0; g < ng; g++) {
    double top = P_NULL * t[null_at(v, g)];
    best[g] = -1;
    for (size_t s = 0; s < ns; s++) {
      double w = (1 - P_NULL) * t[at(v, s, g)] * diagonal(v->tension, s, ns, g, ng);
      if (w > top) {
        top = w;
        best[g] = (int)s;
      }
    }
  }
}

/* grow-diag-final-and over the two directional alignments.  a is m*n. */
static void symmetrise(const int *ef, const int *fe, size_t m, size_t n,
                       unsigned char *a, unsigned char *uni, int *frow, int *ecol) {
  memset(a, 0, m * n);
  memset(uni, 0, m * n);
  memset(frow, 0, m * sizeof *frow);
  memset(ecol, 0, n * sizeof *ecol);
  for (size_t j = 0; j < n; j++)
    if (ef[j] >= 0) uni[(size_t)ef[j] * n + j] |= 1;
  for (size_t i = 0; i < m; i++)
    if (fe[i] >= 0) uni[i * n + (size_t)fe[i]] |= 2;
  for (size_t k = 0; k < m * n; k++)
    if (uni[k] == 3) {
      a[k] = 1;
      frow[k / n]++;
      ecol[k % n]++;
    }
  for (int grown = 1; grown;) {
    grown = 0;
    for (size_t i = 0; i < m; i++)
      for (size_t j = 0; j < n; j++) {
        if (!a[i * n + j]) continue;
        for (int di = -1; di <= 1; di++)
          for (int dj = -1; dj <= 1; dj++) {
            long ii = (long)i + di, jj = (long)j + dj;
            if ((!di && !dj) || ii < 0 || jj < 0 || ii >= (long)m || jj >= (long)n) continue;
            size_t k = (size_t)ii * n + (size_t)jj;
            if (a[k] || !uni[k] || (frow[ii] && ecol[jj])) continue;
            a[k] = 1;
            frow[ii]++;
            ecol[jj]++;
            grown = 1;
          }
      }
  }
  for (size_t k = 0; k < m * n; k++)
    if (uni[k] && !a[k] && !frow[k / n] && !ecol[k % n]) {
      a[k] = 1;
      frow[k / n]++;
      ecol[k % n]++;
    }
}

/* ---- phrase extraction -------------------------------------------------- */

typedef struct phrases {
  juru__strmap src, tgt;  /* phrase -> id */
  ids src_count, tgt_count;
  u64map pairs;           /* src << 32 | tgt -> pair */
  uint32_t *p_src, *p_tgt, *p_count;
  size_t n, cap;
  juru__buf key;
} phrases;

static void phrases_free(phrases *ph) {
  juru__strmap_free(&ph->src);
  juru__strmap_free(&ph->tgt);
  juru__free(ph->src_count.v);
  juru__free(ph->tgt_count.v);
  u64map_free(&ph->pairs);
  juru__free(ph->p_src);
  juru__free(ph->p_tgt);
  juru__free(ph->p_count);
  juru__buf_free(&ph->key);
}

static juru_status intern_count(juru__strmap *map, ids *count, const char *k,
                                size_t n, uint32_t *id) {
  uint32_t fresh = (uint32_t)count->n;
  if (juru__strmap_put(map, k, n, fresh, NULL) || !juru__strmap_get(map, k, n, id))
    return JURU_ENOMEM;
  if (*id == count->n && ids_push(count, 0)) return JURU_ENOMEM;
  count->v[*id]++;
  return JURU_OK;
}

static juru_status count_pair(phrases *ph, const juru_trainer *t,
                              const uint32_t *fw, size_t m, const uint32_t *ew,
                              size_t n) {
  juru__buf_clear(&ph->key);
  for (size_t i = 0; i < m; i++) {
    size_t len;
    const char *w = vocab_word(&t->surface, fw[i], &len);
    if ((i && juru__buf_append(&ph->key, " ", 1)) || juru__buf_append(&ph->key, w, len))
      return JURU_ENOMEM;
  }
  uint32_t s, g, p;
  if (intern_count(&ph->src, &ph->src_count, ph->key.data, ph->key.len, &s) ||
      intern_count(&ph->tgt, &ph->tgt_count, (const char *)ew, n * sizeof *ew, &g) ||
      u64map_intern(&ph->pairs, (uint64_t)s << 32 | g, (uint32_t)ph->n, &p))
    return JURU_ENOMEM;
  if (p == ph->n) {
    size_t cap = ph->cap;
    if (juru__grow((void **)&ph->p_src, &cap, ph->n + 1, sizeof(uint32_t)))
      return JURU_ENOMEM;
    uint32_t *a = juru__realloc(ph->p_tgt, cap * sizeof *a);
    if (a) ph->p_tgt = a;
    uint32_t *b = a ? juru__realloc(ph->p_count, cap * sizeof *b) : NULL;
    if (b) ph->p_count = b;
    if (!a || !b) return JURU_ENOMEM;
    ph->cap = cap;
    ph->p_src[p] = s;
    ph->p_tgt[p] = g;
    ph->p_count[p] = 0;
    ph->n++;
  }
  ph->p_count[p]++;
  return JURU_OK;
}

static int words_ok(const vocab *v, const uint32_t *w, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t len;
    const char *s = vocab_word(v, w[i], &len);
    if (!juru__phrase_word(s, len)) return 0;
  }
  return 1;
}

/* Every phrase pair of one aligned sentence pair consistent with a. */
static juru_status extract(phrases *ph, const juru_trainer *t, const sent *s,
                           const unsigned char *a, const int *ecol) {
  size_t m = s->id_len, n = s->en_len, L = t->o.max_phrase;
  const uint32_t *fw = t->id_tok.v + s->id_off, *ew = t->en_tok.v + s->en_off;
  for (size_t i1 = 0; i1 < m; i1++) {
    for (size_t i2 = i1; i2 < m && i2 - i1 < L; i2++) {
      if (!words_ok(&t->surface, fw + i2, 1)) break;
      size_t jmin = n, jmax = 0;
      for (size_t i = i1; i <= i2; i++)
        for (size_t j = 0; j < n; j++)
          if (a[i * n + j]) {
            if (j < jmin) jmin = j;
            if (j > jmax) jmax = j;
          }
      if (jmin == n || jmax - jmin >= L) continue;
      int consistent = 1;
      for (size_t j = jmin; j <= jmax && consistent; j++)
        for (size_t i = 0; i < m; i++)
          if (a[i * n + j] && (i < i1 || i > i2)) {
            consistent = 0;
            break;
          }
      if (!consistent) continue;
      /* widen over unaligned English words at either edge, but not for a
         single word: "kantor" -> "office of the" would then replace the
         rules' "office" (the articles and prepositions around a word are
         the rules' business) */
      for (size_t j1 = jmin + 1; j1-- > 0;) {
        if (j1 < jmin && (ecol[j1] || i1 == i2)) break;
        for (size_t j2 = jmax; j2 < n && j2 - j1 < L; j2++) {
          if (j2 > jmax && (ecol[j2] || i1 == i2)) break;
          if (!words_ok(&t->en, ew + j1, j2 - j1 + 1)) continue;
          juru_status st = count_pair(ph, t, fw + i1, i2 - i1 + 1, ew + j1, j2 - j1 + 1);
          if (st != JURU_OK) return st;
        }
      }
    }
  }
  return JURU_OK;
}

static juru_status align_and_extract(juru_trainer *t, tables *tb, phrases *ph,
                                     size_t *aligned) {
  size_t L = t->o.max_sentence;
  int *ef = juru__malloc(L * sizeof *ef), *fe = juru__malloc(L * sizeof *fe);
  int *frow = juru__malloc(L * sizeof *frow), *ecol = juru__malloc(L * sizeof *ecol);
  unsigned char *a = juru__malloc(L * L), *uni = juru__malloc(L * L);
  juru_status st = ef && fe && frow && ecol && a && uni ? JURU_OK : JURU_ENOMEM;
  for (size_t p = 0; p < t->n_sents && st == JURU_OK; p++) {
    const sent *s = &t->sents[p];
    if (!alignable(t, s)) continue;
    view v = pair_view(t, tb, p, 1);
    viterbi(&v, tb->t_ef, ef);
    v.ef = 0;
    viterbi(&v, tb->t_fe, fe);
    symmetrise(ef, fe, s->id_len, s->en_len, a, uni, frow, ecol);
    st = extract(ph, t, s, a, ecol);
    ++*aligned;
  }
  juru__free(ef);
  juru__free(fe);
  juru__free(frow);
  juru__free(ecol);
  juru__free(a);
  juru__free(uni);
  return st;
}

/* ---- scoring and pruning ------------------------------------------------ */

static double t_of(const tables *tb, const double *t, uint32_t f, uint32_t e) {
  uint32_t k;
  return u64map_get(&tb->index, (uint64_t)f << 32 | e, &k) ? t[k] : T_FLOOR;
}

/* log10 lexical weights of a phrase pair, both ways (IBM model 1 over the
 * phrase, with the empty word). */
static void lexical(const tables *tb, const uint32_t *fl,
                    size_t m, const uint32_t *e, size_t n, float *lex_ef,
                    float *lex_fe) {
  double ef = 0, fe = 0;
  for (size_t j = 0; j < n; j++) {
    double s = t_of(tb, tb->t_ef, NULL_WORD, e[j]);
    for (size_t i = 0; i < m; i++) s += t_of(tb, tb->t_ef, fl[i], e[j]);
    ef += log10(fmax(s / (double)(m + 1), T_FLOOR));
  }
  for (size_t i = 0; i < m; i++) {
    double s = t_of(tb, tb->t_fe, fl[i], NULL_WORD);
    for (size_t j = 0; j < n; j++) s += t_of(tb, tb->t_fe, fl[i], e[j]);
    fe += log10(fmax(s / (double)(n + 1), T_FLOOR));
  }
  *lex_ef = (float)fmin(ef, 0);
  *lex_fe = (float)fmin(fe, 0);
}

static const phrases *sort_ph;
static int by_source_then_count(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  if (sort_ph->p_src[a] != sort_ph->p_src[b])
    return sort_ph->p_src[a] < sort_ph->p_src[b] ? -1 : 1;
  if (sort_ph->p_count[a] != sort_ph->p_count[b])
    return sort_ph->p_count[a] > sort_ph->p_count[b] ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* The output tables, built from the counted phrases. */
typedef struct out_tables {
  juru__strmap src;
  juru__model_entry *entries;
  juru__model_cand *cands;
  ids tgt;
  size_t n_entries, n_cands;
} out_tables;

static void out_free(out_tables *o) {
  juru__strmap_free(&o->src);
  juru__free(o->entries);
  juru__free(o->cands);
  juru__free(o->tgt.v);
}

/* The lemma ids of a source phrase's words. */
static size_t phrase_lemmas(const juru_trainer *t, const char *k, size_t n,
                            uint32_t *out, size_t max) {
  size_t m = 0, i = 0;
  while (i < n && m < max) {
    size_t j = i;
    while (j < n && k[j] != ' ') j++;
    uint32_t id = 0;
    juru__strmap_get(&t->surface.map, k + i, j - i, &id);
    out[m++] = id < t->lemma_of.n ? t->lemma_of.v[id] : NULL_WORD;
    i = j + 1;
  }
  return m;
}

static juru_status keep_candidate(out_tables *o, const juru_trainer *t,
                                  const tables *tb, const phrases *ph,
                                  uint32_t p, const char *key, size_t klen,
                                  const uint32_t *tw, size_t tn) {
  juru__model_cand *c = &o->cands[o->n_cands++];
  c->tgt_off = (uint32_t)o->tgt.n;
  c->tgt_len = (uint32_t)tn;
  for (size_t i = 0; i < tn; i++)
    if (ids_push(&o->tgt, tw[i])) return JURU_ENOMEM;
  double cnt = ph->p_count[p];
  c->f[0] = (float)log10(cnt / ph->src_count.v[ph->p_src[p]]);
  c->f[1] = (float)fmin(log10(cnt / ph->tgt_count.v[ph->p_tgt[p]]), 0);
  uint32_t fl[8];
  size_t m = phrase_lemmas(t, key, klen, fl, 8);
  lexical(tb, fl, m, tw, tn, &c->f[2], &c->f[3]);
  return JURU_OK;
}

/* Slot -> key bytes of a strmap built while counting, by id. */
static juru_status keys_by_id(const juru__strmap *map, size_t n,
                              const juru__strmap_slot ***out) {
  const juru__strmap_slot **by = juru__calloc(n ? n : 1, sizeof *by);
  if (!by) return JURU_ENOMEM;
  for (size_t i = 0; i < map->nslots; i++)
    if (map->slots[i].len && map->slots[i].value < n) by[map->slots[i].value] = &map->slots[i];
  *out = by;
  return JURU_OK;
}

static juru_status prune(const juru_trainer *t, const tables *tb,
                         const phrases *ph, out_tables *o) {
  uint32_t *order = juru__malloc((ph->n ? ph->n : 1) * sizeof *order);
  const juru__strmap_slot **src_key = NULL, **tgt_key = NULL;
  juru_status st = order ? JURU_OK : JURU_ENOMEM;
  if (st == JURU_OK) st = keys_by_id(&ph->src, ph->src_count.n, &src_key);
  if (st == JURU_OK) st = keys_by_id(&ph->tgt, ph->tgt_count.n, &tgt_key);
  if (st == JURU_OK) {
    o->entries = juru__malloc((ph->src_count.n + 1) * sizeof *o->entries);
    o->cands = juru__malloc((ph->n + 1) * sizeof *o->cands);
    if (!o->entries || !o->cands) st = JURU_ENOMEM;
  }
  if (st != JURU_OK) goto done;
  for (size_t i = 0; i < ph->n; i++) order[i] = (uint32_t)i;
  sort_ph = ph;
  qsort(order, ph->n, sizeof *order, by_source_then_count);
  for (size_t i = 0; i < ph->n && st == JURU_OK;) {
    uint32_t s = ph->p_src[order[i]];
    const char *key = juru__strmap_key(&ph->src, src_key[s]);
    size_t klen = src_key[s]->len, first = o->n_cands;
    for (size_t k = 0; i < ph->n && ph->p_src[order[i]] == s; i++, k++) {
      if (k >= t->o.max_candidates || st != JURU_OK) continue;
      /* a phrase pair seen once is mostly alignment noise, unless it is
         one word for one word */
      if (ph->p_count[order[i]] < MIN_PHRASE_COUNT &&
          (memchr(key, ' ', klen) || tgt_key[ph->p_tgt[order[i]]]->len > sizeof(uint32_t)))
        continue;
      uint32_t p = order[i];
      const juru__strmap_slot *ts = tgt_key[ph->p_tgt[p]];
      const uint32_t *tw = (const uint32_t *)(const void *)juru__strmap_key(&ph->tgt, ts);
      uint32_t tmp[16];
      size_t tn = ts->len / sizeof(uint32_t);
      memcpy(tmp, tw, ts->len); /* the arena need not be 4-aligned */
      st = keep_candidate(o, t, tb, ph, p, key, klen, tmp, tn);
    }
    if (st != JURU_OK) break;
    if (o->n_cands == first) continue;
    o->entries[o->n_entries].first_cand = (uint32_t)first;
    o->entries[o->n_entries].n_cand = (uint32_t)(o->n_cands - first);
    st = juru__strmap_put(&o->src, key, klen, (uint32_t)o->n_entries, NULL);
    o->n_entries++;
  }
done:
  juru__free(order);
  juru__free(src_key);
  juru__free(tgt_key);
  return st;
}

/* ---- writing ------------------------------------------------------------ */

static juru_status build_lm(const juru_trainer *t, juru__buf *blob) {
  juru__lm_builder *b = NULL;
  juru_status st = juru__lm_builder_new(t->o.lm_order, (uint32_t)t->en.n, &b);
  for (size_t i = 0; i < t->n_sents && st == JURU_OK; i++)
    st = juru__lm_add_sentence(b, t->en_tok.v + t->sents[i].en_off, t->sents[i].en_len);
  if (st == JURU_OK) st = juru__lm_build(b, blob);
  juru__lm_builder_free(b);
  return st;
}

static void section(juru__section *s, const char *name, const void *data,
                    size_t size) {
  memset(s, 0, sizeof *s);
  snprintf(s->name, sizeof s->name, "%s", name);
  s->data = data;
  s->size = size;
}

static juru_status write_model(const juru_trainer *t, const out_tables *o,
                               const juru__buf *lm, const char *path,
                               juru_error *err) {
  juru__model_info info = {JURU__MODEL_VERSION, JURU_N_WEIGHTS, {0}};
  memcpy(info.weights, t->o.weights, sizeof info.weights);
  juru__section s[12];
  size_t n = 0;
  section(&s[n++], "model.info", &info, sizeof info);
  juru__strmap_sections(&t->en.map, "en", &s[n]);
  n += 2;
  section(&s[n++], "en.pool", t->en.pool.data, t->en.pool.len);
  section(&s[n++], "en.index", t->en.off, (t->en.n + 1) * sizeof *t->en.off);
  juru__strmap_sections(&o->src, "src", &s[n]);
  n += 2;
  section(&s[n++], "entries", o->entries, o->n_entries * sizeof *o->entries);
  section(&s[n++], "cands", o->cands, o->n_cands * sizeof *o->cands);
  section(&s[n++], "tgt", o->tgt.v, o->tgt.n * sizeof *o->tgt.v);
  section(&s[n++], "lm", lm->data, lm->len);
  return juru__datafile_write(path, s, n, err);
}

juru_status juru_trainer_write(juru_trainer *t, const char *path,
                               juru_train_stats *stats, juru_error *err) {
  tables tb;
  phrases ph;
  out_tables o;
  juru__buf lm = {0};
  memset(&tb, 0, sizeof tb);
  memset(&ph, 0, sizeof ph);
  memset(&o, 0, sizeof o);
  size_t aligned = 0;
  juru_status st = build_cooc(t, &tb);
  if (st == JURU_OK) st = em(t, &tb, 1);
  if (st == JURU_OK) st = em(t, &tb, 0);
  if (st == JURU_OK) st = align_and_extract(t, &tb, &ph, &aligned);
  if (st == JURU_OK) st = prune(t, &tb, &ph, &o);
  if (st == JURU_OK) st = build_lm(t, &lm);
  if (st == JURU_OK) st = write_model(t, &o, &lm, path, err);
  else juru__fail(err, st, path, 0, 0, JURU__NONE, "cannot train: %s", juru_strerror(st));
  if (stats) {
    stats->pairs = t->n_pairs;
    stats->aligned_pairs = aligned;
    stats->english_sentences = t->n_sents;
    stats->phrase_pairs = o.n_cands;
    stats->source_phrases = o.n_entries;
    stats->lm_bytes = lm.len;
  }
  tables_free(&tb);
  phrases_free(&ph);
  out_free(&o);
  juru__buf_free(&lm);
  return st;
}
