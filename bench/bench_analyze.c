/* Morphological analysis throughput: the words of a news corpus (the
 * texts given, repeated until at least TOKENS tokens, default 10 M) each
 * analysed on one thread, as the translator and glossary will.
 * usage: bench_analyze DICTIONARIES TEXT... [--tokens N] */
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

typedef struct words {
  char *text;
  size_t len;
  juru_token *tok;
  size_t n, cap;
} words;

static void add_file(words *w, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bench_analyze: cannot open %s\n", path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  w->text = realloc(w->text, w->len + (size_t)n + 1);
  if (!w->text || fread(w->text + w->len, 1, (size_t)n, f) != (size_t)n) exit(1);
  fclose(f);
  size_t base = w->len, pos = 0;
  w->len += (size_t)n;
  juru_token t;
  while (juru_token_next(NULL, w->text + base, (size_t)n, &pos, &t)) {
    if (t.type != JURU_TOK_WORD) continue;
    if (w->n == w->cap) {
      w->cap = w->cap ? w->cap * 2 : 4096;
      w->tok = realloc(w->tok, w->cap * sizeof *w->tok);
      if (!w->tok) exit(1);
    }
    t.start += base;
    t.end += base;
    w->tok[w->n++] = t;
  }
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: bench_analyze DICTIONARIES TEXT... [--tokens N]\n");
    return 2;
  }
  size_t target = 10000000;
  words w = {0};
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--tokens") == 0 && i + 1 < argc)
      target = strtoul(argv[++i], NULL, 10);
    else
      add_file(&w, argv[i]);
  }
  juru_morph *m = NULL;
  juru_error err;
  if (juru_morph_load_dir(argv[1], &m, &err) != JURU_OK) {
    fprintf(stderr, "%s:%zu: %s\n", err.source, err.line, err.text);
    return 1;
  }
  /* cold: the first pass analyses every distinct word once */
  double c0 = now();
  for (size_t i = 0; i < w.n; i++) {
    juru_analysis a;
    juru_morph_analyze(m, w.text + w.tok[i].start,
                       w.tok[i].end - w.tok[i].start, &a);
  }
  double cold = now() - c0;
  printf("analyze, first pass (every word new to the cache once): %zu tokens "
         "in %.3f s = %.2f M tokens/s\n",
         w.n, cold, (double)w.n / cold / 1e6);
  size_t done = 0, changed = 0;
  double t0 = now();
  while (done < target) {
    for (size_t i = 0; i < w.n && done < target; i++, done++) {
      juru_analysis a;
      juru_morph_analyze(m, w.text + w.tok[i].start,
                         w.tok[i].end - w.tok[i].start, &a);
      changed += strcmp(a.lemma, a.word) != 0;
    }
  }
  double secs = now() - t0;
  printf("analyze: %zu tokens (%zu distinct positions) in %.3f s = %.2f M "
         "tokens/s; %.1f%% with affixes\n",
         done, w.n, secs, (double)done / secs / 1e6,
         100.0 * (double)changed / (double)done);
  juru_morph_free(m);
  free(w.text);
  free(w.tok);
  return 0;
}
