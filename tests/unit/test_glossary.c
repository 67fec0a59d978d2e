/* Glossaries: adding and priority, every reader and its errors, every
 * writer and the round trip back, the matcher's longest-leftmost and
 * morphology-aware matches. */
#include <stdlib.h>

#include "juru.h"
#include "test.h"

static juru_morph *morph;

static juru_glossary *parse(const char *text, juru_glossary_format f,
                            const char *name, juru_status *st, juru_error *e) {
  juru_glossary *g = juru_glossary_new();
  memset(e, 0, sizeof *e);
  *st = juru_glossary_parse(g, text, strlen(text), f, name, e);
  return g;
}

static const char *target_of(const juru_glossary *g, const char *src) {
  for (size_t i = 0; i < juru_glossary_count(g); i++)
    if (strcmp(juru_glossary_get(g, i)->source, src) == 0)
      return juru_glossary_get(g, i)->target;
  return "(none)";
}

static void test_readers(void) {
  juru_status st;
  juru_error e;
  juru_glossary *g = parse("# comment\nduta besar\tambassador\tenvoy, formal\r\n"
                           "serangan drone\tdrone strike\n\n"
                           "Duta  Besar\tenvoy\n",
                           JURU_GLOSSARY_TSV, "t.tsv", &st, &e);
  CHECK(st == JURU_OK && juru_glossary_count(g) == 2);
  CHECK_STR(target_of(g, "duta besar"), "ambassador"); /* the first wins */
  CHECK_STR(juru_glossary_get(g, 0)->note, "envoy, formal");
  CHECK_STR(juru_glossary_get(g, 0)->from, "t.tsv");
  juru_glossary_free(g);

  g = parse("source,target,comment\r\n"
            "\"Komite Keamanan Nasional\",\"National Security Committee\",\"\"\r\n"
            "rudal,\"missile, guided\",\"said \"\"rudal\"\"\nin news\"\r\n",
            JURU_GLOSSARY_CSV, "t.csv", &st, &e);
  CHECK(st == JURU_OK && juru_glossary_count(g) == 2);
  CHECK_STR(target_of(g, "rudal"), "missile, guided");
  CHECK_STR(juru_glossary_get(g, 1)->note, "said \"rudal\"\nin news");
  juru_glossary_free(g);

  g = parse("{\"terms\": [{\"source\": \"rudal\", \"target\": \"missile\", "
            "\"note\": \"n\", \"category\": \"term\"}]}",
            JURU_GLOSSARY_JSON, "t.json", &st, &e);
  CHECK(st == JURU_OK && juru_glossary_count(g) == 1);
  juru_glossary_free(g);

  g = parse("<?xml version=\"1.0\"?>\n<martif type=\"TBX\" xml:lang=\"en\">"
            "<text><body><termEntry id=\"t1\"><descrip>news</descrip>"
            "<langSet xml:lang=\"id\"><tig><term>rudal</term></tig></langSet>"
            "<langSet xml:lang=\"en\"><tig><term>missile</term></tig></langSet>"
            "</termEntry></body></text></martif>",
            JURU_GLOSSARY_TBX, "t.tbx", &st, &e);
  CHECK(st == JURU_OK && juru_glossary_count(g) == 1);
  CHECK_STR(target_of(g, "rudal"), "missile");
  CHECK_STR(juru_glossary_get(g, 0)->note, "news");
  juru_glossary_free(g);
}

