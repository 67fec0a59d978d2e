/* The n-gram language model: interpolated modified Kneser-Ney (Chen &
 * Goodman 1998), stored ARPA style so that a query is a few hash probes:
 * every n-gram carries its probability with the lower orders already
 * interpolated in, every context its backoff weight.
 *
 * Blob (little-endian; offsets from its start; every table 8-aligned):
 *   header   "JURU-LM\0", u32 version, order, vocab_size, 0, then for orders
 *            1..5 {u64 offset; u32 nslots, count, max_probe, 0} (all zero
 *            past `order`)
 *   order 1  dense over ids: f32 log10 prob, f32 log10 backoff; an id never
 *            seen has prob ABSENT (+1, which no log-probability can be)
 *   order k  open addressing, linear probing from the hash of all k ids:
 *            slot = u32 first id (EMPTY: free), u32 rest, f32 log10 prob,
 *            then f32 log10 backoff below the top order.  `rest` names the
 *            n-gram without its first word: its slot in order k-1 (its id
 *            when k == 2), which keeps slots at 16 or 12 bytes and still
 *            identifies the n-gram exactly.  An n-gram lies at most
 *            max_probe slots past its home slot, which bounds every probe. */
#include <math.h>
#include <string.h>

#include "lm.h"

#define MAGIC "JURU-LM"
#define VERSION 1u
#define HEADER 144u
#define DESC(k) (24u + 24u * ((k) - 1u))
#define EMPTY UINT32_MAX
#define ABSENT_BITS 0x3F800000u /* 1.0f */
#define BOS_PROB -99.0f         /* ARPA's value for <s>, never predicted */
#define FLOOR -100.0f           /* lowest log10 value a model may hold */
#define SEED 0x2545F4914F6CDD1Dull
#define MAXN JURU__LM_MAX_ORDER

_Static_assert(sizeof(float) == 4, "IEEE single floats");

/* ---- hashing, shared by builder and reader ----------------------------- */

/* Ids are folded in from the last one, so a query extends the hash of an
 * n-gram to the left one word at a time instead of rehashing. */
static uint64_t step(uint64_t h, uint32_t id) {
  h = (h ^ id) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 32);
}

static uint64_t hash_ids(const uint32_t *ids, unsigned k) {
  uint64_t h = SEED;
  while (k--) h = step(h, ids[k]);
  return h;
}

/* Maps the hash onto [0, n) for any n <= 2^32 without a division. */
static size_t reduce(uint64_t h, size_t n) {
  return (size_t)(((h >> 32) * (uint64_t)n) >> 32);
}

