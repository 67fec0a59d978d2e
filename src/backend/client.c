/* The backend client: translation memory first, then batches within the
 * API's limits sent several at a time, classified replies, retries with
 * backoff, and the glossary put in and checked (see juru/backend.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "../util/strmap.h"

static const juru__backend *const backends[] = {
    &juru__libretranslate, &juru__deepl, &juru__google, &juru__openai,
    &juru__ollama};
#define N_BACKENDS (sizeof backends / sizeof backends[0])

static const juru__backend *find(const char *name) {
  for (size_t i = 0; name && i < N_BACKENDS; i++)
    if (strcmp(backends[i]->name, name) == 0) return backends[i];
  return NULL;
}

const char *const *juru_backend_names(void) {
  static const char *names[N_BACKENDS + 1];
  for (size_t i = 0; i < N_BACKENDS; i++) names[i] = backends[i]->name;
  return names;
}

int juru_backend_info(const char *name, const char **default_url,
                      int *needs_key, int *needs_model) {
  const juru__backend *b = find(name);
  if (!b) return 0;
  if (default_url) *default_url = b->default_url;
  if (needs_key) *needs_key = b->needs_key;
  if (needs_model) *needs_model = b->needs_model;
  return 1;
}

/* ---- time --------------------------------------------------------------- */

static double now_ms(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void sleep_ms(double ms) {
  if (ms <= 0) return;
  struct timespec ts;
  ts.tv_sec = (time_t)(ms / 1e3);
  ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1e3) * 1e6);
  nanosleep(&ts, NULL);
}

/* ---- per-item preparation ----------------------------------------------- */

typedef struct work {
  const juru_backend_options *opt;
  const juru__backend *be;
  const juru_glossary *g;
  juru_backend_item *items;
  size_t n;
  char **text;        /* what is sent for each item */
  char **version;     /* glossary version of each item */
  juru_backend_stats *stats;
  juru_backend_log_fn log;
  void *ud;
  unsigned seed;
  char *glossary_id;  /* a server-side glossary (DeepL) */
} work;

static const char *term_english(const work *w, const juru_match *m) {
  const juru_term *t = w->g ? juru_glossary_get(w->g, m->term) : NULL;
  return t ? t->target : "";
}

static juru_status add_html(juru__buf *b, const char *s, size_t n) {
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    switch (s[i]) {
    case '&': st = juru__buf_append(b, "&amp;", 5); break;
    case '<': st = juru__buf_append(b, "&lt;", 4); break;
    case '>': st = juru__buf_append(b, "&gt;", 4); break;
    default: st = juru__buf_append(b, s + i, 1);
    }
  }
  return st;
}

#define SPAN_OPEN "<span translate=\"no\">"
#define SPAN_CLOSE "</span>"

/* For markup backends the source as HTML with each term's English inside a
 * span the server leaves alone; for LLMs the source as it is. */
static juru_status prepare_text(const work *w, const juru_backend_item *it,
                                char **out) {
  juru__buf b = {0};
  juru_status st = JURU_OK;
  if (!w->be->markup) {
    st = juru__buf_append(&b, it->source, it->len);
  } else {
    size_t pos = 0;
    for (size_t k = 0; k < it->n_terms && st == JURU_OK; k++) {
      const juru_match *m = &it->terms[k];
      if (m->start < pos || m->end > it->len) continue;
      st = add_html(&b, it->source + pos, m->start - pos);
      const char *en = term_english(w, m);
      if (st == JURU_OK) st = juru__buf_append(&b, SPAN_OPEN, strlen(SPAN_OPEN));
      if (st == JURU_OK) st = add_html(&b, en, strlen(en));
      if (st == JURU_OK) st = juru__buf_append(&b, SPAN_CLOSE, strlen(SPAN_CLOSE));
      pos = m->end;
    }
    if (st == JURU_OK) st = add_html(&b, it->source + pos, it->len - pos);
  }
  if (st == JURU_OK && !b.data) st = juru__buf_append(&b, "", 0);
  *out = st == JURU_OK ? b.data : NULL;
  if (st != JURU_OK) juru__buf_free(&b);
  return st;
}

/* The glossary version of a sentence: a hash of the terms that bear on it,
 * so a change elsewhere in the glossary keeps its memory. */
