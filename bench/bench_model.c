/* How long opening a model file takes (juru_model_open: map and check),
 * and, for scale, how long a first query of every phrase then costs.
 *   usage: bench_model MODEL [RUNS] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "juru.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_model MODEL [RUNS]\n");
    return 64;
  }
  int runs = argc > 2 ? atoi(argv[2]) : 20;
  double best = 1e9, total = 0;
  for (int i = 0; i < runs; i++) {
    juru_model *m = NULL;
    juru_error err = {0};
    double t0 = now();
    juru_status st = juru_model_open(argv[1], &m, &err);
    double dt = now() - t0;
    if (st != JURU_OK) {
      fprintf(stderr, "%s: %s\n", argv[1], err.text);
      return 1;
    }
    juru_model_free(m);
    total += dt;
    if (dt < best) best = dt;
  }
  printf("model load (%s): %.1f ms mean, %.1f ms best over %d runs\n", argv[1],
         total / runs * 1e3, best * 1e3, runs);
  return 0;
}
