/* Pathological inputs in bounded, linear time (cmark's idea): 100,000
 * opening quotes, a megabyte of dots, a megabyte-long hyphen chain, a
 * 50,000-word sentence, and glossaries of 10,000 terms that all share a
 * long prefix.  Each goes the way `juru translate` takes text: segmentation,
 * term extraction, glossary matching and translation, sentence by sentence.
 *
 * Translation uses the model the build trains when it is there (as juru
 * translate does), else the rules alone.  Further cases: a megabyte of
 * "a.", of "kamp-", one word of a megabyte, 250,000 one-word sentences,
 * 20,000 different names (the extractor's candidates) and a clause of
 * 25,000 names each followed by an adjective (the copula rules).
 *
 * Each case runs at a quarter of its size and at full size, each run in a
 * child process of its own (a crash is reported as such, and every run
 * starts from the same heap).  It fails when a stage takes more than
 * MAX_SECONDS (wall clock) at full size, or when four times the input
 * costs more than ten times the CPU time (plus a little for timer noise):
 * quadratic behaviour costs sixteen times.  A stage over either bound is
 * measured once more and the better times kept.  argv[3], if given, runs
 * only the cases whose name contains it. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dicts.h"
#include "juru.h"
#include "test.h"

/* The wall-clock bound is the release build's; AddressSanitizer does the
 * same work about seven times slower (250,000 one-word sentences: 1.1 s
 * against 8 s, and 12 s beside another test), so it gets three times the
 * time.  The CPU ratio, which catches quadratic work, is the same in both. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JURU_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(JURU_ASAN)
#define MAX_SECONDS 30.0
#else
#define MAX_SECONDS 10.0
#endif
#define RATIO 10.0
#define SLACK 0.1 /* seconds of CPU time the ratio forgives */

static dicts d;
static char glossary_rules[4096];

enum { LOAD, SEGMENT, EXTRACT, MATCH, TRANSLATE, STAGES };
static const char *const stage_names[STAGES] = {"glossary", "segment", "extract",
                                                "match", "translate"};

typedef struct timing {
  double cpu[STAGES], wall[STAGES];
  size_t sentences, matches, english;
} timing;

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the pipeline -------------------------------------------------------- */

typedef struct span {
  size_t start, len;
} span;

typedef struct spans {
  span *s;
  size_t n, cap;
  int failed;
} spans;

static int collect(const juru_sentence *s, void *ud) {
  spans *v = ud;
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 256;
    span *p = realloc(v->s, cap * sizeof *p);
    if (!p) {
      v->failed = 1;
      return 1;
    }
    v->s = p;
    v->cap = cap;
  }
  v->s[v->n].start = s->start;
  v->s[v->n].len = s->len;
  v->n++;
  return 0;
}

static double stage_start[2];
static void start(void) {
  stage_start[0] = cpu_now();
  stage_start[1] = wall_now();
}
static void stop(timing *t, int stage) {
  t->cpu[stage] = cpu_now() - stage_start[0];
  t->wall[stage] = wall_now() - stage_start[1];
}

/* `text` through every stage, `tsv` (may be NULL) as the user's glossary.
 * Sentence offsets are the input's: the text has no byte-order mark. */
