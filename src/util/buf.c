/* A size-capped growable buffer, in the spirit of curl's dynbuf: growth
 * doubles, and a buffer never grows past its cap, so hostile input meets a
 * clear JURU_ETOOBIG instead of exhausting memory. */
#include <string.h>

#include "util.h"

juru_status juru__buf_reserve(juru__buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1) return JURU_ETOOBIG;
  size_t need = b->len + extra + 1;
  if (b->max && need > b->max + 1) return JURU_ETOOBIG;
  if (need <= b->cap) return JURU_OK;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  if (b->max && cap > b->max + 1) cap = b->max + 1;
  char *p = juru__realloc(b->data, cap);
  if (!p) return JURU_ENOMEM;
  b->data = p;
  b->cap = cap;
  b->data[b->len] = '\0';
  return JURU_OK;
}

juru_status juru__buf_append(juru__buf *b, const void *data, size_t len) {
  juru_status st = juru__buf_reserve(b, len);
  if (st != JURU_OK) return st;
  if (len) memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return JURU_OK;
}

void juru__buf_consume(juru__buf *b, size_t n) {
  if (n >= b->len) {
    juru__buf_clear(b);
    return;
  }
  memmove(b->data, b->data + n, b->len - n);
  b->len -= n;
  b->data[b->len] = '\0';
}

void juru__buf_clear(juru__buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

void juru__buf_free(juru__buf *b) {
  juru__free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

int juru__next_line(juru__lines *it, const char **line, size_t *n) {
  if (it->pos >= it->len) return 0;
  const char *p = it->data + it->pos;
  const char *nl = memchr(p, '\n', it->len - it->pos);
  size_t k = nl ? (size_t)(nl - p) : it->len - it->pos;
  it->pos += k + (nl ? 1 : 0);
  it->number++;
  if (k && p[k - 1] == '\r') k--;
  *line = p;
  *n = k;
  return 1;
}
