/* The tokenizer every later module shares.  A token starts as a "core": the
 * longest run of word characters joined by connectors that sit between two
 * word characters (. , - / : ' ’ @ _).  The core is then classified (e-mail,
 * domain, number, dotted abbreviation, word) and, where its parts do not
 * form one token, cut back to its first word. */
#include <string.h>

#include "juru/text.h"
#include "text.h"
#include "uchar.h"

typedef struct cursor {
  const unsigned char *s;
  size_t len;
} cursor;

static uint32_t cp_at(const cursor *c, size_t i, int *n) {
  uint32_t cp = 0xFFFD;
  int k = i < c->len ? juru__utf8_decode(c->s + i, c->len - i, &cp) : -1;
  if (k <= 0) {
    *n = i < c->len ? 1 : 0;
    return i < c->len ? 0xFFFD : 0;
  }
  *n = k;
  return cp;
}

static int is_word_cp(uint32_t cp) {
  return cp && juru__is_wordish(juru__cclass_of(cp));
}

static int is_digit_ascii(unsigned char c) { return c >= '0' && c <= '9'; }

/* Soft hyphens and zero-width (non-)joiners sit inside words. */
static int is_invisible_joiner(uint32_t cp) {
  return cp == 0xAD || cp == 0x200C || cp == 0x200D || cp == 0x2060;
}

static int is_connector(uint32_t cp) {
  return cp == '.' || cp == ',' || cp == '-' || cp == '/' || cp == ':' ||
         cp == '\'' || cp == 0x2019 || cp == '@' || cp == '_' ||
         is_invisible_joiner(cp);
}

/* A connector belongs inside a core only between the right neighbours:
 * digits around , / : (1,5 19/1 10:30), letters around ' (Jum'at), word
 * characters around - . @ _. */
static int joins(uint32_t conn, uint32_t before, uint32_t after) {
  int bd = before < 0x80 && is_digit_ascii((unsigned char)before);
  int ad = after < 0x80 && is_digit_ascii((unsigned char)after);
  switch (conn) {
    case ',': case '/': case ':':
      return bd && ad;
    case '\'': case 0x2019:
      return !bd && !ad;
    default:
      return 1;
  }
}

/* The core that starts with `first` (`n` bytes at `start`). */
static size_t scan_core(const cursor *c, size_t start, uint32_t first, int n0) {
  size_t i = start + (size_t)n0, end = i;
  uint32_t prev = first;
  for (;;) {
    int n;
    uint32_t cp = cp_at(c, i, &n);
    if (n == 0) break;
    if (is_word_cp(cp)) {
      i += (size_t)n;
      end = i;
      prev = cp;
      continue;
    }
    if (!is_connector(cp) || !prev) break;
    int m;
    uint32_t next = cp_at(c, i + (size_t)n, &m);
    if (!m || !is_word_cp(next) || !joins(cp, prev, next)) break;
    i += (size_t)n;
    prev = cp;
  }
  return end;
}

static int has_byte(const unsigned char *s, size_t n, unsigned char b) {
  return memchr(s, b, n) != NULL;
}

static int ci_prefix(const unsigned char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  if (n < k) return 0;
  for (size_t i = 0; i < k; i++) {
    unsigned char a = s[i];
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a - 'A' + 'a');
    if (a != (unsigned char)p[i]) return 0;
  }
  return 1;
}

/* Top-level domains that make "name.tld" a web address in news text. */
static int is_tld(const unsigned char *s, size_t n) {
  static const char *const tlds[] = {
      "com", "net", "org", "id", "co", "info", "io", "tv", "gov", "edu",
      "my", "sg", "uk", "us", "au", "jp", "cn", "biz", "news", "app", "ly",
      "me", "asia", "int", "mil", "de", "fr", "nl", "ru", "in"};
  for (size_t i = 0; i < sizeof tlds / sizeof tlds[0]; i++)
    if (strlen(tlds[i]) == n && ci_prefix(s, n, tlds[i])) return 1;
  return 0;
}