static void test_reader_errors(void) {
  struct {
    const char *text;
    juru_glossary_format f;
    size_t line, column;
    const char *msg;
  } cases[] = {
      {"rudal\tmissile\nkata\n", JURU_GLOSSARY_TSV, 2, 1, "at least 2"},
      {"rudal\t\n", JURU_GLOSSARY_TSV, 1, 7, "empty target"},
      {"a,b\n\"unterminated,x\n", JURU_GLOSSARY_CSV, 2, 1, "unterminated"},
      {"a,b\nab\"c,d\n", JURU_GLOSSARY_CSV, 2, 3, "quote inside"},
      {"a,b\n\"x\"y,z\n", JURU_GLOSSARY_CSV, 2, 4, "after a closing quote"},
      {"[{\"source\": \"a\",\n \"target\": }]", JURU_GLOSSARY_JSON, 2, 12, ""},
      {"[{\"source\": \"a\"}]", JURU_GLOSSARY_JSON, 0, 0, "target"},
      {"{\"x\": 1}", JURU_GLOSSARY_JSON, 1, 1, "array"},
      {"<martif><text><body>\n<termEntry><langSet xml:lang=\"id\"><tig>"
       "<term>a</term></tig></langSet></termEntry></body></text></martif>",
       JURU_GLOSSARY_TBX, 2, 1, "English"},
      {"<martif>\n<text></martif>", JURU_GLOSSARY_TBX, 2, 9, "mismatched"},
      {"ru\xFFl\tmissile\n", JURU_GLOSSARY_TSV, 1, 3, "UTF-8"},
      {"| source | target |\n|---|---|\nrudal | missile |\n",
       JURU_GLOSSARY_MARKDOWN, 3, 1, "table row"},
      {"| source | target |\n|---|---|\n| rudal |\n", JURU_GLOSSARY_MARKDOWN,
       3, 2, "at least 2"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    juru_status st;
    juru_error e;
    juru_glossary *g = parse(cases[i].text, cases[i].f, "bad", &st, &e);
    CHECK(st == JURU_ESYNTAX || st == JURU_EUTF8);
    CHECK(e.line == cases[i].line);
    CHECK(e.column == cases[i].column);
    CHECK(strstr(e.text, cases[i].msg) != NULL);
    CHECK_STR(e.source, "bad");
    if (e.line != cases[i].line || e.column != cases[i].column)
      fprintf(stderr, "  case %zu: %zu:%zu %s\n", i, e.line, e.column, e.text);
    juru_glossary_free(g);
  }
}

static juru_glossary *sample(void) {
  juru_glossary *g = juru_glossary_new();
  const char *rows[][3] = {
      {"Komite Keamanan Nasional", "National Security Committee", ""},
      {"rudal", "missile, guided \"cruise\"", "a <note> & more"},
      {"kota Rask", "Rask", "line\nbreak\tand tab | pipe"},
      {"Teheran", "Tehran", ""},
  };
  for (size_t i = 0; i < 4; i++) {
    juru_term t;
    memset(&t, 0, sizeof t);
    t.source = rows[i][0];
    t.target = rows[i][1];
    t.note = rows[i][2];
    t.category = (juru_term_category)(i % 5);
    t.frequency = i + 1;
    t.context = "Konteks, dengan \"kutipan\".";
    juru_glossary_add(g, &t);
  }
  return g;
}

static void test_round_trips(void) {
  juru_glossary *g = sample();
  juru_glossary_format fs[] = {JURU_GLOSSARY_TSV, JURU_GLOSSARY_CSV,
                               JURU_GLOSSARY_JSON, JURU_GLOSSARY_TBX,
                               JURU_GLOSSARY_OMEGAT, JURU_GLOSSARY_DEEPL,
                               JURU_GLOSSARY_TBX2, JURU_GLOSSARY_MARKDOWN};
  for (size_t k = 0; k < sizeof fs / sizeof fs[0]; k++)
    for (int full = 0; full < 2; full++) {
      char *text = NULL;
      size_t len = 0;
      CHECK(juru_glossary_write(g, fs[k], full, &text, &len, NULL) == JURU_OK);
      juru_glossary *back = juru_glossary_new();
      juru_error e;
      juru_status st = juru_glossary_parse(back, text, len, fs[k], "rt", &e);
      CHECK(st == JURU_OK);
      if (st != JURU_OK) fprintf(stderr, "  format %zu: %s\n%s\n", k, e.text, text);
      CHECK(juru_glossary_count(back) == 4);
      for (size_t i = 0; i < juru_glossary_count(back) && i < 4; i++) {
        const juru_term *a = juru_glossary_get(g, i), *b = juru_glossary_get(back, i);
        CHECK_STR(b->source, a->source);
        CHECK_STR(b->target, a->target);
        int lossless_note = fs[k] == JURU_GLOSSARY_CSV ||
                            fs[k] == JURU_GLOSSARY_JSON || fs[k] == JURU_GLOSSARY_TBX ||
                            fs[k] == JURU_GLOSSARY_TBX2;
        if (lossless_note) CHECK_STR(b->note, a->note);
        if (full && fs[k] != JURU_GLOSSARY_TBX && fs[k] != JURU_GLOSSARY_TBX2 &&
            fs[k] != JURU_GLOSSARY_MARKDOWN &&
            fs[k] != JURU_GLOSSARY_OMEGAT &&
            fs[k] != JURU_GLOSSARY_DEEPL) {
          CHECK(b->category == a->category);
          CHECK(b->frequency == a->frequency);
        }
      }
      juru_glossary_free(back);
      juru_free(text);
    }
  /* Markdown: one row per term after the header, pipes escaped */
  char *md = NULL;
  CHECK(juru_glossary_write(g, JURU_GLOSSARY_MARKDOWN, 0, &md, NULL, NULL) ==
        JURU_OK);
  CHECK(strstr(md, "| source | target | comment |") == md);
  CHECK(strstr(md, "tab \\| pipe") != NULL);
  juru_free(md);
  juru_glossary_free(g);
}

static void test_matcher(void) {
  juru_glossary *g = juru_glossary_new();
  const char *terms[][2] = {{"serangan", "attack"},
                            {"serangan drone", "drone strike"},
                            {"serangan drone dan rudal", "drone and missile strikes"},
                            {"Komite Keamanan Nasional", "NSC"},
                            {"kamp teroris", "terrorist camp"},
                            {"duta besar|dubes", "ambassador"}};
  for (size_t i = 0; i < 6; i++) {
    juru_term t;
    memset(&t, 0, sizeof t);
    t.source = terms[i][0];
    t.target = terms[i][1];
    juru_glossary_add(g, &t);
  }
  juru_matcher *mt = NULL;
  CHECK(juru_matcher_new(g, morph, &mt) == JURU_OK);
  const char *text = "Serangan-serangan drone itu, kata Komite Keamanan "
                     "Nasional-nya, menghancurkan kamp-kamp teroris; serangan "
                     "drone dan rudal lain. Duta  besar pergi. drone serangan";
  juru_match m[16];
  size_t n = juru_matcher_find(mt, text, strlen(text), m, 16);
  CHECK(n == 6);
  const char *want[] = {"Serangan-serangan drone", "Komite Keamanan Nasional-nya",
                        "kamp-kamp teroris", "serangan drone dan rudal",
                        "Duta  besar", "serangan"};
  size_t terms_want[] = {1, 3, 4, 2, 5, 0};
  for (size_t i = 0; i < n && i < 6; i++) {
    char got[128];
    snprintf(got, sizeof got, "%.*s", (int)(m[i].end - m[i].start),
             text + m[i].start);
    CHECK_STR(got, want[i]);
    CHECK(m[i].term == terms_want[i]);
  }
  CHECK(juru_matcher_find(mt, "", 0, m, 16) == 0);
  CHECK(juru_matcher_find(mt, "Dubes itu", 9, m, 16) == 1 && m[0].term == 5 &&
        m[0].end == 5);
  juru_matcher_free(mt);
  juru_term as;
  memset(&as, 0, sizeof as);
  as.source = "AS";
  as.target = "United States";
  juru_glossary_add(g, &as);
  CHECK(juru_matcher_new(g, morph, &mt) == JURU_OK);
  const char *t2 = "Dolar AS naik, as roda patah.";
  CHECK(juru_matcher_find(mt, t2, strlen(t2), m, 16) == 1 && m[0].start == 6);
  CHECK(juru_matcher_find(mt, "tidak ada", 9, m, 16) == 0);
  juru_matcher_free(mt);
  juru_glossary_free(g);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  if (juru_morph_load_dir(argv[1], &morph, NULL) != JURU_OK) return 1;
  test_readers();
  test_reader_errors();
  test_round_trips();
  test_matcher();
  juru_morph_free(morph);
  return TEST_REPORT();
}