static float f32(uint32_t bits) {
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static uint32_t bits32(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

/* Little-endian integers of n bytes, on a host checked to be one. */
static uint64_t get(const unsigned char *p, size_t n) {
  uint64_t v = 0;
  memcpy(&v, p, n);
  return v;
}

static uint32_t get32(const unsigned char *p) { return (uint32_t)get(p, 4); }

static void put(unsigned char *p, uint64_t v, size_t n) { memcpy(p, &v, n); }

static int little_endian(void) {
  const uint16_t one = 1;
  unsigned char c;
  memcpy(&c, &one, 1);
  return c == 1;
}

/* ---- counting ----------------------------------------------------------- */

/* The k-grams of one order, in open addressing at most 3/4 full: a slot is
 * k ids (ids[0] == EMPTY: free) and the adjusted count, so that a lookup
 * costs one cache miss.  Estimation indexes its arrays by slot. */
typedef struct gtab {
  uint32_t *slot;
  size_t n, nslots; /* n-grams held; slots, a power of two */
} gtab;

struct juru__lm_builder {
  unsigned order;
  uint32_t vocab;
  uint32_t *uni;    /* adjusted count of each id as a unigram */
  gtab g[MAXN + 1]; /* g[k]: the k-grams, k >= 2 */
};

static uint32_t *at(const gtab *t, unsigned k, size_t i) {
  return t->slot + i * (k + 1);
}

/* The slot holding `ids`, or the free slot where they would go. */
static size_t probe(const gtab *t, unsigned k, const uint32_t *ids) {
  size_t mask = t->nslots - 1, i = reduce(hash_ids(ids, k), t->nslots);
  for (;; i = (i + 1) & mask) {
    const uint32_t *s = at(t, k, i);
    if (s[0] == EMPTY || !memcmp(s, ids, k * sizeof *ids)) return i;
  }
}

static juru_status rehash(gtab *t, unsigned k) {
  size_t n = t->nslots ? t->nslots * 2 : 1024, bytes = (k + 1) * 4;
  if (n > (size_t)1 << 31 || n > SIZE_MAX / bytes) return JURU_ETOOBIG;
  gtab old = *t;
  uint32_t *fresh = juru__malloc(n * bytes);
  if (!fresh) return JURU_ENOMEM;
  memset(fresh, 0xFF, n * bytes);
  t->slot = fresh;
  t->nslots = n;
  for (size_t i = 0; i < old.nslots; i++) {
    const uint32_t *s = at(&old, k, i);
    if (s[0] != EMPTY) memcpy(at(t, k, probe(t, k, s)), s, bytes);
  }
  juru__free(old.slot);
  return JURU_OK;
}

/* Add `inc` to the count of `ids`; *fresh tells whether they were new. */
static juru_status gtab_add(gtab *t, unsigned k, const uint32_t *ids,
                            uint32_t inc, int *fresh) {
  juru_status st;
  if ((t->n + 1) * 4 > t->nslots * 3 && (st = rehash(t, k)) != JURU_OK)
    return st;
  uint32_t *s = at(t, k, probe(t, k, ids));
  if ((*fresh = s[0] == EMPTY) != 0) {
    memcpy(s, ids, k * sizeof *ids);
    s[k] = 0;
    t->n++;
  }
  s[k] += inc;
  return JURU_OK;
}

juru_status juru__lm_builder_new(unsigned order, uint32_t vocab_size,
                                 juru__lm_builder **out) {
  if (!out) return JURU_EINVAL;
  *out = NULL;
  if (order < 2 || order > MAXN || vocab_size < 3 || vocab_size == EMPTY)
    return JURU_EINVAL;
  juru__lm_builder *b = juru__calloc(1, sizeof *b);
  if (b) b->uni = juru__calloc(vocab_size, sizeof *b->uni);
  if (!b || !b->uni) {
    juru__free(b);
    return JURU_ENOMEM;
  }
  b->order = order;
  b->vocab = vocab_size;
  *out = b;
  return JURU_OK;
}

void juru__lm_builder_free(juru__lm_builder *b) {
  if (!b) return;
  for (unsigned k = 2; k <= MAXN; k++) juru__free(b->g[k].slot);
  juru__free(b->uni);
  juru__free(b);
}

static uint32_t token(const uint32_t *ids, size_t n, size_t j) {
  return j == 0 ? JURU__LM_BOS : j > n ? JURU__LM_EOS : ids[j - 1];
}

/* Kneser-Ney's adjusted counts: the top order and n-grams starting with
 * <s> (which nothing can precede) count occurrences; every other order
 * counts distinct left extensions, i.e. gains one when the n-gram one word
 * longer ending at the same position is new. */
juru_status juru__lm_add_sentence(juru__lm_builder *b, const uint32_t *ids,
                                  size_t n) {
  if (!b || (n && !ids)) return JURU_EINVAL;
  for (size_t i = 0; i < n; i++)
    if (ids[i] >= b->vocab || ids[i] == JURU__LM_BOS || ids[i] == JURU__LM_EOS)
      return JURU_EINVAL;
  for (size_t i = 0; i <= n + 1; i++) {
    uint32_t gram[MAXN];
    unsigned top = i + 1 < b->order ? (unsigned)i + 1 : b->order;
    for (unsigned j = 0; j < top; j++) gram[j] = token(ids, n, i + 1 - top + j);
    int fresh = 1;
    for (unsigned k = top; k >= 2; k--) {
      juru_status st = gtab_add(&b->g[k], k, gram + top - k,
                                k == top ? 1u : (uint32_t)fresh, &fresh);
      if (st != JURU_OK) return st;
    }
    b->uni[gram[top - 1]] += top == 1 ? 1u : (uint32_t)fresh;
  }
  return JURU_OK;
}

/* ---- estimation --------------------------------------------------------- */

typedef struct ctxstat {
  double num, tot; /* sum of discounts and of counts over the extensions */
} ctxstat;

/* Chen & Goodman's D1, D2, D3+ from the count-of-counts n[1..4].  Tiny
 * corpora give values outside (0, i), which would leave an n-gram seen i
 * times with no mass or negative mass: those take the usual defaults. */
static void discounts(const uint64_t n[5], double d[4]) {
  static const double fallback[4] = {0, 0.5, 1.0, 1.5};
  double y = n[1] ? (double)n[1] / ((double)n[1] + 2.0 * (double)n[2]) : 0;
  d[0] = 0;
  for (int i = 1; i <= 3; i++) {
    double v = n[i] && y > 0
                   ? i - (i + 1) * y * (double)n[i + 1] / (double)n[i]
                   : -1;
    d[i] = v > 0 && v < i ? v : fallback[i];
  }
}

static double disc(const double d[4], uint32_t a) { return d[a < 3 ? a : 3]; }

/* Estimation arrays are indexed by slot, or by id for unigrams. */
static size_t order_size(const juru__lm_builder *b, unsigned k) {
  return k == 1 ? b->vocab : b->g[k].nslots;
}

/* Only asked for n-grams that exist, as prefixes and suffixes of seen
 * n-grams do. */
static size_t index_of(const juru__lm_builder *b, unsigned k,
                       const uint32_t *ids) {
  return k == 1 ? ids[0] : probe(&b->g[k], k, ids);
}

/* The n-gram in slot i of order k >= 2, or NULL for a free slot. */
static const uint32_t *gram_at(const juru__lm_builder *b, unsigned k,
                               size_t i) {
  const uint32_t *s = at(&b->g[k], k, i);
  return s[0] == EMPTY ? NULL : s;
}

static void order_discounts(const juru__lm_builder *b, unsigned k,
                            double d[4]) {
  uint64_t n[5] = {0};
  for (size_t i = 0; i < order_size(b, k); i++) {
    const uint32_t *g = k > 1 ? gram_at(b, k, i) : NULL;
    uint32_t a = g ? g[k] : k == 1 && i != JURU__LM_BOS ? b->uni[i] : 0;
    if (a && a <= 4) n[a]++;
  }
  discounts(n, d);
}

/* Per context of order k-1: its total count and the discounted mass of
 * its extensions, whose ratio is the interpolation weight gamma. */
static juru_status context_stats(const juru__lm_builder *b, unsigned k,
                                 const double d[4], ctxstat **out) {
  ctxstat *s = juru__calloc(order_size(b, k - 1), sizeof *s);
  if (!s) return JURU_ENOMEM;
  for (size_t i = 0; i < order_size(b, k); i++) {
    const uint32_t *g = gram_at(b, k, i);
    if (!g) continue;
    ctxstat *c = &s[index_of(b, k - 1, g)];
    c->tot += g[k];
    c->num += disc(d, g[k]);
  }
  *out = s;
  return JURU_OK;
}

/* The uniform share goes to every word with a unigram, <unk> included,
 * <s> excluded.  Probabilities are kept as floats, as the blob stores
 * them, which halves the largest arrays of the build. */
static juru_status unigram_probs(const juru__lm_builder *b, const double d[4],
                                 float **out, uint32_t *present) {
  float *p = juru__calloc(b->vocab, sizeof *p);
  if (!p) return JURU_ENOMEM;
  double tot = 0, num = 0, v = 0;
  for (uint32_t w = 0; w < b->vocab; w++) {
    if (w == JURU__LM_BOS) continue;
    tot += b->uni[w];
    num += b->uni[w] ? disc(d, b->uni[w]) : 0;
    v += b->uni[w] || w == JURU__LM_UNK;
  }
  double u = (tot > 0 ? num / tot : 1) / v;
  *present = 0;
  for (uint32_t w = 0; w < b->vocab; w++) {
    uint32_t a = b->uni[w];
    if (a || w == JURU__LM_UNK) {
      ++*present;
      double pa = a ? (a - disc(d, a)) / tot : 0;
      p[w] = w == JURU__LM_BOS ? 0 : (float)(pa + u);
    }
  }
  *out = p;
  return JURU_OK;
}

static juru_status probs(const juru__lm_builder *b, unsigned k,
                         const double d[4], const ctxstat *s,
                         const float *lower, float **out) {
  float *p = juru__malloc(order_size(b, k) * sizeof *p);
  if (!p) return JURU_ENOMEM;
  for (size_t i = 0; i < order_size(b, k); i++) {
    const uint32_t *g = gram_at(b, k, i);
    if (!g) continue;
    const ctxstat *c = &s[index_of(b, k - 1, g)];
    double lo = lower[index_of(b, k - 1, g + 1)];
    p[i] = (float)((g[k] - disc(d, g[k]) + c->num * lo) / c->tot);
  }
  *out = p;
  return JURU_OK;
}

static float log_clamped(double x) {
  double l = x > 0 ? log10(x) : FLOOR;
  return l > 0 ? 0.0f : l < FLOOR ? FLOOR : (float)l;
}

static float backoff(const ctxstat *s, size_t i) {
  return s && s[i].tot > 0 ? log_clamped(s[i].num / s[i].tot) : 0.0f;
}

static void write_unigrams(const juru__lm_builder *b, unsigned char *tab,
                           const float *p, const ctxstat *s) {
  for (uint32_t w = 0; w < b->vocab; w++) {
    uint32_t prob = ABSENT_BITS;
    if (b->uni[w] || w == JURU__LM_UNK)
      prob = bits32(w == JURU__LM_BOS ? BOS_PROB : log_clamped(p[w]));
    put(tab + 8 * (size_t)w, prob, 4);
    put(tab + 8 * (size_t)w + 4, bits32(backoff(s, w)), 4);
  }
}

/* Returns the longest distance of an n-gram from its home slot; `below`
 * maps order k-1's builder slots to blob slots (NULL for k == 2), `where`
 * gets order k's. */
static uint32_t write_table(const juru__lm_builder *b, unsigned k,
                            unsigned char *tab, size_t nslots, const float *p,
                            const ctxstat *s, const uint32_t *below,
                            uint32_t *where) {
  size_t bytes = k < b->order ? 16 : 12;
  uint32_t longest = 0, rec[4];
  memset(tab, 0xFF, nslots * bytes);
  for (size_t r = 0; r < order_size(b, k); r++) {
    const uint32_t *g = gram_at(b, k, r);
    if (!g) continue;
    rec[0] = g[0];
    rec[1] = k == 2 ? g[1] : below[index_of(b, k - 1, g + 1)];
    rec[2] = bits32(log_clamped(p[r]));
    rec[3] = bits32(backoff(s, r));
    size_t i = reduce(hash_ids(g, k), nslots);
    uint32_t dist = 0, first;
    for (;; dist++, i = i + 1 == nslots ? 0 : i + 1) {
      memcpy(&first, tab + i * bytes, sizeof first);
      if (first == EMPTY) break;
    }
    memcpy(tab + i * bytes, rec, bytes);
    if (where) where[r] = (uint32_t)i;
    if (dist > longest) longest = dist;
  }
  return longest;
}

static size_t slot_bytes(const juru__lm_builder *b, unsigned k) {
  return k == 1 ? 8 : k < b->order ? 16 : 12;
}

/* Probabilities go up the orders: order k needs order k-1's, and order
 * k-1's backoffs need the contexts counted at order k, so round k writes
 * order k-1 (and round order+1 the top order). */
static juru_status estimate(const juru__lm_builder *b, unsigned char *blob,
                            const size_t off[], const size_t slots[],
                            uint32_t maxp[], uint32_t *present) {
  double d[MAXN + 1][4];
  float *lo = NULL, *hi = NULL;
  uint32_t *below = NULL, *where = NULL; /* blob slots of orders k-2, k-1 */
  ctxstat *s = NULL;
  for (unsigned k = 1; k <= b->order; k++) order_discounts(b, k, d[k]);
  juru_status st = unigram_probs(b, d[1], &lo, present);
  for (unsigned k = 2; st == JURU_OK && k <= b->order + 1; k++) {
    unsigned w = k - 1;
    if (k <= b->order) {
      st = context_stats(b, k, d[k], &s);
      if (st == JURU_OK) st = probs(b, k, d[k], s, lo, &hi);
    }
    if (st == JURU_OK && w >= 2 && w < b->order &&
        !(where = juru__malloc(order_size(b, w) * sizeof *where)))
      st = JURU_ENOMEM;
    if (st == JURU_OK && w == 1)
      write_unigrams(b, blob + off[1], lo, s);
    else if (st == JURU_OK)
      maxp[w] = write_table(b, w, blob + off[w], slots[w], lo, s, below,
                            where);
    juru__free(s);
    juru__free(lo);
    juru__free(below);
    s = NULL;
    lo = hi;
    below = where;
    hi = NULL;
    where = NULL;
  }
  juru__free(lo);
  juru__free(below);
  return st;
}

juru_status juru__lm_build(juru__lm_builder *b, juru__buf *out) {
  if (!b || !out) return JURU_EINVAL;
  if (!little_endian()) return JURU_EINVAL;
  size_t off[MAXN + 1] = {0}, slots[MAXN + 1] = {0}, pos = HEADER;
  uint32_t maxp[MAXN + 1] = {0}, present = 0;
  for (unsigned k = 1; k <= b->order; k++) {
    /* 2/3 full: linear probing stays short even for the misses that every
     * backed-off query makes */
    slots[k] = k == 1 ? b->vocab : b->g[k].n + b->g[k].n / 2 + 1;
    if (slots[k] > UINT32_MAX) return JURU_ETOOBIG;
    off[k] = pos = (pos + 7) & ~(size_t)7;
    pos += slots[k] * slot_bytes(b, k);
  }
  juru_status st = juru__buf_reserve(out, pos);
  if (st != JURU_OK) return st;
  unsigned char *blob = (unsigned char *)out->data + out->len;
  memset(blob, 0, pos);
  st = estimate(b, blob, off, slots, maxp, &present);
  if (st != JURU_OK) return st;
  memcpy(blob, MAGIC, sizeof MAGIC);
  put(blob + 8, VERSION, 4);
  put(blob + 12, b->order, 4);
  put(blob + 16, b->vocab, 4);
  for (unsigned k = 1; k <= b->order; k++) {
    put(blob + DESC(k), off[k], 8);
    put(blob + DESC(k) + 8, (uint32_t)slots[k], 4);
    put(blob + DESC(k) + 12, k == 1 ? present : (uint32_t)b->g[k].n, 4);
    put(blob + DESC(k) + 16, maxp[k], 4);
  }
  out->len += pos;
  out->data[out->len] = '\0';
  return JURU_OK;
}

/* ---- reading ------------------------------------------------------------ */

#define BAD(off, ...) \
  juru__fail(err, JURU_ESYNTAX, "language model", 0, 0, (off), __VA_ARGS__)

/* NaN fails both comparisons. */
static int sane_log(uint32_t bits) {
  float f = f32(bits);
  return f >= FLOOR && f <= 0;
}

static juru_status read_desc(juru__lm *lm, const unsigned char *p, size_t n,
                             unsigned k, uint64_t span[][2], juru_error *err) {
  const unsigned char *d = p + DESC(k);
  uint64_t off = get(d, 8);
  uint32_t slots = get32(d + 8), count = get32(d + 12), maxp = get32(d + 16);
  if (k > lm->order)
    return off || slots || count || maxp || get32(d + 20)
               ? BAD(DESC(k), "table %u beyond order %u", k, lm->order)
               : JURU_OK;
  uint32_t words = k == 1 ? 2 : k < lm->order ? 4 : 3;
  uint64_t bytes = (uint64_t)slots * words * 4;
  if (off % 8 || off < HEADER || off > n || bytes > n - off)
    return BAD(DESC(k), "order %u table out of bounds", k);
  if (get32(d + 20) || count > slots ||
      (k == 1 ? slots != lm->vocab_size || maxp : slots == 0 || maxp >= slots))
    return BAD(DESC(k), "order %u table sizes inconsistent", k);
  for (unsigned j = 1; j < k; j++)
    if (off < span[j][1] && span[j][0] < off + bytes)
      return BAD(DESC(k), "tables %u and %u overlap", j, k);
  span[k][0] = off;
  span[k][1] = off + bytes;
  const uint32_t *base = (const uint32_t *)(const void *)(p + off);
  juru__lm_table t = {base, slots, count, maxp, words};
  if (k == 1) lm->uni = base;
  else lm->tab[k] = t;
  return JURU_OK;
}

static int present(const juru__lm *lm, uint32_t id) {
  return id < lm->vocab_size && lm->uni[2 * (size_t)id] != ABSENT_BITS;
}

static juru_status check_unigrams(const juru__lm *lm, uint32_t count,
                                  juru_error *err) {
  uint32_t seen = 0;
  for (uint32_t w = 0; w < lm->vocab_size; w++) {
    uint32_t prob = lm->uni[2 * (size_t)w];
    seen += prob != ABSENT_BITS;
    if ((prob != ABSENT_BITS && !sane_log(prob)) ||
        !sane_log(lm->uni[2 * (size_t)w + 1]))
      return BAD(JURU__NONE, "unigram %u: bad value", w);
  }
  if (seen != count || !present(lm, JURU__LM_UNK))
    return BAD(JURU__NONE, "unigram count or <unk> wrong");
  return JURU_OK;
}

/* The ids of a checked n-gram of order k, down its chain of suffixes. */
static void spell(const juru__lm *lm, unsigned k, const uint32_t *r,
                  uint32_t *ids) {
  for (unsigned j = 0; j + 2 < k; j++) {
    const juru__lm_table *t = &lm->tab[k - 1 - j];
    ids[j] = r[0];
    r = t->slots + (size_t)r[1] * t->words;
  }
  ids[k - 2] = r[0];
  ids[k - 1] = r[1];
}

/* Lower orders first: an n-gram's `rest` must name a used slot below. */
static juru_status check_table(const juru__lm *lm, unsigned k,
                               juru_error *err) {
  const juru__lm_table *t = &lm->tab[k], *lower = &lm->tab[k - 1];
  uint32_t used = 0, ids[MAXN];
  for (size_t i = 0; i < t->nslots; i++) {
    const uint32_t *r = t->slots + i * t->words;
    if (r[0] == EMPTY) continue;
    used++;
    if (!present(lm, r[0]) ||
        (k == 2 ? !present(lm, r[1])
                : r[1] >= lower->nslots ||
                      lower->slots[(size_t)r[1] * lower->words] == EMPTY))
      return BAD(JURU__NONE, "order %u slot %zu: bad n-gram", k, i);
    if (!sane_log(r[2]) || (t->words > 3 && !sane_log(r[3])))
      return BAD(JURU__NONE, "order %u slot %zu: bad value", k, i);
    spell(lm, k, r, ids);
    size_t home = reduce(hash_ids(ids, k), t->nslots);
    if ((i + t->nslots - home) % t->nslots > t->max_probe)
      return BAD(JURU__NONE, "order %u slot %zu: n-gram out of place", k, i);
  }
  if (used != t->count)
    return BAD(JURU__NONE, "order %u: %u n-grams, header says %u", k, used,
               t->count);
  return JURU_OK;
}

juru_status juru__lm_open(juru__lm *lm, const void *blob, size_t n,
                          juru_error *err) {
  if (!lm || (!blob && n)) return JURU_EINVAL;
  memset(lm, 0, sizeof *lm);
  if (!little_endian())
    return juru__fail(err, JURU_EINVAL, "language model", 0, 0, JURU__NONE,
                      "big-endian hosts are not supported");
  if ((uintptr_t)blob % 8)
    return juru__fail(err, JURU_EINVAL, "language model", 0, 0, JURU__NONE,
                      "model not 8-byte aligned in memory");
  const unsigned char *p = blob;
  if (n < HEADER || memcmp(p, MAGIC, sizeof MAGIC))
    return BAD(0, "not a language model");
  uint32_t order = get32(p + 12), vocab = get32(p + 16);
  if (get32(p + 8) != VERSION) return BAD(8, "unsupported version");
  if (order < 2 || order > MAXN || vocab < 3 || vocab == EMPTY || get32(p + 20))
    return BAD(12, "bad order or vocabulary size");
  lm->order = order;
  lm->vocab_size = vocab;
  uint64_t span[MAXN + 1][2];
  juru_status st = JURU_OK;
  for (unsigned k = 1; st == JURU_OK && k <= MAXN; k++)
    st = read_desc(lm, p, n, k, span, err);
  if (st == JURU_OK) st = check_unigrams(lm, get32(p + DESC(1) + 12), err);
  if (st != JURU_OK) memset(lm, 0, sizeof *lm);
  return st;
}

juru_status juru__lm_check(const juru__lm *lm, juru_error *err) {
  juru_status st = JURU_OK;
  for (unsigned k = 2; st == JURU_OK && k <= lm->order; k++)
    st = check_table(lm, k, err);
  return st;
}

unsigned juru__lm_order(const juru__lm *lm) { return lm->order; }

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

static const uint32_t *slot(const juru__lm_table *t, size_t i) {
  return t->slots + i * t->words;
}

/* The slot of the n-gram (first, rest) probing from `i`, or NONE. */
static size_t find(const juru__lm_table *t, size_t i, uint32_t first,
                   uint32_t rest) {
  for (uint32_t probes = 0; probes <= t->max_probe; probes++) {
    const uint32_t *r = slot(t, i);
    if (r[0] == first && r[1] == rest) return i;
    if (r[0] == EMPTY) break;
    if (++i == t->nslots) i = 0;
  }
  return JURU__NONE;
}

/* ARPA backoff: the longest stored n-gram ending in w gives the
 * probability, plus the backoffs of the longer contexts that did not
 * match.  Both chains grow leftwards and each step needs the slot found by
 * the one before, so the home slots of all of them, which the hashes alone
 * give, are prefetched first: a query then costs about one memory latency,
 * not one per order. */
float juru__lm_logprob(const juru__lm *lm, const uint32_t *ctx, size_t nctx,
                       uint32_t w) {
  uint32_t ids[MAXN];
  size_t m = nctx < lm->order - 1 ? nctx : lm->order - 1, hg[MAXN], hc[MAXN];
  for (size_t j = 0; j < m; j++) {
    uint32_t id = ctx[nctx - m + j];
    ids[j] = present(lm, id) ? id : JURU__LM_UNK;
  }
  ids[m] = present(lm, w) ? w : JURU__LM_UNK;
  uint64_t h = step(SEED, ids[m]), c = SEED;
  for (size_t l = 1; l <= m; l++) {
    h = step(h, ids[m - l]);
    c = step(c, ids[m - l]);
    hg[l] = reduce(h, lm->tab[l + 1].nslots);
    PREFETCH(slot(&lm->tab[l + 1], hg[l]));
    if (l < 2) continue;
    hc[l] = reduce(c, lm->tab[l].nslots);
    PREFETCH(slot(&lm->tab[l], hc[l]));
  }
  float lp = f32(lm->uni[2 * (size_t)ids[m]]), bo = 0, cbo;
  size_t gs = ids[m], cs = ids[m - (m > 0)];
  int grams = 1;
  for (size_t l = 1; l <= m; l++) {
    uint32_t x = ids[m - l];
    if (grams && (gs = find(&lm->tab[l + 1], hg[l], x, (uint32_t)gs)) !=
                     JURU__NONE) {
      lp = f32(slot(&lm->tab[l + 1], gs)[2]);
      bo = 0;
      if (l == m) break;
    } else {
      grams = 0;
    }
    if (l == 1) {
      cbo = f32(lm->uni[2 * (size_t)x + 1]);
    } else {
      if ((cs = find(&lm->tab[l], hc[l], x, (uint32_t)cs)) == JURU__NONE) break;
      cbo = f32(slot(&lm->tab[l], cs)[3]);
    }
    if (!grams) bo += cbo;
  }
  return lp + bo;
}

double juru__lm_sentence_logprob(const juru__lm *lm, const uint32_t *ids,
                                 size_t n) {
  uint32_t h[MAXN] = {JURU__LM_BOS};
  size_t nh = 1;
  double sum = 0;
  for (size_t i = 0; i <= n; i++) {
    uint32_t w = i < n ? ids[i] : JURU__LM_EOS;
    sum += juru__lm_logprob(lm, h, nh, w);
    if (nh == lm->order - 1) memmove(h, h + 1, --nh * sizeof *h);
    h[nh++] = w;
  }
  return sum;
}
