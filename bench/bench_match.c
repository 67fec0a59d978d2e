/* Glossary matching throughput: a glossary of N terms (default 100,000:
 * the shipped news terms plus random 1-4 word combinations of background
 * words) matched over a corpus of at least MB megabytes (the texts given,
 * repeated) line by line, with morphology.  Prints MB/s and matches; with
 * --terms-out FILE also writes the terms, one per line, for grep -F -f.
 * usage: bench_match DICTIONARIES TEXT... [--terms N] [--mb MB]
 *                    [--terms-out FILE] [--corpus-out FILE] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "juru.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bench_match: cannot open %s\n", path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) exit(1);
  fclose(f);
  b[n] = '\0';
  *len = (size_t)n;
  return b;
}

/* The first column of each non-comment line. */
static size_t first_column(char *text, char **out, size_t max) {
  size_t n = 0;
  for (char *line = strtok(text, "\n"); line && n < max; line = strtok(NULL, "\n")) {
    if (line[0] == '#') continue;
    char *tab = strchr(line, '\t');
    if (tab) *tab = '\0';
    out[n++] = line;
  }
  return n;
}

static unsigned long long rng = 88172645463325252ull;
static size_t rnd(size_t n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (size_t)(rng % n);
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  size_t nterms = 100000, mb = 100;
  const char *terms_out = NULL, *corpus_out = NULL;
  char *corpus = NULL;
  size_t clen = 0;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--terms") == 0 && i + 1 < argc) nterms = strtoul(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) mb = strtoul(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--terms-out") == 0 && i + 1 < argc) terms_out = argv[++i];
    else if (strcmp(argv[i], "--corpus-out") == 0 && i + 1 < argc) corpus_out = argv[++i];
    else {
      size_t n;
      char *t = slurp(argv[i], &n);
      corpus = realloc(corpus, clen + n + 2);
      memcpy(corpus + clen, t, n);
      clen += n;
      corpus[clen++] = '\n';
      free(t);
    }
  }
  char path[4096];
  const char *lexfiles[] = {"id/lexicon/news-politics-security.tsv",
                            "id/lexicon/news-economy-science.tsv",
                            "id/lexicon/news-general.tsv", "id/frequencies.tsv"};
  char *heads[60000];
  size_t nheads = 0, nwords = 0;
  char *words[20000];
  for (int k = 0; k < 4; k++) {
    snprintf(path, sizeof path, "%s/%s", argv[1], lexfiles[k]);
    size_t n;
    char *t = slurp(path, &n);
    if (k < 3) nheads += first_column(t, heads + nheads, 60000 - nheads);
    else nwords = first_column(t, words, 20000);
  }
  juru_glossary *g = juru_glossary_new();
  FILE *tf = terms_out ? fopen(terms_out, "w") : NULL;
  size_t added = 0;
  for (size_t i = 0; added < nterms; i++) {
    char buf[512];
    const char *src;
    if (i < nheads) {
      src = heads[i];
    } else {
      size_t nw = 1 + rnd(4), o = 0;
      for (size_t w = 0; w < nw; w++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", w ? " " : "",
                              words[rnd(nwords)]);
      src = buf;
    }
    juru_term t;
    memset(&t, 0, sizeof t);
    t.source = src;
    t.target = "x";
    size_t before = juru_glossary_count(g);
    juru_glossary_add(g, &t);
    if (juru_glossary_count(g) > before) {
      added++;
      if (tf) fprintf(tf, "%s\n", src);
    }
  }
  if (tf) fclose(tf);
  juru_morph *m = NULL;
  if (juru_morph_load_dir(argv[1], &m, NULL) != JURU_OK) return 1;
  double b0 = now();
  juru_matcher *mt = NULL;
  if (juru_matcher_new(g, m, &mt) != JURU_OK) return 1;
  double build = now() - b0;
  FILE *cf = corpus_out ? fopen(corpus_out, "w") : NULL;
  size_t target = mb << 20, done = 0, matches = 0;
  juru_match out[256];
  double t0 = now();
  while (done < target) {
    for (char *line = corpus, *end = corpus + clen; line < end;) {
      char *nl = memchr(line, '\n', (size_t)(end - line));
      size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
      matches += juru_matcher_find(mt, line, n, out, 256);
      done += n + 1;
      line += n + 1;
    }
    if (cf) fwrite(corpus, 1, clen, cf);
  }
  double secs = now() - t0;
  if (cf) fclose(cf);
  printf("match: %zu terms (built in %.2f s), %.1f MB in %.2f s = %.1f MB/s, "
         "%zu matches\n",
         added, build, (double)done / 1048576.0, secs,
         (double)done / 1048576.0 / secs, matches);
  juru_matcher_free(mt);
  juru_glossary_free(g);
  juru_morph_free(m);
  free(corpus);
  return 0;
}
