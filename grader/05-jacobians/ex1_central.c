/* Exercise 1: central differences (chapter section 3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* |came - want| <= rel |want|, showing both. */
static void expect_relative(double came, long double want, double rel, const char *what)
{
    if (!(fabsl(came - want) <= rel * fabsl(want)))
        grade_fail("%s: expected %.17Lg, came %.17g (relative tolerance %g)", what, want, came,
                   rel);
}

GRADED_TEST(central, error_model, 2, SEC_CENTRAL)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 100; round++) {
        double h = log_uniform(&r, -12, 0), f = log_uniform(&r, -3, 3), f3 = log_uniform(&r, -3, 3);
        snprintf(what, sizeof what, "jc_central_error(h = %g, f_abs = %g, f3_abs = %g): eps "
                 "f_abs / h + h^2 f3_abs / 6", h, f, f3);
        expect_relative(jc_central_error(h, f, f3), EPS * (long double)f / h +
                        (long double)h * h * f3 / 6, 1e-14, what);
        double best = jc_central_best_step(f, f3);
        snprintf(what, sizeof what, "jc_central_best_step(f_abs = %g, f3_abs = %g): cbrt(3 eps "
                 "f_abs / f3_abs)", f, f3);
        expect_relative(best, cbrtl(3 * EPS * (long double)f / f3), 1e-14, what);
        /* At the best step, rounding is twice the truncation: 3/2 eps f / h in all. */
        snprintf(what, sizeof what, "jc_central_error at the best step %g for f_abs = %g, f3_abs "
                 "= %g: 3/2 eps f_abs / h", best, f, f3);
        expect_relative(jc_central_error(best, f, f3), 1.5L * EPS * f / best, 1e-13, what);
    }
    double inf = jc_central_best_step(1.0, 0.0);
    expect_true(isinf(inf) && inf > 0, "jc_central_best_step(1, 0): with no truncation error any "
                "step is too small; expected +infinity, came %g", inf);
    expect_near(jc_central_best_step(0.0, 2.0), 0, 0, "jc_central_best_step(0, 2): no rounding "
                "error, so the best step is 0");
}

GRADED_TEST(central, step, 2, SEC_CENTRAL)
{
    rng r;
    grade_rng(&r);
    double xs[160] = {0, 1e-300, -1e-300, 1e300, -1e300, 1, -1, 0.1, -0.1, 3, 1e8 + 0.1,
                      -7.25e-5, 4.9e-324, 1.5, 1e16 + 2, -123456.789};
    size_t fixed = 16;
    for (size_t i = fixed; i < sizeof xs / sizeof xs[0]; i++)
        xs[i] = (rng_below(&r, 2) ? 1 : -1) * log_uniform(&r, -20, 20) * rng_range(&r, 1, 10);
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i], h = jc_central_step(x);
        long double want = cbrtl(EPS) * fmaxl(fabsl(x), 1);
        expect_true(h > 0 && isfinite(h), "jc_central_step(%.17g): expected a finite step > 0, "
                    "came %g", x, h);
        volatile double up = x + h;
        volatile double seen = up - x;
        expect_true(seen == h, "jc_central_step(%.17g) = %.17g, but (x + h) - x = %.17g: the step "
                    "the function sees differs from the one the difference divides by", x, h,
                    seen);
        expect_true(fabsl(h - want) <= 1e-9L * want, "jc_central_step(%.17g): expected about "
                    "cbrt(eps) max(|x|, 1) = %.17Lg, came %.17g", x, want, h);
    }
}

/* Whether jc_jacobian_central's Jacobian of the map at x is within the error
 * model of the closed form, entry by entry, with f called 2n times. */
static void check_central(cb_desc *d, const double *x, const char *what)
{
    size_t n = d->n, m = d->m;
    jc_map f = {n, m, cb_map, d};
    double *jac = alloc_doubles(m * n);
    long double *want = alloc_long_doubles(m * n);
    d->calls = 0;
    expect_status(jc_jacobian_central(&f, x, jac), JC_OK, "jc_jacobian_central of %s", what);
    expect_int(d->calls, 2 * (long long)n, "calls of f by jc_jacobian_central for %zu inputs "
               "(%s)", n, what);
    ref_map_jacobian(d, x, want);
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            double h = ref_central_step(x[j]);
            /* Each value of f is off by a few roundings of its terms; the
             * difference divides that by 2h. Then the truncation. */
            double rounding = 2.0 * (double)(n + 4) * EPS * ref_map_size(d, x, i, j, h) / h;
            double truncation = 1.5 * h * h * ref_map_third(d, x, i, j, h) / 6;
            long double e = want[i * n + j];
            double tol = rounding + truncation + 4 * EPS * (double)fabsl(e);
            if (!(fabsl(jac[i * n + j] - e) <= tol))
                grade_fail("jc_jacobian_central of %s: d f%zu / d x%zu at x%zu = %.17g: expected "
                           "%.17Lg, came %.17g; the error model allows %.3g with the step %.3g "
                           "(rounding %.3g, truncation %.3g)", what, i, j, j, x[j], e,
                           jac[i * n + j], tol, h, rounding, truncation);
        }
    free(jac);
    free(want);
}

