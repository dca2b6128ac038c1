#include "reference.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

/* ---- memory, statuses, messages ---------------------------------------------------- */

double *alloc_doubles(size_t n)
{
    return grade_alloc(n, sizeof(double));
}

double *nan_doubles(size_t n)
{
    double *p = alloc_doubles(n);
    for (size_t i = 0; i < n; i++)
        p[i] = NAN;
    return p;
}

const char *status_name(gv_status s)
{
    static const char *const names[] = {
        "GV_OK",        "GV_ERR_TODO",   "GV_ERR_ARG",   "GV_ERR_NAN",
        "GV_ERR_NOMEM", "GV_ERR_FORMAT", "GV_ERR_SPACE",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(gv_status came, gv_status expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[600];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %s, came %s", label, status_name(expected), status_name(came));
}

const char *quoted(const char *bytes, size_t len, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)bytes[i];
        char piece[8];
        if (b >= 0x20 && b < 0x7f && b != '\\' && b != '"')
            snprintf(piece, sizeof piece, "%c", b);
        else if (b == '\n')
            snprintf(piece, sizeof piece, "\\n");
        else if (b == '\t')
            snprintf(piece, sizeof piece, "\\t");
        else if (b == '\\' || b == '"')
            snprintf(piece, sizeof piece, "\\%c", b);
        else
            snprintf(piece, sizeof piece, "\\x%02x", b);
        size_t n = strlen(piece);
        if (o + n + 4 > size) {
            memcpy(out + o, "...", 4);
            return out;
        }
        memcpy(out + o, piece, n);
        o += n;
    }
    out[o] = '\0';
    return out;
}

/* ---- text -------------------------------------------------------------------------- */

/* The length of the valid UTF-8 sequence at p (at most left bytes), or 0. */
static size_t utf8_sequence(const unsigned char *p, size_t left)
{
    unsigned char b = p[0];
    if (b < 0x80)
        return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xbf; /* the range of the second byte */
    if (b >= 0xc2 && b <= 0xdf)
        need = 1;
    else if (b == 0xe0)
        need = 2, lo = 0xa0; /* below: overlong */
    else if (b == 0xed)
        need = 2, hi = 0x9f; /* above: surrogates */
    else if (b >= 0xe1 && b <= 0xef)
        need = 2;
    else if (b == 0xf0)
        need = 3, lo = 0x90; /* below: overlong */
    else if (b >= 0xf1 && b <= 0xf3)
        need = 3;
    else if (b == 0xf4)
        need = 3, hi = 0x8f; /* above: beyond U+10FFFF */
    else
        return 0; /* a continuation byte, an overlong 0xc0/0xc1, or 0xf5..0xff */
    if (need >= left)
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t k = 2; k <= need; k++)
        if (p[k] < 0x80 || p[k] > 0xbf)
            return 0;
    return need + 1;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

ref_place ref_text_problem(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == '\n') {
            line++;
            line_start = ++i;
            continue;
        }
        if (!is_blank(text[i]) && (i == 0 || is_blank(text[i - 1])) && len - i >= 5 &&
            memcmp(text + i, "<unk>", 5) == 0 && (len - i == 5 || is_blank(text[i + 5])))
            return (ref_place){1, line, i - line_start + 1};
        size_t n = utf8_sequence(t + i, len - i);
        if (n == 0)
            return (ref_place){1, line, i - line_start + 1};
        i += n;
    }
    return (ref_place){0, 0, 0};
}

size_t ref_tokenize(const char *text, size_t len, ref_token **tokens)
{
    size_t n = 0, document = 0;
    for (size_t i = 0; i < len; i++)
        n += !is_blank(text[i]) && (i == 0 || is_blank(text[i - 1]));
    ref_token *t = grade_alloc(n, sizeof *t);
    n = 0;
    for (size_t i = 0; i < len;) {
        if (text[i] == '\n')
            document++;
        if (is_blank(text[i])) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < len && !is_blank(text[end]))
            end++;
        size_t cut = end - i;
        if (cut > GV_MAX_WORD) {
            cut = GV_MAX_WORD;
            while (cut > 0 && ((unsigned char)text[i + cut] & 0xc0) == 0x80)
                cut--;
        }
        t[n++] = (ref_token){text + i, cut, document};
        i = end;
    }
    *tokens = t;
    return n;
}

/* Bytes as unsigned, a shorter prefix first. */
static int compare_bytes(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c != 0)
        return c;
    return an < bn ? -1 : an > bn;
}

