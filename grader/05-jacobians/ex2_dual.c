/* Exercise 2: forward mode with dual numbers (chapter section 4). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* Both parts of a dual within their tolerances; what names the operation
 * and its operands. */
static void expect_dual(jc_dual came, long double v, long double d, long double tol_v,
                        long double tol_d, const char *what)
{
    if (!(fabsl(came.v - v) <= tol_v))
        grade_fail("the value of %s: expected %.17Lg, came %.17g (tolerance %.2Lg)", what, v,
                   came.v, tol_v);
    if (!(fabsl(came.d - d) <= tol_d))
        grade_fail("the derivative of %s: expected %.17Lg, came %.17g (tolerance %.2Lg)", what, d,
                   came.d, tol_d);
}

/* "name of (v + d e)" or "name of (v + d e) and (v + d e)". */
static const char *operands(const char *name, jc_dual a, const jc_dual *b)
{
    static char text[300];
    int n = snprintf(text, sizeof text, "%s of (%.17g + %.17g e)", name, a.v, a.d);
    if (b)
        snprintf(text + n, sizeof text - (size_t)n, " and (%.17g + %.17g e)", b->v, b->d);
    return text;
}

static jc_dual random_dual(rng *r, double lo, double hi)
{
    jc_dual a = {rng_range(r, lo, hi), rng_range(r, -3, 3)};
    return a;
}

GRADED_TEST(dual, arithmetic, 2, SEC_DUAL)
{
    rng r;
    grade_rng(&r);
    jc_dual c = jc_dual_const(2.5), x = jc_dual_var(-1.25);
    expect_true(c.v == 2.5 && c.d == 0, "jc_dual_const(2.5): expected 2.5 + 0 e, came %g + %g e",
                c.v, c.d);
    expect_true(x.v == -1.25 && x.d == 1, "jc_dual_var(-1.25): expected -1.25 + 1 e, came %g + "
                "%g e", x.v, x.d);
    for (int round = 0; round < 200; round++) {
        jc_dual a = random_dual(&r, -3, 3), b = random_dual(&r, 0.5, 3);
        if (round % 2)
            b.v = -b.v;
        long double av = a.v, ad = a.d, bv = b.v, bd = b.d;
        expect_dual(jc_dual_add(a, b), av + bv, ad + bd, EPS * fabsl(av + bv),
                    EPS * fabsl(ad + bd), operands("a + b", a, &b));
        expect_dual(jc_dual_sub(a, b), av - bv, ad - bd, EPS * fabsl(av - bv),
                    EPS * fabsl(ad - bd), operands("a - b", a, &b));
        long double terms = fabsl(ad * bv) + fabsl(av * bd);
        expect_dual(jc_dual_mul(a, b), av * bv, ad * bv + av * bd, EPS * fabsl(av * bv),
                    4 * EPS * terms, operands("a b (product rule: a' b + a b')", a, &b));
        long double q = av / bv, dq = (ad * bv - av * bd) / (bv * bv);
        expect_dual(jc_dual_div(a, b), q, dq, EPS * fabsl(q),
                    8 * EPS * (fabsl(ad / bv) + fabsl(av * bd / (bv * bv))),
                    operands("a / b (quotient rule: (a' b - a b') / b^2)", a, &b));
    }
}

/* f(a) and f'(a.v) a.d for the elementary functions, in long double. */
static void check_function(const char *name, jc_dual came, jc_dual a, long double f,
                           long double df, long double rel)
{
    expect_dual(came, f, df * a.d, rel * fabsl(f) + 1e-300L, rel * fabsl(df * a.d) + 1e-300L,
                operands(name, a, NULL));
}

GRADED_TEST(dual, functions, 2, SEC_DUAL)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        jc_dual a = random_dual(&r, -5, 5), p = random_dual(&r, 0.05, 20);
        long double v = a.v, pv = p.v;
        check_function("sin(a)", jc_dual_sin(a), a, sinl(v), cosl(v), 4 * EPS);
        check_function("cos(a)", jc_dual_cos(a), a, cosl(v), -sinl(v), 4 * EPS);
        check_function("exp(a)", jc_dual_exp(a), a, expl(v), expl(v), 4 * EPS);
        check_function("log(a)", jc_dual_log(p), p, logl(pv), 1 / pv, 4 * EPS);
        jc_dual t = {rng_range(&r, -3, 3), a.d}; /* where 1 - tanh^2 still has digits */
        long double c = coshl(t.v);
        check_function("tanh(a)", jc_dual_tanh(t), t, tanhl(t.v), 1 / (c * c), 1e-13L);
    }
}

