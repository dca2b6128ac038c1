/* dual.c: forward-mode differentiation with dual numbers (chapter
 * section 4). */
#include "jacobians.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

jc_dual jc_dual_const(double v)
{
    // TODO: a constant: its derivative is 0.
    (void)v;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_var(double v)
{
    // TODO: the variable itself: its derivative is 1.
    (void)v;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_add(jc_dual a, jc_dual b)
{
    // TODO: (a.v + a.d e) + (b.v + b.d e).
    (void)a; (void)b;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_sub(jc_dual a, jc_dual b)
{
    // TODO: (a.v + a.d e) - (b.v + b.d e).
    (void)a; (void)b;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_mul(jc_dual a, jc_dual b)
{
    // TODO: multiply out (a.v + a.d e)(b.v + b.d e) with e^2 = 0.
    (void)a; (void)b;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_div(jc_dual a, jc_dual b)
{
    // TODO: the quotient rule.
    (void)a; (void)b;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_sin(jc_dual a)
{
    // TODO: f(v) + f'(v) d e for f = sin; likewise in the functions below.
    (void)a;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_cos(jc_dual a)
{
    // TODO: cos.
    (void)a;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_exp(jc_dual a)
{
    // TODO: exp.
    (void)a;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_log(jc_dual a)
{
    // TODO: log.
    (void)a;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_tanh(jc_dual a)
{
    // TODO: tanh, with a derivative that keeps its relative accuracy for
    //   large |v|, where tanh(v) rounds to +-1 (section 4).
    (void)a;
    return (jc_dual){NAN, NAN};
}

jc_dual jc_dual_pow(jc_dual a, jc_dual b)
{
    // TODO: a^b, with the cases of the header: a constant exponent, and an
    //   exponent that varies too (which needs a.v > 0).
    (void)a; (void)b;
    return (jc_dual){NAN, NAN};
}

jc_status jc_jacobian_forward(const jc_dual_map *f, const double *x, double *jac, double *y)
{
    // TODO: for each input j: make n duals of value x and derivative 0,
    //   with 1 at input j, call f, and copy the derivative parts of the m
    //   outputs into column j of jac (entries jac[i * n + j]). The value
    //   parts are F(x), for y.
    (void)f; (void)x; (void)jac; (void)y;
    return JC_ERR_TODO;
}
