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
  CHECK(strstr(e.text, "UTF-16") != NULL);
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
  test_utf8_repair();
  test_normalize();
  test_strerror();
  return TEST_REPORT();
}
