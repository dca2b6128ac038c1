/* Exercise 6: fixed point and a secret-shared dot product (chapter
 * section 8). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static uint64_t *encode(const double *x, size_t n, unsigned bits, gv_fixed_mode mode,
                        const char *what)
{
    uint64_t *out = grade_alloc(n, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = 0xdeadbeefdeadbeefu;
    expect_status(gv_fixed_encode(x, n, bits, mode, out), GV_OK, "gv_fixed_encode of %s", what);
    return out;
}

static double fixed_dot(const uint64_t *a, const uint64_t *b, size_t n, unsigned bits,
                        gv_fixed_mode mode, const char *what)
{
    double dot = NAN;
    expect_status(gv_fixed_dot(a, b, n, bits, mode, &dot), GV_OK, "gv_fixed_dot of %s", what);
    return dot;
}

GRADED_TEST(private, source_example, 1, SEC_PRIVATE)
{
    const double x[10] = {0.01698913, -0.0014404, 0.0010993, 0.00252409, 0.00828147,
                          0.00466533, 1, 1.7, 0, -3};
    const uint64_t want[10] = {278, 0, 18, 41, 135, 76, 16384, 16384, 0, 0};
    uint64_t *codes = encode(x, 10, 14, GV_FIXED_CLIPPED, "the source's unit vector (14 bits, "
                             "clipped)");
    for (size_t i = 0; i < 10; i++)
        if (codes[i] != want[i])
            grade_fail("gv_fixed_encode(%.17g) with 14 bits, clipped: expected %llu (clip to "
                       "[0, 1], times 2^14 = 16384, truncated), came %llu%s", x[i],
                       (unsigned long long)want[i], (unsigned long long)codes[i],
                       i == 4 && codes[i] == 136 ? " (rounded: 135.68 truncates to 135)" : "");
    const uint64_t inner[2] = {226691917, 171746521}, one = 1;
    const double decoded[2] = {226691917 / 268435456.0, 171746521 / 268435456.0};
    for (int i = 0; i < 2; i++) {
        double dot = fixed_dot(&inner[i], &one, 1, 14, GV_FIXED_CLIPPED, "the source's inner "
                               "product");
        expect_near(dot, decoded[i], 1e-16, "gv_fixed_dot decoding the source's inner product "
                    "%llu with 14 bits: %llu / 2^28 (the source's %s)",
                    (unsigned long long)inner[i], (unsigned long long)inner[i],
                    i == 0 ? "0.8444931" : "0.6398056");
    }
}

GRADED_TEST(private, clipped, 1, SEC_PRIVATE)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, 40);
        unsigned bits = 1 + (unsigned)rng_below(&r, 30);
        double *x = alloc_doubles(n), *y = alloc_doubles(n);
        for (size_t i = 0; i < n; i++) {
            x[i] = rng_range(&r, -0.3, 1.3);
            y[i] = rng_range(&r, 0, 1);
        }
        snprintf(what, sizeof what, "%zu random values in [-0.3, 1.3] with %u bits, clipped", n,
                 bits);
        uint64_t *a = encode(x, n, bits, GV_FIXED_CLIPPED, what);
        for (size_t i = 0; i < n; i++)
            if (a[i] != ref_encode(x[i], bits, GV_FIXED_CLIPPED))
                grade_fail("gv_fixed_encode(%.17g) with %u bits, clipped: expected %llu "
                           "(floor(clip(x, 0, 1) 2^%u)), came %llu", x[i], bits,
                           (unsigned long long)ref_encode(x[i], bits, GV_FIXED_CLIPPED), bits,
                           (unsigned long long)a[i]);
        uint64_t *b = encode(y, n, bits, GV_FIXED_CLIPPED, what);
        uint64_t ring = ref_ring_dot(a, b, n);
        double want = ldexp((double)ring, -2 * (int)bits);
        double dot = fixed_dot(a, b, n, bits, GV_FIXED_CLIPPED, what);
        expect_near(dot, want, 1e-15, "gv_fixed_dot of two clipped code vectors of %zu values "
                    "with %u bits: sum a_i b_i / 2^%u", n, bits, 2 * bits);
    }
    /* 32 products of 2^60 add up to 2^65, which is 0 mod 2^64. */
    uint64_t big[32];
    for (int i = 0; i < 32; i++)
        big[i] = (uint64_t)1 << 30;
    double dot = fixed_dot(big, big, 32, 30, GV_FIXED_CLIPPED, "32 codes 2^30 with 30 bits");
    expect_near(dot, 0, 0, "gv_fixed_dot of 32 codes 2^30 with themselves, 30 bits: the sum "
                "32 x 2^60 = 2^65 is 0 mod 2^64 (the dot product is computed in integers mod "
                "2^64)");
    uint64_t three[3] = {3u << 28, 1u << 29, 1u << 30};
    dot = fixed_dot(three, three, 3, 30, GV_FIXED_CLIPPED, "3 codes with 30 bits");
    expect_near(dot, 0.5625 + 0.25 + 1, 0, "gv_fixed_dot of the codes of (0.75, 0.5, 1) with "
                "themselves, 30 bits");
}