/* tanh'(v) = 1 - tanh(v)^2 loses every digit once tanh(v) rounds to 1 (from
 * v = 19 on); sech(v)^2 does not. */
GRADED_TEST(dual, tanh_far_out, 1, SEC_DUAL)
{
    const double vs[] = {20, 30, -25, 45.5, 100, -300};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
        jc_dual a = {vs[i], 2.5};
        long double c = coshl(vs[i]);
        check_function("tanh(a) far from 0, relative", jc_dual_tanh(a), a, tanhl(vs[i]),
                       1 / (c * c), 1e-12L);
    }
}

GRADED_TEST(dual, pow, 2, SEC_DUAL)
{
    const struct {
        jc_dual a, b;
        double v, d;
        const char *what;
    } cases[] = {
        {{-2, 1}, {3, 0}, -8, 12, "x^3 at x = -2 (a constant whole exponent, negative base)"},
        {{-3, 1}, {2, 0}, 9, -6, "x^2 at x = -3"},
        {{-1.5, 2}, {5, 0}, -7.59375, 50.625, "a^5 at a = -1.5 + 2 e"},
        {{4, 1}, {0.5, 0}, 2, 0.25, "sqrt(x) = x^0.5 at x = 4"},
        {{-2, 0}, {3, 0}, -8, 0, "(-2)^3 of constants (derivative 0, not NaN)"},
        {{0, 1}, {3, 0}, 0, 0, "x^3 at x = 0"},
        {{2, 1}, {2, 1}, 4, 4 * (0.69314718055994530942 + 1), "x^x at x = 2: x^x (log x + 1)"},
        {{2, 0}, {3, 1}, 8, 8 * 0.69314718055994530942, "2^x at x = 3: 2^x log 2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jc_dual came = jc_dual_pow(cases[i].a, cases[i].b);
        expect_dual(came, cases[i].v, cases[i].d, 4 * EPS * fabs(cases[i].v),
                    8 * EPS * fabs(cases[i].d), operands(cases[i].what, cases[i].a, &cases[i].b));
    }
    jc_dual bad = jc_dual_pow((jc_dual){-2, 1}, (jc_dual){2, 1});
    expect_true(isnan(bad.d), "the derivative of a^b with a = -2 + 1 e and b = 2 + 1 e (a "
                "variable exponent needs log a): expected NaN, came %g", bad.d);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        jc_dual a = random_dual(&r, 0.2, 3), b = random_dual(&r, -2, 3);
        if (round % 3 == 0)
            b.d = 0; /* a constant exponent */
        if (round % 5 == 0)
            a = b = (jc_dual){rng_range(&r, 0.1, 3), 1}; /* x^x */
        long double av = a.v, bv = b.v, v = powl(av, bv);
        long double d = v * (logl(av) * b.d + bv * a.d / av);
        expect_dual(jc_dual_pow(a, b), v, d, 1e-14L * fabsl(v),
                    1e-13L * (fabsl(v * logl(av) * b.d) + fabsl(v * bv * a.d / av)),
                    operands("a^b: a^b (log(a) b' + b a' / a)", a, &b));
    }
}

