/* Compiled versions of the import's two hottest loops; pure-Python twins are the reference.
 *
 * scan(text, with_pairs) -> (words, pairs)
 *     The distinct words of a text (already ``text.key``'d) and the keys of its adjacent word
 *     pairs, exactly as ``search.terms._scan_py`` computes them: words are maximal runs of
 *     regex ``\w`` characters, a line break stops phrases, a pair's key is the CRC-32 of both
 *     folded words (``text.strip_diacritics``, UTF-8), the first shifted up 32 bits.
 *
 * group_pairs(staged) -> (distinct_keys, offsets, grouped_slots)
 *     Postings of many documents' pair keys at once: ``staged`` lists (packed native uint64
 *     keys, slot) per document; the answer has the distinct keys sorted (native uint64), and
 *     the slots (native uint32) of distinct_keys[i] in grouped_slots[offsets[i]:offsets[i + 1]],
 *     in the order they came.
 *
 * group_words(staged, sep) -> {key: slots}
 *     Postings of many documents' word keys at once: ``staged`` lists (keys joined by ``sep``,
 *     slot) per document; each distinct key maps to the bytes of its slots (native uint32), in
 *     the order they came.
 *
 * merge_runs(old keys, offsets, firsts, lasts, widths, blob, dense indexes, new keys, offsets,
 *            slots, threshold) -> (keys, offsets, firsts, lasts, widths, blob, actions)
 *     ``search.postings.DeltaSpace``'s frozen runs merged with grouped new postings, as
 *     ``Space.freeze`` merges them; ``actions`` lists the keys whose slots become bitmaps.
 *
 * bitmap_bytes(slots) -> bytes
 *     The little-endian bytes of the bitmap of some slots (a buffer of native uint32): what
 *     ``search.bitmaps.from_slots`` builds, for ``int.from_bytes``.
 *
 * split_words(body) -> (gaps, words, starts, ends, plain)
 *     The extractor's tokens, as ``extract.tokens.tokenize`` splits a body with a regex (see
 *     there); ``set_plain_ranges`` gives it the ranges of characters it calls plain.
 *
 * configure(fold_table) gives ``scan`` the folding table of ``text`` (code point -> one
 * character); nothing is folded until it is called.
 *
 * Article text is untrusted: every index is bounded by the text's length, and memory comes
 * from Python's allocator, so a failure raises MemoryError rather than crashing.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* A str made by old C APIs may need readying before its characters are read (3.11 only). */
#if PY_VERSION_HEX < 0x030C0000
#define READY(op) PyUnicode_READY(op)
#else
#define READY(op) 0
#endif

/* ---- folding ---------------------------------------------------------------------------- */

#define FOLD_LIMIT 0x2000 /* the table covers Latin up to Latin Extended Additional */
static Py_UCS4 fold_map[FOLD_LIMIT]; /* 0: the character folds to itself */
static int fold_ready = 0;

static inline Py_UCS4 fold_char(Py_UCS4 ch) {
    if (ch < FOLD_LIMIT && fold_map[ch]) {
        return fold_map[ch];
    }
    return ch;
}

static PyObject *configure(PyObject *self, PyObject *table) {
    (void)self;
    if (!PyDict_Check(table)) {
        PyErr_SetString(PyExc_TypeError, "configure() takes a dict of code point -> character");
        return NULL;
    }
    Py_UCS4 fresh[FOLD_LIMIT];
    memset(fresh, 0, sizeof fresh);
    PyObject *k, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(table, &pos, &k, &v)) {
        long code = PyLong_AsLong(k);
        if (code == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (!PyUnicode_Check(v) || PyUnicode_GET_LENGTH(v) != 1 || code < 0 || code >= FOLD_LIMIT) {
            PyErr_SetString(PyExc_ValueError, "the fold table maps Latin code points to one character");
            return NULL;
        }
        fresh[code] = PyUnicode_READ_CHAR(v, 0);
    }
    memcpy(fold_map, fresh, sizeof fresh);
    fold_ready = 1;
    Py_RETURN_NONE;
}

/* ---- CRC-32 (zlib's: reflected 0xEDB88320) ----------------------------------------------- */

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) {
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[n] = c;
    }
}

static inline uint32_t crc_byte(uint32_t crc, unsigned char b) {
    return crc_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
}

/* The CRC-32 of the UTF-8 of the folded characters text[start:end] (never surrogates: those
 * are not word characters). */
