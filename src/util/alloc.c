/* The library's allocator, replaceable as a whole so that tests can make the
 * n-th allocation fail. */
#include <stdlib.h>
#include <string.h>

#include "util.h"

static juru_malloc_fn alloc_malloc = malloc;
static juru_realloc_fn alloc_realloc = realloc;
static juru_free_fn alloc_free = free;

void juru_set_allocator(juru_malloc_fn m, juru_realloc_fn r, juru_free_fn f) {
  if (m && r && f) {
    alloc_malloc = m;
    alloc_realloc = r;
    alloc_free = f;
  } else {
    alloc_malloc = malloc;
    alloc_realloc = realloc;
    alloc_free = free;
  }
}

void *juru__malloc(size_t size) { return alloc_malloc(size ? size : 1); }

void *juru__calloc(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  void *p = juru__malloc(n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

void *juru__realloc(void *ptr, size_t size) {
  return alloc_realloc(ptr, size ? size : 1);
}

void juru__free(void *ptr) {
  if (ptr) alloc_free(ptr);
}

void juru_free(void *ptr) { juru__free(ptr); }

char *juru__strndup(const char *s, size_t len) {
  char *p = juru__malloc(len + 1);
  if (!p) return NULL;
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

void juru__explicit_bzero(void *p, size_t n) {
  volatile unsigned char *v = p;
  while (n--) *v++ = 0;
}

juru_status juru__grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return JURU_OK;
  size_t c = *cap ? *cap : 64;
  while (c < need) {
    if (c > SIZE_MAX / 2 / size) return JURU_ENOMEM;
    c *= 2;
  }
  void *np = juru__realloc(*p, c * size);
  if (!np) return JURU_ENOMEM;
  *p = np;
  *cap = c;
  return JURU_OK;
}