/* One dual-number map: jc_jacobian_forward against the closed form, n calls. */
static void check_forward(cb_desc *d, const double *x, const char *what)
{
    size_t n = d->n, m = d->m;
    jc_dual_map f = {n, m, cb_dual_map, d};
    double *jac = alloc_doubles(m * n), *y = alloc_doubles(m);
    long double *want = alloc_long_doubles(m * n), *fx = alloc_long_doubles(m);
    ref_dual_jacobian(d, x, want, fx);
    d->calls = 0;
    expect_status(jc_jacobian_forward(&f, x, jac, y), JC_OK, "jc_jacobian_forward of %s", what);
    expect_int(d->calls, (long long)n, "calls of f by jc_jacobian_forward for %zu inputs (%s)", n,
               what);
    /* The map runs on the grader's own dual numbers: seeded input by input,
     * they give these columns to the last bit or so. */
    jc_dual *in = calloc(n, sizeof *in), *out = calloc(m, sizeof *out);
    if (!in || !out)
        grade_fail("the grader ran out of memory");
    for (size_t j = 0; j < n; j++) {
        for (size_t k = 0; k < n; k++)
            in[k] = (jc_dual){x[k], k == j};
        sb_dual_eval(d, in, out);
        for (size_t i = 0; i < m; i++) {
            expect_near(jac[i * n + j], out[i].d, 1e-15, "jc_jacobian_forward of %s: d f%zu / d "
                        "x%zu, against the map evaluated with x%zu seeded with derivative 1 and "
                        "the others 0", what, i, j, j);
            expect_near(jac[i * n + j], (double)want[i * n + j], 1e-13, "jc_jacobian_forward of "
                        "%s: d f%zu / d x%zu (exact to rounding: no step)", what, i, j);
        }
    }
    for (size_t i = 0; i < m; i++)
        expect_near(y[i], (double)fx[i], 1e-13, "jc_jacobian_forward of %s: output %zu", what, i);
    free(in);
    free(out);
    expect_status(jc_jacobian_forward(&f, x, jac, NULL), JC_OK, "jc_jacobian_forward of %s with "
                  "y = NULL", what);
    free(jac);
    free(y);
    free(want);
    free(fx);
}

GRADED_TEST(dual, forward_jacobian, 3, SEC_DUAL)
{
    rng r;
    grade_rng(&r);
    cb_desc three = {.kind = CB_DUAL_3TO2, .n = 3, .m = 2};
    cb_desc two = {.kind = CB_DUAL_2TO2, .n = 2, .m = 2};
    char what[200];
    for (int round = 0; round < 20; round++) {
        double x[CB_MAX_DIM];
        fill_uniform(&r, x, CB_MAX_DIM, -3, 3);
        snprintf(what, sizeof what, "[x + yz, x^2 + y^2 + z^2] at (%.6g, %.6g, %.6g)", x[0], x[1],
                 x[2]);
        check_forward(&three, x, what);
        snprintf(what, sizeof what, "[x^2 + y, sin xy] at (%.6g, %.6g)", x[0], x[1]);
        check_forward(&two, x, what);
        cb_desc d = {.kind = CB_DUAL_MIXED};
        d.n = 1 + rng_below(&r, CB_MAX_DIM);
        d.m = 1 + rng_below(&r, CB_MAX_DIM);
        fill_uniform(&r, d.a, d.m * d.n, -1, 1);
        fill_uniform(&r, d.c, d.m * d.n, -0.25, 0.25); /* exp(v) below e^3 */
        fill_uniform(&r, d.offset, d.m, -1, 1);
        fill_uniform(&r, d.e, d.m, 0.5, 2.5);
        fill_uniform(&r, x, d.n, -1.5, 1.5);
        snprintf(what, sizeof what, "a map of %zu inputs and %zu outputs made of sin, exp, tanh, "
                 "cos, log, pow, + and /", d.n, d.m);
        check_forward(&d, x, what);
    }
    double x[3] = {1, 2, 3}, jac[6], y[2];
    jc_dual_map f = {3, 2, cb_dual_map, &three}, none = {3, 2, NULL, &three};
    jc_dual_map no_in = {0, 2, cb_dual_map, &three}, no_out = {3, 0, cb_dual_map, &three};
    three.calls = 0;
    expect_status(jc_jacobian_forward(NULL, x, jac, y), JC_ERR_ARG, "jc_jacobian_forward(NULL, "
                  "...)");
    expect_status(jc_jacobian_forward(&none, x, jac, y), JC_ERR_ARG, "jc_jacobian_forward with "
                  "f->f = NULL");
    expect_status(jc_jacobian_forward(&f, NULL, jac, y), JC_ERR_ARG, "jc_jacobian_forward with "
                  "x = NULL");
    expect_status(jc_jacobian_forward(&f, x, NULL, y), JC_ERR_ARG, "jc_jacobian_forward with "
                  "jac = NULL");
    expect_status(jc_jacobian_forward(&no_in, x, jac, y), JC_ERR_ARG, "jc_jacobian_forward of a "
                  "map with n = 0");
    expect_status(jc_jacobian_forward(&no_out, x, jac, y), JC_ERR_ARG, "jc_jacobian_forward of a "
                  "map with m = 0");
    expect_int(three.calls, 0, "calls of f by jc_jacobian_forward when its arguments are wrong");
}