static uint32_t folded_crc(int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    uint32_t crc = 0xFFFFFFFFu;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = fold_char(PyUnicode_READ(kind, data, i));
        if (ch < 0x80) {
            crc = crc_byte(crc, (unsigned char)ch);
        } else if (ch < 0x800) {
            crc = crc_byte(crc, (unsigned char)(0xC0 | (ch >> 6)));
            crc = crc_byte(crc, (unsigned char)(0x80 | (ch & 0x3F)));
        } else if (ch < 0x10000) {
            crc = crc_byte(crc, (unsigned char)(0xE0 | (ch >> 12)));
            crc = crc_byte(crc, (unsigned char)(0x80 | ((ch >> 6) & 0x3F)));
            crc = crc_byte(crc, (unsigned char)(0x80 | (ch & 0x3F)));
        } else {
            crc = crc_byte(crc, (unsigned char)(0xF0 | (ch >> 18)));
            crc = crc_byte(crc, (unsigned char)(0x80 | ((ch >> 12) & 0x3F)));
            crc = crc_byte(crc, (unsigned char)(0x80 | ((ch >> 6) & 0x3F)));
            crc = crc_byte(crc, (unsigned char)(0x80 | (ch & 0x3F)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

/* ---- scan ------------------------------------------------------------------------------- */

/* regex \w for str patterns: what sre's SRE_UNI_IS_WORD tests */
static inline int is_word(Py_UCS4 ch) {
    if (ch < 0x80) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '_';
    }
    return Py_UNICODE_ISALNUM(ch);
}

/* Tables hash text that may be crafted: a seed drawn at start keeps anyone from choosing
 * words that all collide (which would make a lookup walk the whole table). */
static uint64_t hash_seed = 1469598103934665603ULL; /* FNV-1a's offset until seeded */

static inline uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

/* A growable array: room for ``need`` items of ``size`` bytes, doubling (raw allocator, so
 * it may run without the GIL); -1 when memory runs out. */
static int reserve(void **data, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) {
        return 0;
    }
    size_t grown = *cap ? *cap : 256;
    while (grown < need) {
        grown *= 2;
    }
    void *more = PyMem_RawRealloc(*data, grown * size);
    if (!more) {
        return -1;
    }
    *data = more;
    *cap = grown;
    return 0;
}

/* What one call has already seen: distinct entries numbered 0, 1, 2... in the order they
 * came, found again by their hash through an open-addressing table of numbers that starts
 * small and doubles when half full (a long text with few distinct words never pays for its
 * length). The caller keeps each entry's own data by its number and tells equal ones apart. */
#define NONE UINT32_MAX

typedef struct {
    uint32_t *table; /* entry numbers, NONE where empty */
    size_t cap;
    uint64_t *hashes; /* hashes[entry] */
    size_t n, hashes_cap;
} Seen;

static inline size_t seen_start(const Seen *s, uint64_t hash) {
    return (size_t)mix64(hash ^ hash_seed) & (s->cap - 1);
}

static inline size_t seen_next(const Seen *s, size_t at) { return (at + 1) & (s->cap - 1); }

static int seen_init(Seen *s) {
    memset(s, 0, sizeof *s);
    s->cap = 1024;
    s->table = PyMem_RawMalloc(s->cap * sizeof(uint32_t));
    if (!s->table) {
        return -1;
    }
    memset(s->table, 0xFF, s->cap * sizeof(uint32_t));
    return 0;
}

static void seen_free(Seen *s) {
    PyMem_RawFree(s->table);
    PyMem_RawFree(s->hashes);
}

/* A new entry with ``hash`` in the empty cell ``at`` of the probe; its number, or -1 when
 * memory runs out (or past 2**32 - 1 entries). */
static int64_t seen_add(Seen *s, size_t at, uint64_t hash) {
    if (s->n >= NONE || reserve((void **)&s->hashes, &s->hashes_cap, s->n + 1, sizeof(uint64_t)) < 0) {
        return -1;
    }
    uint32_t id = (uint32_t)s->n++;
    s->hashes[id] = hash;
    s->table[at] = id;
    if (s->n * 2 > s->cap) {
        size_t cap = s->cap * 2;
        uint32_t *grown = PyMem_RawMalloc(cap * sizeof(uint32_t));
        if (!grown) {
            return -1;
        }
        memset(grown, 0xFF, cap * sizeof(uint32_t));
        s->cap = cap;
        for (size_t k = 0; k < s->n; k++) {
            size_t to = seen_start(s, s->hashes[k]);
            while (grown[to] != NONE) {
                to = seen_next(s, to);
            }
            grown[to] = (uint32_t)k;
        }
        PyMem_RawFree(s->table);
        s->table = grown;
    }
    return id;
}

typedef struct {
    Py_ssize_t start, len; /* a word of the text */
} Span;

static PyObject *scan(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text;
    int with_pairs;
    if (!PyArg_ParseTuple(args, "Up:scan", &text, &with_pairs)) {
        return NULL;
    }
    if (with_pairs && !fold_ready) {
        PyErr_SetString(PyExc_RuntimeError, "scan() needs configure() first");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const char *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    /* each distinct word becomes a str once; each distinct pair is written once */
    Seen seen_words, seen_pairs;
    Span *spans = NULL; /* spans[word number] */
    uint64_t *pairs = NULL; /* pairs[pair number]: the answer, in the order they came */
    size_t spans_cap = 0, pairs_cap = 0;
    PyObject *words = PySet_New(NULL);
    PyObject *result = NULL;
    int ready_words = seen_init(&seen_words), ready_pairs = seen_init(&seen_pairs);
    if (!words) {
        goto done;
    }
    if (ready_words < 0 || ready_pairs < 0) {
        goto nomem;
    }
    /* Python pairs every two consecutive tokens, line breaks included, and drops any pair
     * that touches a break: a pair is two words with no break between them. */
    int have_prev = 0;
    uint64_t prev_high = 0;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\n') {
            have_prev = 0;
            i++;
            continue;
        }
        if (!is_word(ch)) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        uint64_t hash = hash_seed; /* FNV-1a over the code points */
        do {
            hash = (hash ^ ch) * 1099511628211ULL;
            i++;
        } while (i < n && is_word(ch = PyUnicode_READ(kind, data, i)));
        Py_ssize_t len = i - start;
        size_t at = seen_start(&seen_words, hash);
        uint32_t id;
        while ((id = seen_words.table[at]) != NONE &&
               !(seen_words.hashes[id] == hash && spans[id].len == len &&
                 memcmp(data + spans[id].start * kind, data + start * kind, (size_t)len * kind) == 0)) {
            at = seen_next(&seen_words, at);
        }
        if (id == NONE) { /* a new word */
            int64_t added = seen_add(&seen_words, at, hash);
            if (added < 0 || reserve((void **)&spans, &spans_cap, (size_t)added + 1, sizeof(Span)) < 0) {
                goto nomem;
            }
            spans[added] = (Span){start, len};
            PyObject *word = PyUnicode_Substring(text, start, i);
            if (!word) {
                goto done;
            }
            int put_in = PySet_Add(words, word);
            Py_DECREF(word);
            if (put_in < 0) {
                goto done;
            }
        }
        if (with_pairs) {
            uint64_t crc = folded_crc(kind, data, start, i);
            if (have_prev) {
                uint64_t pair = prev_high | crc;
                size_t pat = seen_start(&seen_pairs, pair);
                uint32_t pid;
                while ((pid = seen_pairs.table[pat]) != NONE && pairs[pid] != pair) {
                    pat = seen_next(&seen_pairs, pat);
                }
                if (pid == NONE) { /* a new pair */
                    int64_t added = seen_add(&seen_pairs, pat, pair);
                    if (added < 0 ||
                        reserve((void **)&pairs, &pairs_cap, (size_t)added + 1, sizeof(uint64_t)) < 0) {
                        goto nomem;
                    }
                    pairs[added] = pair;
                }
            }
            prev_high = crc << 32;
            have_prev = 1;
        }
    }
    PyObject *packed = PyBytes_FromStringAndSize(pairs ? (const char *)pairs : "",
                                                 (Py_ssize_t)(seen_pairs.n * sizeof(uint64_t)));
    if (packed) {
        result = PyTuple_Pack(2, words, packed);
        Py_DECREF(packed);
    }
    goto done;
nomem:
    PyErr_NoMemory();
done:
    Py_XDECREF(words);
    seen_free(&seen_words);
    seen_free(&seen_pairs);
    PyMem_RawFree(spans);
    PyMem_RawFree(pairs);
    return result;
}

/* ---- split_words ------------------------------------------------------------------------- */

#define MAX_PLAIN_RANGES 32
static Py_UCS4 plain_lo[MAX_PLAIN_RANGES], plain_hi[MAX_PLAIN_RANGES];
static int n_plain_ranges = -1; /* -1: not set yet */

static PyObject *set_plain_ranges(PyObject *self, PyObject *ranges) {
    (void)self;
    PyObject *seq = PySequence_Fast(ranges, "set_plain_ranges() takes (low, high) pairs");
    if (!seq) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n > MAX_PLAIN_RANGES) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "too many plain ranges");
        return NULL;
    }
    Py_UCS4 lo[MAX_PLAIN_RANGES], hi[MAX_PLAIN_RANGES];
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned int a, b;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(seq, i), "II", &a, &b)) {
            Py_DECREF(seq);
            return NULL;
        }
        lo[i] = a;
        hi[i] = b;
    }
    Py_DECREF(seq);
    memcpy(plain_lo, lo, sizeof lo);
    memcpy(plain_hi, hi, sizeof hi);
    n_plain_ranges = (int)n;
    Py_RETURN_NONE;
}

