/* adagrad.c: the original code's start, its shuffle and its AdaGrad epoch
 * (chapter section 6). */
#include "glove.h"

#include <math.h>
#include <stdlib.h>

#include "model.h"
#include "rng.h"
#include "simd.h"

gv_status gv_init(size_t vocab_size, size_t dim, uint64_t seed, double *params, double *gradsq)
{
    // TODO: seed an rng (support/rng.h); every parameter, in memory order,
    //   is (rng_uniform - 0.5) / dim; every gradsq entry is 1.
    // STUB: (void)vocab_size; (void)dim; (void)seed; (void)params; (void)gradsq;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    size_t n = md_param_count(vocab_size, dim);
    if (!params || !gradsq || n == 0)
        return GV_ERR_ARG;
    rng r;
    rng_seed(&r, seed);
    for (size_t a = 0; a < n; a++) {
        params[a] = (rng_uniform(&r) - 0.5) / (double)dim;
        gradsq[a] = 1.0;
    }
    return GV_OK;
    // END SOLUTION
}

gv_status gv_shuffle(gv_record *records, size_t count, uint64_t seed)
{
    // TODO: Fisher-Yates, exactly as the header says (the grader compares
    //   the order you get with its own).
    // STUB: (void)records; (void)count; (void)seed;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!records || count == 0)
        return GV_ERR_ARG;
    rng r;
    rng_seed(&r, seed);
    for (size_t i = count - 1; i > 0; i--) {
        size_t j = (size_t)rng_below(&r, (uint64_t)i + 1);
        gv_record t = records[i];
        records[i] = records[j];
        records[j] = t;
    }
    return GV_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* Records ahead of the current one whose rows are fetched into the cache:
 * the rows of a rare word are far apart in memory and seldom cached, and
 * the processor cannot guess which comes next. 4 records (over a
 * microsecond) ahead leaves memory time to answer. */
enum { PREFETCH_AHEAD = 4 };

static inline vd vd_sqrt(vd x)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_sqrt_pd((__m512d)x);
#elif SIMD_BYTES == 32
    return (vd)_mm256_sqrt_pd((__m256d)x);
#else
    return (vd)_mm_sqrt_pd((__m128d)x);
#endif
}

/* min(max(x, -limit), limit) lane by lane, as fmin(fmax(x, -limit), limit)
 * would give it (-limit for a NaN), with max alone: min(y, l) = -max(-y, -l). */
static inline vd vd_clip(vd x, vd limit)
{
    return -vd_max(-vd_max(x, -limit), -limit);
}

static inline double clip(double x, double limit)
{
    x = x >= -limit ? x : -limit; /* a NaN becomes -limit, as with vd_clip */
    return x <= limit ? x : limit;
}

/* What an epoch keeps fixed, and two rows of scratch. */
typedef struct {
    size_t vocab_size, dim, stride; /* stride = dim + 1 */
    double eta, grad_clip, x_max, alpha;
    double *params, *gradsq;
    double *u1, *u2; /* dim values each */
} trainer;

static void prefetch_row(const double *row, size_t bytes)
{
    const char *p = (const char *)row;
    for (size_t at = 0; at < bytes; at += 64)
        __builtin_prefetch(p + at, 1, 3); /* for writing, into L1 */
    __builtin_prefetch(p + bytes - 1, 1, 3);
}

/* Asks for the four rows record r will update. */
static void prefetch_record(const trainer *t, const gv_record *r)
{
    size_t word = r->row * t->stride, context = (t->vocab_size + r->col) * t->stride;
    size_t bytes = t->stride * sizeof(double);
    prefetch_row(t->params + word, bytes);
    prefetch_row(t->params + context, bytes);
    prefetch_row(t->gradsq + word, bytes);
    prefetch_row(t->gradsq + context, bytes);
}

/* a . b, in vector lanes and then across them. */
static double dot(const double *restrict a, const double *restrict b, size_t n)
{
    vd sum = vd_set1(0.0);
    size_t k = 0;
    for (; k + VD_LANES <= n; k += VD_LANES)
        sum = vd_fma(vd_load(a + k), vd_load(b + k), sum);
    double total = vd_sum(sum);
    for (; k < n; k++)
        total += a[k] * b[k];
    return total;
}

/* The steps of the two vectors, u1 for w_i and u2 for w~_j, from the old
 * gradsq, which then grows by the squared (eta-scaled) gradients; 1 when
 * both steps sum to finite numbers. Lane for lane the same operations as
 * the scalar loop that finishes the row. */