static int pipeline(const char *text, size_t len, const char *tsv,
                    size_t tsv_len, size_t n_terms, timing *t) {
  memset(t, 0, sizeof *t);
  spans v = {0};
  int ok = 1;

  start();
  juru_glossary *user = NULL;
  if (tsv) {
    juru_error e = {0};
    user = juru_glossary_new();
    ok &= user && juru_glossary_parse(user, tsv, tsv_len, JURU_GLOSSARY_TSV,
                                      "prefix.tsv", &e) == JURU_OK;
    ok &= juru_glossary_count(user) == n_terms;
  }
  stop(t, LOAD);

  start();
  ok &= juru_segment(d.abbrevs, NULL, text, len, collect, &v, NULL) == JURU_OK;
  stop(t, SEGMENT);
  ok &= !v.failed;
  t->sentences = v.n;

  start();
  juru_extract_options eo = {1, 0, 0, glossary_rules};
  juru_extractor *ex = NULL;
  juru_glossary *found = NULL, *g = juru_glossary_new();
  ok &= g != NULL;
  ok &= juru_extractor_new(d.lexicon, d.morph, user, &eo, &ex) == JURU_OK;
  for (size_t i = 0; ok && i < v.n; i++)
    ok &= juru_extractor_add(ex, text + v.s[i].start, v.s[i].len) == JURU_OK;
  ok &= ok && juru_extractor_finish(ex, &found) == JURU_OK;
  /* the user's terms first, then the article's, as juru translate does */
  for (size_t i = 0; ok && user && i < juru_glossary_count(user); i++)
    ok &= juru_glossary_add(g, juru_glossary_get(user, i)) == JURU_OK;
  for (size_t i = 0; ok && i < juru_glossary_count(found); i++)
    ok &= juru_glossary_add(g, juru_glossary_get(found, i)) == JURU_OK;
  stop(t, EXTRACT);

  start();
  juru_matcher *mt = NULL;
  ok &= ok && juru_matcher_new(g, d.morph, &mt) == JURU_OK;
  for (size_t i = 0; ok && i < v.n; i++)
    t->matches += juru_matcher_find(mt, text + v.s[i].start, v.s[i].len, NULL, 0);
  stop(t, MATCH);

  start();
  ok &= ok && juru_translator_set_glossary(d.translator, g) == JURU_OK;
  for (size_t i = 0; ok && i < v.n; i++) {
    const juru_translation *out = NULL;
    ok &= juru_translate_sentence(d.translator, text + v.s[i].start, v.s[i].len, &out) ==
          JURU_OK;
    if (ok) t->english += out->english_len;
  }
  if (juru_translator_set_glossary(d.translator, NULL) != JURU_OK) ok = 0;
  stop(t, TRANSLATE);

  juru_matcher_free(mt);
  juru_extractor_free(ex);
  juru_glossary_free(found);
  juru_glossary_free(g);
  juru_glossary_free(user);
  free(v.s);
  return ok;
}

/* ---- inputs -------------------------------------------------------------- */

typedef struct text {
  char *data;
  size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 4096;
    while (cap < t->len + n + 1) cap *= 2;
    char *p = realloc(t->data, cap);
    if (!p) abort();
    t->data = p;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = '\0';
}

static void puts_n(text *t, const char *s, size_t times) {
  size_t n = strlen(s);
  for (size_t i = 0; i < times; i++) put(t, s, n);
}

/* Bytes of `unit` repeated to `size` bytes (the last copy cut short at a
 * character boundary: units are ASCII or whole characters). */
static void fill(text *t, const char *unit, size_t size) {
  size_t n = strlen(unit);
  while (t->len + n <= size) put(t, unit, n);
}

/* Terms that share a long prefix: in tokens ("Komite ... Bagian 17") or in
 * bytes (one word: 200 letters and a number).  The text uses each term once,
 * and then the bare prefix over and over, which no term completes. */
static void prefix_glossary(size_t n, int one_word, text *t, text *tsv) {
  static const char words[] =
      "Komite Keamanan Nasional Republik Indonesia Wilayah Barat Daya Bagian ";
  char prefix[256], term[300], line[700];
  if (one_word) {
    memset(prefix, 'k', 200);
    prefix[200] = '\0';
  } else {
    snprintf(prefix, sizeof prefix, "%s", words);
  }
  for (size_t i = 0; i < n; i++) {
    snprintf(term, sizeof term, "%s%zu", prefix, i);
    snprintf(line, sizeof line, "%s\tTerm %zu\n", term, i);
    put(tsv, line, strlen(line));
    snprintf(line, sizeof line, "Kami melihat %s di kantor. ", term);
    put(t, line, strlen(line));
  }
  for (size_t i = 0; i < n; i++) {
    put(t, prefix, strlen(prefix));
    if (one_word) put(t, " ", 1);
  }
  put(t, ".", 1);
}

typedef enum kind {
  QUOTES_ASCII,   /* """"""... */
  QUOTES_CURLY,   /* “Dia “Dia “Dia ... never closed */
  PARENS,         /* ((((... */
  DOTS,           /* ........ */
  INITIALS,       /* a.a.a.a. ... an abbreviation that never ends */
  HYPHENS,        /* a-a-a-a-... one word */
  REDUPLICATION,  /* kamp-kamp-kamp-... one word */
  WORDS,          /* one sentence of 50,000 words */
  PREDICATES,     /* Jokowi senang Jokowi senang ... no verb, one clause */
  ONE_WORD,       /* one word of a million letters */
  SENTENCES,      /* 250,000 sentences of one word */
  NAMES,          /* 20,000 different names, all new */
  PREFIX_TOKENS,  /* 10,000 terms sharing nine words */
  PREFIX_BYTES    /* 10,000 one-word terms sharing 200 letters */
} kind;