static inline int is_plain(Py_UCS4 ch) {
    for (int r = 0; r < n_plain_ranges; r++) { /* the first range holds ASCII and Latin-1 */
        if (ch >= plain_lo[r] && ch <= plain_hi[r]) {
            return 1;
        }
    }
    return 0;
}

static inline int is_joiner(Py_UCS4 ch) {
    return ch == '.' || ch == '&' || ch == '/' || ch == '\'' || ch == 0x2019 || ch == '-';
}

static int append_new(PyObject *list, PyObject *item) {
    if (!item) {
        return -1;
    }
    int r = PyList_Append(list, item);
    Py_DECREF(item);
    return r;
}

/* What ``re.split`` with ``(\w++(?:[.&/'’\-]\w++)*+)`` gives, in pieces: the gaps (one more
 * than the words), the words, where each word starts and ends, and whether every character of
 * the text is in the plain ranges (``extract.tokens._PLAIN_RANGES``). */
static PyObject *split_words(PyObject *self, PyObject *arg) {
    (void)self;
    if (!PyUnicode_Check(arg) || READY(arg) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "split_words() takes a str");
        }
        return NULL;
    }
    if (n_plain_ranges < 0) {
        PyErr_SetString(PyExc_RuntimeError, "split_words() needs set_plain_ranges() first");
        return NULL;
    }
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    PyObject *gaps = PyList_New(0), *words = PyList_New(0), *starts = PyList_New(0), *ends = PyList_New(0);
    PyObject *result = NULL;
    if (!gaps || !words || !starts || !ends) {
        goto done;
    }
    int plain = 1;
    Py_ssize_t i = 0, gap_start = 0;
    while (i < n) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (plain && !is_plain(ch)) {
            plain = 0;
        }
        if (!is_word(ch)) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        for (;;) {
            while (i < n && is_word(ch = PyUnicode_READ(kind, data, i))) {
                if (plain && !is_plain(ch)) {
                    plain = 0;
                }
                i++;
            }
            /* a joiner belongs to the word only with a word character after it */
            if (i + 1 < n && is_joiner(ch) && is_word(PyUnicode_READ(kind, data, i + 1))) {
                if (plain && !is_plain(ch)) {
                    plain = 0;
                }
                i++;
                ch = PyUnicode_READ(kind, data, i);
                continue;
            }
            break;
        }
        /* (append_new takes the new object, appended or not) */
        if (append_new(words, PyUnicode_Substring(arg, start, i)) < 0 ||
            append_new(gaps, PyUnicode_Substring(arg, gap_start, start)) < 0 ||
            append_new(starts, PyLong_FromSsize_t(start)) < 0 || append_new(ends, PyLong_FromSsize_t(i)) < 0) {
            goto done;
        }
        gap_start = i;
    }
    if (append_new(gaps, PyUnicode_Substring(arg, gap_start, n)) < 0) {
        goto done;
    }
    result = Py_BuildValue("(OOOON)", gaps, words, starts, ends, PyBool_FromLong(plain));
done:
    Py_XDECREF(gaps);
    Py_XDECREF(words);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    return result;
}

/* ---- output sinks ------------------------------------------------------------------------- */

/* The postings code runs each loop twice: once to count the bytes it would write (``data``
 * NULL), then into Python objects of exactly that size. Nothing is allocated twice or grown,
 * which keeps the import's peak memory near what it keeps; and with no allocation inside,
 * the loops run without the GIL, so the import's other threads go on receiving results. */
typedef struct {
    char *data; /* NULL: count only */
    size_t len, cap;
    int overflow; /* a write that did not fit (the input changed under us): nothing written */
} Sink;

static inline void put(Sink *s, const void *src, size_t n) {
    if (s->data && n) {
        if (n > s->cap - s->len) {
            s->overflow = 1;
            return;
        }
        memcpy(s->data + s->len, src, n);
    }
    s->len += n;
}

static inline void put_u64(Sink *s, uint64_t v) { put(s, &v, sizeof v); }
static inline void put_u32(Sink *s, uint32_t v) { put(s, &v, sizeof v); }
static inline void put_u8(Sink *s, uint8_t v) { put(s, &v, sizeof v); }

