/* The sentence segmenter: one pass over code points, a four-state machine
 * (text, terminal cluster, gap, openers) that never looks back further than
 * the run of characters before a full stop.  Every decision waits until the
 * characters it needs have arrived, so results do not depend on chunking,
 * and nothing is scanned twice, so time is linear in the input.
 *
 * The rules, in the order ends_sentence() applies them after a terminal
 * cluster (". ", "?! ", '." ', "… ") and the white space after it:
 *   - a lower-case letter next ends no sentence after a closing quote
 *     ('"Apa?" tanya dia') or an ellipsis ("dia... eh"), but does after a
 *     plain word and its full stop or ?/!: edited text rarely lets a
 *     sentence run on past ". ", and a lower-case start is a typo, not a
 *     continuation;
 *   - ? and !, several dots, or a closing quote/bracket: boundary;
 *   - a single dot after a listed abbreviation: title/pre never end a
 *     sentence, end-class ones do before a capital unless "(" follows
 *     ("Tbk. (BBNI)"); none does before a lower-case word;
 *   - initials ("B. J. Habibie", "D.W.") do not end one, except the Roman
 *     numerals I, V, X after a lower-case word ("kuartal I. Dengan");
 *   - a short number opening a sentence is a list marker ("1. Warga");
 *   - otherwise: boundary.
 * A quote closing after the terminal and followed by a comma ends the
 * sentence before the comma ('kalimat.", kata Budi'), as the Sastrawi gold
 * has it.  Line breaks end paragraphs. */
#include <string.h>

#include "juru/segment.h"
#include "../text/text.h"
#include "../text/uchar.h"
#include "../util/util.h"

#define DEFAULT_MAX_SENTENCE (1u << 20)
#define FEED_SLICE 65536
#define MAX_OPENERS 4

typedef enum { ST_TEXT, ST_TERM, ST_GAP, ST_OPEN } scan_state;

enum {
  CL_DOT = 1u << 0,      /* one full stop */
  CL_ELLIPSIS = 1u << 1, /* … or several dots */
  CL_QE = 1u << 2,       /* ? or ! */
  CL_CLOSE = 1u << 3,    /* a quote or bracket closes after the terminal */
  CL_QUOTE = 1u << 4     /* ... and it is a quote */
};

struct juru_segmenter {
  const juru_abbrevs *abbrevs;
  unsigned flags;
  size_t max_sentence;
  juru__buf buf;  /* input bytes from offset `base` on */
  size_t base;
  size_t scan;    /* next index of buf to decode */
  unsigned char head[JURU__BINARY_HEAD]; /* the input's first bytes, kept */
  size_t head_len;                       /* to name a binary format */
  int failed;
  int sniffed;

  size_t line, col; /* of `scan`, for error messages */
  int prev_cr;      /* the last character was CR (for CRLF) */
  int pos_prev_cr;  /* the same, for line counting */
  int breaks;       /* line breaks since the last content (wrapped mode) */

  scan_state state;
  size_t sent_start; /* JURU__NONE between sentences */
  size_t content_end;
  size_t last_space, last_space_end;
  int seen_invalid; /* lossy: some byte was replaced, sentences need repair */

  size_t run_start;  /* run of non-space characters; JURU__NONE in space */
  int run_cap;       /* first letter of the run is a capital: 1/0, -1 none */
  int prev_run_cap;

  unsigned cluster;
  size_t term_pos;       /* first terminal of the cluster */
  size_t term_run_start; /* the run that holds it */
  int term_prev_cap;     /* the run before that one was capitalised */
  size_t cand_end;       /* where the sentence ends if the cluster ends it */
  size_t next_start;     /* first character after the gap */
  size_t tail_end;       /* end of openers seen after the gap */
  uint32_t opener;
  int n_open;

  size_t para, index;
  juru__buf scratch;
};

typedef struct sink {
  juru_sentence_fn fn;
  void *userdata;
} sink;

juru_segmenter *juru_segmenter_new(const juru_abbrevs *abbrevs,
                                   const juru_segment_options *options) {
  juru_segmenter *s = juru__calloc(1, sizeof *s);
  if (!s) return NULL;
  s->abbrevs = abbrevs;
  s->flags = options ? options->flags : 0;
  s->max_sentence = options && options->max_sentence ? options->max_sentence
                                                     : DEFAULT_MAX_SENTENCE;
  s->line = 1;
  s->col = 1;
  s->state = ST_TEXT;
  s->sent_start = s->run_start = s->last_space = JURU__NONE;
  return s;
}