static const struct {
  kind k;
  const char *name;
  size_t full; /* the size */
} cases[] = {
    {QUOTES_ASCII, "100,000 opening quotes", 100000},
    {QUOTES_CURLY, "100,000 curly quotes before words", 100000},
    {PARENS, "100,000 opening parentheses", 100000},
    {DOTS, "1 MB of dots", 1000000},
    {INITIALS, "1 MB of a.a.a.", 1000000},
    {HYPHENS, "1 MB hyphen chain a-a-a-", 1000000},
    {REDUPLICATION, "1 MB kamp-kamp-kamp-", 1000000},
    {WORDS, "a 50,000-word sentence", 50000},
    {PREDICATES, "a 50,000-word clause of names and adjectives", 25000},
    {ONE_WORD, "a word of 1 MB", 1000000},
    {SENTENCES, "250,000 one-word sentences", 250000},
    {NAMES, "20,000 different names", 20000},
    {PREFIX_TOKENS, "10,000 terms sharing nine words", 10000},
    {PREFIX_BYTES, "10,000 terms sharing 200 letters", 10000},
};

/* The input of case k at `size`; tsv gets the user's glossary, if any. */
static void make(kind k, size_t size, text *t, text *tsv) {
  static const char *const sentence[] = {
      "presiden", "joko",  "widodo", "meresmikan", "kantor", "polisi",
      "yang",     "baru",  "itu",    "di",         "jakarta", "dan",
      "para",     "pejabat", "akan", "dibangun",   "oleh",   "pemerintah"};
  t->len = tsv->len = 0;
  switch (k) {
    case QUOTES_ASCII: puts_n(t, "\"", size); break;
    case QUOTES_CURLY: puts_n(t, "\xE2\x80\x9C" "Dia ", size); break;
    case PARENS: puts_n(t, "(", size); break;
    case DOTS: fill(t, ".", size); break;
    case INITIALS: fill(t, "a.", size); break;
    case HYPHENS: fill(t, "a-", size); put(t, "a", 1); break;
    case REDUPLICATION: fill(t, "kamp-", size); put(t, "kamp", 4); break;
    case WORDS:
      for (size_t i = 0; i < size; i++) {
        const char *w = sentence[i % (sizeof sentence / sizeof *sentence)];
        put(t, w, strlen(w));
        put(t, " ", 1);
      }
      break;
    case PREDICATES: puts_n(t, "Jokowi senang ", size); break;
    case ONE_WORD: fill(t, "a", size); break;
    case SENTENCES: puts_n(t, "Ya. ", size); break;
    case NAMES:
      /* Bagonu Kidafe, Bagonu Kidafi, ...: made-up capitalised pairs */
      for (size_t i = 0; i < size; i++) {
        char name[64], line[160];
        size_t o = 0, x = i;
        for (int syl = 0; syl < 4; syl++) {
          if (syl == 2) name[o++] = ' ';
          name[o++] = "bdgklmnprst"[x % 11];
          name[o++] = "aiueo"[(x / 11) % 5];
          x /= 55;
          if (syl == 0 || syl == 2) name[o - 2] -= 'a' - 'A';
        }
        name[o] = '\0';
        snprintf(line, sizeof line, "Menteri %s bertemu %s di Jakarta. ", name,
                 name);
        put(t, line, strlen(line));
      }
      break;
    case PREFIX_TOKENS: prefix_glossary(size, 0, t, tsv); break;
    case PREFIX_BYTES: prefix_glossary(size, 1, t, tsv); break;
  }
}

/* One run of case c at `size`, in a child process: every run starts from
 * the same heap (the allocator's state after a big run would make the
 * next one cheaper or dearer by more than the ratio measures), and a crash
 * is reported instead of ending the test.  0 when the run failed. */
