/* dual.c: forward-mode differentiation with dual numbers (chapter
 * section 4). */
#include "jacobians.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
static jc_dual dual(double v, double d)
{
    return (jc_dual){v, d};
}

// END SOLUTION
jc_dual jc_dual_const(double v)
{
    // TODO: a constant: its derivative is 0.
    // STUB: (void)v;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(v, 0.0);
    // END SOLUTION
}

jc_dual jc_dual_var(double v)
{
    // TODO: the variable itself: its derivative is 1.
    // STUB: (void)v;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(v, 1.0);
    // END SOLUTION
}

jc_dual jc_dual_add(jc_dual a, jc_dual b)
{
    // TODO: (a.v + a.d e) + (b.v + b.d e).
    // STUB: (void)a; (void)b;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(a.v + b.v, a.d + b.d);
    // END SOLUTION
}

jc_dual jc_dual_sub(jc_dual a, jc_dual b)
{
    // TODO: (a.v + a.d e) - (b.v + b.d e).
    // STUB: (void)a; (void)b;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(a.v - b.v, a.d - b.d);
    // END SOLUTION
}

jc_dual jc_dual_mul(jc_dual a, jc_dual b)
{
    // TODO: multiply out (a.v + a.d e)(b.v + b.d e) with e^2 = 0.
    // STUB: (void)a; (void)b;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(a.v * b.v, a.d * b.v + a.v * b.d);
    // END SOLUTION
}

jc_dual jc_dual_div(jc_dual a, jc_dual b)
{
    // TODO: the quotient rule.
    // STUB: (void)a; (void)b;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    /* (a.d b.v - a.v b.d) / b.v^2 as (a.d - q b.d) / b.v: b.v^2 would
     * overflow or underflow long before the quotient does. */
    double q = a.v / b.v;
    return dual(q, (a.d - q * b.d) / b.v);
    // END SOLUTION
}

jc_dual jc_dual_sin(jc_dual a)
{
    // TODO: f(v) + f'(v) d e for f = sin; likewise in the functions below.
    // STUB: (void)a;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(sin(a.v), cos(a.v) * a.d);
    // END SOLUTION
}

jc_dual jc_dual_cos(jc_dual a)
{
    // TODO: cos.
    // STUB: (void)a;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(cos(a.v), -sin(a.v) * a.d);
    // END SOLUTION
}

jc_dual jc_dual_exp(jc_dual a)
{
    // TODO: exp.
    // STUB: (void)a;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    double e = exp(a.v);
    return dual(e, e * a.d);
    // END SOLUTION
}

jc_dual jc_dual_log(jc_dual a)
{
    // TODO: log.
    // STUB: (void)a;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    return dual(log(a.v), a.d / a.v);
    // END SOLUTION
}

jc_dual jc_dual_tanh(jc_dual a)
{
    // TODO: tanh, with a derivative that keeps its relative accuracy for
    //   large |v|, where tanh(v) rounds to +-1 (section 4).
    // STUB: (void)a;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    /* 1 - t^2 = 1 / cosh(v)^2 = 4 e / (1 + e)^2 with e = exp(-2|v|): 1 - t^2
     * is 0 from |v| = 19 on and cosh(v)^2 overflows from |v| = 355, while
     * this underflows to 0 only where the true value does. */
    double e = exp(-2.0 * fabs(a.v));
    return dual(tanh(a.v), 4.0 * e / ((1.0 + e) * (1.0 + e)) * a.d);
    // END SOLUTION
}

jc_dual jc_dual_pow(jc_dual a, jc_dual b)
{
    // TODO: a^b, with the cases of the header: a constant exponent, and an
    //   exponent that varies too (which needs a.v > 0).
    // STUB: (void)a; (void)b;
    // STUB: return (jc_dual){NAN, NAN};
    // BEGIN SOLUTION
    double p = pow(a.v, b.v);
    if (b.d == 0.0) {
        /* b a^(b-1): also right for a negative a with a whole b; 0 when a
         * does not move (or b is 0), even where a^(b-1) is infinite. */
        if (a.d == 0.0 || b.v == 0.0)
            return dual(p, 0.0);
        return dual(p, b.v * pow(a.v, b.v - 1.0) * a.d);
    }
    if (!(a.v > 0.0))
        return dual(p, NAN);
    return dual(p, p * (log(a.v) * b.d + b.v * a.d / a.v));
    // END SOLUTION
}

// BEGIN SOLUTION
/* n * size bytes, or 0 when that overflows a size_t. */
static size_t bytes_for(size_t n, size_t size)
{
    return n <= SIZE_MAX / size ? n * size : 0;
}

// END SOLUTION
jc_status jc_jacobian_forward(const jc_dual_map *f, const double *x, double *jac, double *y)
{
    // TODO: for each input j: make n duals of value x and derivative 0,
    //   with 1 at input j, call f, and copy the derivative parts of the m
    //   outputs into column j of jac (entries jac[i * n + j]). The value
    //   parts are F(x), for y.
    // STUB: (void)f; (void)x; (void)jac; (void)y;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!f || !f->f || !x || !jac || f->n == 0 || f->m == 0)
        return JC_ERR_ARG;
    size_t n = f->n, m = f->m;
    size_t in_bytes = bytes_for(n, sizeof(jc_dual)), out_bytes = bytes_for(m, sizeof(jc_dual));
    if (!in_bytes || !out_bytes || m > SIZE_MAX / n)
        return JC_ERR_ARG;
    jc_dual *in = malloc(in_bytes), *out = malloc(out_bytes);
    if (!in || !out) {
        free(in);
        free(out);
        return JC_ERR_NOMEM;
    }
    for (size_t j = 0; j < n; j++)
        in[j] = jc_dual_const(x[j]);
    for (size_t j = 0; j < n; j++) {
        in[j].d = 1.0;
        f->f(in, out, f->ctx);
        in[j].d = 0.0;
        for (size_t i = 0; i < m; i++)
            jac[i * n + j] = out[i].d;
        if (j == 0 && y)
            for (size_t i = 0; i < m; i++)
                y[i] = out[i].v;
    }
    free(in);
    free(out);
    return JC_OK;
    // END SOLUTION
}