static int vector_steps(const trainer *t, double fdiff, const double *restrict wi,
                        const double *restrict wj, double *restrict gi, double *restrict gj)
{
    double *restrict u1 = t->u1, *restrict u2 = t->u2;
    vd f = vd_set1(fdiff), eta = vd_set1(t->eta), limit = vd_set1(t->grad_clip);
    vd sum1 = vd_set1(0.0), sum2 = vd_set1(0.0);
    size_t k = 0;
    for (; k + VD_LANES <= t->dim; k += VD_LANES) {
        vd g1 = vd_clip(f * vd_load(wj + k), limit) * eta;
        vd g2 = vd_clip(f * vd_load(wi + k), limit) * eta;
        vd s1 = vd_load(gi + k), s2 = vd_load(gj + k);
        vd step1 = g1 / vd_sqrt(s1), step2 = g2 / vd_sqrt(s2);
        vd_store(gi + k, s1 + g1 * g1);
        vd_store(gj + k, s2 + g2 * g2);
        vd_store(u1 + k, step1);
        vd_store(u2 + k, step2);
        sum1 += step1;
        sum2 += step2;
    }
    double total1 = vd_sum(sum1), total2 = vd_sum(sum2);
    for (; k < t->dim; k++) {
        double g1 = clip(fdiff * wj[k], t->grad_clip) * t->eta;
        double g2 = clip(fdiff * wi[k], t->grad_clip) * t->eta;
        u1[k] = g1 / sqrt(gi[k]);
        u2[k] = g2 / sqrt(gj[k]);
        gi[k] = gi[k] + g1 * g1;
        gj[k] = gj[k] + g2 * g2;
        total1 += u1[k];
        total2 += u2[k];
    }
    return isfinite(total1) && isfinite(total2);
}

static double finite_or_zero(double x)
{
    return isfinite(x) ? x : 0.0;
}

/* One record's update; returns its share of the cost, f(x) diff^2 / 2
 * (0 for a record skipped). */
static double train_record(const trainer *t, const gv_record *r)
{
    size_t d = t->dim;
    double *restrict wi = t->params + r->row * t->stride;
    double *restrict wj = t->params + (t->vocab_size + r->col) * t->stride;
    double *restrict gi = t->gradsq + r->row * t->stride;
    double *restrict gj = t->gradsq + (t->vocab_size + r->col) * t->stride;
    double x = r->value;
    double diff = dot(wi, wj, d) + wi[d] + wj[d] - log(x);
    double fdiff = (x < t->x_max ? pow(x / t->x_max, t->alpha) : 1.0) * diff;
    if (!isfinite(diff) || !isfinite(fdiff))
        return 0.0;
    if (vector_steps(t, fdiff, wi, wj, gi, gj)) {
        const double *restrict u1 = t->u1, *restrict u2 = t->u2;
#pragma omp simd
        for (size_t k = 0; k < d; k++) {
            wi[k] -= u1[k];
            wj[k] -= u2[k];
        }
    }
    wi[d] -= finite_or_zero(fdiff / sqrt(gi[d]));
    wj[d] -= finite_or_zero(fdiff / sqrt(gj[d]));
    gi[d] += fdiff * fdiff;
    gj[d] += fdiff * fdiff;
    return 0.5 * fdiff * diff;
}

/* gradsq holds no NaN, infinity or negative number. */
static gv_status check_gradsq(const double *gradsq, size_t n)
{
    int finite = 1, negative = 0;
    for (size_t a = 0; a < n; a++) {
        finite &= isfinite(gradsq[a]) != 0;
        negative |= gradsq[a] < 0.0;
    }
    return negative ? GV_ERR_ARG : finite ? GV_OK : GV_ERR_NAN;
}

// END SOLUTION
gv_status gv_adagrad_epoch(const gv_record *records, size_t count, size_t vocab_size,
                           size_t dim, const gv_options *options, double *params,
                           double *gradsq, double *cost)
{
    // TODO: check the arguments (md_check; gradsq not NULL). Then go
    //   through the records in order, each as the header spells it out:
    //   compute every component's step from the old gradsq before adding
    //   the new squares, apply the steps of w_i and w~_j only if both sum
    //   to finite numbers, and the bias steps after them. Add up the cost
    //   before each record's update.
    // STUB: (void)records; (void)count; (void)vocab_size; (void)dim; (void)options;
    // STUB: (void)params; (void)gradsq; (void)cost;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!gradsq)
        return GV_ERR_ARG;
    gv_status status = md_check(records, count, params, vocab_size, dim, options);
    if (status == GV_OK)
        status = check_gradsq(gradsq, md_param_count(vocab_size, dim));
    if (status != GV_OK)
        return status;
    double *scratch = malloc(2 * dim * sizeof *scratch);
    if (!scratch)
        return GV_ERR_NOMEM;
    trainer t = {vocab_size, dim, dim + 1, options->eta, options->grad_clip, options->x_max,
                 options->alpha, params, gradsq, scratch, scratch + dim};
    double total = 0.0;
    for (size_t r = 0; r < count; r++) {
        if (r + PREFETCH_AHEAD < count)
            prefetch_record(&t, &records[r + PREFETCH_AHEAD]);
        total += train_record(&t, &records[r]);
    }
    free(scratch);
    if (cost)
        *cost = total / (double)count;
    return GV_OK;
    // END SOLUTION
}