void juru_segmenter_free(juru_segmenter *s) {
  if (!s) return;
  juru__buf_free(&s->buf);
  juru__buf_free(&s->scratch);
  juru__free(s);
}

/* ---- emitting sentences ------------------------------------------------ */

static juru_status emit(juru_segmenter *s, const sink *k, size_t start,
                        size_t end, unsigned flags) {
  while (end > start && (s->buf.data[end - 1] == ' ' ||
                         s->buf.data[end - 1] == '\t'))
    end--;
  if (end <= start) return JURU_OK;
  juru_sentence out = {s->para, s->index, s->base + start, s->base + end,
                       s->buf.data + start, end - start, flags};
  if (s->seen_invalid) {
    juru__buf_clear(&s->scratch);
    juru_status st = juru__utf8_repair_into(&s->scratch, out.text, out.len);
    if (st != JURU_OK) return st;
    out.text = s->scratch.data;
    out.len = s->scratch.len;
  }
  s->index++;
  return k->fn(&out, k->userdata) ? JURU_ECANCELLED : JURU_OK;
}

static void begin_sentence(juru_segmenter *s, size_t at) {
  s->sent_start = at;
  s->content_end = at;
  s->last_space = JURU__NONE;
  s->run_start = JURU__NONE;
  s->prev_run_cap = 0;
  s->state = ST_TEXT;
}

static juru_status end_paragraph(juru_segmenter *s, const sink *k) {
  juru_status st = JURU_OK;
  if (s->sent_start != JURU__NONE) {
    size_t end = s->content_end;
    if ((s->state == ST_OPEN) && s->tail_end > end) end = s->tail_end;
    st = emit(s, k, s->sent_start, end, 0);
  }
  if (s->index) {
    s->para++;
    s->index = 0;
  }
  s->sent_start = s->run_start = JURU__NONE;
  s->state = ST_TEXT;
  return st;
}

/* ---- the boundary decision --------------------------------------------- */

