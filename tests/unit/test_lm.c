/* The n-gram language model: probabilities that sum to one, agreement with
 * a slow reference implementation of interpolated modified Kneser-Ney and
 * with a bigram model worked out by hand, the blob's round trip, malformed
 * blobs, and allocation failure. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/lm.h"
#include "test.h"

#define UNK JURU__LM_UNK
#define BOS JURU__LM_BOS
#define EOS JURU__LM_EOS

/* ---- corpora ------------------------------------------------------------ */

#define MAX_SENTS 2000
#define MAX_LEN 12

static uint32_t sent[MAX_SENTS][MAX_LEN];
static size_t sent_len[MAX_SENTS], nsent;
static uint32_t rng = 1;

static uint32_t rnd(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 16;
}

/* Sentences over words first..first+nwords-1 that follow a loose chain,
 * so that n-grams repeat at every order; sentence 0 holds every word. */
static void make_corpus(size_t n, uint32_t first, uint32_t nwords,
                        int with_unk) {
  rng = 7;
  nsent = n;
  for (size_t s = 0; s < n; s++) {
    size_t len = s == 0 ? (nwords < MAX_LEN ? nwords : MAX_LEN)
                        : 1 + rnd() % (MAX_LEN - 1);
    uint32_t w = rnd() % nwords;
    for (size_t i = 0; i < len; i++) {
      w = s == 0 ? (uint32_t)i : (w * 3 + rnd() % 4) % nwords;
      sent[s][i] = with_unk && rnd() % 13 == 0 ? UNK : first + w;
    }
    sent_len[s] = len;
  }
  if (nwords > MAX_LEN) /* the rest of the words, one sentence each */
    for (uint32_t w = MAX_LEN; w < nwords && nsent < MAX_SENTS; w++) {
      sent[nsent][0] = first + w;
      sent_len[nsent++] = 1;
    }
}

static juru_status build(unsigned order, uint32_t vocab, juru__buf *out) {
  juru__lm_builder *b = NULL;
  juru_status st = juru__lm_builder_new(order, vocab, &b);
  for (size_t i = 0; st == JURU_OK && i < nsent; i++)
    st = juru__lm_add_sentence(b, sent[i], sent_len[i]);
  if (st == JURU_OK) st = juru__lm_build(b, out);
  juru__lm_builder_free(b);
  return st;
}

/* ---- a slow reference: the definition, recursively ---------------------- */

typedef struct ngram {
  unsigned k;
  uint32_t w[JURU__LM_MAX_ORDER];
  uint32_t raw, adj;
} ngram;

static ngram grams[20000];
static size_t ngrams;
static unsigned ref_order;
static double ref_d[JURU__LM_MAX_ORDER + 1][4];

static ngram *ref_find(unsigned k, const uint32_t *w) {
  for (size_t i = 0; i < ngrams; i++)
    if (grams[i].k == k && !memcmp(grams[i].w, w, k * sizeof *w))
      return &grams[i];
  return NULL;
}

static void ref_discounts(unsigned k) {
  double n[5] = {0}, fallback[4] = {0, 0.5, 1.0, 1.5};
  for (size_t i = 0; i < ngrams; i++) /* <s> alone is never predicted */
    if (grams[i].k == k && !(k == 1 && grams[i].w[0] == BOS) &&
        grams[i].adj <= 4)
      n[grams[i].adj]++;
  double y = n[1] ? n[1] / (n[1] + 2 * n[2]) : 0;
  for (int i = 1; i <= 3; i++) {
    double v = n[i] && y > 0 ? i - (i + 1) * y * n[i + 1] / n[i] : -1;
    ref_d[k][i] = v > 0 && v < i ? v : fallback[i];
  }
}