/* a gap in 1, 2 or 4 bytes, native order, as array("B"/"H"/"I") stores it */
static inline void put_gap(Sink *s, uint32_t v, int width) {
    if (width == 1) {
        put_u8(s, (uint8_t)v);
    } else if (width == 2) {
        uint16_t h = (uint16_t)v;
        put(s, &h, 2);
    } else {
        put_u32(s, v);
    }
}

static inline uint32_t get_gap(const unsigned char *p, int width) {
    if (width == 1) {
        return p[0];
    }
    if (width == 2) {
        uint16_t h;
        memcpy(&h, p, 2);
        return h;
    }
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* A new bytes object of ``size`` bytes to write into, or NULL with an exception set. */
static PyObject *new_bytes(size_t size, Sink *sink) {
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)size);
    if (b) {
        sink->data = PyBytes_AS_STRING(b);
        sink->len = 0;
        sink->cap = size;
        sink->overflow = 0;
    }
    return b;
}

/* ---- staged documents -------------------------------------------------------------------- */

/* One item of a staged list, (keys as an object of ``type``, slot): its keys (borrowed) and
 * its 32-bit slot; -1 with an exception when it is not that. */
static int staged_item(PyObject *item, PyTypeObject *type, PyObject **keys, uint32_t *slot) {
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2 ||
        !PyObject_TypeCheck(PyTuple_GET_ITEM(item, 0), type)) {
        PyErr_Format(PyExc_TypeError, "staged documents are (%s, slot) pairs", type->tp_name);
        return -1;
    }
    unsigned long value = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(item, 1));
    if (value == (unsigned long)-1 && PyErr_Occurred()) {
        return -1;
    }
    if (value > 0xFFFFFFFFul) {
        PyErr_SetString(PyExc_OverflowError, "slots are 32-bit");
        return -1;
    }
    *keys = PyTuple_GET_ITEM(item, 0);
    *slot = (uint32_t)value;
    return 0;
}

/* ---- group_pairs ------------------------------------------------------------------------ */

typedef struct {
    uint64_t key;
    uint32_t slot;
} Posting;

typedef struct {
    const char *raw; /* packed keys */
    size_t n;
    uint32_t slot;
} Staged;

#define PART_ENTRIES (1u << 21) /* sort at most about this many postings at a time */

/* LSD radix sort by key, a byte a pass (few buckets: the scatter stays in cache), all byte
 * counts taken in one read; stable, so each key's slots keep their order. A byte that is the
 * same in every key needs no pass. Answers where the sorted postings are (a or b). */
static Posting *radix_sort(Posting *a, Posting *b, size_t n) {
    size_t count[8][256];
    memset(count, 0, sizeof count);
    for (size_t k = 0; k < n; k++) {
        uint64_t key = a[k].key;
        for (int byte = 0; byte < 8; byte++) {
            count[byte][(key >> (8 * byte)) & 0xFF]++;
        }
    }
    for (int byte = 0; byte < 8; byte++) {
        size_t *c = count[byte];
        int shift = 8 * byte;
        if (n == 0 || c[(a[0].key >> shift) & 0xFF] == n) {
            continue;
        }
        size_t sum = 0;
        for (int d = 0; d < 256; d++) {
            size_t here = c[d];
            c[d] = sum;
            sum += here;
        }
        for (size_t k = 0; k < n; k++) {
            b[c[(a[k].key >> shift) & 0xFF]++] = a[k];
        }
        Posting *t = a;
        a = b;
        b = t;
    }
    return a;
}