static juru_status version_of(const work *w, const juru_backend_item *it,
                              char **out) {
  uint64_t h = 1469598103934665603ull;
  for (size_t k = 0; k < it->n_terms; k++) {
    const char *en = term_english(w, &it->terms[k]);
    h = h * 1099511628211ull ^ juru__hash(en, strlen(en));
    h = h * 1099511628211ull ^ juru__hash(it->source + it->terms[k].start,
                                          it->terms[k].end - it->terms[k].start);
  }
  char buf[24];
  snprintf(buf, sizeof buf, "%016llx", (unsigned long long)(it->n_terms ? h : 0));
  *out = juru__strndup(it->n_terms ? buf : "", it->n_terms ? 16 : 0);
  return *out ? JURU_OK : JURU_ENOMEM;
}

static juru_tm_key key_of(const work *w, size_t i) {
  juru_tm_key k = {w->be->name, w->opt->model ? w->opt->model : "", w->version[i]};
  return k;
}

/* ---- results ------------------------------------------------------------ */

/* Undo the markup: spans unwrapped, entities read. */
static char *unmark(const char *s) {
  juru__buf b = {0};
  static const struct {
    const char *ent, *ch;
  } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
              {"&#39;", "'"}, {"&#x27;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
  juru_status st = JURU_OK;
  while (*s && st == JURU_OK) {
    if (strncmp(s, SPAN_OPEN, strlen(SPAN_OPEN)) == 0) {
      s += strlen(SPAN_OPEN);
      continue;
    }
    if (strncmp(s, SPAN_CLOSE, strlen(SPAN_CLOSE)) == 0) {
      s += strlen(SPAN_CLOSE);
      continue;
    }
    int done = 0;
    for (size_t i = 0; *s == '&' && i < sizeof ents / sizeof ents[0]; i++)
      if (strncmp(s, ents[i].ent, strlen(ents[i].ent)) == 0) {
        st = juru__buf_append(&b, ents[i].ch, 1);
        s += strlen(ents[i].ent);
        done = 1;
        break;
      }
    if (!done) st = juru__buf_append(&b, s++, 1);
  }
  if (st == JURU_OK && !b.data) st = juru__buf_append(&b, "", 0);
  if (st != JURU_OK) {
    juru__buf_free(&b);
    return NULL;
  }
  return b.data;
}

static void check_terms(work *w, juru_backend_item *it) {
  it->honoured = 0;
  for (size_t k = 0; k < it->n_terms; k++) {
    const char *en = term_english(w, &it->terms[k]);
    if (*en && strstr(it->english, en)) it->honoured++;
  }
}

/* ---- batches ------------------------------------------------------------ */

typedef struct batch {
  size_t *idx;      /* item indexes */
  size_t n;
  unsigned attempts;
  double not_before;
  int done;
} batch;

typedef struct batches {
  batch *b;
  size_t n, cap;
} batches;

static juru_status push_batch(batches *bs, const size_t *idx, size_t n,
                              unsigned attempts) {
  if (juru__grow((void **)&bs->b, &bs->cap, bs->n + 1, sizeof *bs->b))
    return JURU_ENOMEM;
  batch *b = &bs->b[bs->n];
  memset(b, 0, sizeof *b);
  b->idx = juru__malloc((n ? n : 1) * sizeof *b->idx);
  if (!b->idx) return JURU_ENOMEM;
  memcpy(b->idx, idx, n * sizeof *idx);
  b->n = n;
  b->attempts = attempts;
  bs->n++;
  return JURU_OK;
}

static juru_status make_batches(work *w, batches *bs) {
  size_t max_items = w->opt->max_batch ? w->opt->max_batch : w->be->max_items;
  size_t *idx = juru__malloc((w->n ? w->n : 1) * sizeof *idx);
  if (!idx) return JURU_ENOMEM;
  size_t k = 0, bytes = 0;
  juru_status st = JURU_OK;
  for (size_t i = 0; i < w->n && st == JURU_OK; i++) {
    if (w->items[i].english) continue;
    size_t len = strlen(w->text[i]);
    if (k > 0 && (k == max_items || bytes + len > w->be->max_bytes)) {
      st = push_batch(bs, idx, k, 0);
      k = bytes = 0;
    }
    idx[k++] = i;
    bytes += len;
  }
  if (st == JURU_OK && k) st = push_batch(bs, idx, k, 0);
  juru__free(idx);
  return st;
}

/* The glossary entries of one batch, for an LLM's instructions. */
static juru_status instructions_for(const work *w, const batch *b, juru__buf *out) {
  juru__buf_clear(out);
  juru_status st = juru__buf_append(out, "", 0);
  juru__strmap seen = {0};
  for (size_t i = 0; i < b->n && st == JURU_OK; i++) {
    const juru_backend_item *it = &w->items[b->idx[i]];
    for (size_t k = 0; k < it->n_terms && st == JURU_OK; k++) {
      const juru_match *m = &it->terms[k];
      uint32_t old;
      if (juru__strmap_put(&seen, it->source + m->start, m->end - m->start, 1, &old) != JURU_OK)
        st = JURU_ENOMEM;
      if (st != JURU_OK || seen.count == 0) break;
      char line[1024];
      int len = snprintf(line, sizeof line, "%s- %.*s: %s\n",
                         out->len ? "" : "Translate these terms exactly so:\n",
                         (int)(m->end - m->start), it->source + m->start,
                         term_english(w, m));
      if (len > 0 && (size_t)len < sizeof line) st = juru__buf_append(out, line, (size_t)len);
    }
  }
  juru__strmap_free(&seen);
  return st;
}

static juru_status build_request(work *w, const batch *b, juru__http_request *req,
                                 juru__buf *instr) {
  const char **texts = juru__malloc(b->n * sizeof *texts);
  if (!texts) return JURU_ENOMEM;
  for (size_t i = 0; i < b->n; i++) texts[i] = w->text[b->idx[i]];
  juru_status st = w->be->markup ? juru__buf_append(instr, "", 0)
                                 : instructions_for(w, b, instr);
  if (st == JURU_OK) {
    req->connect_timeout_ms = w->opt->connect_timeout_ms ? w->opt->connect_timeout_ms : 10000;
    req->timeout_ms = w->opt->timeout_ms ? w->opt->timeout_ms : 120000;
    const char *base = w->opt->url ? w->opt->url : w->be->default_url;
    st = w->be->request(w->opt, base, texts, b->n, instr->data ? instr->data : "",
                        w->glossary_id, req);
  }
  juru__free(texts);
  return st;
}

static void logf_(work *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void logf_(work *w, const char *fmt, ...) {
  if (!w->log) return;
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  w->log(line, w->ud);
}

/* A reply's text for an error message: short, on one line, with the key
 * (should a server echo it) blanked out. */
static void reply_excerpt(const work *w, const juru__http_request *r, char *out,
                          size_t size) {
  size_t n = r->response.len < size - 1 ? r->response.len : size - 1;
  for (size_t i = 0; i < n; i++) {
    char c = r->response.data[i];
    out[i] = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  }
  out[n] = '\0';
  const char *key = w->opt->key;
  if (key && strlen(key) >= 4)
    for (char *p = strstr(out, key); p; p = strstr(p, key)) memset(p, '*', strlen(key));
}

typedef enum verdict { V_DONE, V_RETRY, V_SPLIT, V_FATAL } verdict;

static verdict classify(long status) {
  if (status >= 200 && status < 300) return V_DONE;
  if (status == 413) return V_SPLIT;
  if (status == 0 || status == 408 || status == 425 || status == 429 ||
      status >= 500)
    return V_RETRY;
  return V_FATAL;
}

static juru_status store(work *w, const batch *b) {
  if (!w->opt->tm) return JURU_OK;
  juru_status st = JURU_OK;
  /* items of one batch can differ in glossary version: one put each */
  for (size_t i = 0; i < b->n && st == JURU_OK; i++) {
    const juru_backend_item *it = &w->items[b->idx[i]];
    const char *src = it->source, *en = it->english;
    size_t len = it->len;
    juru_tm_key k = key_of(w, b->idx[i]);
    st = juru_tm_put(w->opt->tm, &k, &src, &len, &en, 1);
  }
  return st;
}

static juru_status accept(work *w, batch *b, char **out) {
  juru_status st = JURU_OK;
  for (size_t i = 0; i < b->n; i++) {
    juru_backend_item *it = &w->items[b->idx[i]];
    it->english = w->be->markup ? unmark(out[i]) : out[i];
    if (w->be->markup) juru__free(out[i]);
    out[i] = NULL;
    if (!it->english) st = JURU_ENOMEM;
    else check_terms(w, it);
  }
  b->done = 1;
  w->stats->translated += b->n;
  return st == JURU_OK ? store(w, b) : st;
}

static double backoff(work *w, const batch *b, const juru__http_request *r) {
  double base = w->opt->backoff_ms > 0 ? w->opt->backoff_ms : 250;
  double d = base * (double)(1u << (b->attempts < 10 ? b->attempts : 10));
  w->seed = w->seed * 1103515245u + 12345u;
  d += d * 0.5 * (double)(w->seed >> 16 & 0x7fff) / 32768.0; /* jitter */
  if (d > 30000) d = 30000;
  if (r->retry_after >= 0 && r->retry_after * 1000 > d) d = r->retry_after * 1000;
  return d;
}

/* Handle one reply.  Returns JURU_OK, or the error that stops the run. */
static juru_status settle(work *w, batches *bs, size_t bi, juru__http_request *r,
                          juru_error *err) {
  batch *b = &bs->b[bi];
  verdict v = classify(r->status);
  char why[300] = "";
  if (v == V_DONE) {
    char **out = juru__calloc(b->n, sizeof *out);
    if (!out) return JURU_ENOMEM;
    juru_status st = w->be->parse(r->response.data, r->response.len, b->n, out,
                                  why, sizeof why);
    if (st == JURU_OK) st = accept(w, b, out);
    for (size_t i = 0; i < b->n; i++) juru__free(out[i]);
    juru__free(out);
    if (st == JURU_OK || st == JURU_ENOMEM) return st;
    v = V_RETRY; /* a lying reply: ask again */
  } else if (r->status) {
    char ex[200];
    reply_excerpt(w, r, ex, sizeof ex);
    snprintf(why, sizeof why, "HTTP %ld%s%s", r->status, ex[0] ? ": " : "", ex);
  } else {
    snprintf(why, sizeof why, "%s", r->error[0] ? r->error : "no reply");
  }
  logf_(w, "%s: batch of %zu: %s", w->be->name, b->n, why);
  if (v == V_SPLIT && b->n > 1) {
    size_t half = b->n / 2;
    juru_status st = push_batch(bs, bs->b[bi].idx, half, 0);
    if (st == JURU_OK) st = push_batch(bs, bs->b[bi].idx + half, bs->b[bi].n - half, 0);
    bs->b[bi].done = 1; /* replaced by its halves */
    return st;
  }
  if (v == V_RETRY && b->attempts < (w->opt->max_retries ? w->opt->max_retries : 5)) {
    b->attempts++;
    w->stats->retries++;
    b->not_before = now_ms() + backoff(w, b, r);
    return JURU_OK;
  }
  juru_status st = r->status == 401 || r->status == 403 || r->status == 456
                       ? JURU_EAUTH : JURU_EBACKEND;
  const char *base = w->opt->url ? w->opt->url : w->be->default_url;
  return juru__fail(err, st, base, 0, 0, JURU__NONE, "%s: %s%s", w->be->name, why,
                    v == V_RETRY ? " (gave up after retries)" : "");
}

typedef struct round_ctx {
  work *w;
  batches *bs;
  const size_t *which;
  juru__http_request *reqs;
  juru_error *err;
} round_ctx;

static juru_status settle_one(size_t i, void *ud) {
  round_ctx *rc = ud;
  return settle(rc->w, rc->bs, rc->which[i], &rc->reqs[i], rc->err);
}

static juru_status run_round(work *w, batches *bs, juru_error *err, int *pending) {
  double t = now_ms(), wake = -1;
  size_t nready = 0;
  *pending = 0;
  for (size_t i = 0; i < bs->n; i++) {
    if (bs->b[i].done) continue;
    *pending = 1;
    if (bs->b[i].not_before <= t) nready++;
    else if (wake < 0 || bs->b[i].not_before < wake) wake = bs->b[i].not_before;
  }
  if (!*pending) return JURU_OK;
  if (nready == 0) {
    sleep_ms(wake - t);
    return JURU_OK;
  }
  size_t *which = juru__malloc(nready * sizeof *which);
  juru__http_request *reqs = juru__calloc(nready, sizeof *reqs);
  juru__http_request **ptrs = juru__malloc(nready * sizeof *ptrs);
  juru__buf instr = {0};
  juru_status st = which && reqs && ptrs ? JURU_OK : JURU_ENOMEM;
  size_t k = 0;
  for (size_t i = 0; i < bs->n && st == JURU_OK; i++) {
    if (bs->b[i].done || bs->b[i].not_before > t) continue;
    which[k] = i;
    ptrs[k] = &reqs[k];
    st = build_request(w, &bs->b[i], &reqs[k], &instr);
    k++;
  }
  if (st == JURU_OK) {
    /* each reply is settled (and its pairs stored) as soon as it is in */
    round_ctx rc = {w, bs, which, reqs, err};
    double t0 = now_ms();
    st = juru__http_perform(ptrs, k, w->opt->jobs ? w->opt->jobs : 4, settle_one, &rc);
    w->stats->requests += k;
    logf_(w, "%s: %zu requests in %.0f ms", w->be->name, k, now_ms() - t0);
  }
  for (size_t i = 0; reqs && i < k; i++) juru__http_request_clear(&reqs[i]);
  juru__buf_free(&instr);
  juru__free(which);
  juru__free(reqs);
  juru__free(ptrs);
  if (st == JURU_ENOMEM) juru__fail(err, st, "", 0, 0, JURU__NONE, "out of memory");
  return st;
}

static juru_status from_memory(work *w) {
  if (!w->opt->tm) return JURU_OK;
  for (size_t i = 0; i < w->n; i++) {
    juru_tm_key k = key_of(w, i);
    char *en = NULL;
    juru_status st = juru_tm_get(w->opt->tm, &k, w->items[i].source,
                                 w->items[i].len, &en);
    if (st == JURU_ENOMEM) return st;
    if (st != JURU_OK) continue;
    w->items[i].english = en;
    w->items[i].from_tm = 1;
    check_terms(w, &w->items[i]);
    w->stats->from_tm++;
  }
  return JURU_OK;
}

/* The entries of every term in the job as TSV, unique, in a stable order. */
static juru_status glossary_tsv(const work *w, juru__buf *out) {
  juru__strmap seen = {0};
  juru_status st = juru__buf_append(out, "", 0);
  for (size_t i = 0; i < w->n && st == JURU_OK; i++)
    for (size_t k = 0; k < w->items[i].n_terms && st == JURU_OK; k++) {
      const juru_term *t = juru_glossary_get(w->g, w->items[i].terms[k].term);
      if (strchr(t->source, '\t') || strchr(t->target, '\t') || !*t->target) continue;
      size_t before = seen.count;
      st = juru__strmap_put(&seen, t->source, strlen(t->source), 1, NULL);
      if (st != JURU_OK || seen.count == before) continue;
      st = juru__buf_append(out, t->source, strlen(t->source));
      if (st == JURU_OK) st = juru__buf_append(out, "\t", 1);
      if (st == JURU_OK) st = juru__buf_append(out, t->target, strlen(t->target));
      if (st == JURU_OK) st = juru__buf_append(out, "\n", 1);
    }
  juru__strmap_free(&seen);
  return st;
}

/* DeepL: the job's terms as a server-side glossary, created once per set of
 * entries (its id is kept in the memory by their hash).  A refusal is
 * logged, not fatal: the terms are protected as markup as well. */
static juru_status server_glossary(work *w) {
  if (!w->be->glossary_request || !w->g) return JURU_OK;
  juru__buf tsv = {0};
  juru_status st = glossary_tsv(w, &tsv);
  if (st != JURU_OK || tsv.len == 0) {
    juru__buf_free(&tsv);
    return st;
  }
  char name[64];
  snprintf(name, sizeof name, "juru-%016llx",
           (unsigned long long)juru__hash(tsv.data, tsv.len));
  if (w->opt->tm && juru_tm_get_meta(w->opt->tm, name, &w->glossary_id) == JURU_OK) {
    logf_(w, "%s: glossary %s known", w->be->name, name);
    juru__buf_free(&tsv);
    return JURU_OK;
  }
  juru__http_request req;
  memset(&req, 0, sizeof req);
  req.connect_timeout_ms = w->opt->connect_timeout_ms ? w->opt->connect_timeout_ms : 10000;
  req.timeout_ms = w->opt->timeout_ms ? w->opt->timeout_ms : 120000;
  const char *base = w->opt->url ? w->opt->url : w->be->default_url;
  st = w->be->glossary_request(w->opt, base, name, tsv.data, &req);
  juru__http_request *one = &req;
  if (st == JURU_OK) st = juru__http_perform(&one, 1, 1, NULL, NULL);
  if (st == JURU_OK && req.status >= 200 && req.status < 300)
    w->glossary_id = w->be->glossary_id(req.response.data, req.response.len);
  w->stats->requests++;
  if (w->glossary_id) {
    logf_(w, "%s: created glossary %s", w->be->name, name);
    if (w->opt->tm) st = juru_tm_put_meta(w->opt->tm, name, w->glossary_id);
  } else if (st == JURU_OK) {
    logf_(w, "%s: no glossary (HTTP %ld); the terms stay protected as markup",
          w->be->name, req.status);
  }
  juru__http_request_clear(&req);
  juru__buf_free(&tsv);
  return st;
}

static void free_work(work *w) {
  juru__free(w->glossary_id);
  for (size_t i = 0; i < w->n; i++) {
    if (w->text) juru__free(w->text[i]);
    if (w->version) juru__free(w->version[i]);
  }
  juru__free(w->text);
  juru__free(w->version);
}

juru_status juru_backend_translate(const juru_backend_options *opt,
                                   const juru_glossary *g,
                                   juru_backend_item *items, size_t n,
                                   juru_backend_stats *stats,
                                   juru_backend_log_fn log, void *userdata,
                                   juru_error *err) {
  juru_backend_stats local = {0};
  if (!stats) stats = &local;
  memset(stats, 0, sizeof *stats);
  const juru__backend *be = find(opt ? opt->name : NULL);
  if (!be)
    return juru__fail(err, JURU_EINVAL, "", 0, 0, JURU__NONE, "unknown backend '%s'",
                      opt && opt->name ? opt->name : "(none)");
  if (be->needs_key && !(opt->key && *opt->key))
    return juru__fail(err, JURU_EINVAL, be->name, 0, 0, JURU__NONE,
                      "%s needs an API key", be->name);
  if (be->needs_model && !(opt->model && *opt->model))
    return juru__fail(err, JURU_EINVAL, be->name, 0, 0, JURU__NONE,
                      "%s needs a model name", be->name);
  work w = {opt, be, g, items, n, NULL, NULL, stats, log, userdata,
            (unsigned)now_ms(), NULL};
  w.text = juru__calloc(n ? n : 1, sizeof *w.text);
  w.version = juru__calloc(n ? n : 1, sizeof *w.version);
  juru_status st = w.text && w.version ? JURU_OK : JURU_ENOMEM;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    items[i].english = NULL;
    items[i].from_tm = 0;
    items[i].honoured = 0;
    stats->terms += items[i].n_terms;
    st = prepare_text(&w, &items[i], &w.text[i]);
    if (st == JURU_OK) st = version_of(&w, &items[i], &w.version[i]);
  }
  if (st == JURU_OK) st = from_memory(&w);
  batches bs = {0};
  if (st == JURU_OK) st = make_batches(&w, &bs);
  if (st == JURU_OK && bs.n) st = server_glossary(&w);
  if (st == JURU_ENOMEM) juru__fail(err, st, "", 0, 0, JURU__NONE, "out of memory");
  int pending = 1;
  while (st == JURU_OK && pending) st = run_round(&w, &bs, err, &pending);
  for (size_t i = 0; i < n; i++) stats->honoured += items[i].english ? items[i].honoured : 0;
  for (size_t i = 0; i < bs.n; i++) juru__free(bs.b[i].idx);
  juru__free(bs.b);
  free_work(&w);
  return st;
}

juru_status juru_backend_check(const juru_backend_options *opt,
                               juru_error *err) {
  juru_backend_options o = *opt;
  o.tm = NULL;
  o.max_retries = 1;
  juru_backend_item it = {"Selamat pagi.", 13, NULL, 0, NULL, 0, 0};
  juru_status st = juru_backend_translate(&o, NULL, &it, 1, NULL, NULL, NULL, err);
  juru__free(it.english);
  return st;
}
