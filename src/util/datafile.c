#define _POSIX_C_SOURCE 200809L
#include "datafile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "JURUDAT2" /* 2: string-map slots carry their hash */
#define BOM 0x01020304u

typedef struct header_entry {
  char name[JURU__SECTION_NAME];
  uint64_t offset, size;
} header_entry;

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

static int write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t k = write(fd, c, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    c += k;
    n -= (size_t)k;
  }
  return 0;
}

juru_status juru__datafile_write(const char *path, const juru__section *s,
                                 size_t n, juru_error *err) {
  char tmp[4096];
  if (snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path) >= (int)sizeof tmp)
    return juru__fail(err, JURU_EINVAL, path, 0, 0, JURU__NONE, "path too long");
  int fd = mkstemp(tmp);
  if (fd < 0)
    return juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE, "cannot create: %s",
                      strerror(errno));
  fchmod(fd, 0644); /* shared data, like the text it was compiled from */
  uint32_t head[2] = {(uint32_t)n, BOM};
  size_t off = align8(8 + sizeof head + n * sizeof(header_entry));
  int bad = write_all(fd, MAGIC, 8) || write_all(fd, head, sizeof head);
  for (size_t i = 0; i < n && !bad; i++) {
    header_entry e;
    memset(&e, 0, sizeof e);
    memcpy(e.name, s[i].name, JURU__SECTION_NAME - 1);
    e.offset = off;
    e.size = s[i].size;
    bad = write_all(fd, &e, sizeof e);
    off = align8(off + s[i].size);
  }
  static const char zeros[8] = {0};
  size_t pos = 8 + sizeof head + n * sizeof(header_entry);
  for (size_t i = 0; i < n && !bad; i++) {
    bad = write_all(fd, zeros, align8(pos) - pos);
    pos = align8(pos);
    bad = bad || (s[i].size && write_all(fd, s[i].data, s[i].size));
    pos += s[i].size;
  }
  if (!bad) bad = fsync(fd);
  if (close(fd) != 0) bad = 1;
  if (!bad && rename(tmp, path) != 0) bad = 1;
  if (bad) {
    int e = errno;
    unlink(tmp);
    return juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE, "cannot write: %s",
                      strerror(e));
  }
  return JURU_OK;
}

juru_status juru__datafile_open(const char *path, juru__datafile *df,
                                juru_error *err) {
  memset(df, 0, sizeof *df);
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE, "cannot open: %s",
                      strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 16) {
    close(fd);
    return juru__fail(err, JURU_ESYNTAX, path, 0, 0, JURU__NONE,
                      "not a Juru data file");
  }
  size_t size = (size_t)sb.st_size;
  void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED)
    return juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE, "cannot map: %s",
                      strerror(errno));
  const char *base = map;
  uint32_t head[2];
  memcpy(head, base + 8, sizeof head);
  size_t n = head[0];
  if (memcmp(base, MAGIC, 8) != 0 || head[1] != BOM || n > 1024 ||
      16 + n * sizeof(header_entry) > size) {
    munmap(map, size);
    return juru__fail(err, JURU_ESYNTAX, path, 0, 0, JURU__NONE,
                      "not a Juru data file (or from another machine type)");
  }
  juru__section *secs = juru__calloc(n ? n : 1, sizeof *secs);
  if (!secs) {
    munmap(map, size);
    return juru__fail(err, JURU_ENOMEM, path, 0, 0, JURU__NONE, NULL);
  }
  for (size_t i = 0; i < n; i++) {
    header_entry e;
    memcpy(&e, base + 16 + i * sizeof e, sizeof e);
    if (e.offset > size || e.size > size - e.offset || e.offset % 8) {
      juru__free(secs);
      munmap(map, size);
      return juru__fail(err, JURU_ESYNTAX, path, 0, 0, JURU__NONE,
                        "damaged data file (section out of bounds)");
    }
    memcpy(secs[i].name, e.name, JURU__SECTION_NAME);
    secs[i].name[JURU__SECTION_NAME - 1] = '\0';
    secs[i].data = base + e.offset;
    secs[i].size = (size_t)e.size;
  }
  df->map = map;
  df->size = size;
  df->sections = secs;
  df->nsections = n;
  return JURU_OK;
}

const juru__section *juru__datafile_get(const juru__datafile *df,
                                        const char *name) {
  for (size_t i = 0; i < df->nsections; i++)
    if (strcmp(df->sections[i].name, name) == 0) return &df->sections[i];
  return NULL;
}

void juru__datafile_close(juru__datafile *df) {
  if (df->map) munmap(df->map, df->size);
  juru__free((void *)df->sections);
  memset(df, 0, sizeof *df);
}

juru_status juru__strmap_sections(const juru__strmap *m, const char *name,
                                  juru__section out[2]) {
  memset(out, 0, 2 * sizeof *out);
  snprintf(out[0].name, JURU__SECTION_NAME, "%s.slots", name);
  snprintf(out[1].name, JURU__SECTION_NAME, "%s.keys", name);
  out[0].data = m->slots;
  out[0].size = m->nslots * sizeof *m->slots;
  out[1].data = m->keys.data;
  out[1].size = m->keys.len;
  return JURU_OK;
}

juru_status juru__strmap_view(juru__strmap *m, const juru__datafile *df,
                              const char *name) {
  char sname[JURU__SECTION_NAME], kname[JURU__SECTION_NAME];
  snprintf(sname, sizeof sname, "%s.slots", name);
  snprintf(kname, sizeof kname, "%s.keys", name);
  const juru__section *s = juru__datafile_get(df, sname);
  const juru__section *k = juru__datafile_get(df, kname);
  memset(m, 0, sizeof *m);
  if (!s || !k || s->size % sizeof(juru__strmap_slot)) return JURU_ESYNTAX;
  size_t n = s->size / sizeof(juru__strmap_slot);
  if (n && (n & (n - 1))) return JURU_ESYNTAX; /* a power of two */
  /* no walk over the slots: find() checks every slot it reads */
  const juru__strmap_slot *slots = s->data;
  m->slots = (juru__strmap_slot *)slots;
  m->nslots = n;
  m->count = 0; /* not stored; juru_lexicon keeps its own count */
  m->keys.data = (char *)k->data;
  m->keys.len = k->size;
  m->borrowed = 1;
  return JURU_OK;
}
