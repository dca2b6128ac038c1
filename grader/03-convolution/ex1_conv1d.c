/* Exercise 1: 1-D convolution and cross-correlation (chapter sections 2
 * and 3). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION_FLIP "2 Convolution and cross-correlation"
#define SECTION_BORDERS "3 What happens at the borders"

static const cv_mode MODES[] = {CV_VALID, CV_SAME, CV_FULL};

typedef cv_status (*conv1d_fn)(const double *, size_t, const double *, size_t, cv_mode,
                               double *);

/* Runs fn and checks its output against expected, entry for entry. */
static void check_1d(conv1d_fn fn, const char *name, const double *f, size_t n, const double *g,
                     size_t k, cv_mode mode, const double *expected, size_t m)
{
    double out[32];
    for (size_t i = 0; i < 32; i++)
        out[i] = NAN;
    char what[160];
    snprintf(what, sizeof what, "%s (%zu samples, %zu taps), %s mode", name, n, k,
             mode_name(mode));
    expect_status(fn(f, n, g, k, mode, out), CV_OK, what);
    for (size_t i = 0; i < m; i++)
        if (!(fabs(out[i] - expected[i]) <= 1e-12))
            grade_fail("%s: out[%zu]: expected %g, came %g", what, i, expected[i], out[i]);
    for (size_t i = m; i < 32; i++)
        if (!isnan(out[i]))
            grade_fail("%s: wrote out[%zu], past its %zu outputs", what, i, m);
}

GRADED_TEST(conv1d, output_sizes, 1, SECTION_BORDERS)
{
    expect_int((long long)cv_output_size(5, 3, CV_VALID), 3, "valid size for n = 5, k = 3");
    expect_int((long long)cv_output_size(5, 3, CV_SAME), 5, "same size for n = 5, k = 3");
    expect_int((long long)cv_output_size(5, 3, CV_FULL), 7, "full size for n = 5, k = 3");
    expect_int((long long)cv_output_size(3, 5, CV_VALID), 0, "valid size for n = 3, k = 5");
    expect_int((long long)cv_output_size(4, 4, CV_VALID), 1, "valid size for n = k = 4");
    expect_int((long long)cv_output_size(0, 3, CV_FULL), 0, "full size for n = 0");
    expect_int((long long)cv_output_size(7, 0, CV_SAME), 0, "same size for k = 0");
    expect_int((long long)cv_output_size(7, 3, (cv_mode)7), 0, "size for an unknown mode");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        long n = 1 + (long)rng_below(&r, 5000), k = 1 + (long)rng_below(&r, 60);
        cv_mode mode = MODES[round % 3];
        long expected = ref_size(n, k, mode);
        expect_int((long long)cv_output_size((size_t)n, (size_t)k, mode),
                   expected > 0 ? expected : 0, "%s size for n = %ld, k = %ld",
                   mode_name(mode), n, k);
    }
}

/* The source's shifting example, in both conventions. */
GRADED_TEST(conv1d, the_shift_example, 2, SECTION_FLIP)
{
    const double f[] = {0, 0, 0, 3, 4, 5, 4, 3, 0, 0};
    const double first[] = {1, 0, 0}, last[] = {0, 0, 1};
    const double right[] = {0, 0, 0, 0, 3, 4, 5, 4, 3, 0};
    const double left[] = {0, 0, 3, 4, 5, 4, 3, 0, 0, 0};
    /* Correlation (no flip) with [1, 0, 0] shifts right, as in the source;
     * convolution flips the kernel and shifts the other way. */
    check_1d(cv_correlate1d, "correlating the signal with [1, 0, 0]", f, 10, first, 3, CV_SAME,
             right, 10);
    check_1d(cv_correlate1d, "correlating the signal with [0, 0, 1]", f, 10, last, 3, CV_SAME,
             left, 10);
    check_1d(cv_convolve1d, "convolving the signal with [1, 0, 0]", f, 10, first, 3, CV_SAME,
             left, 10);
    check_1d(cv_convolve1d, "convolving the signal with [0, 0, 1]", f, 10, last, 3, CV_SAME,
             right, 10);
    /* The blur [0.8, 0.1, 0.1] as a correlation: 0.8 f[i-1] + 0.1 f[i] + 0.1 f[i+1]. */
    const double blur[] = {0.8, 0.1, 0.1};
    const double blurred[] = {0, 0, 0.3, 0.7, 3.3, 4.1, 4.7, 3.5, 2.4, 0};
    check_1d(cv_correlate1d, "correlating the signal with [0.8, 0.1, 0.1]", f, 10, blur, 3,
             CV_SAME, blurred, 10);
}