static int compare_tokens(const void *x, const void *y)
{
    const ref_token *a = x, *b = y;
    return compare_bytes(a->p, a->len, b->p, b->len);
}

typedef struct {
    const char *p;
    size_t len;
    uint64_t count;
} counted_word;

static int compare_counted(const void *x, const void *y)
{
    const counted_word *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return compare_bytes(a->p, a->len, b->p, b->len);
}

static ref_vocab vocab_from(const counted_word *w, size_t n)
{
    ref_vocab v = {n, 0, NULL, grade_alloc(n + 1, sizeof(size_t)),
                   grade_alloc(n, sizeof(uint64_t))};
    for (size_t i = 0; i < n; i++)
        v.bytes += w[i].len;
    v.words = grade_alloc(v.bytes, 1);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        v.start[i] = at;
        memcpy(v.words + at, w[i].p, w[i].len);
        at += w[i].len;
        v.count[i] = w[i].count;
    }
    v.start[n] = at;
    return v;
}

ref_vocab ref_vocab_count(const char *text, size_t len, uint64_t min_count)
{
    ref_token *t;
    size_t n = ref_tokenize(text, len, &t);
    qsort(t, n, sizeof *t, compare_tokens);
    counted_word *w = grade_alloc(n, sizeof *w);
    size_t unique = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && compare_tokens(&t[i], &t[j]) == 0)
            j++;
        if (j - i >= min_count)
            w[unique++] = (counted_word){t[i].p, t[i].len, j - i};
        i = j;
    }
    qsort(w, unique, sizeof *w, compare_counted);
    return vocab_from(w, unique);
}

ref_vocab ref_vocab_of(const char *const *words, size_t n)
{
    counted_word *w = grade_alloc(n, sizeof *w);
    for (size_t i = 0; i < n; i++)
        w[i] = (counted_word){words[i], strlen(words[i]), 1};
    return vocab_from(w, n);
}

long ref_vocab_find(const char *words, const size_t *start, size_t size, const char *p,
                    size_t len)
{
    for (size_t i = 0; i < size; i++)
        if (start[i + 1] - start[i] == len && memcmp(words + start[i], p, len) == 0)
            return (long)i;
    return -1;
}

/* ---- co-occurrences ------------------------------------------------------------------- */

long double *ref_cooccur_dense(const char *text, size_t len, const char *words,
                               const size_t *start, size_t vocab_size,
                               const gv_cooccur_options *o)
{
    long double *x = grade_alloc(vocab_size * vocab_size, sizeof *x);
    ref_token *t;
    size_t n = ref_tokenize(text, len, &t);
    long *id = grade_alloc(n, sizeof *id);
    size_t *document = grade_alloc(n, sizeof *document), kept = 0;
    for (size_t i = 0; i < n; i++) { /* out-of-vocabulary tokens go first */
        long k = ref_vocab_find(words, start, vocab_size, t[i].p, t[i].len);
        if (k >= 0) {
            id[kept] = k;
            document[kept++] = t[i].document;
        }
    }
    for (size_t p = 0; p < kept; p++)
        for (size_t d = 1; d <= o->window && d <= p && document[p - d] == document[p]; d++) {
            long double w = o->distance_weighting ? 1.0L / (long double)d : 1.0L;
            x[(size_t)id[p - d] * vocab_size + (size_t)id[p]] += w;
            if (o->symmetric)
                x[(size_t)id[p] * vocab_size + (size_t)id[p - d]] += w;
        }
    return x;
}

size_t ref_nonzeros(const long double *x, size_t vocab_size)
{
    size_t n = 0;
    for (size_t i = 0; i < vocab_size * vocab_size; i++)
        n += x[i] != 0;
    return n;
}

void expect_records(const gv_record *records, size_t count, const long double *x,
                    size_t vocab_size, const char *what)
{
    size_t want = ref_nonzeros(x, vocab_size);
    if (count != want)
        grade_fail("gv_cooccur of %s: expected %zu records (one per nonzero X_ij), came %zu",
                   what, want, count);
    for (size_t r = 0; r < count; r++) {
        const gv_record *c = &records[r];
        if (c->row >= vocab_size || c->col >= vocab_size)
            grade_fail("gv_cooccur of %s: record %zu has (row, col) = (%u, %u), not ids of "
                       "the %zu words", what, r, c->row, c->col, vocab_size);
        if (r > 0 && (records[r - 1].row > c->row ||
                      (records[r - 1].row == c->row && records[r - 1].col >= c->col)))
            grade_fail("gv_cooccur of %s: record %zu is (%u, %u) after (%u, %u); expected "
                       "one record per (row, col), sorted by row, then col", what, r, c->row,
                       c->col, records[r - 1].row, records[r - 1].col);
        long double e = x[(size_t)c->row * vocab_size + c->col];
        if (e == 0)
            grade_fail("gv_cooccur of %s: record %zu is (%u, %u) = %.17g, but X[%u][%u] = 0 "
                       "(the two words are never within the window)", what, r, c->row,
                       c->col, c->value, c->row, c->col);
        if (!(fabsl(c->value - e) <= 1e-12L * e))
            grade_fail("gv_cooccur of %s: X[%u][%u] expected %.17Lg, came %.17g", what,
                       c->row, c->col, e, c->value);
    }
}