static int is_domain(const unsigned char *s, size_t n) {
  const unsigned char *dot = NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char b = s[i];
    int alnum = is_digit_ascii(b) || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
    if (b == '.') dot = s + i;
    else if (!alnum && b != '-') return 0;
  }
  return dot && is_tld(dot + 1, (size_t)(s + n - dot - 1));
}

/* Digits with . , / : between them, after an optional currency sign. */
static int is_number(const unsigned char *s, size_t n) {
  static const char *const currency[] = {"Rp", "US$", "S$", "$", "\xE2\x82\xAC",
                                         "\xC2\xA3", "\xC2\xA5"};
  for (size_t k = 0; k < sizeof currency / sizeof currency[0]; k++) {
    size_t l = strlen(currency[k]);
    if (n > l && memcmp(s, currency[k], l) == 0 && is_digit_ascii(s[l])) {
      s += l;
      n -= l;
      break;
    }
  }
  if (n == 0 || !is_digit_ascii(s[0])) return 0;
  for (size_t i = 0; i < n; i++)
    if (!is_digit_ascii(s[i]) && !strchr(".,/:", s[i])) return 0;
  return 1;
}

/* "S.H", "D.W", "a.n": single letters joined by dots. */
static int dotted_letters(const unsigned char *s, size_t n) {
  if (n < 3 || n % 2 == 0) return 0;
  for (size_t i = 0; i < n; i++) {
    int letter = ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
    if (i % 2 == 0 ? !letter : s[i] != '.') return 0;
  }
  return 1;
}

static size_t first_part(const unsigned char *s, size_t n, unsigned char sep) {
  const unsigned char *p = memchr(s, sep, n);
  return p ? (size_t)(p - s) : n;
}

/* Does the text after `end` hold anything but white space? */
static int more_follows(const cursor *c, size_t end) {
  for (size_t i = end; i < c->len; i++)
    if (c->s[i] != ' ' && c->s[i] != '\t' && c->s[i] != '\n' && c->s[i] != '\r')
      return 1;
  return 0;
}

/* A word followed by '.': the dot joins it when the pair is a listed
 * abbreviation or an initial ("B." not at the very end of the text). */
static int dot_joins(const juru_abbrevs *ab, const cursor *c, size_t start,
                     size_t end) {
  if (end >= c->len || c->s[end] != '.') return 0;
  if (juru_abbrevs_find(ab, (const char *)c->s + start, end - start + 1))
    return 1;
  size_t n = end - start;
  const unsigned char *w = c->s + start;
  if (dotted_letters(w, n)) return 1;
  return n == 1 && w[0] >= 'A' && w[0] <= 'Z' && more_follows(c, end + 1);
}

static size_t scan_url(const cursor *c, size_t start) {
  size_t i = start;
  while (i < c->len && c->s[i] > ' ' && !strchr("<>\"", c->s[i])) i++;
  while (i > start && strchr(".,;:!?)]'", c->s[i - 1])) i--;
  return i;
}

static void classify_core(const juru_abbrevs *ab, const cursor *c,
                          size_t start, size_t end, juru_token *tok) {
  const unsigned char *w = c->s + start;
  size_t n = end - start;
  tok->start = start;
  tok->type = JURU_TOK_WORD;
  if (has_byte(w, n, '@')) {
    size_t at = first_part(w, n, '@');
    if (at > 0 && is_domain(w + at + 1, n - at - 1)) {
      tok->type = JURU_TOK_EMAIL;
      tok->end = end;
      return;
    }
    n = at;
  }
  if (is_number(w, n)) {
    tok->type = JURU_TOK_NUMBER;
  } else if (dot_joins(ab, c, start, start + n)) {
    /* M.Si., S.Pd., Ph.D.: listed as a whole */
  } else if (has_byte(w, n, '.')) {
    if (is_domain(w, n)) {
      tok->type = JURU_TOK_URL;
    } else if (!dotted_letters(w, n)) {
      n = first_part(w, n, '.');
    }
  }
  tok->end = start + n;
  if (tok->type == JURU_TOK_WORD && dot_joins(ab, c, start, tok->end)) {
    tok->type = JURU_TOK_ABBREV;
    tok->end++;
  }
}