/* Small cases worked out by hand in the chapter's section 3. */
GRADED_TEST(conv1d, hand_computed, 2, SECTION_BORDERS)
{
    const double f[] = {1, 2, 3}, g[] = {0, 1, 0.5};
    const double conv_full[] = {0, 1, 2.5, 4, 1.5}, corr_full[] = {0.5, 2, 3.5, 3, 0};
    check_1d(cv_convolve1d, "convolving [1, 2, 3] with [0, 1, 0.5]", f, 3, g, 3, CV_FULL,
             conv_full, 5);
    check_1d(cv_convolve1d, "convolving [1, 2, 3] with [0, 1, 0.5]", f, 3, g, 3, CV_SAME,
             conv_full + 1, 3);
    check_1d(cv_convolve1d, "convolving [1, 2, 3] with [0, 1, 0.5]", f, 3, g, 3, CV_VALID,
             conv_full + 2, 1);
    check_1d(cv_correlate1d, "correlating [1, 2, 3] with [0, 1, 0.5]", f, 3, g, 3, CV_FULL,
             corr_full, 5);
    check_1d(cv_correlate1d, "correlating [1, 2, 3] with [0, 1, 0.5]", f, 3, g, 3, CV_SAME,
             corr_full + 1, 3);
    check_1d(cv_correlate1d, "correlating [1, 2, 3] with [0, 1, 0.5]", f, 3, g, 3, CV_VALID,
             corr_full + 2, 1);
    /* An even kernel: [1, 2, 3, 4] with [1, -1]. Convolution full is
     * f[i] - f[i - 1] = [1, 1, 1, 1, -4], correlation full f[i - 1] - f[i]
     * = [-1, -1, -1, -1, 4]; 'same' is the full result from k / 2 = 1 on
     * for both, valid from k - 1 = 1 on. */
    const double a[] = {1, 2, 3, 4}, d[] = {1, -1};
    const double conv_even[] = {1, 1, 1, 1, -4}, corr_even[] = {-1, -1, -1, -1, 4};
    check_1d(cv_convolve1d, "convolving [1, 2, 3, 4] with [1, -1]", a, 4, d, 2, CV_FULL,
             conv_even, 5);
    check_1d(cv_convolve1d, "convolving [1, 2, 3, 4] with [1, -1]", a, 4, d, 2, CV_SAME,
             conv_even + 1, 4);
    check_1d(cv_correlate1d, "correlating [1, 2, 3, 4] with [1, -1]", a, 4, d, 2, CV_FULL,
             corr_even, 5);
    check_1d(cv_correlate1d, "correlating [1, 2, 3, 4] with [1, -1]", a, 4, d, 2, CV_SAME,
             corr_even + 1, 4);
    check_1d(cv_correlate1d, "correlating [1, 2, 3, 4] with [1, -1]", a, 4, d, 2, CV_VALID,
             corr_even + 1, 3);
    /* A kernel longer than the signal. */
    const double one[] = {2}, three[] = {1, 2, 3}, conv_long[] = {2, 4, 6};
    check_1d(cv_convolve1d, "convolving [2] with [1, 2, 3]", one, 1, three, 3, CV_FULL,
             conv_long, 3);
    check_1d(cv_convolve1d, "convolving [2] with [1, 2, 3]", one, 1, three, 3, CV_SAME,
             conv_long + 1, 1);
}