static PyObject *group_pairs(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *staged;
    Py_ssize_t part_entries = PART_ENTRIES; /* smaller in tests, to check the parts join up */
    if (!PyArg_ParseTuple(args, "O!|n:group_pairs", &PyList_Type, &staged, &part_entries)) {
        return NULL;
    }
    if (part_entries < 1) {
        PyErr_SetString(PyExc_ValueError, "part_entries must be positive");
        return NULL;
    }
    /* staged: [(packed uint64 keys, slot), ...] in the order documents were added. A tuple
     * copy keeps every item alive while the GIL is released. */
    PyObject *items = PyList_AsTuple(staged);
    if (!items) {
        return NULL;
    }
    Py_ssize_t n_items = PyTuple_GET_SIZE(items);
    PyObject *result = NULL, *keys = NULL, *offsets = NULL, *slots = NULL;
    Posting *a = NULL, *b = NULL;
    Staged *docs = PyMem_RawMalloc((n_items ? n_items : 1) * sizeof(Staged));
    if (!docs) {
        PyErr_NoMemory();
        goto done;
    }
    size_t total = 0;
    for (Py_ssize_t i = 0; i < n_items; i++) {
        PyObject *packed;
        uint32_t slot;
        if (staged_item(PyTuple_GET_ITEM(items, i), &PyBytes_Type, &packed, &slot) < 0) {
            goto done;
        }
        if (PyBytes_GET_SIZE(packed) % 8) {
            PyErr_SetString(PyExc_ValueError, "packed pair keys are 8 bytes each");
            goto done;
        }
        docs[i].raw = PyBytes_AS_STRING(packed);
        docs[i].n = (size_t)PyBytes_GET_SIZE(packed) / 8;
        docs[i].slot = slot;
        total += docs[i].n;
    }
    /* Keys are hashes: split by their top bits into parts sorted one after another, so that
     * only a part's postings are held twice; the parts come out in key order. */
    int part_bits = 0;
    while (part_bits < 8 && (total >> part_bits) > (size_t)part_entries) {
        part_bits++;
    }
    int top_shift = 64 - part_bits;
    size_t part_size[256] = {0};
    size_t largest = 0;
    Sink key_sink = {0}, offset_sink = {0}, slot_sink = {0};
    /* at most one key per posting: the unused tail is cut off at the end, and pages never
     * written cost no memory */
    keys = new_bytes(total * 8, &key_sink);
    offsets = new_bytes((total + 1) * 8, &offset_sink);
    slots = new_bytes(total * 4, &slot_sink);
    if (!keys || !offsets || !slots) {
        goto done;
    }
    int nomem = 0;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n_items; i++) {
        for (size_t k = 0; k < docs[i].n; k++) {
            uint64_t key;
            memcpy(&key, docs[i].raw + 8 * k, 8);
            part_size[part_bits ? key >> top_shift : 0]++;
        }
    }
    for (int part = 0; part < 1 << part_bits; part++) {
        largest = part_size[part] > largest ? part_size[part] : largest;
    }
    a = PyMem_RawMalloc((largest ? largest : 1) * sizeof(Posting));
    b = PyMem_RawMalloc((largest ? largest : 1) * sizeof(Posting));
    if (!a || !b) {
        nomem = 1;
    } else {
        put_u64(&offset_sink, 0);
        size_t n_slots = 0;
        for (int part = 0; part < 1 << part_bits; part++) {
            size_t n = 0;
            for (Py_ssize_t i = 0; i < n_items; i++) {
                for (size_t k = 0; k < docs[i].n; k++) {
                    uint64_t key;
                    memcpy(&key, docs[i].raw + 8 * k, 8);
                    if (part_bits == 0 || (int)(key >> top_shift) == part) {
                        a[n].key = key;
                        a[n].slot = docs[i].slot;
                        n++;
                    }
                }
            }
            Posting *sorted = radix_sort(a, b, n);
            /* distinct keys, and where each one's slots end in the slots */
            for (size_t k = 0; k < n; k++) {
                if (k > 0 && sorted[k].key != sorted[k - 1].key) {
                    put_u64(&offset_sink, n_slots);
                }
                if (k == 0 || sorted[k].key != sorted[k - 1].key) {
                    put_u64(&key_sink, sorted[k].key);
                }
                put_u32(&slot_sink, sorted[k].slot);
                n_slots++;
            }
            if (n) {
                put_u64(&offset_sink, n_slots);
            }
        }
    }
    Py_END_ALLOW_THREADS
    if (nomem) {
        PyErr_NoMemory();
        goto done;
    }
    if (key_sink.overflow || offset_sink.overflow || slot_sink.overflow) { /* (never: sized for all) */
        PyErr_SetString(PyExc_RuntimeError, "pair postings outgrew their room");
        goto done;
    }
    if (_PyBytes_Resize(&keys, (Py_ssize_t)key_sink.len) < 0 ||
        _PyBytes_Resize(&offsets, (Py_ssize_t)offset_sink.len) < 0) {
        goto done; /* (the resize freed the object and set it to NULL) */
    }
    result = PyTuple_Pack(3, keys, offsets, slots);
done:
    Py_XDECREF(keys);
    Py_XDECREF(offsets);
    Py_XDECREF(slots);
    Py_DECREF(items);
    PyMem_RawFree(docs);
    PyMem_RawFree(a);
    PyMem_RawFree(b);
    return result;
}

/* ---- group_words ------------------------------------------------------------------------- */

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t len;
    uint32_t slot;
    uint32_t n_keys; /* counted in the first pass */
} WordsDoc;

typedef struct {
    uint32_t doc, start, len; /* where the key's first occurrence is */
    uint32_t count;           /* then: where its slots start */
} WordKey;

static inline int same_chars(const WordsDoc *a, uint32_t a_start, const WordsDoc *b, uint32_t b_start,
                             uint32_t len) {
    if (a->kind == b->kind) {
        return memcmp((const char *)a->data + (size_t)a_start * a->kind,
                      (const char *)b->data + (size_t)b_start * b->kind, (size_t)len * a->kind) == 0;
    }
    for (uint32_t k = 0; k < len; k++) {
        if (PyUnicode_READ(a->kind, a->data, a_start + k) != PyUnicode_READ(b->kind, b->data, b_start + k)) {
            return 0;
        }
    }
    return 1;
}

/* Word keys of many documents grouped at once: ``staged`` lists (keys joined by ``sep``, slot)
 * per document; the answer maps each distinct key to the bytes of its slots (native uint32),
 * in the order they came, as ``Space.add`` would have filed them one by one. */
