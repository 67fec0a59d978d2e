/* juru.h: the whole public API of libjuru.
 *
 * Juru turns Indonesian news text into English and keeps its terminology
 * straight.  Each module has its own header under juru/; this one includes
 * them all.  Names are prefixed juru_; handles are opaque, made by *_new or
 * *_load and released by the matching *_free, which accepts NULL. */
#ifndef JURU_H
#define JURU_H

#include "juru/core.h"
#include "juru/text.h"
#include "juru/segment.h"
#include "juru/morph.h"
#include "juru/lexicon.h"
#include "juru/lookup.h"
#include "juru/glossary.h"
#include "juru/translate.h"
#include "juru/format.h"
#include "juru/tm.h"
#include "juru/backend.h"

#endif