/* ---- the weighting, the cost, AdaGrad ------------------------------------------------- */

long double ref_weight(double x, double x_max, double alpha)
{
    if (x > x_max)
        return 1;
    return powl((long double)x / x_max, alpha);
}

size_t model_values(size_t vocab_size, size_t dim)
{
    return 2 * vocab_size * (dim + 1);
}

long double ref_cost(const gv_record *records, size_t count, const double *params,
                     size_t vocab_size, size_t dim, double x_max, double alpha,
                     long double *grad)
{
    size_t row = dim + 1;
    if (grad)
        memset(grad, 0, model_values(vocab_size, dim) * sizeof *grad);
    long double total = 0;
    for (size_t r = 0; r < count; r++) {
        const double *w = params + records[r].row * row;
        const double *c = params + (vocab_size + records[r].col) * row;
        long double diff = w[dim] + (long double)c[dim] - logl(records[r].value);
        for (size_t k = 0; k < dim; k++)
            diff += (long double)w[k] * c[k];
        long double f = ref_weight(records[r].value, x_max, alpha);
        total += f * diff * diff / 2;
        if (!grad)
            continue;
        long double g = f * diff / count;
        long double *gw = grad + records[r].row * row;
        long double *gc = grad + (vocab_size + records[r].col) * row;
        for (size_t k = 0; k < dim; k++) {
            gw[k] += g * c[k];
            gc[k] += g * w[k];
        }
        gw[dim] += g;
        gc[dim] += g;
    }
    return total / count;
}

static double clip(double g, double limit)
{
    return g > limit ? limit : g < -limit ? -limit : g;
}

double ref_epoch(const gv_record *records, size_t count, size_t vocab_size, size_t dim,
                 const gv_options *o, double *params, double *gradsq)
{
    size_t row = dim + 1;
    double cost = 0;
    double *u1 = alloc_doubles(dim), *u2 = alloc_doubles(dim);
    for (size_t r = 0; r < count; r++) {
        double x = records[r].value;
        size_t i = records[r].row * row, j = (vocab_size + records[r].col) * row;
        double *w = params + i, *c = params + j, *gw = gradsq + i, *gc = gradsq + j;
        double diff = 0;
        for (size_t k = 0; k < dim; k++)
            diff += w[k] * c[k];
        diff += w[dim] + c[dim] - log(x);
        double fdiff = (x > o->x_max ? 1 : pow(x / o->x_max, o->alpha)) * diff;
        if (!isfinite(diff) || !isfinite(fdiff))
            continue;
        cost += 0.5 * fdiff * diff;
        double sum1 = 0, sum2 = 0;
        for (size_t k = 0; k < dim; k++) {
            double g1 = o->eta * clip(fdiff * c[k], o->grad_clip);
            double g2 = o->eta * clip(fdiff * w[k], o->grad_clip);
            u1[k] = g1 / sqrt(gw[k]);
            u2[k] = g2 / sqrt(gc[k]);
            sum1 += u1[k];
            sum2 += u2[k];
            gw[k] += g1 * g1;
            gc[k] += g2 * g2;
        }
        if (isfinite(sum1) && isfinite(sum2))
            for (size_t k = 0; k < dim; k++) {
                w[k] -= u1[k];
                c[k] -= u2[k];
            }
        double step1 = fdiff / sqrt(gw[dim]), step2 = fdiff / sqrt(gc[dim]);
        w[dim] -= isfinite(step1) ? step1 : 0;
        c[dim] -= isfinite(step2) ? step2 : 0;
        gw[dim] += fdiff * fdiff;
        gc[dim] += fdiff * fdiff;
    }
    return cost / (double)count;
}