static void ref_build(unsigned order) {
  ref_order = order;
  ngrams = 0;
  for (size_t s = 0; s < nsent; s++) {
    uint32_t pad[MAX_LEN + 2];
    size_t n = sent_len[s] + 2;
    pad[0] = BOS;
    memcpy(pad + 1, sent[s], sent_len[s] * sizeof *pad);
    pad[n - 1] = EOS;
    for (size_t i = 0; i < n; i++)
      for (unsigned k = 1; k <= order && k <= i + 1; k++) {
        ngram *g = ref_find(k, pad + i + 1 - k);
        if (!g && ngrams < sizeof grams / sizeof *grams) {
          g = &grams[ngrams++];
          memset(g, 0, sizeof *g);
          g->k = k;
          memcpy(g->w, pad + i + 1 - k, k * sizeof *pad);
        }
        if (g) g->raw++;
      }
  }
  for (size_t i = 0; i < ngrams; i++) {
    ngram *g = &grams[i];
    if (g->k == order || g->w[0] == BOS) {
      g->adj = g->raw;
      continue;
    }
    for (size_t j = 0; j < ngrams; j++) /* distinct left neighbours */
      if (grams[j].k == g->k + 1 &&
          !memcmp(grams[j].w + 1, g->w, g->k * sizeof *g->w))
        g->adj++;
  }
  for (unsigned k = 1; k <= order; k++) ref_discounts(k);
}

static double dk(unsigned k, uint32_t a) {
  return a ? ref_d[k][a < 3 ? a : 3] : 0;
}

static double ref_p(const uint32_t *h, unsigned j, uint32_t w) {
  double tot = 0, num = 0, a = 0, v = 0;
  for (size_t i = 0; i < ngrams; i++) {
    const ngram *g = &grams[i];
    if (g->k != j + 1 || (j == 0 && g->w[0] == BOS) ||
        memcmp(g->w, h, j * sizeof *h))
      continue;
    tot += g->adj;
    num += dk(j + 1, g->adj);
    v++;
    if (g->w[j] == w) a = g->adj;
  }
  if (j == 0) {
    uint32_t unk = UNK;
    if (!ref_find(1, &unk)) v++;
    double u = (tot ? num / tot : 1) / v;
    return (a ? a - dk(1, (uint32_t)a) : 0) / tot + u;
  }
  double lower = ref_p(h + 1, j - 1, w);
  if (!tot) return lower;
  return ((a ? a - dk(j + 1, (uint32_t)a) : 0) + num * lower) / tot;
}

static uint32_t ref_known(uint32_t id) { return ref_find(1, &id) ? id : UNK; }

static double ref_logprob(const uint32_t *ctx, size_t nctx, uint32_t w) {
  uint32_t h[JURU__LM_MAX_ORDER];
  size_t m = nctx < ref_order - 1 ? nctx : ref_order - 1;
  for (size_t i = 0; i < m; i++) h[i] = ref_known(ctx[nctx - m + i]);
  return log10(ref_p(h, (unsigned)m, ref_known(w)));
}

/* ---- 1. normalisation and the reference --------------------------------- */

static const uint32_t contexts[][6] = {
    /* length first */
    {0}, {1, BOS}, {2, BOS, 3}, {3, BOS, 3, 4}, {3, 3, 4, 5}, {2, 17, 17},
    {3, 17, 3, 17}, {2, UNK, 5}, {1, 99}, {2, 5, BOS}, {5, BOS, 9, 4, 6, 12},
    {1, EOS}, {2, 10, 9},
};

static void sweep(const juru__lm *lm, const uint32_t *ctx, size_t nctx,
                  uint32_t vocab, int against_ref) {
  double sum = 0, worst = 0;
  for (uint32_t w = 0; w < vocab; w++) {
    if (w == BOS) continue;
    float lp = juru__lm_logprob(lm, ctx, nctx, w);
    if (ref_known(w) != w) { /* unseen: exactly <unk>, not a new event */
      CHECK(lp == juru__lm_logprob(lm, ctx, nctx, UNK));
      continue;
    }
    sum += pow(10, lp);
    if (against_ref) {
      double d = fabs(lp - ref_logprob(ctx, nctx, w));
      if (d > worst) worst = d;
    }
  }
  CHECK(fabs(sum - 1) < 1e-4);
  CHECK(worst < 1e-4);
  if (fabs(sum - 1) >= 1e-4 || worst >= 1e-4)
    fprintf(stderr, "  order %u nctx %zu: sum %.6f, worst |ref diff| %g\n",
            juru__lm_order(lm), nctx, sum, worst);
}