GRADED_TEST(private, signed_codes, 2, SEC_PRIVATE)
{
    rng r;
    grade_rng(&r);
    char what[200];
    const double edges[5] = {-1, 1, 0, -0.75, 0.375};
    uint64_t *e = encode(edges, 5, 10, GV_FIXED_SIGNED, "(-1, 1, 0, -0.75, 0.375) with 10 bits, "
                         "signed");
    const uint64_t want_edges[5] = {(uint64_t)-1024, 1024, 0, (uint64_t)-768, 384};
    for (int i = 0; i < 5; i++)
        if (e[i] != want_edges[i])
            grade_fail("gv_fixed_encode(%g) with 10 bits, signed: expected %lld as a two's "
                       "complement uint64_t (%llu), came %llu", edges[i],
                       (long long)want_edges[i], (unsigned long long)want_edges[i],
                       (unsigned long long)e[i]);
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, 60);
        unsigned bits = 1 + (unsigned)rng_below(&r, 30);
        double *x = alloc_doubles(n), *y = alloc_doubles(n);
        for (size_t i = 0; i < n; i++) {
            do
                x[i] = rng_range(&r, -1, 1);
            while (fabs(ldexp(x[i], (int)bits) - trunc(ldexp(x[i], (int)bits))) == 0.5);
            y[i] = rng_range(&r, -1, 1);
            if (fabs(ldexp(y[i], (int)bits) - trunc(ldexp(y[i], (int)bits))) == 0.5)
                y[i] = 0.5;
        }
        snprintf(what, sizeof what, "%zu random values in [-1, 1] with %u bits, signed", n,
                 bits);
        uint64_t *a = encode(x, n, bits, GV_FIXED_SIGNED, what);
        for (size_t i = 0; i < n; i++)
            if (a[i] != ref_encode(x[i], bits, GV_FIXED_SIGNED))
                grade_fail("gv_fixed_encode(%.17g) with %u bits, signed: expected %lld (x 2^%u "
                           "rounded to nearest, two's complement), came %lld", x[i], bits,
                           (long long)ref_encode(x[i], bits, GV_FIXED_SIGNED), bits,
                           (long long)a[i]);
        /* Decoding one value: its dot product with the code of 1. */
        uint64_t unit = (uint64_t)1 << bits;
        double back = fixed_dot(a, &unit, 1, bits, GV_FIXED_SIGNED, what);
        expect_true(fabs(back - x[0]) <= ldexp(1, -(int)bits - 1), "the round trip of %.17g "
                    "with %u bits, signed (its code's dot product with the code of 1): expected "
                    "within 2^-%u of it, came %.17g", x[0], bits, bits + 1, back);
        uint64_t *b = encode(y, n, bits, GV_FIXED_SIGNED, what);
        int64_t ring = (int64_t)ref_ring_dot(a, b, n);
        double want = ldexp((double)ring, -2 * (int)bits), dot;
        dot = fixed_dot(a, b, n, bits, GV_FIXED_SIGNED, what);
        expect_near(dot, want, 1e-15, "gv_fixed_dot of two signed code vectors of %zu values "
                    "with %u bits: the exact sum of a_i b_i mod 2^64 read as signed, / 2^%u", n,
                    bits, 2 * bits);
        if ((double)n * ldexp(1, 2 * (int)bits) < ldexp(1, 62)) { /* no wrap-around */
            long double exact = ref_dot(x, y, n);
            expect_true(fabsl(dot - exact) <= n * ldexp(1, -(int)bits), "gv_fixed_dot of the "
                        "signed codes of two random vectors of %zu values with %u bits: "
                        "expected within %zu x 2^-%u of their dot product %.17Lg, came %.17g",
                        n, bits, n, bits, exact, dot);
        }
    }
    double x[3] = {0.5, -1.5, 0}, one = 0.5;
    uint64_t out[3];
    double dot;
    expect_status(gv_fixed_encode(x, 3, 14, GV_FIXED_SIGNED, out), GV_ERR_ARG,
                  "gv_fixed_encode of -1.5, signed (|x| <= 1)");
    expect_status(gv_fixed_encode(x, 3, 14, GV_FIXED_CLIPPED, out), GV_OK,
                  "gv_fixed_encode of -1.5, clipped (to 0)");
    expect_status(gv_fixed_encode(&one, 1, 0, GV_FIXED_CLIPPED, out), GV_ERR_ARG,
                  "gv_fixed_encode with 0 bits (1..30)");
    expect_status(gv_fixed_encode(&one, 1, 31, GV_FIXED_SIGNED, out), GV_ERR_ARG,
                  "gv_fixed_encode with 31 bits (1..30)");
    expect_status(gv_fixed_encode(&one, 1, 14, (gv_fixed_mode)5, out), GV_ERR_ARG,
                  "gv_fixed_encode with mode 5");
    expect_status(gv_fixed_encode(&one, 0, 14, GV_FIXED_SIGNED, out), GV_ERR_ARG,
                  "gv_fixed_encode with n = 0");
    expect_status(gv_fixed_encode(NULL, 1, 14, GV_FIXED_SIGNED, out), GV_ERR_ARG,
                  "gv_fixed_encode(NULL, ...)");
    expect_status(gv_fixed_encode(&one, 1, 14, GV_FIXED_SIGNED, NULL), GV_ERR_ARG,
                  "gv_fixed_encode with out = NULL");
    x[1] = NAN;
    expect_status(gv_fixed_encode(x, 3, 14, GV_FIXED_CLIPPED, out), GV_ERR_NAN,
                  "gv_fixed_encode of a NaN, clipped");
    expect_status(gv_fixed_encode(x, 3, 14, GV_FIXED_SIGNED, out), GV_ERR_NAN,
                  "gv_fixed_encode of a NaN, signed");
    expect_status(gv_fixed_dot(out, out, 0, 14, GV_FIXED_SIGNED, &dot), GV_ERR_ARG,
                  "gv_fixed_dot with n = 0");
    expect_status(gv_fixed_dot(out, out, 1, 31, GV_FIXED_SIGNED, &dot), GV_ERR_ARG,
                  "gv_fixed_dot with 31 bits");
    expect_status(gv_fixed_dot(NULL, out, 1, 14, GV_FIXED_SIGNED, &dot), GV_ERR_ARG,
                  "gv_fixed_dot(NULL, ...)");
    expect_status(gv_fixed_dot(out, out, 1, 14, GV_FIXED_SIGNED, NULL), GV_ERR_ARG,
                  "gv_fixed_dot with dot = NULL");
}