gv_record *random_records(rng *r, size_t count, size_t vocab_size, double x_max)
{
    gv_record *records = grade_alloc(count, sizeof *records);
    unsigned char *used = grade_alloc(vocab_size * vocab_size, 1);
    int distinct = count <= vocab_size * vocab_size;
    for (size_t k = 0; k < count; k++) {
        uint32_t i, j;
        do {
            i = (uint32_t)rng_below(r, vocab_size);
            j = (uint32_t)rng_below(r, vocab_size);
        } while (distinct && used[(size_t)i * vocab_size + j]);
        used[(size_t)i * vocab_size + j] = 1;
        double value = 0.1 * pow(30 * x_max, rng_uniform(r));
        records[k] = (gv_record){i, j, value};
    }
    return records;
}

double *random_params(rng *r, size_t vocab_size, size_t dim, double scale)
{
    size_t n = model_values(vocab_size, dim);
    double *p = alloc_doubles(n);
    for (size_t i = 0; i < n; i++)
        p[i] = rng_range(r, -scale, scale);
    return p;
}

/* ---- similarity ----------------------------------------------------------------------- */

long double ref_dot(const double *a, const double *b, size_t dim)
{
    long double s = 0;
    for (size_t k = 0; k < dim; k++)
        s += (long double)a[k] * b[k];
    return s;
}

long double ref_norm(const double *a, size_t dim)
{
    return sqrtl(ref_dot(a, a, dim)); /* long double's range holds any double's square */
}

long double ref_analogy_score(const double *unit, size_t dim, const uint32_t *question,
                              gv_rule rule, uint32_t d)
{
    const double *a = unit + (size_t)question[0] * dim, *b = unit + (size_t)question[1] * dim;
    const double *c = unit + (size_t)question[2] * dim, *v = unit + (size_t)d * dim;
    if (rule == GV_3COSADD) {
        long double target = 0, tt = 0;
        for (size_t k = 0; k < dim; k++) {
            long double t = (long double)b[k] - a[k] + c[k];
            target += v[k] * t;
            tt += t * t;
        }
        return target / (sqrtl(tt) * ref_norm(v, dim));
    }
    long double nv = ref_norm(v, dim);
    long double ca = (1 + ref_dot(v, a, dim) / (nv * ref_norm(a, dim))) / 2;
    long double cb = (1 + ref_dot(v, b, dim) / (nv * ref_norm(b, dim))) / 2;
    long double cc = (1 + ref_dot(v, c, dim) / (nv * ref_norm(c, dim))) / 2;
    return cb * cc / (ca + 0.001L);
}

uint32_t ref_analogy(const double *unit, size_t rows, size_t dim, const uint32_t *question,
                     gv_rule rule, long double *score, long double *runner_up)
{
    long double best = -INFINITY, second = -INFINITY;
    uint32_t at = 0;
    for (uint32_t d = 0; d < rows; d++) {
        if (d == question[0] || d == question[1] || d == question[2])
            continue;
        long double s = ref_analogy_score(unit, dim, question, rule, d);
        if (s > best) {
            second = best;
            best = s;
            at = d;
        } else if (s > second) {
            second = s;
        }
    }
    *score = best;
    *runner_up = second;
    return at;
}

double *random_unit_rows(rng *r, size_t rows, size_t dim)
{
    double *u = alloc_doubles(rows * dim);
    for (size_t i = 0; i < rows; i++) {
        double *v = u + i * dim;
        for (size_t k = 0; k < dim; k++)
            v[k] = rng_normal(r);
        long double n = ref_norm(v, dim);
        for (size_t k = 0; k < dim; k++)
            v[k] = (double)(v[k] / n);
    }
    return u;
}

/* ---- fixed point ---------------------------------------------------------------------- */

uint64_t ref_encode(double x, unsigned bits, gv_fixed_mode mode)
{
    double scaled = ldexp(x, (int)bits); /* exact: a power of two */
    if (mode == GV_FIXED_CLIPPED) {
        if (!(scaled > 0))
            return 0;
        return scaled >= ldexp(1, (int)bits) ? (uint64_t)1 << bits : (uint64_t)scaled;
    }
    long long code = llround(scaled);
    return (uint64_t)code; /* two's complement */
}

uint64_t ref_ring_dot(const uint64_t *a, const uint64_t *b, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i]; /* unsigned: wraps mod 2^64 */
    return s;
}

double chi_square(const uint64_t *counts, size_t bins)
{
    double total = 0, stat = 0;
    for (size_t i = 0; i < bins; i++)
        total += (double)counts[i];
    double expected = total / (double)bins;
    for (size_t i = 0; i < bins; i++) {
        double d = (double)counts[i] - expected;
        stat += d * d / expected;
    }
    return stat;
}