static int measure(size_t c, size_t size, timing *out) {
  int fd[2];
  if (pipe(fd) != 0) return 0;
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) return 0;
  if (pid == 0) {
    close(fd[0]);
    text t = {0}, tsv = {0};
    timing r;
    int terms = cases[c].k == PREFIX_TOKENS || cases[c].k == PREFIX_BYTES;
    make(cases[c].k, size, &t, &tsv);
    int ok = pipeline(t.data, t.len, terms ? tsv.data : NULL, tsv.len, size,
                      &r);
    ok = ok && r.sentences > 0 && r.english > 0; /* it was all translated */
    ok = ok && write(fd[1], &r, sizeof r) == (ssize_t)sizeof r;
    free(t.data);
    free(tsv.data);
    _exit(ok ? 0 : 1);
  }
  close(fd[1]);
  size_t got = 0;
  while (got < sizeof *out) {
    ssize_t n = read(fd[0], (char *)out + got, sizeof *out - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += (size_t)n;
  }
  close(fd[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status))
    fprintf(stderr, "%s at %zu: killed by signal %d\n", cases[c].name, size,
            WTERMSIG(status));
  else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fprintf(stderr, "%s at %zu: failed\n", cases[c].name, size);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 && got == sizeof *out;
}

static int too_slow(const timing *full, const timing *small, int s) {
  return full->wall[s] > MAX_SECONDS ||
         full->cpu[s] > RATIO * small->cpu[s] + SLACK;
}

static void run_case(size_t c) {
  timing small, full, r;
  size_t n = cases[c].full;
  int ok = measure(c, n / 4, &small) && measure(c, n, &full);
  /* a stage too slow is measured once more, the best time of each kept
   * (the machine may have been busy) */
  int again = 0;
  for (int s = 0; ok && s < STAGES; s++) again |= too_slow(&full, &small, s);
  if (ok && again) {
    ok = measure(c, n / 4, &r);
    for (int s = 0; ok && s < STAGES; s++)
      if (r.cpu[s] < small.cpu[s]) small.cpu[s] = r.cpu[s];
    ok = ok && measure(c, n, &r);
    for (int s = 0; ok && s < STAGES; s++) {
      if (r.cpu[s] < full.cpu[s]) full.cpu[s] = r.cpu[s];
      if (r.wall[s] < full.wall[s]) full.wall[s] = r.wall[s];
    }
  }
  CHECK(ok);
  if (!ok) return;
  printf("%s: %zu sentences, %zu matches\n", cases[c].name, full.sentences,
         full.matches);
  int terms = cases[c].k == PREFIX_TOKENS || cases[c].k == PREFIX_BYTES;
  for (int s = 0; s < STAGES; s++) {
    if (s == LOAD && !terms) continue;
    printf("  %-10s %6.3f s (CPU %6.3f s; at 1/4 size %6.3f s)\n",
           stage_names[s], full.wall[s], full.cpu[s], small.cpu[s]);
    if (too_slow(&full, &small, s)) {
      test_failed++;
      fprintf(stderr, "%s: %s took %.3f s (CPU %.3f s; at a quarter of the size "
              "%.3f s)\n", cases[c].name, stage_names[s], full.wall[s],
              full.cpu[s], small.cpu[s]);
    } else {
      test_passed++;
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  snprintf(glossary_rules, sizeof glossary_rules, "%s/id/glossary.txt", argv[1]);
  if (dicts_open(argv[1], &d) != 0) return 1;
  /* the model the build trains (share/juru/compiled beside juru, one level
   * up from the tests), as juru translate uses it by default */
  char model_path[4096];
  const char *slash = strrchr(argv[0], '/');
  snprintf(model_path, sizeof model_path,
           "%.*s/../share/juru/compiled/default.model",
           slash ? (int)(slash - argv[0]) : 1, slash ? argv[0] : ".");
  juru_model *model = NULL;
  if (juru_model_open(model_path, &model, NULL) == JURU_OK) {
    juru_translator_set_model(d.translator, model);
    printf("translating with the model %s\n", model_path);
  } else {
    printf("translating with the rules alone (no %s)\n", model_path);
  }

  const char *only = argc > 3 ? argv[3] : NULL;
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
    if (!only || strstr(cases[c].name, only)) run_case(c);

  dicts_close(&d);
  juru_model_free(model);
  return TEST_REPORT();
}