GRADED_TEST(private, shares_reconstruct, 1, SEC_PRIVATE)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + rng_below(&r, 100);
        uint64_t seed = rng_u64(&r), *x = grade_alloc(n, sizeof *x);
        for (size_t i = 0; i < n; i++)
            x[i] = round % 4 == 0 ? (uint64_t)i : rng_u64(&r);
        uint64_t *s0 = grade_alloc(n, sizeof *s0), *s1 = grade_alloc(n, sizeof *s1);
        uint64_t *t0 = grade_alloc(n, sizeof *t0), *t1 = grade_alloc(n, sizeof *t1);
        expect_status(gv_share(x, n, seed, s0, s1), GV_OK, "gv_share of %zu values", n);
        for (size_t i = 0; i < n; i++)
            if (s0[i] + s1[i] != x[i])
                grade_fail("gv_share of %zu values: share0[%zu] + share1[%zu] = %llu mod 2^64, "
                           "expected x[%zu] = %llu", n, i, i,
                           (unsigned long long)(s0[i] + s1[i]), i, (unsigned long long)x[i]);
        expect_status(gv_share(x, n, seed, t0, t1), GV_OK, "gv_share of %zu values", n);
        expect_true(memcmp(s0, t0, n * sizeof *s0) == 0, "gv_share of %zu values, twice with "
                    "seed %llu: the shares differ (they come from an rng seeded with seed)", n,
                    (unsigned long long)seed);
        expect_status(gv_share(x, n, seed + 1, t0, t1), GV_OK, "gv_share of %zu values", n);
        size_t same = 0;
        for (size_t i = 0; i < n; i++)
            same += s0[i] == t0[i];
        expect_true(same == 0, "gv_share of %zu values with seeds %llu and %llu: %zu of the "
                    "shares are the same; another seed, other random shares", n,
                    (unsigned long long)seed, (unsigned long long)(seed + 1), same);
    }
    uint64_t x = 5, a, b;
    expect_status(gv_share(NULL, 1, 1, &a, &b), GV_ERR_ARG, "gv_share(NULL, ...)");
    expect_status(gv_share(&x, 0, 1, &a, &b), GV_ERR_ARG, "gv_share with n = 0");
    expect_status(gv_share(&x, 1, 1, NULL, &b), GV_ERR_ARG, "gv_share with share0 = NULL");
    expect_status(gv_share(&x, 1, 1, &a, NULL), GV_ERR_ARG, "gv_share with share1 = NULL");
}

