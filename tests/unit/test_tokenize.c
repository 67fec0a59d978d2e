/* The tokenizer: words with hyphens, numbers, URLs, e-mails, tags,
 * abbreviations, punctuation, and byte offsets. */
#include <stdlib.h>

#include "juru.h"
#include "test.h"

static juru_abbrevs *abbrevs;

/* "type:text type:text ..." */
static const char *toks(const char *text) {
  static char out[4096];
  size_t pos = 0, len = strlen(text), o = 0;
  juru_token t;
  out[0] = '\0';
  while (juru_token_next(abbrevs, text, len, &pos, &t) && o < sizeof out - 64) {
    o += (size_t)snprintf(out + o, sizeof out - o, "%s%s:%.*s", o ? " " : "",
                          juru_token_type_name(t.type), (int)(t.end - t.start),
                          text + t.start);
  }
  return out;
}

static void test_tokens(void) {
  struct {
    const char *in, *want;
  } cases[] = {
      {"kamp-kamp Amir-Abdollahian ul-Adl Anwar-ul-Haq",
       "word:kamp-kamp word:Amir-Abdollahian word:ul-Adl word:Anwar-ul-Haq"},
      {"1.000.000 1,5 10.30 19/1 Rp1,5 10:30",
       "number:1.000.000 number:1,5 number:10.30 number:19/1 number:Rp1,5 "
       "number:10:30"},
      {"(19/1) pukul 10.30 WIB.",
       "punct:( number:19/1 punct:) word:pukul number:10.30 word:WIB punct:."},
      {"Harga naik 5%, ke US$ 20.", "word:Harga word:naik number:5 symbol:% "
       "punct:, word:ke word:US symbol:$ number:20 punct:."},
      {"Buka https://contoh.co.id/a?b=1. Lalu", "word:Buka "
       "url:https://contoh.co.id/a?b=1 punct:. word:Lalu"},
      {"www.detik.com KOMPAS.com sastrawi.github.io.",
       "url:www.detik.com url:KOMPAS.com url:sastrawi.github.io punct:."},
      {"andy.librian@gmail.com.", "email:andy.librian@gmail.com punct:."},
      {"#Pemilu2024 @jokowi", "hashtag:#Pemilu2024 mention:@jokowi"},
      {"Dr. Soepomo, S.H., M.Si. dll.",
       "abbrev:Dr. word:Soepomo punct:, abbrev:S.H. punct:, abbrev:M.Si. "
       "abbrev:dll."},
      {"B. J. Habibie dan D.W. Martowardojo",
       "abbrev:B. abbrev:J. word:Habibie word:dan abbrev:D.W. "
       "word:Martowardojo"},
      {"kuartal I.", "word:kuartal word:I punct:."},
      {"dolar AS. Menurut", "word:dolar word:AS punct:. word:Menurut"},
      {"kata.Kemudian", "word:kata punct:. word:Kemudian"},
      {"Jum'at Lloyd’s", "word:Jum'at word:Lloyd’s"},
      {"“Dia,” katanya… ?! -- —", "punct:“ word:Dia punct:, punct:” "
       "word:katanya punct:… punct:?! punct:-- punct:—"},
      {"ke-5 COVID-19 1960-an G20", "word:ke-5 word:COVID-19 word:1960-an "
       "word:G20"},
      {"dan/atau TNI/Polri", "word:dan punct:/ word:atau word:TNI punct:/ "
       "word:Polri"},
      {"Ke­ti­ga naïve Ελλάδα 北京", "word:Ke­ti­ga word:naïve word:Ελλάδα "
       "word:北京"},
      {"  \t\n", ""},
      {"😀!", "symbol:😀 punct:!"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    CHECK_STR(toks(cases[i].in), cases[i].want);
}

static void test_offsets(void) {
  const char *t = "  Kamp-kamp, 11 polisi.";
  size_t pos = 0;
  juru_token tok;
  CHECK(juru_token_next(abbrevs, t, strlen(t), &pos, &tok) == 1);
  CHECK(tok.start == 2 && tok.end == 11 && tok.type == JURU_TOK_WORD);
  CHECK(pos == 11);
  int n = 1;
  while (juru_token_next(abbrevs, t, strlen(t), &pos, &tok)) n++;
  CHECK(n == 5);
  CHECK(pos == strlen(t));
  CHECK(juru_token_next(abbrevs, t, strlen(t), &pos, &tok) == 0);
  /* without a list only initials are abbreviations */
  pos = 0;
  CHECK(juru_token_next(NULL, "Dr. X", 5, &pos, &tok) == 1);
  CHECK(tok.type == JURU_TOK_WORD && tok.end == 2);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/id/abbreviations.txt", argv[1]);
  if (juru_abbrevs_load(path, &abbrevs, NULL) != JURU_OK) return 1;
  test_tokens();
  test_offsets();
  juru_abbrevs_free(abbrevs);
  return TEST_REPORT();
}
