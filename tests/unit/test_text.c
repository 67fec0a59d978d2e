/* UTF-8 validation and repair, normalisation. */
#include <stdlib.h>

#include "juru.h"
#include "test.h"

static juru_status check(const char *s, size_t len, juru_error *err) {
  memset(err, 0, sizeof *err);
  return juru_utf8_check(s, len, err);
}

static void test_utf8_check(void) {
  juru_error e;
  CHECK(check("", 0, &e) == JURU_OK);
  CHECK(check("kamp-kamp “teroris” …", strlen("kamp-kamp “teroris” …"), &e) ==
        JURU_OK);
  CHECK(check("\xF0\x9F\x98\x80", 4, &e) == JURU_OK); /* emoji */
  CHECK(check("ab\xC0\x80", 4, &e) == JURU_EUTF8);    /* overlong NUL */
  CHECK(e.offset == 2 && e.line == 1 && e.column == 3);
  CHECK(check("\xE0\x80\xAF", 3, &e) == JURU_EUTF8);  /* overlong '/' */
  CHECK(check("\xED\xA0\x80", 3, &e) == JURU_EUTF8);  /* surrogate */
  CHECK(check("\xF4\x90\x80\x80", 4, &e) == JURU_EUTF8); /* > U+10FFFF */
  CHECK(check("\xF5\x80\x80\x80", 4, &e) == JURU_EUTF8);
  CHECK(check("\x80", 1, &e) == JURU_EUTF8);          /* lone continuation */
  CHECK(check("ok\n\xE2\x82", 5, &e) == JURU_EUTF8);  /* truncated */
  CHECK(e.offset == 3 && e.line == 2 && e.column == 1);
  CHECK(strstr(e.text, "truncated") != NULL);
  CHECK(check("a\r\nb\rc\0", 7, &e) == JURU_ENUL);
  CHECK(e.line == 3 && e.column == 2 && e.offset == 6);
  CHECK(check("\xFF\xFEh\0i\0", 6, &e) == JURU_EENCODING);
  CHECK(strstr(e.text, "UTF-16LE") != NULL);
  CHECK(check("\xFE\xFF\0h\0i", 6, &e) == JURU_EENCODING);
  CHECK(strstr(e.text, "UTF-16BE") != NULL);
  CHECK(check("\xFF\xFE\0\0h\0\0\0", 8, &e) == JURU_EENCODING);
  CHECK(strstr(e.text, "UTF-32LE") != NULL); /* not taken for UTF-16 */
}

/* Each kind of bad byte says what it is; binary files are named. */
static void test_utf8_messages(void) {
  static const struct {
    const char *s;
    size_t len;
    juru_status st;
    const char *says;
  } cases[] = {
      {"ab\xC0\xAF", 4, JURU_EUTF8, "0xC0 at offset 2 (overlong encoding)"},
      {"\xE0\x80\xAF", 3, JURU_EUTF8, "(overlong encoding)"},
      {"\xF0\x8F\xBF\xBF", 4, JURU_EUTF8, "(overlong encoding)"},
      {"x\xED\xA0\x80", 4, JURU_EUTF8, "0xED at offset 1 (UTF-16 surrogate)"},
      {"\xF4\x90\x80\x80", 4, JURU_EUTF8, "(code point past U+10FFFF)"},
      {"\xF8\x88", 2, JURU_EUTF8, "(not a byte of UTF-8)"},
      {"a \x93kata\x94", 8, JURU_EUTF8, "0x93 at offset 2 (a continuation byte"},
      {"caf\xE9 enak", 9, JURU_EUTF8, "(a sequence cut short: Windows-1252"},
      {"ok \xE2\x82", 5, JURU_EUTF8, "(truncated sequence at end of input)"},
      {"ab\0", 3, JURU_ENUL, "NUL byte at offset 2: binary data, not text"},
      {"\x7F" "ELF\x02\x01\x01\0", 8, JURU_EENCODING,
       "input is binary (an ELF executable or library), not text"},
      {"\x1F\x8B\x08\0", 4, JURU_EENCODING, "(gzip-compressed data"},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3", 14, JURU_EENCODING, "(a PDF document)"},
      {"PK\x03\x04\x14\0", 6, JURU_EENCODING, "(a ZIP archive"},
      {"\x89PNG\r\n\x1A\n", 8, JURU_EENCODING, "(a PNG image)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    juru_error e;
    juru_status st = check(cases[i].s, cases[i].len, &e);
    CHECK(st == cases[i].st);
    if (!strstr(e.text, cases[i].says)) {
      test_failed++;
      fprintf(stderr, "case %zu: \"%s\" lacks \"%s\"\n", i, e.text,
              cases[i].says);
    }
  }
  /* a magic number alone is no error: text may begin with anything */
  juru_error e;
  CHECK(check("%PDF- adalah format dokumen.", 28, &e) == JURU_OK);
  CHECK(check("BZh itu.", 8, &e) == JURU_OK);
}

static void test_utf8_repair(void) {
  char *out = NULL;
  size_t n = 0;
  CHECK(juru_utf8_repair("a\xFF" "b\0c", 5, &out, &n) == JURU_OK);
  CHECK_STR(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  CHECK(n == 9);
  juru_error e;
  CHECK(check(out, n, &e) == JURU_OK);
  juru_free(out);
  CHECK(juru_utf8_repair("", 0, &out, &n) == JURU_OK && n == 0);
  juru_free(out);
}

static char *norm(const char *s, unsigned flags) {
  char *out = NULL;
  size_t n;
  if (juru_normalize(s, strlen(s), flags, &out, &n, NULL) != JURU_OK)
    return NULL;
  return out;
}

static void test_normalize(void) {
  struct {
    const char *in;
    unsigned flags;
    const char *want;
  } cases[] = {
      {"“Dia menggarisbawahi” – ‘kata’…", JURU_NORM_DEFAULT,
       "\"Dia menggarisbawahi\" - 'kata'..."},
      {"  pukul\xC2\xA0" "10.30\tWIB \n", JURU_NORM_DEFAULT, "pukul 10.30 WIB"},
      {"\xEF\xBB\xBFkam\xE2\x80\x8Bp", JURU_NORM_DEFAULT, "kamp"},
      {"e\xCC\x81", JURU_NORM_NFC, "\xC3\xA9"},              /* NFC */
      {"Komite KEAMANAN", JURU_NORM_CASEFOLD, "komite keamanan"},
      {"“x”", JURU_NORM_NFC, "“x”"},                          /* kept */
      {"", JURU_NORM_DEFAULT, ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *got = norm(cases[i].in, cases[i].flags);
    CHECK_STR(got, cases[i].want);
    juru_free(got);
  }
  char *out = NULL;
  size_t n;
  juru_error e = {0};
  CHECK(juru_normalize("a\xFF", 2, JURU_NORM_DEFAULT, &out, &n, &e) ==
        JURU_EUTF8);
  CHECK(out == NULL);
}

static void test_strerror(void) {
  for (int s = JURU_OK; s <= JURU_ENOTFOUND; s++)
    CHECK(juru_strerror((juru_status)s)[0] != '\0');
  CHECK_STR(juru_strerror(JURU_EUTF8), "invalid UTF-8");
  CHECK_STR(juru_version(), JURU_VERSION_STRING);
}

int main(void) {
  test_utf8_check();
  test_utf8_messages();
  test_utf8_repair();
  test_normalize();
  test_strerror();
  return TEST_REPORT();
}
