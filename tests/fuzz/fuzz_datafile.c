/* Fuzz target: opening a damaged compiled lexicon.  The bytes are written
 * as a file and opened; it must be refused or answer queries in bounds. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juru.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/juru-fuzz-datafile-%d.jdat", (int)getpid());
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  juru_lexicon *lx = NULL;
  if (juru_lexicon_open(path, &lx, NULL) == JURU_OK) {
    juru_lex_entry e[4];
    const char *q[] = {"rudal", "a", "duta besar", "missile"};
    for (size_t i = 0; i < 4; i++) {
      juru_lexicon_find(lx, q[i], strlen(q[i]), e, 4);
      juru_lexicon_reverse(lx, q[i], strlen(q[i]), e, 4);
      juru_lexicon_containing(lx, q[i], strlen(q[i]), e, 4);
    }
    juru_lexicon_free(lx);
  }
  unlink(path);
  return 0;
}