/* Fails unless the 16 bins of `bits` (top: the 4 highest bits, else the
 * lowest) of the samples look uniform. */
static void expect_uniform(const uint64_t *samples, size_t n, int top, const char *what)
{
    uint64_t counts[16] = {0};
    for (size_t i = 0; i < n; i++)
        counts[top ? samples[i] >> 60 : samples[i] & 15]++;
    double chi2 = chi_square(counts, 16);
    if (!(chi2 <= CHI2_15_1E7)) {
        int fullest = 0;
        for (int b = 1; b < 16; b++)
            if (counts[b] > counts[fullest])
                fullest = b;
        grade_fail("%s: the %s 4 bits of %zu samples are not uniform: chi-square %.1f, expected "
                   "at most %.2f (a uniform sample exceeds it with probability 1e-7); %llu of "
                   "them are %d, expected about %zu", what, top ? "top" : "lowest", n, chi2,
                   CHI2_15_1E7, (unsigned long long)counts[fullest], fullest, n / 16);
    }
}

GRADED_TEST_T(private, shares_uniform, 2, SEC_PRIVATE, 4.0)
{
    rng r;
    grade_rng(&r);
    const size_t seeds = 64, n = 256, total = seeds * n;
    uint64_t *s0 = grade_alloc(total, sizeof *s0), *s1 = grade_alloc(total, sizeof *s1);
    uint64_t *x = grade_alloc(n, sizeof *x);
    char what[200];
    for (int which = 0; which < 2; which++) {
        uint64_t value = which == 0 ? 0 : rng_u64(&r) | (uint64_t)1 << 63;
        for (size_t i = 0; i < n; i++)
            x[i] = value;
        for (size_t s = 0; s < seeds; s++) {
            uint64_t seed = rng_u64(&r);
            expect_status(gv_share(x, n, seed, s0 + s * n, s1 + s * n), GV_OK,
                          "gv_share of %zu values", n);
        }
        for (size_t i = 0; i < total; i++)
            if (s0[i] + s1[i] != value)
                grade_fail("gv_share of %llu: share0 + share1 = %llu mod 2^64",
                           (unsigned long long)value, (unsigned long long)(s0[i] + s1[i]));
        for (int top = 1; top >= 0; top--) {
            snprintf(what, sizeof what, "share0 of x = %llu (%zu values, %zu seeds)",
                     (unsigned long long)value, n, seeds);
            expect_uniform(s0, total, top, what);
            snprintf(what, sizeof what, "share1 = x - share0 of x = %llu (%zu values, %zu "
                     "seeds; it is uniform only if share0 is, whatever x)",
                     (unsigned long long)value, n, seeds);
            expect_uniform(s1, total, top, what);
        }
    }
}

/* The shares of n random values from the grader's own generator. */
static void share_by_hand(rng *r, const uint64_t *x, size_t n, uint64_t *s0, uint64_t *s1)
{
    for (size_t i = 0; i < n; i++) {
        s0[i] = rng_u64(r);
        s1[i] = x[i] - s0[i];
    }
}