GRADED_TEST(conv1d, random_against_reference, 3, SECTION_BORDERS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 120; round++) {
        size_t n = 1 + rng_below(&r, round < 100 ? 30 : 3000);
        size_t k = 1 + rng_below(&r, round % 4 == 0 ? 2 * n + 3 : 12);
        cv_mode mode = MODES[round % 3];
        long size = ref_size((long)n, (long)k, mode);
        if (size <= 0)
            continue;
        size_t m = (size_t)size;
        double *f = alloc_doubles(n), *g = alloc_doubles(k), *out = alloc_doubles(m + 8);
        long double *expected = alloc_long_doubles(m);
        fill_uniform_d(&r, f, n, -4, 4);
        fill_uniform_d(&r, g, k, -2, 2);
        double tol = 1e-15 * (double)(k + 4) * 8;
        char what[160];
        for (int convolve = 0; convolve < 2; convolve++) {
            for (size_t i = 0; i < m + 8; i++)
                out[i] = NAN;
            snprintf(what, sizeof what, "%s a random %zu-sample signal with %zu taps, %s mode",
                     convolve ? "convolving" : "correlating", n, k, mode_name(mode));
            cv_status s = convolve ? cv_convolve1d(f, n, g, k, mode, out)
                                   : cv_correlate1d(f, n, g, k, mode, out);
            expect_status(s, CV_OK, what);
            if (convolve)
                ref_convolve1d(f, (long)n, g, (long)k, mode, expected);
            else
                ref_correlate1d(f, (long)n, g, (long)k, mode, expected);
            expect_signal(out, expected, m, tol, what);
            for (size_t i = m; i < m + 8; i++)
                expect_true(isnan(out[i]), "%s: wrote out[%zu], past its %zu outputs", what, i, m);
        }
    }
}

/* Full convolution is commutative and associative; convolving is
 * correlating with the kernel reversed; a unit impulse changes nothing. */
GRADED_TEST(conv1d, algebra, 3, SECTION_FLIP)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, 20), k = 1 + rng_below(&r, 20), l = 1 + rng_below(&r, 8);
        double *f = alloc_doubles(n), *g = alloc_doubles(k), *h = alloc_doubles(l);
        fill_uniform_d(&r, f, n, -2, 2);
        fill_uniform_d(&r, g, k, -2, 2);
        fill_uniform_d(&r, h, l, -2, 2);
        double *fg = alloc_doubles(n + k), *gf = alloc_doubles(n + k);
        expect_status(cv_convolve1d(f, n, g, k, CV_FULL, fg), CV_OK,
                      "convolving random f with g (f * g), full mode");
        expect_status(cv_convolve1d(g, k, f, n, CV_FULL, gf), CV_OK,
                      "convolving g with f (g * f), full mode");
        for (size_t i = 0; i + 1 < n + k; i++)
            expect_near(fg[i], gf[i], 1e-13,
                        "commutativity: (f * g)[%zu] against (g * f)[%zu], n = %zu, k = %zu", i,
                        i, n, k);
        double *fg_h = alloc_doubles(n + k + l), *gh = alloc_doubles(k + l),
               *f_gh = alloc_doubles(n + k + l);
        expect_status(cv_convolve1d(fg, n + k - 1, h, l, CV_FULL, fg_h), CV_OK,
                      "convolving f * g with h");
        expect_status(cv_convolve1d(g, k, h, l, CV_FULL, gh), CV_OK, "convolving g with h");
        expect_status(cv_convolve1d(f, n, gh, k + l - 1, CV_FULL, f_gh), CV_OK,
                      "convolving f with g * h");
        for (size_t i = 0; i + 2 < n + k + l; i++)
            expect_near(fg_h[i], f_gh[i], 1e-12,
                        "associativity: ((f * g) * h)[%zu] against (f * (g * h))[%zu]", i, i);

        double *reversed = alloc_doubles(k), *a = alloc_doubles(n + k), *b = alloc_doubles(n + k);
        for (size_t j = 0; j < k; j++)
            reversed[j] = g[k - 1 - j];
        for (int m = 0; m < 3; m++) {
            long size = ref_size((long)n, (long)k, MODES[m]);
            if (size <= 0)
                continue;
            expect_status(cv_convolve1d(f, n, g, k, MODES[m], a), CV_OK,
                          "convolving random f with g");
            expect_status(cv_correlate1d(f, n, reversed, k, MODES[m], b), CV_OK,
                          "correlating f with g reversed");
            for (size_t i = 0; i < (size_t)size; i++)
                expect_near(a[i], b[i], 1e-13,
                            "convolving with g against correlating with g reversed, %s mode, "
                            "out[%zu] (n = %zu, k = %zu)",
                            mode_name(MODES[m]), i, n, k);
        }
        /* A unit impulse of odd length in 'same' mode is the identity. */
        size_t taps = 1 + 2 * rng_below(&r, 4);
        double *delta = alloc_doubles(taps), *same = alloc_doubles(n);
        delta[taps / 2] = 1;
        expect_status(cv_convolve1d(f, n, delta, taps, CV_SAME, same), CV_OK, "f * impulse");
        for (size_t i = 0; i < n; i++)
            expect_true(same[i] == f[i],
                        "convolving with a centred impulse of %zu taps in same mode should give "
                        "f back: out[%zu] = %g, f[%zu] = %g",
                        taps, i, same[i], i, f[i]);
    }
}

