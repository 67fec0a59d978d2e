/* Fuzz target: each backend's reply parser on arbitrary bytes (the first
 * byte picks the backend and the number of sentences expected), and the
 * TMX importer of the translation memory on the same bytes. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/backend.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  static const juru__backend *const all[] = {&juru__libretranslate, &juru__deepl,
                                             &juru__google, &juru__openai,
                                             &juru__ollama};
  const juru__backend *b = all[data[0] % 5];
  size_t n = (size_t)(data[0] >> 3) % 8 + 1;
  char *out[8];
  char why[300];
  juru_status st = b->parse((const char *)data + 1, size - 1, n, out, why, sizeof why);
  if (st == JURU_OK) {
    for (size_t i = 0; i < n; i++) {
      if (!out[i] || !out[i][0]) abort(); /* empty text is never accepted */
      juru_free(out[i]);
    }
  } else if (!why[0] && st != JURU_ENOMEM) {
    abort(); /* every refusal says why */
  }
  /* the TMX importer */
  char path[] = "/tmp/juru-fuzz-tmx-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) abort();
  close(fd);
  juru_tm *tm = NULL;
  if (juru_tm_open(":memory:", &tm, NULL) != JURU_OK) abort();
  juru_tm_key key = {"fuzz", "", ""};
  size_t count = 0;
  juru_tm_import_tmx(tm, &key, path, &count, NULL);
  if (count > juru_tm_count(tm)) abort();
  juru_tm_close(tm);
  unlink(path);
  return 0;
}