static void test_sums(uint32_t vocab, int with_unk) {
  make_corpus(40, 3, 15, with_unk);
  for (unsigned order = 2; order <= 5; order++) {
    juru__buf out = {0};
    juru__lm lm;
    CHECK(build(order, vocab, &out) == JURU_OK);
    CHECK(juru__lm_open(&lm, out.data, out.len, NULL) == JURU_OK);
    ref_build(order);
    for (size_t c = 0; c < sizeof contexts / sizeof *contexts; c++)
      sweep(&lm, contexts[c] + 1, contexts[c][0], vocab, 1);
    for (size_t s = 0; s < 6; s++) /* every prefix of seen sentences */
      for (size_t i = 0; i <= sent_len[s]; i++) {
        uint32_t ctx[MAX_LEN + 1] = {BOS};
        memcpy(ctx + 1, sent[s], i * sizeof *ctx);
        sweep(&lm, ctx, i + 1, vocab, 1);
      }
    juru__buf_free(&out);
  }
}

/* A bigger corpus: tables grow, and the sums still hold. */
static void test_sums_big(void) {
  make_corpus(MAX_SENTS - 400, 3, 300, 0);
  for (unsigned order = 3; order <= 4; order++) {
    juru__buf out = {0};
    juru__lm lm;
    CHECK(build(order, 310, &out) == JURU_OK);
    CHECK(juru__lm_open(&lm, out.data, out.len, NULL) == JURU_OK);
    ref_build(1); /* only for ref_known: the unigrams */
    for (size_t s = 1; s < 4; s++)
      for (size_t i = 0; i <= sent_len[s]; i++) {
        uint32_t ctx[MAX_LEN + 1] = {BOS};
        memcpy(ctx + 1, sent[s], i * sizeof *ctx);
        sweep(&lm, ctx, i + 1, 310, 0);
      }
    printf("order %u, %zu sentences: blob %zu bytes\n", order, nsent, out.len);
    juru__buf_free(&out);
  }
}

/* No sentence at all: <unk> is the only event. */
static void test_empty(void) {
  juru__lm_builder *b = NULL;
  juru__buf out = {0};
  juru__lm lm;
  CHECK(juru__lm_builder_new(3, 10, &b) == JURU_OK);
  CHECK(juru__lm_build(b, &out) == JURU_OK);
  CHECK(juru__lm_open(&lm, out.data, out.len, NULL) == JURU_OK);
  CHECK(juru__lm_logprob(&lm, NULL, 0, UNK) == 0.0f);
  CHECK(juru__lm_logprob(&lm, NULL, 0, 7) == 0.0f);
  juru__buf_free(&out);
  juru__lm_builder_free(b);
}

/* ---- 2. a bigram model by hand ------------------------------------------ */

/* <s> a b </s> twice and <s> b </s> (a = 3, b = 4).  Bigram counts: <s> a
 * 2, a b 2, b </s> 3, <s> b 1: n1..n4 = 1 2 1 0, Y = 0.2, D1 = 0.2, D2 =
 * 1.7, D3+ = 3 is out of range: 1.5.  Continuation counts: a 1, b 2, </s>
 * 1: n1..n3 = 2 1 0, Y = 0.5, D1 = 0.5, D2 = 2: 1.0.  Unigrams: total 4,
 * gamma 2/4 spread over a, b, </s>, <unk>: p(a) = 0.5/4 + 0.125 = 0.25,
 * p(b) = 1/4 + 0.125 = 0.375, p(</s>) = 0.25, p(<unk>) = 0.125. */
