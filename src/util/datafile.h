/* Compiled data files: named sections in one file, written atomically and
 * read through mmap, so that loading costs a system call, not a parse.
 *
 * Layout (little-endian, as the machine writes it; the magic includes the
 * byte order and word size so a foreign file is refused, not misread):
 *   "JURUDAT2"  u32 section count  u32 byte-order mark 0x01020304
 *   per section: char name[24], u64 offset, u64 size   (offsets 8-aligned)
 *   section bytes */
#ifndef JURU_DATAFILE_H
#define JURU_DATAFILE_H

#include <stddef.h>
#include <stdint.h>

#include "strmap.h"
#include "util.h"

#define JURU__SECTION_NAME 24

typedef struct juru__section {
  char name[JURU__SECTION_NAME];
  const void *data;
  size_t size;
} juru__section;

juru_status juru__datafile_write(const char *path, const juru__section *s,
                                 size_t n, juru_error *err);

typedef struct juru__datafile {
  void *map;
  size_t size;
  const juru__section *sections; /* into an allocated array */
  size_t nsections;
} juru__datafile;

juru_status juru__datafile_open(const char *path, juru__datafile *df,
                                juru_error *err);
/* NULL when absent. */
const juru__section *juru__datafile_get(const juru__datafile *df,
                                        const char *name);
void juru__datafile_close(juru__datafile *df);

/* A strmap stored as two sections, NAME.slots and NAME.keys. */
juru_status juru__strmap_sections(const juru__strmap *m, const char *name,
                                  juru__section out[2]);
/* A read-only strmap over a data file's sections (checked for bounds). */
juru_status juru__strmap_view(juru__strmap *m, const juru__datafile *df,
                              const char *name);

#endif