static PyObject *group_words(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *staged;
    Py_UCS4 sep;
    if (!PyArg_ParseTuple(args, "O!C:group_words", &PyList_Type, &staged, &sep)) {
        return NULL;
    }
    PyObject *items = PyList_AsTuple(staged); /* keeps every string alive without the GIL */
    if (!items) {
        return NULL;
    }
    Py_ssize_t n_docs = PyTuple_GET_SIZE(items);
    PyObject *result = NULL;
    WordsDoc *docs = PyMem_RawMalloc((n_docs ? n_docs : 1) * sizeof(WordsDoc));
    WordKey *keys = NULL; /* keys[key number] */
    uint32_t *occurrences = NULL, *slots = NULL;
    size_t keys_cap = 0, occ_cap = 0, total = 0;
    Seen seen;
    int nomem = seen_init(&seen) < 0;
    if (!docs) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n_docs; i++) {
        PyObject *text;
        uint32_t slot;
        if (staged_item(PyTuple_GET_ITEM(items, i), &PyUnicode_Type, &text, &slot) < 0 || READY(text) < 0) {
            goto done;
        }
        if (PyUnicode_GET_LENGTH(text) > 0x7FFFFFFF) {
            PyErr_SetString(PyExc_OverflowError, "keys are 32-bit");
            goto done;
        }
        docs[i].kind = PyUnicode_KIND(text);
        docs[i].data = PyUnicode_DATA(text);
        docs[i].len = PyUnicode_GET_LENGTH(text);
        docs[i].slot = slot;
        docs[i].n_keys = 0;
    }
    Py_BEGIN_ALLOW_THREADS
    if (nomem) {
        goto out;
    }
    /* first pass: each occurrence's key number, new keys noted where they first stand */
    for (Py_ssize_t i = 0; i < n_docs; i++) {
        WordsDoc *doc = &docs[i];
        Py_ssize_t start = 0;
        for (Py_ssize_t pos = 0; pos <= doc->len; pos++) {
            if (pos < doc->len && PyUnicode_READ(doc->kind, doc->data, pos) != sep) {
                continue;
            }
            uint32_t len = (uint32_t)(pos - start);
            uint64_t hash = hash_seed; /* FNV-1a over code points */
            for (Py_ssize_t k = start; k < pos; k++) {
                hash = (hash ^ PyUnicode_READ(doc->kind, doc->data, k)) * 1099511628211ULL;
            }
            size_t at = seen_start(&seen, hash);
            uint32_t id;
            while ((id = seen.table[at]) != NONE &&
                   !(seen.hashes[id] == hash && keys[id].len == len &&
                     same_chars(&docs[keys[id].doc], keys[id].start, doc, (uint32_t)start, len))) {
                at = seen_next(&seen, at);
            }
            if (id == NONE) { /* a new key */
                int64_t added = seen_add(&seen, at, hash);
                if (added < 0 || reserve((void **)&keys, &keys_cap, (size_t)added + 1, sizeof(WordKey)) < 0) {
                    nomem = 1;
                    goto out;
                }
                id = (uint32_t)added;
                keys[id] = (WordKey){(uint32_t)i, (uint32_t)start, len, 0};
            }
            if (reserve((void **)&occurrences, &occ_cap, total + 1, sizeof(uint32_t)) < 0) {
                nomem = 1;
                goto out;
            }
            occurrences[total++] = id;
            keys[id].count++;
            doc->n_keys++;
            start = pos + 1;
        }
    }
    /* second pass: each key's slots together, in the order they came */
    if (total > UINT32_MAX) { /* (positions are 32-bit: far beyond any batch) */
        nomem = 1;
        goto out;
    }
    slots = PyMem_RawMalloc((total ? total : 1) * sizeof(uint32_t));
    if (!slots) {
        nomem = 1;
        goto out;
    }
    uint32_t sum = 0;
    for (size_t k = 0; k < seen.n; k++) {
        uint32_t here = keys[k].count;
        keys[k].count = sum;
        sum += here;
    }
    size_t o = 0;
    for (Py_ssize_t i = 0; i < n_docs; i++) {
        for (uint32_t k = 0; k < docs[i].n_keys; k++) {
            slots[keys[occurrences[o++]].count++] = docs[i].slot;
        }
    }
out:;
    Py_END_ALLOW_THREADS
    if (nomem) {
        PyErr_NoMemory();
        goto done;
    }
    /* keys[k].count is now where key k's slots end */
    result = PyDict_New();
    if (!result) {
        goto done;
    }
    uint32_t begin = 0;
    for (size_t k = 0; k < seen.n; k++) {
        PyObject *text = PyTuple_GET_ITEM(PyTuple_GET_ITEM(items, keys[k].doc), 0);
        PyObject *word = PyUnicode_Substring(text, keys[k].start, keys[k].start + keys[k].len);
        PyObject *run = PyBytes_FromStringAndSize((const char *)(slots + begin),
                                                  (Py_ssize_t)(keys[k].count - begin) * 4);
        begin = keys[k].count;
        if (!word || !run || PyDict_SetItem(result, word, run) < 0) {
            Py_XDECREF(word);
            Py_XDECREF(run);
            Py_CLEAR(result);
            goto done;
        }
        Py_DECREF(word);
        Py_DECREF(run);
    }
done:
    Py_DECREF(items);
    PyMem_RawFree(docs);
    PyMem_RawFree(keys);
    seen_free(&seen);
    PyMem_RawFree(occurrences);
    PyMem_RawFree(slots);
    return result;
}

/* ---- merge_runs ------------------------------------------------------------------------- */

static inline int aligned(const Py_buffer *view, uintptr_t size) {
    return view->len == 0 || (uintptr_t)view->buf % size == 0;
}

static inline int width_for(uint32_t top) { return top < 1u << 8 ? 1 : top < 1u << 16 ? 2 : 4; }

typedef struct {
    const uint64_t *old_keys, *old_offsets, *new_keys, *new_offsets;
    const uint32_t *old_firsts, *old_lasts, *dense, *new_slots;
    const uint8_t *old_widths;
    const unsigned char *old_blob;
    Py_ssize_t n_old, n_new, n_dense, n_slots, blob_len, threshold;
} MergeIn;

typedef struct {
    Sink keys, offsets, firsts, lasts, widths, blob;
    Sink actions; /* (index, old index or -1, lo, hi) as Py_ssize_t: keys whose slots become a bitmap */
} Store;

static void store_empty_run(Store *o) {
    put_u32(&o->firsts, 0);
    put_u32(&o->lasts, 0);
    put_u8(&o->widths, 1);
    put_u64(&o->offsets, o->blob.len);
}

static void add_action(Store *o, Py_ssize_t idx, Py_ssize_t old, Py_ssize_t lo, Py_ssize_t hi) {
    Py_ssize_t action[4] = {idx, old, lo, hi};
    put(&o->actions, action, sizeof action);
}

/* Out-of-range data in a loaded index must raise, never read past a buffer. */
#define FAIL_IF(cond, message) \
    if (cond) {                \
        return (message);      \
    }

