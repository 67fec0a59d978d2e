/* juru/segment.h: the Indonesian sentence segmenter.
 *
 * Streaming: feed bytes in chunks of any size, receive sentences through a
 * callback as soon as they are certain.  The result never depends on how the
 * input was chunked, and memory stays bounded by the longest sentence (itself
 * capped by max_sentence).  The segmenter validates its input as it reads it:
 * this is where text enters Juru.
 *
 * Paragraphs: every line break (LF, CR, CRLF, U+2028/2029) ends a paragraph
 * unless JURU_SEGMENT_WRAPPED is set, in which case only blank lines do.  A
 * leading UTF-8 byte-order mark is skipped. */
#ifndef JURU_SEGMENT_H
#define JURU_SEGMENT_H

#include "core.h"
#include "abbrev.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
  JURU_SEGMENT_LOSSY = 1u << 0,    /* replace invalid bytes and NUL with
                                      U+FFFD instead of failing */
  JURU_SEGMENT_WRAPPED = 1u << 1   /* single line breaks are spaces
                                      (hard-wrapped text) */
};

typedef struct juru_segment_options {
  unsigned flags;
  /* A sentence longer than this many bytes is cut at its last space (or at
   * this length) and flagged JURU_SENTENCE_CUT; 0 means 1 MiB. */
  size_t max_sentence;
} juru_segment_options;

enum { JURU_SENTENCE_CUT = 1u << 0 };

typedef struct juru_sentence {
  size_t para;   /* paragraph number, from 0 */
  size_t index;  /* sentence number within the paragraph, from 0 */
  size_t start;  /* byte offsets [start, end) into the input as fed */
  size_t end;
  const char *text;  /* the sentence, valid only during the callback; its
                        bytes are the input's (lossy: with U+FFFD), with the
                        line breaks of a wrapped paragraph kept */
  size_t len;
  unsigned flags;
} juru_sentence;

/* Return 0 to continue, anything else to stop (the feed then returns
 * JURU_ECANCELLED). */
typedef int (*juru_sentence_fn)(const juru_sentence *sentence, void *userdata);

typedef struct juru_segmenter juru_segmenter;

/* `abbrevs` is borrowed and must outlive the segmenter; NULL means no list
 * (initials and the built-in rules still apply).  `options` may be NULL.
 * Returns NULL when out of memory. */
juru_segmenter *juru_segmenter_new(const juru_abbrevs *abbrevs,
                                   const juru_segment_options *options);
void juru_segmenter_free(juru_segmenter *seg);

/* Feed the next chunk.  After an error the segmenter is spent: only _free.
 * Bad bytes among the input's first 16 are reported once all 16 (or the
 * end) have arrived, so that a binary file is named whatever the chunking. */
juru_status juru_segmenter_feed(juru_segmenter *seg, const char *data,
                                size_t len, juru_sentence_fn fn,
                                void *userdata, juru_error *err);
/* End of input: flush the last sentence. */
juru_status juru_segmenter_finish(juru_segmenter *seg, juru_sentence_fn fn,
                                  void *userdata, juru_error *err);

/* One call for text already in memory. */
juru_status juru_segment(const juru_abbrevs *abbrevs,
                         const juru_segment_options *options, const char *text,
                         size_t len, juru_sentence_fn fn, void *userdata,
                         juru_error *err);

#ifdef __cplusplus
}
#endif
#endif
