/* The abbreviation list: parsing, errors with line and column, lookup. */
#include <stdlib.h>

#include "juru.h"
#include "test.h"

static juru_status parse(const char *text, juru_abbrevs **a, juru_error *e) {
  memset(e, 0, sizeof *e);
  return juru_abbrevs_parse(text, strlen(text), "t.txt", a, e);
}

static void test_parse_and_find(void) {
  juru_abbrevs *a = NULL;
  juru_error e;
  CHECK(parse("# comment\n\nDr.\ttitle\tdoktor\r\ndll.\tend\nJl.\tpre\n", &a,
              &e) == JURU_OK);
  CHECK(juru_abbrevs_count(a) == 5); /* + DR. and JL. */
  CHECK(juru_abbrevs_find(a, "Dr.", 3) == JURU_ABBREV_TITLE);
  CHECK(juru_abbrevs_find(a, "DR.", 3) == JURU_ABBREV_TITLE);
  CHECK(juru_abbrevs_find(a, "JL.", 3) == JURU_ABBREV_PRE);
  CHECK(juru_abbrevs_find(a, "dll.", 4) == JURU_ABBREV_END);
  CHECK(juru_abbrevs_find(a, "DLL.", 4) == JURU_ABBREV_NONE);
  CHECK(juru_abbrevs_find(a, "dr.", 3) == JURU_ABBREV_NONE);
  CHECK(juru_abbrevs_find(a, "Dr", 2) == JURU_ABBREV_NONE);
  CHECK(juru_abbrevs_find(NULL, "Dr.", 3) == JURU_ABBREV_NONE);
  juru_abbrevs_free(a);
  juru_abbrevs_free(NULL);
}

static void test_errors(void) {
  struct {
    const char *text;
    size_t line, column;
    const char *msg;
  } cases[] = {
      {"Dr.\ttitle\nNo.\n", 2, 4, "expected"},
      {"Dr.\ttitle\nNo.\tsometimes\n", 2, 5, "class"},
      {"Dr\ttitle\n", 1, 1, "ending with '.'"},
      {"D r.\ttitle\n", 1, 2, "spaces"},
      {"Dr.\ttitle\nDr.\tend\n", 2, 1, "another class"},
      {"Dr.\ttitle\n\xFF.\tend\n", 2, 1, "UTF-8"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    juru_abbrevs *a = (juru_abbrevs *)1;
    juru_error e;
    juru_status st = parse(cases[i].text, &a, &e);
    CHECK(st == JURU_ESYNTAX || st == JURU_EUTF8);
    CHECK(a == NULL);
    CHECK(e.line == cases[i].line);
    CHECK(e.column == cases[i].column);
    CHECK(strstr(e.text, cases[i].msg) != NULL);
    CHECK_STR(e.source, "t.txt");
  }
  juru_abbrevs *a = NULL;
  juru_error e = {0};
  CHECK(juru_abbrevs_load("/nonexistent/abbreviations.txt", &a, &e) ==
        JURU_EIO);
  CHECK(a == NULL && strstr(e.text, "cannot open") != NULL);
  CHECK(juru_abbrevs_load("/", &a, &e) == JURU_EIO);
}

static void test_shipped_list(const char *datadir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/id/abbreviations.txt", datadir);
  juru_abbrevs *a = NULL;
  juru_error e = {0};
  CHECK(juru_abbrevs_load(path, &a, &e) == JURU_OK);
  CHECK(juru_abbrevs_count(a) > 200);
  const char *titles[] = {"Dr.", "dr.", "Prof.", "H.", "Hj.", "Ir.", "Tn.",
                          "Ny.", "Nn."};
  for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
    CHECK(juru_abbrevs_find(a, titles[i], strlen(titles[i])) ==
          JURU_ABBREV_TITLE);
  const char *others[] = {"S.H.", "M.Si.", "PT.", "Tbk.", "Pte.", "Ltd.",
                          "Co.", "Jl.", "Kab.", "Kec.", "Prov.", "No.",
                          "hlm.", "dll.", "dsb.", "dst.", "tsb.", "a.n.",
                          "u.p.", "Rp."};
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
    CHECK(juru_abbrevs_find(a, others[i], strlen(others[i])) !=
          JURU_ABBREV_NONE);
  /* words that end sentences must not be listed */
  const char *words[] = {"AS.", "ini.", "itu.", "RI.", "TNI.", "kg."};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    CHECK(juru_abbrevs_find(a, words[i], strlen(words[i])) ==
          JURU_ABBREV_NONE);
  juru_abbrevs_free(a);
}

int main(int argc, char **argv) {
  test_parse_and_find();
  test_errors();
  if (argc > 1) test_shipped_list(argv[1]);
  return TEST_REPORT();
}