static void punct_token(const cursor *c, size_t start, uint32_t cp, int n,
                        juru_token *tok) {
  size_t end = start + (size_t)n;
  if (cp == '.' || cp == '?' || cp == '!' || cp == '-') {
    /* runs: "...", "?!", "--" */
    while (end < c->len && (c->s[end] == cp ||
                            (cp != '.' && cp != '-' &&
                             (c->s[end] == '?' || c->s[end] == '!'))))
      end++;
  }
  tok->start = start;
  tok->end = end;
  tok->type = juru__is_punct(cp) || juru__is_dash(cp) || cp == 0x2026
                  ? JURU_TOK_PUNCT
                  : JURU_TOK_SYMBOL;
}

static int tag_token(const cursor *c, size_t start, uint32_t cp,
                     juru_token *tok) {
  int m;
  if ((cp != '#' && cp != '@') || !is_word_cp(cp_at(c, start + 1, &m)))
    return 0;
  size_t i = start + 1;
  for (;;) {
    int n;
    uint32_t x = cp_at(c, i, &n);
    if (!n || !(is_word_cp(x) || x == '_')) break;
    i += (size_t)n;
  }
  tok->start = start;
  tok->end = i;
  tok->type = cp == '#' ? JURU_TOK_HASHTAG : JURU_TOK_MENTION;
  return 1;
}

int juru_token_next(const juru_abbrevs *abbrevs, const char *text, size_t len,
                    size_t *pos, juru_token *tok) {
  cursor c = {(const unsigned char *)text, len};
  size_t i = *pos;
  uint32_t cp = 0;
  int n = 0;
  for (; i < len; i += (size_t)n) {
    cp = cp_at(&c, i, &n);
    juru__cclass cls = juru__cclass_of(cp);
    if (cls != JURU__C_SPACE && cls != JURU__C_NEWLINE && cls != JURU__C_IGNORE)
      break;
  }
  if (i >= len) {
    *pos = len;
    return 0;
  }
  if (ci_prefix(c.s + i, len - i, "http://") ||
      ci_prefix(c.s + i, len - i, "https://") ||
      ci_prefix(c.s + i, len - i, "www.")) {
    tok->start = i;
    tok->end = scan_url(&c, i);
    tok->type = JURU_TOK_URL;
  } else if (tag_token(&c, i, cp, tok)) {
    /* filled */
  } else if (is_word_cp(cp) || ((cp == '$' || cp == 0x20AC || cp == 0xA3) &&
                                i + 1 < len && is_digit_ascii(c.s[i + 1]))) {
    classify_core(abbrevs, &c, i, scan_core(&c, i, cp, n), tok);
  } else {
    punct_token(&c, i, cp, n, tok);
  }
  *pos = tok->end;
  return 1;
}

const char *juru_token_type_name(juru_token_type type) {
  switch (type) {
    case JURU_TOK_WORD: return "word";
    case JURU_TOK_NUMBER: return "number";
    case JURU_TOK_URL: return "url";
    case JURU_TOK_EMAIL: return "email";
    case JURU_TOK_HASHTAG: return "hashtag";
    case JURU_TOK_MENTION: return "mention";
    case JURU_TOK_ABBREV: return "abbrev";
    case JURU_TOK_PUNCT: return "punct";
    case JURU_TOK_SYMBOL: return "symbol";
  }
  return "unknown";
}

int juru__is_headline(size_t words, size_t capitalised, char last) {
  return words >= 3 && capitalised * 10 >= words * 7 && last != '.' &&
         last != '?' && last != '!';
}