/* The merge of the frozen runs and the new postings into ``o``; an error message or NULL. */
static const char *merge(const MergeIn *in, Store *o) {
    put_u64(&o->offsets, 0);
    Py_ssize_t j = 0, d = 0, idx = 0;
    /* one step per key of the union, old and new keys both sorted */
    for (Py_ssize_t q = 0; q <= in->n_new; q++) {
        uint64_t k = q < in->n_new ? in->new_keys[q] : 0;
        /* untouched old keys before k (all of them after the last new key) */
        while (j < in->n_old && (q == in->n_new || in->old_keys[j] < k)) {
            uint64_t a = in->old_offsets[j], b = in->old_offsets[j + 1];
            FAIL_IF(a > b || b > (uint64_t)in->blob_len, "postings offsets do not match their data");
            put_u64(&o->keys, in->old_keys[j]);
            put_u32(&o->firsts, in->old_firsts[j]);
            put_u32(&o->lasts, in->old_lasts[j]);
            put_u8(&o->widths, in->old_widths[j]);
            put(&o->blob, in->old_blob + a, b - a);
            put_u64(&o->offsets, o->blob.len);
            while (d < in->n_dense && in->dense[d] < j) {
                d++;
            }
            if (d < in->n_dense && in->dense[d] == j) {
                add_action(o, idx, j, -1, -1);
                d++;
            }
            j++;
            idx++;
        }
        if (q == in->n_new) {
            break;
        }
        uint64_t lo = in->new_offsets[q], hi = in->new_offsets[q + 1];
        FAIL_IF(lo >= hi || hi > (uint64_t)in->n_slots, "new postings do not match their keys");
        const uint32_t *slots = in->new_slots + lo;
        Py_ssize_t count = (Py_ssize_t)(hi - lo);
        uint32_t top = 0; /* the widest gap between new slots */
        for (Py_ssize_t t = 1; t < count; t++) {
            FAIL_IF(slots[t] <= slots[t - 1], "slots must ascend");
            uint32_t gap = slots[t] - slots[t - 1];
            top = gap > top ? gap : top;
        }
        put_u64(&o->keys, k);
        if (j < in->n_old && in->old_keys[j] == k) {
            while (d < in->n_dense && in->dense[d] < j) {
                d++;
            }
            int old_dense = d < in->n_dense && in->dense[d] == j;
            uint64_t a = in->old_offsets[j], b = in->old_offsets[j + 1];
            int width = in->old_widths[j];
            FAIL_IF(a > b || b > (uint64_t)in->blob_len || (width != 1 && width != 2 && width != 4) ||
                        (b - a) % width,
                    "postings offsets do not match their data");
            Py_ssize_t old_count = (Py_ssize_t)((b - a) / width) + 1;
            if (old_dense || old_count + count > in->threshold) {
                if (old_dense) {
                    d++;
                }
                add_action(o, idx, j, (Py_ssize_t)lo, (Py_ssize_t)hi);
                store_empty_run(o);
            } else {
                /* new slots all come after the old ones: the old gaps stay, widened only when a
                 * new gap needs more bytes */
                FAIL_IF(slots[0] <= in->old_lasts[j], "new slots must follow the old ones");
                uint32_t step = slots[0] - in->old_lasts[j];
                int need = width_for(step > top ? step : top);
                if (need <= width) {
                    put(&o->blob, in->old_blob + a, b - a);
                } else {
                    for (uint64_t p = a; p < b; p += width) {
                        put_gap(&o->blob, get_gap(in->old_blob + p, width), need);
                    }
                    width = need;
                }
                put_gap(&o->blob, step, width);
                for (Py_ssize_t t = 1; t < count; t++) {
                    put_gap(&o->blob, slots[t] - slots[t - 1], width);
                }
                put_u32(&o->firsts, in->old_firsts[j]);
                put_u32(&o->lasts, slots[count - 1]);
                put_u8(&o->widths, (uint8_t)width);
                put_u64(&o->offsets, o->blob.len);
            }
            j++;
        } else if (count > in->threshold) {
            add_action(o, idx, -1, (Py_ssize_t)lo, (Py_ssize_t)hi);
            store_empty_run(o);
        } else {
            int width = count < 2 ? 1 : width_for(top);
            for (Py_ssize_t t = 1; t < count; t++) {
                put_gap(&o->blob, slots[t] - slots[t - 1], width);
            }
            put_u32(&o->firsts, slots[0]);
            put_u32(&o->lasts, slots[count - 1]);
            put_u8(&o->widths, (uint8_t)width);
            put_u64(&o->offsets, o->blob.len);
        }
        idx++;
    }
    return NULL;
}

static PyObject *merge_runs(PyObject *self, PyObject *args) {
    (void)self;
    Py_buffer ok = {0}, oo = {0}, of = {0}, ol = {0}, ow = {0}, ob = {0}, od = {0};
    Py_buffer nk = {0}, no = {0}, ns = {0};
    Py_ssize_t threshold;
    PyObject *result = NULL, *actions = NULL;
    PyObject *parts[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    Py_ssize_t *acts = NULL;
    const char *error = NULL;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*y*y*y*n:merge_runs", &ok, &oo, &of, &ol, &ow, &ob, &od,
                          &nk, &no, &ns, &threshold)) {
        return NULL;
    }
    MergeIn in = {
        .old_keys = ok.buf, .old_offsets = oo.buf, .new_keys = nk.buf, .new_offsets = no.buf,
        .old_firsts = of.buf, .old_lasts = ol.buf, .dense = od.buf, .new_slots = ns.buf,
        .old_widths = ow.buf, .old_blob = ob.buf,
        .n_old = ok.len / 8, .n_new = nk.len / 8, .n_dense = od.len / 4, .n_slots = ns.len / 4,
        .blob_len = ob.len, .threshold = threshold,
    };
    if (ok.len % 8 || nk.len % 8 || od.len % 4 || ns.len % 4 ||
        /* typed views must be aligned (an empty one may point anywhere: it is never read) */
        !(aligned(&ok, 8) && aligned(&oo, 8) && aligned(&nk, 8) && aligned(&no, 8) && aligned(&of, 4) &&
          aligned(&ol, 4) && aligned(&od, 4) && aligned(&ns, 4))) {
        error = "misaligned postings";
    } else if (oo.len != (in.n_old + 1) * 8 || of.len != in.n_old * 4 || ol.len != in.n_old * 4 ||
               ow.len != in.n_old) {
        error = "postings do not match their keys";
    } else if (in.old_offsets[0] != 0 || in.old_offsets[in.n_old] != (uint64_t)ob.len) {
        error = "postings offsets do not match their data";
    } else if (no.len != (in.n_new + 1) * 8 || in.new_offsets[0] != 0 ||
               in.new_offsets[in.n_new] != (uint64_t)in.n_slots) {
        error = "new postings do not match their keys";
    }
    if (error) {
        PyErr_SetString(PyExc_ValueError, error);
        goto done;
    }
    Store size;
    memset(&size, 0, sizeof size);
    Py_BEGIN_ALLOW_THREADS
    error = merge(&in, &size); /* counting */
    Py_END_ALLOW_THREADS
    if (error) {
        PyErr_SetString(PyExc_ValueError, error);
        goto done;
    }
    Store o;
    Sink *sinks[6] = {&o.keys, &o.offsets, &o.firsts, &o.lasts, &o.widths, &o.blob};
    Sink *sized[6] = {&size.keys, &size.offsets, &size.firsts, &size.lasts, &size.widths, &size.blob};
    memset(&o, 0, sizeof o);
    for (int t = 0; t < 6; t++) {
        parts[t] = new_bytes(sized[t]->len, sinks[t]);
        if (!parts[t]) {
            goto done;
        }
    }
    acts = PyMem_RawMalloc(size.actions.len ? size.actions.len : 1);
    if (!acts) {
        PyErr_NoMemory();
        goto done;
    }
    o.actions.data = (char *)acts;
    o.actions.cap = size.actions.len;
    Py_BEGIN_ALLOW_THREADS
    error = merge(&in, &o); /* writing: the same input, so the same sizes... */
    Py_END_ALLOW_THREADS
    if (!error) {
        /* ...unless another thread changed a mutable input between the passes */
        Sink *all[7] = {&o.keys, &o.offsets, &o.firsts, &o.lasts, &o.widths, &o.blob, &o.actions};
        Sink *want[7] = {&size.keys, &size.offsets, &size.firsts, &size.lasts, &size.widths, &size.blob,
                         &size.actions};
        for (int t = 0; t < 7; t++) {
            if (all[t]->overflow || all[t]->len != want[t]->len) {
                error = "postings changed while they were merged";
            }
        }
    }
    if (error) {
        PyErr_SetString(PyExc_ValueError, error);
        goto done;
    }
    Py_ssize_t n_actions = (Py_ssize_t)(size.actions.len / (4 * sizeof(Py_ssize_t)));
    actions = PyList_New(n_actions);
    if (!actions) {
        goto done;
    }
    for (Py_ssize_t t = 0; t < n_actions; t++) {
        PyObject *item = Py_BuildValue("(nnnn)", acts[4 * t], acts[4 * t + 1], acts[4 * t + 2], acts[4 * t + 3]);
        if (!item) {
            goto done;
        }
        PyList_SET_ITEM(actions, t, item);
    }
    result = PyTuple_Pack(7, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], actions);