static int is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha_ascii(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* "D.W", "a.n", "B.J": single letters joined by dots (the final dot is not
 * part of w). */
static int dotted_initials(const char *w, size_t n) {
  if (n < 3) return 0;
  for (size_t i = 0; i < n; i++) {
    if ((i % 2 == 0) ? !is_alpha_ascii(w[i]) : w[i] != '.') return 0;
  }
  return n % 2 == 1;
}

static int all_digits(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (w[i] < '0' || w[i] > '9') return 0;
  return n > 0;
}

/* Does the single full stop at term_pos end the sentence? */
static int dot_ends_sentence(const juru_segmenter *s, int lower_next) {
  const char *w = s->buf.data + s->term_run_start;
  size_t n = s->term_pos - s->term_run_start;
  /* skip what opens the run: "(Bl", "“Dr" */
  while (n > 0) {
    uint32_t cp;
    int k = juru__utf8_decode((const unsigned char *)w, n, &cp);
    if (k <= 0 || !juru__is_opener(cp)) break;
    w += k;
    n -= (size_t)k;
  }
  if (n == 0) return 1;
  switch (juru_abbrevs_find(s->abbrevs, w, n + 1)) {
    case JURU_ABBREV_TITLE:
    case JURU_ABBREV_PRE:
      return 0;
    case JURU_ABBREV_END:
      return !lower_next && s->opener != '(';
    case JURU_ABBREV_NONE:
      break;
  }
  if (dotted_initials(w, n)) return 0;
  if (n == 1 && is_upper_ascii(w[0])) {
    int roman = w[0] == 'I' || w[0] == 'V' || w[0] == 'X';
    return roman && !s->term_prev_cap && !lower_next;
  }
  if (n <= 3 && all_digits(w, n) && s->term_run_start == s->sent_start)
    return 0; /* a list marker opening the sentence */
  return 1;
}

static int ends_sentence(const juru_segmenter *s, juru__cclass next) {
  int lower = next == JURU__C_LOWER;
  if (lower && (s->cluster & (CL_CLOSE | CL_ELLIPSIS))) return 0;
  if (s->cluster & (CL_QE | CL_ELLIPSIS | CL_CLOSE)) return 1;
  return dot_ends_sentence(s, lower);
}

/* ---- the state machine -------------------------------------------------- */

static void note_letter(juru_segmenter *s, juru__cclass cls) {
  if (s->run_cap < 0 && juru__is_wordish(cls) && cls != JURU__C_MARK)
    s->run_cap = cls == JURU__C_UPPER;
}

static void text_char(juru_segmenter *s, uint32_t cp, juru__cclass cls,
                      size_t i, size_t n) {
  if (s->sent_start == JURU__NONE) begin_sentence(s, i);
  if (s->run_start == JURU__NONE) {
    s->run_start = i;
    s->run_cap = -1;
  }
  note_letter(s, cls);
  s->content_end = i + n;
  if (juru__is_terminal(cp)) {
    s->state = ST_TERM;
    s->term_pos = i;
    s->term_run_start = s->run_start;
    s->term_prev_cap = s->prev_run_cap;
    s->cluster = cp == '.' ? CL_DOT : cp == 0x2026 ? CL_ELLIPSIS : CL_QE;
  }
}

static void on_space(juru_segmenter *s, size_t i, size_t n) {
  if (s->state == ST_TERM) {
    s->cand_end = i;
    s->state = ST_GAP;
  }
  if (s->run_start != JURU__NONE) {
    s->prev_run_cap = s->run_cap > 0;
    s->run_start = JURU__NONE;
  }
  if (s->sent_start != JURU__NONE && s->state == ST_TEXT) {
    s->last_space = i;
    s->last_space_end = i + n;
  }
}

/* The first character after the gap (and its openers) has arrived. */
static juru_status resolve(juru_segmenter *s, const sink *k, uint32_t cp,
                           juru__cclass cls, size_t i, size_t n) {
  juru_status st = JURU_OK;
  if (ends_sentence(s, cls)) {
    st = emit(s, k, s->sent_start, s->cand_end, 0);
    begin_sentence(s, s->next_start);
  }
  if (s->n_open) s->content_end = s->tail_end;
  s->state = ST_TEXT;
  s->run_start = s->next_start;
  s->run_cap = -1;
  if (cls != JURU__C_SPACE) text_char(s, cp, cls, i, n);
  else on_space(s, i, n);
  return st;
}

static juru_status cluster_char(juru_segmenter *s, const sink *k, uint32_t cp,
                                juru__cclass cls, size_t i, size_t n) {
  if (juru__is_terminal(cp)) {
    if (cp == '.' && (s->cluster & (CL_DOT | CL_ELLIPSIS)))
      s->cluster = (s->cluster & ~(unsigned)CL_DOT) | CL_ELLIPSIS;
    else if (cp == '.' || cp == 0x2026)
      s->cluster |= CL_ELLIPSIS;
    else
      s->cluster |= CL_QE;
    s->content_end = i + n;
    return JURU_OK;
  }
  if (juru__is_closer(cp)) {
    s->cluster |= CL_CLOSE;
    if (cp != ')' && cp != ']' && cp != '}') s->cluster |= CL_QUOTE;
    s->content_end = i + n;
    return JURU_OK;
  }
  s->state = ST_TEXT;
  if (cp == ',' && (s->cluster & CL_QUOTE)) {
    juru_status st = emit(s, k, s->sent_start, i, 0);
    begin_sentence(s, i);
    if (st != JURU_OK) return st;
  }
  text_char(s, cp, cls, i, n);
  return JURU_OK;
}

static juru_status content_char(juru_segmenter *s, const sink *k, uint32_t cp,
                                juru__cclass cls, size_t i, size_t n) {
  s->breaks = 0;
  switch (s->state) {
    case ST_GAP:
      s->next_start = i;
      s->opener = 0;
      s->n_open = 0;
      /* fall through */
    case ST_OPEN:
      if (juru__is_opener(cp) && s->n_open < MAX_OPENERS) {
        if (s->n_open++ == 0) s->opener = cp;
        s->tail_end = i + n;
        s->state = ST_OPEN;
        return JURU_OK;
      }
      return resolve(s, k, cp, cls, i, n);
    case ST_TERM:
      return cluster_char(s, k, cp, cls, i, n);
    case ST_TEXT:
      text_char(s, cp, cls, i, n);
      return JURU_OK;
  }
  return JURU_OK;
}

static juru_status line_break(juru_segmenter *s, const sink *k, uint32_t cp,
                              size_t i, size_t n) {
  int crlf = cp == '\n' && s->prev_cr;
  s->prev_cr = cp == '\r';
  if (crlf) return JURU_OK;
  if ((s->flags & JURU_SEGMENT_WRAPPED) && s->breaks++ == 0) {
    if (s->state == ST_OPEN) return resolve(s, k, ' ', JURU__C_SPACE, i, n);
    on_space(s, i, n);
    return JURU_OK;
  }
  return end_paragraph(s, k);
}

/* A sentence has grown past max_sentence: cut it at its last space, or
 * here, so that memory stays bounded whatever the input. */
static juru_status cut(juru_segmenter *s, const sink *k, size_t i) {
  juru_status st;
  if (s->state == ST_GAP || s->state == ST_OPEN) {
    st = emit(s, k, s->sent_start, s->cand_end, JURU_SENTENCE_CUT);
    if (s->state == ST_OPEN) {
      begin_sentence(s, s->next_start);
      s->run_start = s->next_start;
      s->run_cap = -1;
    } else {
      s->sent_start = s->run_start = JURU__NONE;
    }
    s->state = ST_TEXT;
    return st;
  }
  size_t half = s->sent_start + s->max_sentence / 2;
  int at_space = s->last_space != JURU__NONE && s->last_space > half;
  size_t end = at_space ? s->last_space : i;
  st = emit(s, k, s->sent_start, end, JURU_SENTENCE_CUT);
  size_t next = at_space ? s->last_space_end : i;
  int open_run = s->run_start != JURU__NONE;
  begin_sentence(s, next);
  s->content_end = i;
  if (next == i) s->sent_start = JURU__NONE;
  else if (open_run) {
    s->run_start = next;
    s->run_cap = -1;
  }
  return st;
}

static juru_status step(juru_segmenter *s, const sink *k, uint32_t cp,
                        size_t i, size_t n) {
  juru__cclass cls = juru__cclass_of(cp);
  if (cls != JURU__C_NEWLINE) s->prev_cr = 0;
  if (s->sent_start != JURU__NONE && i + n - s->sent_start > s->max_sentence &&
      cls != JURU__C_NEWLINE) {
    juru_status st = cut(s, k, i);
    if (st != JURU_OK) return st;
  }
  switch (cls) {
    case JURU__C_IGNORE:
      return JURU_OK;
    case JURU__C_NEWLINE:
      return line_break(s, k, cp, i, n);
    case JURU__C_SPACE:
      if (s->state == ST_OPEN) return resolve(s, k, cp, cls, i, n);
      on_space(s, i, n);
      return JURU_OK;
    default:
      return content_char(s, k, cp, cls, i, n);
  }
}

/* ---- input: decoding, validation, buffering ----------------------------- */

static juru_status bad_input(juru_segmenter *s, juru_status st, size_t i,
                             juru_error *err) {
  const unsigned char *u = (const unsigned char *)s->buf.data;
  s->failed = 1;
  return juru__bad_text(err, st, s->head, s->head_len, u + i, s->buf.len - i,
                        s->base + i, s->line, s->col);
}

static void advance_position(juru_segmenter *s, uint32_t cp) {
  if (cp == '\n' || cp == '\r') {
    if (!(cp == '\n' && s->pos_prev_cr)) s->line++;
    s->col = 1;
  } else {
    s->col++;
  }
  s->pos_prev_cr = cp == '\r';
}

static juru_status sniff(juru_segmenter *s, int final, juru_error *err,
                         int *wait) {
  *wait = 0;
  if (s->sniffed || s->base + s->scan != 0) return JURU_OK;
  if (s->buf.len < 4 && !final) {
    *wait = 1;
    return JURU_OK;
  }
  s->sniffed = 1;
  const char *what;
  if (juru__encoding_sniff((const unsigned char *)s->buf.data, s->buf.len,
                           &what) == JURU_OK)
    return JURU_OK;
  s->failed = 1;
  return juru__fail(err, JURU_EENCODING, NULL, 1, 1, 0, "input is %s", what);
}

/* Inside a word that has begun, printable ASCII other than . ? ! and space
 * changes nothing but the sentence's end: skip such runs in one go (the hot
 * path, most of any text).  Returns the end of the run, or i for none. */
static size_t plain_ascii_run(const juru_segmenter *s, const unsigned char *u,
                              size_t i) {
  if (s->state != ST_TEXT || s->run_start == JURU__NONE || s->run_cap < 0)
    return i;
  size_t end = s->buf.len;
  size_t limit = s->sent_start + s->max_sentence;
  if (limit < end) end = limit;
  size_t j = i;
  while (j < end) {
    unsigned char b = u[j];
    if (b <= ' ' || b >= 0x7F || b == '.' || b == '?' || b == '!') break;
    j++;
  }
  return j;
}

static juru_status scan(juru_segmenter *s, const sink *k, int final,
                        juru_error *err) {
  int wait;
  juru_status st = sniff(s, final, err, &wait);
  if (st != JURU_OK || wait) return st;
  const unsigned char *u = (const unsigned char *)s->buf.data;
  int lossy = (s->flags & JURU_SEGMENT_LOSSY) != 0;
  while (s->scan < s->buf.len) {
    size_t i = s->scan;
    if (u[i] < 0x80) {
      size_t j = plain_ascii_run(s, u, i);
      if (j > i) {
        s->content_end = j;
        s->col += j - i;
        s->prev_cr = s->pos_prev_cr = 0;
        s->breaks = 0;
        s->scan = j;
        continue;
      }
    }
    uint32_t cp;
    int n = juru__utf8_decode(u + i, s->buf.len - i, &cp);
    if (n == 0 && !final) return JURU_OK; /* wait for the rest */
    if (n <= 0 || cp == 0) {
      juru_status bad = n <= 0 ? JURU_EUTF8 : JURU_ENUL;
      /* the error names a binary format by the input's first bytes: wait
         for all of them, so that any chunking gives the same error */
      if (!lossy && !final && s->head_len < JURU__BINARY_HEAD) return JURU_OK;
      if (!lossy) return bad_input(s, bad, i, err);
      cp = 0xFFFD;
      n = 1;
      s->seen_invalid = 1;
    }
    st = step(s, k, cp, i, (size_t)n);
    if (st != JURU_OK) {
      s->failed = 1;
      return st;
    }
    advance_position(s, cp);
    s->scan = i + (size_t)n;
  }
  return JURU_OK;
}

static void shift(size_t *p, size_t by) {
  if (*p != JURU__NONE) *p -= by;
}

/* Drop the bytes no decision can look at again. */
static void compact(juru_segmenter *s) {
  size_t keep = s->sent_start != JURU__NONE ? s->sent_start : s->scan;
  if (keep == 0 || keep * 2 < s->buf.len) return;
  juru__buf_consume(&s->buf, keep);
  s->base += keep;
  size_t *idx[] = {&s->scan,      &s->sent_start, &s->content_end,
                   &s->last_space, &s->last_space_end, &s->run_start,
                   &s->term_pos,  &s->term_run_start, &s->cand_end,
                   &s->next_start, &s->tail_end};
  for (size_t j = 0; j < sizeof idx / sizeof idx[0]; j++) shift(idx[j], keep);
}

juru_status juru_segmenter_feed(juru_segmenter *s, const char *data,
                                size_t len, juru_sentence_fn fn,
                                void *userdata, juru_error *err) {
  if (!s || !fn || (!data && len))
    return juru__fail(err, JURU_EINVAL, NULL, 0, 0, JURU__NONE, NULL);
  if (s->failed)
    return juru__fail(err, JURU_EINVAL, NULL, 0, 0, JURU__NONE,
                      "segmenter already failed");
  sink k = {fn, userdata};
  while (len > 0) {
    size_t take = len < FEED_SLICE ? len : FEED_SLICE;
    size_t h = JURU__BINARY_HEAD - s->head_len;
    if (h > take) h = take;
    memcpy(s->head + s->head_len, data, h);
    s->head_len += h;
    juru_status st = juru__buf_append(&s->buf, data, take);
    if (st != JURU_OK) {
      s->failed = 1;
      return juru__fail(err, st, NULL, 0, 0, JURU__NONE, NULL);
    }
    data += take;
    len -= take;
    st = scan(s, &k, 0, err);
    if (st != JURU_OK) return st;
    compact(s);
  }
  return JURU_OK;
}

juru_status juru_segmenter_finish(juru_segmenter *s, juru_sentence_fn fn,
                                  void *userdata, juru_error *err) {
  if (!s || !fn)
    return juru__fail(err, JURU_EINVAL, NULL, 0, 0, JURU__NONE, NULL);
  if (s->failed)
    return juru__fail(err, JURU_EINVAL, NULL, 0, 0, JURU__NONE,
                      "segmenter already failed");
  sink k = {fn, userdata};
  juru_status st = scan(s, &k, 1, err);
  if (st == JURU_OK) st = end_paragraph(s, &k);
  if (st != JURU_OK) s->failed = 1;
  juru__buf_clear(&s->buf);
  return st;
}

juru_status juru_segment(const juru_abbrevs *abbrevs,
                         const juru_segment_options *options, const char *text,
                         size_t len, juru_sentence_fn fn, void *userdata,
                         juru_error *err) {
  juru_segmenter *s = juru_segmenter_new(abbrevs, options);
  if (!s) return juru__fail(err, JURU_ENOMEM, NULL, 0, 0, JURU__NONE, NULL);
  juru_status st = juru_segmenter_feed(s, text, len, fn, userdata, err);
  if (st == JURU_OK) st = juru_segmenter_finish(s, fn, userdata, err);
  juru_segmenter_free(s);
  return st;
}