GRADED_TEST(central, source_examples, 2, SEC_CENTRAL)
{
    rng r;
    grade_rng(&r);
    cb_desc three = {.kind = CB_SOURCE_3TO2, .n = 3, .m = 2};
    cb_desc two = {.kind = CB_SOURCE_2TO2, .n = 2, .m = 2};
    char what[200];
    for (int round = 0; round < 20; round++) {
        double x[3];
        fill_uniform(&r, x, 3, -3, 3);
        snprintf(what, sizeof what, "F(x, y, z) = [x + yz, x^2 + y^2 + z^2] at (%.6g, %.6g, %.6g)",
                 x[0], x[1], x[2]);
        check_central(&three, x, what);
        snprintf(what, sizeof what, "F(x, y) = [x^2 + y, sin xy] at (%.6g, %.6g)", x[0], x[1]);
        check_central(&two, x, what);
    }
    const double at[2] = {1, 2};
    check_central(&two, at, "F(x, y) = [x^2 + y, sin xy] at (1, 2)");

    double x[3] = {1, 2, 3}, jac[6];
    jc_map f = {3, 2, cb_map, &three}, none = {3, 2, NULL, &three};
    three.calls = 0;
    expect_status(jc_jacobian_central(NULL, x, jac), JC_ERR_ARG, "jc_jacobian_central(NULL, ...)");
    expect_status(jc_jacobian_central(&none, x, jac), JC_ERR_ARG, "jc_jacobian_central with "
                  "f->f = NULL");
    expect_status(jc_jacobian_central(&f, NULL, jac), JC_ERR_ARG, "jc_jacobian_central with x = "
                  "NULL");
    expect_status(jc_jacobian_central(&f, x, NULL), JC_ERR_ARG, "jc_jacobian_central with jac = "
                  "NULL");
    jc_map no_inputs = {0, 2, cb_map, &three}, no_outputs = {3, 0, cb_map, &three};
    expect_status(jc_jacobian_central(&no_inputs, x, jac), JC_ERR_ARG, "jc_jacobian_central of a "
                  "map with n = 0");
    expect_status(jc_jacobian_central(&no_outputs, x, jac), JC_ERR_ARG, "jc_jacobian_central of "
                  "a map with m = 0");
    expect_int(three.calls, 0, "calls of f by jc_jacobian_central when its arguments are wrong");
}

/* Inputs of very different sizes, each with its own step: a step sized for
 * the largest input would wipe out the smallest one. */
GRADED_TEST(central, inputs_of_every_scale, 2, SEC_CENTRAL)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 40; round++) {
        cb_desc d = {.kind = CB_SMOOTH};
        d.n = 1 + rng_below(&r, 6);
        d.m = 1 + rng_below(&r, 6);
        double x[CB_MAX_DIM];
        for (size_t j = 0; j < d.n; j++) {
            d.scale[j] = log_uniform(&r, -3, 4);
            x[j] = rng_below(&r, 8) == 0 ? 0 : d.scale[j] * rng_range(&r, -3, 3);
        }
        fill_uniform(&r, d.a, d.m * d.n, -2, 2);
        fill_uniform(&r, d.c, d.m * d.n, 0, 6.283);
        for (size_t i = 0; i < d.m; i++) {
            d.offset[i] = rng_range(&r, -1, 1) * log_uniform(&r, 0, 3);
            d.e[i] = rng_range(&r, -1, 1);
        }
        int used = snprintf(what, sizeof what, "a smooth map of %zu inputs at x =", d.n);
        for (size_t j = 0; j < d.n && used < (int)sizeof what; j++)
            used += snprintf(what + used, sizeof what - (size_t)used, " %.3g", x[j]);
        check_central(&d, x, what);
    }
}