done:
    for (int t = 0; t < 6; t++) {
        Py_XDECREF(parts[t]);
    }
    Py_XDECREF(actions);
    PyMem_RawFree(acts);
    PyBuffer_Release(&ok);
    PyBuffer_Release(&oo);
    PyBuffer_Release(&of);
    PyBuffer_Release(&ol);
    PyBuffer_Release(&ow);
    PyBuffer_Release(&ob);
    PyBuffer_Release(&od);
    PyBuffer_Release(&nk);
    PyBuffer_Release(&no);
    PyBuffer_Release(&ns);
    return result;
}

/* ---- bitmap_bytes ------------------------------------------------------------------------ */

/* The little-endian bytes of the bitmap of some slots (native uint32, any order). */
static PyObject *bitmap_bytes(PyObject *self, PyObject *arg) {
    (void)self;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_C_CONTIGUOUS) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    if (view.len % 4) {
        PyErr_SetString(PyExc_ValueError, "slots are 4 bytes each");
        goto done;
    }
    Py_ssize_t n = view.len / 4;
    const char *raw = view.buf;
    uint32_t top = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        uint32_t slot;
        memcpy(&slot, raw + 4 * k, 4);
        top = slot > top ? slot : top;
    }
    result = PyBytes_FromStringAndSize(NULL, n ? (Py_ssize_t)(top / 8) + 1 : 0);
    if (!result) {
        goto done;
    }
    unsigned char *bits = (unsigned char *)PyBytes_AS_STRING(result);
    memset(bits, 0, (size_t)PyBytes_GET_SIZE(result));
    for (Py_ssize_t k = 0; k < n; k++) {
        uint32_t slot;
        memcpy(&slot, raw + 4 * k, 4);
        bits[slot >> 3] |= (unsigned char)(1u << (slot & 7));
    }
done:
    PyBuffer_Release(&view);
    return result;
}

/* ---- module ----------------------------------------------------------------------------- */

static PyMethodDef methods[] = {
    {"configure", configure, METH_O, "Set the fold table: code point -> one character."},
    {"scan", scan, METH_VARARGS, "(words, pairs) of a key'd text; see the module docstring."},
    {"group_pairs", group_pairs, METH_VARARGS, "Staged pair keys grouped into sorted postings."},
    {"group_words", group_words, METH_VARARGS, "Staged word keys grouped: key -> bytes of slots."},
    {"merge_runs", merge_runs, METH_VARARGS, "Frozen pair postings merged with grouped new ones."},
    {"bitmap_bytes", bitmap_bytes, METH_O, "Little-endian bitmap bytes of uint32 slots."},
    {"set_plain_ranges", set_plain_ranges, METH_O, "The code point ranges split_words calls plain."},
    {"split_words", split_words, METH_O, "(gaps, words, starts, ends, plain) of an article body."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_speedups", "Compiled twins of the import's hottest loops.", -1, methods, NULL, NULL, NULL, NULL,
};

#ifndef SOURCE_HASH
#define SOURCE_HASH "unknown" /* built by hand: never matches, so never used */
#endif

PyMODINIT_FUNC PyInit__speedups(void) {
    crc_init();
    PyObject *os = PyImport_ImportModule("os");
    PyObject *random = os ? PyObject_CallMethod(os, "urandom", "i", 8) : NULL;
    Py_XDECREF(os);
    if (random && PyBytes_Check(random) && PyBytes_GET_SIZE(random) == 8) {
        uint64_t seed;
        memcpy(&seed, PyBytes_AS_STRING(random), 8);
        hash_seed ^= seed;
    } else {
        PyErr_Clear(); /* no entropy: the fixed seed still works, only predictably */
    }
    Py_XDECREF(random);
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "SOURCE_HASH", SOURCE_HASH) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
