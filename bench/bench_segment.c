#define _POSIX_C_SOURCE 200809L
/* Segmenter throughput: streams a corpus of at least SIZE MB (default 100),
 * made by repeating the gold-set texts, through the segmenter in 64 KiB
 * chunks on one thread, and prints MB/s, sentences/s and peak memory.  Run
 * it with two sizes to see that memory does not grow with the input.
 * usage: bench_segment DICTIONARIES TEXT... [--mb SIZE] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "juru.h"

static int count(const juru_sentence *s, void *ud) {
  (void)s;
  (*(size_t *)ud)++;
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *append_file(char *buf, size_t *len, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bench_segment: cannot open %s\n", path);
    exit(1);
  }
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    buf = realloc(buf, *len + n + 1);
    if (!buf) exit(1);
    memcpy(buf + *len, chunk, n);
    *len += n;
  }
  fclose(f);
  /* documents end with a paragraph break */
  buf = realloc(buf, *len + 2);
  buf[(*len)++] = '\n';
  return buf;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: bench_segment DICTIONARIES TEXT... [--mb SIZE]\n");
    return 2;
  }
  size_t mb = 100;
  char *text = NULL;
  size_t len = 0;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) mb = strtoul(argv[++i], NULL, 10);
    else text = append_file(text, &len, argv[i]);
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/id/abbreviations.txt", argv[1]);
  juru_abbrevs *ab = NULL;
  if (juru_abbrevs_load(path, &ab, NULL) != JURU_OK) return 1;

  size_t target = mb << 20, fed = 0, sentences = 0;
  juru_segmenter *seg = juru_segmenter_new(ab, NULL);
  double t0 = now();
  while (fed < target) {
    for (size_t off = 0; off < len; off += 65536) {
      size_t n = len - off < 65536 ? len - off : 65536;
      if (juru_segmenter_feed(seg, text + off, n, count, &sentences, NULL) !=
          JURU_OK)
        return 1;
      fed += n;
    }
  }
  juru_segmenter_finish(seg, count, &sentences, NULL);
  double secs = now() - t0;
  juru_segmenter_free(seg);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("segment: %.1f MB in %.3f s = %.1f MB/s, %.0f sentences/s, "
         "%zu sentences, peak RSS %ld KiB (corpus held: %zu KiB)\n",
         (double)fed / 1048576.0, secs, (double)fed / 1048576.0 / secs,
         (double)sentences / secs, sentences, ru.ru_maxrss, len / 1024);
  juru_abbrevs_free(ab);
  free(text);
  return 0;
}