GRADED_TEST(conv1d, errors, 1, SECTION_BORDERS)
{
    const double f[] = {1, 2, 3}, g[] = {1, 1, 1, 1};
    double out[8] = {0};
    conv1d_fn fns[] = {cv_convolve1d, cv_correlate1d};
    const char *names[] = {"cv_convolve1d", "cv_correlate1d"};
    char what[128];
    for (int i = 0; i < 2; i++) {
        snprintf(what, sizeof what, "%s with f = NULL", names[i]);
        expect_status(fns[i](NULL, 3, g, 2, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with g = NULL", names[i]);
        expect_status(fns[i](f, 3, NULL, 2, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with out = NULL", names[i]);
        expect_status(fns[i](f, 3, g, 2, CV_SAME, NULL), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with n = 0", names[i]);
        expect_status(fns[i](f, 0, g, 2, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with k = 0", names[i]);
        expect_status(fns[i](f, 3, g, 0, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with an unknown mode", names[i]);
        expect_status(fns[i](f, 3, g, 2, (cv_mode)9, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s valid with a 4-tap kernel on 3 samples", names[i]);
        expect_status(fns[i](f, 3, g, 4, CV_VALID, out), CV_ERR_SHAPE, what);
    }
}

/* n + k - 1 computed naively wraps around for sizes near SIZE_MAX: to 0, or
 * to a small number that would pass for a real size. 2^63 + 2^63 - 1 is
 * exactly SIZE_MAX (on 64 bits): large, and still fine. A function that
 * believes a wrapped size runs past its buffers; these are 4 samples long. */
GRADED_TEST(conv1d, sizes_that_overflow, 1, SECTION_BORDERS)
{
    const size_t half = SIZE_MAX / 2 + 1; /* 2^63 on 64 bits */
    const struct {
        size_t n, k;
        cv_mode mode;
        size_t size;
    } cases[] = {
        {SIZE_MAX, 4, CV_FULL, 0},          {SIZE_MAX - 1, 2, CV_FULL, SIZE_MAX},
        {SIZE_MAX, 2, CV_FULL, 0},          {SIZE_MAX - 5, 7, CV_FULL, 0},
        {SIZE_MAX - 5, 6, CV_FULL, SIZE_MAX}, {2, SIZE_MAX, CV_FULL, 0},
        {half, half, CV_FULL, SIZE_MAX},    {half, half + 1, CV_FULL, 0},
        {SIZE_MAX, SIZE_MAX, CV_FULL, 0},   {SIZE_MAX, SIZE_MAX, CV_VALID, 1},
        {SIZE_MAX, 3, CV_SAME, SIZE_MAX},   {3, SIZE_MAX, CV_VALID, 0},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t came = cv_output_size(cases[c].n, cases[c].k, cases[c].mode);
        if (came != cases[c].size)
            grade_fail("cv_output_size(%zu, %zu, %s): expected %zu, came %zu", cases[c].n,
                       cases[c].k, mode_name(cases[c].mode), cases[c].size, came);
    }
    double f[4] = {1, 2, 3, 4}, g[4] = {1, 1, 1, 1}, out[4] = {NAN, NAN, NAN, NAN};
    expect_status(cv_correlate1d(f, SIZE_MAX, g, 2, CV_FULL, out), CV_ERR_SHAPE,
                  "cv_correlate1d, full, n = SIZE_MAX and k = 2 (n + k - 1 wraps to 0)");
    expect_status(cv_convolve1d(f, 2, g, SIZE_MAX, CV_FULL, out), CV_ERR_SHAPE,
                  "cv_convolve1d, full, n = 2 and k = SIZE_MAX (n + k - 1 wraps to 0)");
    expect_status(cv_convolve1d(f, SIZE_MAX - 1, g, 4, CV_FULL, out), CV_ERR_SHAPE,
                  "cv_convolve1d, full, n = SIZE_MAX - 1 and k = 4 (n + k - 1 wraps to 1)");
    for (int i = 0; i < 4; i++)
        expect_true(isnan(out[i]), "after refusing sizes that overflow, out[%d] should be left "
                    "alone, came %g", i, out[i]);
}