static void test_by_hand(void) {
  static const uint32_t s1[] = {3, 4}, s2[] = {4};
  juru__lm_builder *b = NULL;
  juru__buf out = {0};
  juru__lm lm;
  CHECK(juru__lm_builder_new(2, 6, &b) == JURU_OK);
  CHECK(juru__lm_add_sentence(b, s1, 2) == JURU_OK);
  CHECK(juru__lm_add_sentence(b, s1, 2) == JURU_OK);
  CHECK(juru__lm_add_sentence(b, s2, 1) == JURU_OK);
  CHECK(juru__lm_build(b, &out) == JURU_OK);
  CHECK(juru__lm_open(&lm, out.data, out.len, NULL) == JURU_OK);
  struct {
    uint32_t ctx, w;
    double p;
  } cases[] = {
      {3, 4, 0.3 / 2 + 1.7 / 2 * 0.375},            /* a b: seen */
      {3, 3, 1.7 / 2 * 0.25},                       /* a a: unseen */
      {3, UNK, 1.7 / 2 * 0.125},                    /* a <unk> */
      {BOS, 3, 0.3 / 3 + 1.9 / 3 * 0.25},           /* <s> a */
      {BOS, 4, 0.8 / 3 + 1.9 / 3 * 0.375},          /* <s> b */
      {4, EOS, 1.5 / 3 + 1.5 / 3 * 0.25},           /* b </s> */
      {4, 3, 1.5 / 3 * 0.25},                       /* b a: unseen */
      {5, 4, 0.375},                                /* unseen context */
      {EOS, 4, 0.375},                              /* context never extended */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    float lp = juru__lm_logprob(&lm, &cases[i].ctx, 1, cases[i].w);
    CHECK(fabs(lp - log10(cases[i].p)) < 1e-6);
  }
  CHECK(fabs(juru__lm_logprob(&lm, NULL, 0, 4) - log10(0.375)) < 1e-6);
  double want = log10((0.3 / 3 + 1.9 / 3 * 0.25) * (0.3 / 2 + 1.7 / 2 * 0.375) *
                      (1.5 / 3 + 1.5 / 3 * 0.25));
  CHECK(fabs(juru__lm_sentence_logprob(&lm, s1, 2) - want) < 1e-5);
  static const uint32_t bad1[] = {3, 6}, bad2[] = {BOS}, bad3[] = {EOS};
  CHECK(juru__lm_add_sentence(b, bad1, 2) == JURU_EINVAL);
  CHECK(juru__lm_add_sentence(b, bad2, 1) == JURU_EINVAL);
  CHECK(juru__lm_add_sentence(b, bad3, 1) == JURU_EINVAL);
  juru__lm_builder *nb = NULL;
  CHECK(juru__lm_builder_new(1, 6, &nb) == JURU_EINVAL && !nb);
  CHECK(juru__lm_builder_new(6, 6, &nb) == JURU_EINVAL && !nb);
  CHECK(juru__lm_builder_new(3, 2, &nb) == JURU_EINVAL && !nb);
  juru__buf_free(&out);
  juru__lm_builder_free(b);
}

/* ---- 3. round trip ------------------------------------------------------ */

static void query_sweep(const juru__lm *lm, float *got, size_t *n) {
  *n = 0;
  for (size_t c = 0; c < sizeof contexts / sizeof *contexts; c++)
    for (uint32_t w = 0; w < 20; w++)
      got[(*n)++] = juru__lm_logprob(lm, contexts[c] + 1, contexts[c][0], w);
}

static void test_round_trip(void) {
  make_corpus(40, 3, 15, 1);
  juru__buf out = {0}, again = {0};
  juru__lm lm, lm2;
  static float before[400], after[400];
  size_t nb, na;
  CHECK(build(4, 18, &out) == JURU_OK);
  CHECK(juru__lm_open(&lm, out.data, out.len, NULL) == JURU_OK);
  query_sweep(&lm, before, &nb);
  double sl = juru__lm_sentence_logprob(&lm, sent[3], sent_len[3]);
  void *copy = malloc(out.len);
  memcpy(copy, out.data, out.len);
  memset(out.data, 0xAB, out.len); /* nothing may still point here */
  CHECK(juru__lm_open(&lm2, copy, out.len, NULL) == JURU_OK);
  query_sweep(&lm2, after, &na);
  CHECK(na == nb && !memcmp(before, after, nb * sizeof *before));
  CHECK(juru__lm_sentence_logprob(&lm2, sent[3], sent_len[3]) == sl);
  CHECK(juru__lm_order(&lm2) == 4);
  /* deterministic, and appended after what the buffer held */
  CHECK(juru__buf_append(&again, "12345678", 8) == JURU_OK);
  CHECK(build(4, 18, &again) == JURU_OK);
  CHECK(again.len == out.len + 8 && !memcmp(again.data + 8, copy, out.len));
  CHECK(juru__lm_open(&lm2, again.data + 8, out.len, NULL) == JURU_OK);
  juru_error e = {0};
  CHECK(juru__lm_open(&lm2, again.data + 4, out.len, &e) == JURU_EINVAL);
  free(copy);
  juru__buf_free(&out);
  juru__buf_free(&again);
}