GRADED_TEST(private, secure_dot, 2, SEC_PRIVATE)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, 64);
        uint64_t *v = grade_alloc(6 * n, sizeof *v), *x = v, *y = v + n;
        uint64_t *x0 = v + 2 * n, *x1 = v + 3 * n, *y0 = v + 4 * n, *y1 = v + 5 * n;
        double *xr = alloc_doubles(n), *yr = alloc_doubles(n);
        int codes = round % 2;
        for (size_t i = 0; i < n; i++) {
            xr[i] = rng_range(&r, -1, 1);
            yr[i] = rng_range(&r, -1, 1);
            x[i] = codes ? ref_encode(xr[i], 16, GV_FIXED_SIGNED) : rng_u64(&r);
            y[i] = codes ? ref_encode(yr[i], 16, GV_FIXED_SIGNED) : rng_u64(&r);
        }
        share_by_hand(&r, x, n, x0, x1);
        share_by_hand(&r, y, n, y0, y1);
        uint64_t z[2] = {0, 0}, seed = rng_u64(&r), want = ref_ring_dot(x, y, n);
        expect_status(gv_secure_dot(x0, x1, y0, y1, n, seed, z), GV_OK, "gv_secure_dot of %zu "
                      "values", n);
        if (z[0] + z[1] != want)
            grade_fail("gv_secure_dot of %zu %s: z[0] + z[1] expected x . y = %llu mod 2^64, "
                       "came %llu", n, codes ? "signed 16-bit codes" : "random values",
                       (unsigned long long)want, (unsigned long long)(z[0] + z[1]));
        if (codes) {
            double dot = ldexp((double)(int64_t)(z[0] + z[1]), -32);
            long double exact = ref_dot(xr, yr, n);
            expect_true(fabsl(dot - exact) <= n * ldexp(1, -16), "gv_secure_dot of the 16-bit "
                        "codes of two random vectors of %zu values: decoded %.17g, expected "
                        "about their dot product %.17Lg", n, dot, exact);
        }
    }
    uint64_t a = 1, z[2];
    expect_status(gv_secure_dot(NULL, &a, &a, &a, 1, 1, z), GV_ERR_ARG, "gv_secure_dot(NULL, "
                  "...)");
    expect_status(gv_secure_dot(&a, &a, &a, NULL, 1, 1, z), GV_ERR_ARG, "gv_secure_dot with y1 "
                  "= NULL");
    expect_status(gv_secure_dot(&a, &a, &a, &a, 0, 1, z), GV_ERR_ARG, "gv_secure_dot with n = "
                  "0");
    expect_status(gv_secure_dot(&a, &a, &a, &a, 1, 1, NULL), GV_ERR_ARG, "gv_secure_dot with z "
                  "= NULL");
}

GRADED_TEST_T(private, secure_dot_hides, 1, SEC_PRIVATE, 4.0)
{
    rng r;
    grade_rng(&r);
    const size_t n = 5, calls = 1024;
    uint64_t x[5], y[5], x0[5], x1[5], y0[5], y1[5];
    uint64_t *z0 = grade_alloc(calls, sizeof *z0), *z1 = grade_alloc(calls, sizeof *z1);
    for (size_t i = 0; i < n; i++) {
        x[i] = i + 1;
        y[i] = 2 * i + 3;
    }
    share_by_hand(&r, x, n, x0, x1);
    share_by_hand(&r, y, n, y0, y1);
    uint64_t want = ref_ring_dot(x, y, n);
    for (size_t c = 0; c < calls; c++) {
        uint64_t z[2] = {0, 0};
        expect_status(gv_secure_dot(x0, x1, y0, y1, n, rng_u64(&r), z), GV_OK, "gv_secure_dot "
                      "of 5 values");
        if (z[0] + z[1] != want)
            grade_fail("gv_secure_dot of x = (1..5), y = (3, 5, ..., 11): z[0] + z[1] expected "
                       "%llu, came %llu", (unsigned long long)want,
                       (unsigned long long)(z[0] + z[1]));
        z0[c] = z[0];
        z1[c] = z[1];
    }
    expect_uniform(z0, calls, 1, "z[0] of gv_secure_dot of the same shares of x = (1..5) and y "
                   "= (3, 5, ..., 11) with 1024 seeds (each party's result alone must be "
                   "uniform: the triples' c shares mask it)");
    expect_uniform(z1, calls, 1, "z[1] of gv_secure_dot of the same shares with 1024 seeds");
}
