/* An allocator whose n-th allocation fails, for allocation-failure tests
 * (jansson's test_chaos, curl's torture): install it with
 * juru_set_allocator(chaos_malloc, chaos_realloc, free), set countdown to
 * n, run, and read failures (1 when the failure happened). */
#ifndef JURU_TEST_CHAOS_H
#define JURU_TEST_CHAOS_H

#include <stdlib.h>

static long countdown = -1; /* allocations left before one fails; -1: off */
static long failures;

static void *chaos_malloc(size_t n) {
  if (countdown == 0) {
    countdown = -1;
    failures++;
    return NULL;
  }
  if (countdown > 0) countdown--;
  return malloc(n);
}

static void *chaos_realloc(void *p, size_t n) {
  if (countdown == 0) {
    countdown = -1;
    failures++;
    return NULL;
  }
  if (countdown > 0) countdown--;
  return realloc(p, n);
}

#endif