/* ---- 4. malformed blobs ------------------------------------------------- */

static int try_open(const unsigned char *blob, size_t n) {
  unsigned char *copy = malloc(n ? n : 1); /* exact size: ASan sees overruns */
  memcpy(copy, blob, n);
  juru__lm lm;
  juru_error e = {0};
  juru_status st = juru__lm_open(&lm, copy, n, &e);
  if (st == JURU_OK) {
    /* damage open does not look for gives wrong numbers, never a crash
       (ASan watches); the full check finds it */
    int sound = juru__lm_check(&lm, &e) == JURU_OK;
    for (size_t c = 0; c < sizeof contexts / sizeof *contexts; c++)
      for (uint32_t w = 0; w < 24; w++) {
        float lp = juru__lm_logprob(&lm, contexts[c] + 1, contexts[c][0],
                                    w == 23 ? rnd() : w);
        if (sound) CHECK(lp <= 0 && lp >= -600);
      }
  } else {
    CHECK(st == JURU_ESYNTAX && e.status == JURU_ESYNTAX && e.text[0]);
  }
  free(copy);
  return st == JURU_OK;
}

static void test_malformed(void) {
  make_corpus(40, 3, 15, 1);
  juru__buf out = {0};
  CHECK(build(3, 18, &out) == JURU_OK);
  const unsigned char *blob = (const unsigned char *)out.data;
  int opened = 0;
  for (size_t n = 0; n < out.len; n++) opened += try_open(blob, n);
  CHECK(opened == 0);
  CHECK(try_open(blob, out.len));
  unsigned char *buf = malloc(out.len);
  opened = 0;
  rng = 12345;
  for (int t = 0; t < 4000; t++) {
    memcpy(buf, blob, out.len);
    int flips = 1 + rnd() % 3;
    for (int f = 0; f < flips; f++) {
      /* one trial in four hits the header, where most damage is fatal */
      size_t at = t % 4 ? rnd() % out.len : rnd() % 144;
      buf[at] ^= (unsigned char)(1 + rnd() % 255);
    }
    opened += try_open(buf, out.len);
  }
  printf("malformed: %zu truncations refused; %d of 4000 damaged blobs "
         "still valid\n", out.len, opened);
  memset(buf, 0, out.len);
  CHECK(!try_open(buf, out.len));
  memset(buf, 0xFF, out.len);
  CHECK(!try_open(buf, out.len));
  free(buf);
  juru__buf_free(&out);
}

/* ---- 5. allocation failure ---------------------------------------------- */

#include "chaos.h"

static juru_status scenario(void) {
  juru__buf out = {0};
  juru__lm lm;
  juru_status st = build(3, 310, &out);
  if (st == JURU_OK) st = juru__lm_open(&lm, out.data, out.len, NULL);
  if (st == JURU_OK &&
      juru__lm_sentence_logprob(&lm, sent[1], sent_len[1]) >= 0)
    st = JURU_EINVAL;
  juru__buf_free(&out);
  return st;
}

static void test_alloc_failure(void) {
  make_corpus(600, 3, 300, 0); /* enough for every table to grow */
  juru_set_allocator(chaos_malloc, chaos_realloc, free);
  long n;
  int clean = 0;
  for (n = 0; n < 100000 && !clean; n++) {
    countdown = n;
    failures = 0;
    juru_status st = scenario();
    if (failures == 0) {
      clean = 1;
      CHECK(st == JURU_OK);
    } else {
      CHECK(st == JURU_ENOMEM);
    }
  }
  countdown = -1;
  juru_set_allocator(NULL, NULL, NULL);
  printf("allocation failure: %ld points, each failing once\n", n - 1);
  CHECK(clean);
}

int main(void) {
  test_by_hand();
  test_sums(18, 0);
  test_sums(25, 1); /* <unk> in training, ids 18..24 never seen */
  test_sums_big();
  test_empty();
  test_round_trip();
  test_malformed();
  test_alloc_failure();
  return TEST_REPORT();
}
