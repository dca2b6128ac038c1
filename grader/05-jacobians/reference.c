#include "reference.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

/* ---- memory, random inputs, statuses -------------------------------------------- */

double *alloc_doubles(size_t n)
{
    double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

long double *alloc_long_doubles(size_t n)
{
    long double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

void fill_uniform(rng *r, double *v, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = rng_range(r, lo, hi);
}

double log_uniform(rng *r, double lo, double hi)
{
    return pow(10.0, rng_range(r, lo, hi));
}

const char *status_name(jc_status s)
{
    static const char *const names[] = {
        "JC_OK", "JC_ERR_TODO", "JC_ERR_ARG", "JC_ERR_NOMEM", "JC_ERR_NOCONVERGE",
        "JC_ERR_UNREACHABLE",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(jc_status came, jc_status expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[512];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %s, came %s", label, status_name(expected), status_name(came));
}

/* ---- exercise 1 ------------------------------------------------------------------ */

double ref_central_step(double x)
{
    volatile double h = cbrt(EPS) * fmax(fabs(x), 1.0);
    volatile double up = x + h;
    return up - x;
}

void ref_map_value(const cb_desc *d, const double *x, long double *y)
{
    switch (d->kind) {
    case CB_SOURCE_3TO2:
        y[0] = x[0] + (long double)x[1] * x[2];
        y[1] = (long double)x[0] * x[0] + (long double)x[1] * x[1] + (long double)x[2] * x[2];
        return;
    case CB_SOURCE_2TO2:
        y[0] = (long double)x[0] * x[0] + x[1];
        y[1] = sinl((long double)x[0] * x[1]);
        return;
    case CB_SMOOTH:
        for (size_t i = 0; i < d->m; i++) {
            long double s = d->offset[i];
            for (size_t j = 0; j < d->n; j++)
                s += d->a[i * d->n + j] * sinl(x[j] / (long double)d->scale[j] + d->c[i * d->n + j]);
            size_t p = i % d->n, q = (i + 1) % d->n;
            y[i] = s + d->e[i] * (x[p] / (long double)d->scale[p]) * (x[q] / (long double)d->scale[q]);
        }
        return;
    case CB_LINEAR:
        for (size_t i = 0; i < d->m; i++) {
            long double s = d->offset[i];
            for (size_t j = 0; j < d->n; j++)
                s += (long double)d->a[i * d->n + j] * x[j];
            y[i] = s;
        }
        return;
    case CB_POLAR:
        y[0] = x[0] * cosl(x[1]);
        y[1] = x[0] * sinl(x[1]);
        return;
    default:
        grade_fail("grader bug: ref_map_value of a map of kind %d", (int)d->kind);
    }
}

void ref_map_jacobian(const cb_desc *d, const double *x, long double *jac)
{
    size_t n = d->n;
    switch (d->kind) {
    case CB_SOURCE_3TO2: {
        const long double j[6] = {1, x[2], x[1], 2.0L * x[0], 2.0L * x[1], 2.0L * x[2]};
        memcpy(jac, j, sizeof j);
        return;
    }
    case CB_SOURCE_2TO2: {
        long double c = cosl((long double)x[0] * x[1]);
        const long double j[4] = {2.0L * x[0], 1, x[1] * c, x[0] * c};
        memcpy(jac, j, sizeof j);
        return;
    }
    case CB_SMOOTH:
        for (size_t i = 0; i < d->m; i++) {
            size_t p = i % n, q = (i + 1) % n;
            for (size_t j = 0; j < n; j++) {
                long double s = (long double)d->scale[j];
                long double g = d->a[i * n + j] * cosl(x[j] / s + d->c[i * n + j]) / s;
                if (j == p)
                    g += d->e[i] * (x[q] / (long double)d->scale[q]) / s;
                if (j == q)
                    g += d->e[i] * (x[p] / (long double)d->scale[p]) / s;
                jac[i * n + j] = g;
            }
        }
        return;
    case CB_LINEAR:
        for (size_t i = 0; i < d->m * n; i++)
            jac[i] = d->a[i];
        return;
    case CB_POLAR:
        jac[0] = cosl(x[1]);
        jac[1] = -x[0] * sinl(x[1]);
        jac[2] = sinl(x[1]);
        jac[3] = x[0] * cosl(x[1]);
        return;
    default:
        grade_fail("grader bug: ref_map_jacobian of a map of kind %d", (int)d->kind);
    }
}

double ref_map_size(const cb_desc *d, const double *x, size_t i, size_t j, double h)
{
    double v[CB_MAX_DIM];
    for (size_t k = 0; k < d->n; k++)
        v[k] = fabs(x[k]) + (k == j ? h : 0);
    switch (d->kind) {
    case CB_SOURCE_3TO2:
        return i == 0 ? v[0] + v[1] * v[2] : v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
    case CB_SOURCE_2TO2:
        return i == 0 ? v[0] * v[0] + v[1] : fmax(1.0, v[0] * v[1]);
    case CB_SMOOTH: {
        double s = fabs(d->offset[i]);
        for (size_t k = 0; k < d->n; k++)
            s += fabs(d->a[i * d->n + k]) * fmax(1.0, v[k] / d->scale[k]);
        size_t p = i % d->n, q = (i + 1) % d->n;
        return s + fabs(d->e[i]) * (v[p] / d->scale[p]) * (v[q] / d->scale[q]);
    }
    default:
        grade_fail("grader bug: ref_map_size of a map of kind %d", (int)d->kind);
    }
}

double ref_map_third(const cb_desc *d, const double *x, size_t i, size_t j, double h)
{
    switch (d->kind) {
    case CB_SOURCE_3TO2:
        return 0; /* polynomials of degree 2 */
    case CB_SOURCE_2TO2:
        /* d^3 sin(x y) / dx^3 = -y^3 cos(x y) */
        return i == 0 ? 0 : pow(fabs(x[1 - j]), 3);
    case CB_SMOOTH:
        (void)h; /* the cross term is linear in each input */
        return fabs(d->a[i * d->n + j]) / pow(d->scale[j], 3);
    default:
        grade_fail("grader bug: ref_map_third of a map of kind %d", (int)d->kind);
    }
}

/* ---- exercise 2 ------------------------------------------------------------------ */

static void dual_mixed_jacobian(const cb_desc *d, const double *x, long double *jac,
                                long double *y)
{
    size_t n = d->n;
    for (size_t i = 0; i < d->m; i++) {
        long double u = 0, v = 0;
        for (size_t j = 0; j < n; j++) {
            u += (long double)d->a[i * n + j] * x[j];
            v += (long double)d->c[i * n + j] * x[j];
        }
        long double w = x[i % n] - (long double)d->offset[i], q = 1 + w * w;
        long double su = sinl(u), cu = cosl(u), ev = expl(v), tu = tanhl(u);
        long double sech2 = 1 / (coshl(u) * coshl(u)), den = 2 + cosl(v);
        y[i] = su * ev + tu / den + logl(q) + powl(q, d->e[i]);
        for (size_t j = 0; j < n; j++) {
            long double a = d->a[i * n + j], c = d->c[i * n + j];
            long double g = cu * a * ev + su * ev * c + sech2 * a / den + tu * sinl(v) * c / (den * den);
            if (j == i % n)
                g += 2 * w / q + d->e[i] * powl(q, d->e[i] - 1) * 2 * w;
            jac[i * n + j] = g;
        }
    }
}

void ref_dual_jacobian(const cb_desc *d, const double *x, long double *jac, long double *y)
{
    cb_desc plain = *d;
    switch (d->kind) {
    case CB_DUAL_3TO2:
        plain.kind = CB_SOURCE_3TO2;
        break;
    case CB_DUAL_2TO2:
        plain.kind = CB_SOURCE_2TO2;
        break;
    case CB_DUAL_MIXED:
        dual_mixed_jacobian(d, x, jac, y);
        return;
    default:
        grade_fail("grader bug: ref_dual_jacobian of a map of kind %d", (int)d->kind);
    }
    ref_map_value(&plain, x, y);
    ref_map_jacobian(&plain, x, jac);
}

/* ---- exercise 3 ------------------------------------------------------------------ */

/* R^-1's Frobenius norm, by back substitution (R upper triangular, n x n). */
static long double inverse_norm(const long double *r, size_t n)
{
    long double *col = alloc_long_doubles(n), total = 0;
    for (size_t k = 0; k < n; k++) { /* column k of R^-1 solves R c = e_k */
        for (size_t i = n; i-- > 0;) {
            long double s = i == k ? 1 : 0;
            for (size_t j = i + 1; j < n; j++)
                s -= r[i * n + j] * col[j];
            col[i] = s / r[i * n + i];
            total += col[i] * col[i];
        }
    }
    free(col);
    return sqrtl(total);
}

void ref_determinant(const double *a, size_t n, int *sign, long double *log_abs,
                     long double *condition)
{
    long double *r = alloc_long_doubles(n * n), *v = alloc_long_doubles(n), norm_a = 0;
    for (size_t i = 0; i < n * n; i++) {
        r[i] = a[i];
        norm_a += r[i] * r[i];
    }
    int s = 1;
    long double log_det = 0;
    for (size_t k = 0; k < n; k++) {
        long double norm = 0;
        for (size_t i = k; i < n; i++)
            norm += r[i * n + k] * r[i * n + k];
        norm = sqrtl(norm);
        if (norm == 0) {
            s = 0;
            continue;
        }
        long double alpha = r[k * n + k] > 0 ? -norm : norm, vv = 0;
        for (size_t i = k; i < n; i++) {
            v[i] = r[i * n + k] - (i == k ? alpha : 0);
            vv += v[i] * v[i];
        }
        if (vv > 0) { /* H = I - 2 v v^T / v^T v: a reflection, determinant -1 */
            s = -s;
            for (size_t j = k; j < n; j++) {
                long double dot = 0;
                for (size_t i = k; i < n; i++)
                    dot += v[i] * r[i * n + j];
                long double f = 2 * dot / vv;
                for (size_t i = k; i < n; i++)
                    r[i * n + j] -= f * v[i];
            }
        }
        r[k * n + k] = alpha; /* exactly, below it zeros */
        for (size_t i = k + 1; i < n; i++)
            r[i * n + k] = 0;
        s = alpha < 0 ? -s : s;
        log_det += logl(fabsl(alpha));
    }
    *sign = s;
    *log_abs = s == 0 ? -INFINITY : log_det;
    *condition = s == 0 ? INFINITY : inverse_norm(r, n) * sqrtl(norm_a);
    free(r);
    free(v);
}

long double ref_hadamard_bound(const double *a, size_t n)
{
    long double product = 1;
    for (size_t i = 0; i < n; i++) {
        long double s = 0;
        for (size_t j = 0; j < n; j++)
            s += (long double)a[i * n + j] * a[i * n + j];
        product *= sqrtl(s);
    }
    return product;
}

/* ---- exercise 4 ------------------------------------------------------------------ */

void ref_random_orthogonal(rng *r, size_t n, long double *q)
{
    for (size_t i = 0; i < n * n; i++)
        q[i] = rng_normal(r);
    /* Modified Gram-Schmidt on the columns, twice for orthogonality to rounding. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 0; j < n; j++) {
            for (size_t k = 0; k < j; k++) {
                long double dot = 0;
                for (size_t i = 0; i < n; i++)
                    dot += q[i * n + k] * q[i * n + j];
                for (size_t i = 0; i < n; i++)
                    q[i * n + j] -= dot * q[i * n + k];
            }
            long double norm = 0;
            for (size_t i = 0; i < n; i++)
                norm += q[i * n + j] * q[i * n + j];
            norm = sqrtl(norm);
            for (size_t i = 0; i < n; i++)
                q[i * n + j] /= norm;
        }
    }
}

void ref_matrix_with_singular_values(rng *r, size_t m, size_t n, const double *s, double *a)
{
    long double *u = alloc_long_doubles(m * m), *v = alloc_long_doubles(n * n);
    ref_random_orthogonal(r, m, u);
    ref_random_orthogonal(r, n, v);
    size_t k = m < n ? m : n;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            long double sum = 0;
            for (size_t p = 0; p < k; p++)
                sum += u[i * m + p] * s[p] * v[j * n + p];
            a[i * n + j] = (double)sum;
        }
    free(u);
    free(v);
}

/* The largest eigenvalue of the symmetric k x k matrix g, by cyclic Jacobi
 * rotations (g is destroyed). */
static long double jacobi_largest(long double *g, size_t k)
{
    for (int sweep = 0; sweep < 100; sweep++) {
        long double off = 0, diag = 0;
        for (size_t i = 0; i < k; i++) {
            diag += g[i * k + i] * g[i * k + i];
            for (size_t j = i + 1; j < k; j++)
                off += g[i * k + j] * g[i * k + j];
        }
        if (off <= 1e-40L * diag || off == 0)
            break;
        for (size_t p = 0; p < k; p++)
            for (size_t q = p + 1; q < k; q++) {
                long double gpq = g[p * k + q];
                if (gpq == 0)
                    continue;
                long double theta = (g[q * k + q] - g[p * k + p]) / (2 * gpq);
                long double t = (theta >= 0 ? 1 : -1) / (fabsl(theta) + sqrtl(theta * theta + 1));
                long double c = 1 / sqrtl(t * t + 1), s = t * c;
                for (size_t i = 0; i < k; i++) { /* columns p and q */
                    long double gp = g[i * k + p], gq = g[i * k + q];
                    g[i * k + p] = c * gp - s * gq;
                    g[i * k + q] = s * gp + c * gq;
                }
                for (size_t i = 0; i < k; i++) { /* rows p and q */
                    long double gp = g[p * k + i], gq = g[q * k + i];
                    g[p * k + i] = c * gp - s * gq;
                    g[q * k + i] = s * gp + c * gq;
                }
            }
    }
    long double top = 0;
    for (size_t i = 0; i < k; i++)
        top = g[i * k + i] > top ? g[i * k + i] : top;
    return top;
}

long double ref_sigma_max(const double *a, size_t m, size_t n)
{
    int rows = m <= n; /* A A^T (m x m) or A^T A (n x n) */
    size_t k = rows ? m : n;
    long double *g = alloc_long_doubles(k * k);
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            long double s = 0;
            for (size_t p = 0; p < (rows ? n : m); p++)
                s += rows ? (long double)a[i * n + p] * a[j * n + p]
                          : (long double)a[p * n + i] * a[p * n + j];
            g[i * k + j] = s;
        }
    long double top = jacobi_largest(g, k);
    free(g);
    return sqrtl(top);
}

/* ---- exercise 5 ------------------------------------------------------------------ */

jc_tanh_net ref_net_make(const size_t *sizes, size_t layers, double gain, rng *r)
{
    jc_tanh_net net;
    memset(&net, 0, sizeof net);
    net.layers = layers;
    size_t count = 0;
    for (size_t l = 0; l < layers; l++)
        count += (sizes[l] + 1) * sizes[l + 1];
    memcpy(net.sizes, sizes, (layers + 1) * sizeof *sizes);
    double *p = alloc_doubles(count);
    net.params = p;
    for (size_t l = 0; l < layers; l++) {
        double scale = gain * sqrt(3.0 / (double)sizes[l]);
        fill_uniform(r, p, sizes[l] * sizes[l + 1], -scale, scale);
        p += sizes[l] * sizes[l + 1];
        fill_uniform(r, p, sizes[l + 1], -0.2, 0.2);
        p += sizes[l + 1];
    }
    return net;
}

static size_t widest(const jc_tanh_net *net)
{
    size_t w = 0;
    for (size_t l = 0; l <= net->layers; l++)
        w = net->sizes[l] > w ? net->sizes[l] : w;
    return w;
}

/* One layer: out = tanh(W in + b); returns the parameters after it. */
static const double *ref_layer(const jc_tanh_net *net, size_t l, const double *p,
                               const long double *in, long double *out)
{
    size_t n = net->sizes[l], m = net->sizes[l + 1];
    for (size_t i = 0; i < m; i++) {
        long double s = p[m * n + i];
        for (size_t j = 0; j < n; j++)
            s += (long double)p[i * n + j] * in[j];
        out[i] = tanhl(s);
    }
    return p + m * n + m;
}

void ref_net_forward(const jc_tanh_net *net, const double *x, long double *y)
{
    size_t w = widest(net);
    long double *in = alloc_long_doubles(w), *out = alloc_long_doubles(w);
    for (size_t j = 0; j < net->sizes[0]; j++)
        in[j] = x[j];
    const double *p = net->params;
    for (size_t l = 0; l < net->layers; l++) {
        p = ref_layer(net, l, p, in, out);
        long double *t = in;
        in = out;
        out = t;
    }
    memcpy(y, in, net->sizes[net->layers] * sizeof *y);
    free(in);
    free(out);
}

/* Forward mode in long double: J_l = D_l W_l J_(l-1), and |D_l| |W_l| |J_(l-1)|. */
void ref_net_jacobian(const jc_tanh_net *net, const double *x, long double *jac,
                      long double *jac_abs)
{
    size_t w = widest(net), n0 = net->sizes[0];
    long double *h = alloc_long_doubles(w), *next = alloc_long_doubles(w);
    long double *j = alloc_long_doubles(w * n0), *ja = alloc_long_doubles(w * n0);
    long double *jn = alloc_long_doubles(w * n0), *jan = alloc_long_doubles(w * n0);
    for (size_t i = 0; i < n0; i++) {
        h[i] = x[i];
        j[i * n0 + i] = ja[i * n0 + i] = 1;
    }
    const double *p = net->params;
    for (size_t l = 0; l < net->layers; l++) {
        size_t n = net->sizes[l], m = net->sizes[l + 1];
        const double *after = ref_layer(net, l, p, h, next);
        for (size_t i = 0; i < m; i++) {
            long double d = 1 - next[i] * next[i];
            for (size_t c = 0; c < n0; c++) {
                long double s = 0, sa = 0;
                for (size_t k = 0; k < n; k++) {
                    s += p[i * n + k] * j[k * n0 + c];
                    sa += fabsl(p[i * n + k]) * ja[k * n0 + c];
                }
                jn[i * n0 + c] = d * s;
                jan[i * n0 + c] = d * sa;
            }
        }
        memcpy(h, next, m * sizeof *h);
        memcpy(j, jn, m * n0 * sizeof *j);
        memcpy(ja, jan, m * n0 * sizeof *ja);
        p = after;
    }
    size_t out = net->sizes[net->layers];
    memcpy(jac, j, out * n0 * sizeof *jac);
    if (jac_abs)
        memcpy(jac_abs, ja, out * n0 * sizeof *jac_abs);
    free(h);
    free(next);
    free(j);
    free(ja);
    free(jn);
    free(jan);
}

/* ---- exercise 6 ------------------------------------------------------------------ */

void ref_arm_position(const jc_arm *arm, const double theta[2], long double p[2])
{
    long double t0 = theta[0], t01 = (long double)theta[0] + theta[1];
    p[0] = arm->l1 * cosl(t0) + arm->l2 * cosl(t01);
    p[1] = arm->l1 * sinl(t0) + arm->l2 * sinl(t01);
}

long double ref_arm_miss(const jc_arm *arm, const double theta[2], const double target[2])
{
    long double p[2];
    ref_arm_position(arm, theta, p);
    return hypotl(p[0] - target[0], p[1] - target[1]);
}

/* ---- exercise 7 ------------------------------------------------------------------ */

/* log(w_c / sum w) + log N(x; mu_c, sigma_c^2 I) for each component. */
static long double component_logs(const jc_mixture *mix, long double x0, long double x1,
                                  long double *logs)
{
    long double total = 0, top = -INFINITY;
    for (size_t c = 0; c < mix->k; c++)
        total += mix->weights[c];
    for (size_t c = 0; c < mix->k; c++) {
        long double v = (long double)mix->sigmas[c] * mix->sigmas[c];
        long double dx = x0 - mix->means[2 * c], dy = x1 - mix->means[2 * c + 1];
        logs[c] = logl(mix->weights[c] / total) - logl(2 * acosl(-1) * v) -
                  (dx * dx + dy * dy) / (2 * v);
        top = logs[c] > top ? logs[c] : top;
    }
    return top;
}

long double ref_mixture_log_p(const jc_mixture *mix, long double x0, long double x1)
{
    long double *logs = alloc_long_doubles(mix->k);
    long double top = component_logs(mix, x0, x1, logs), s = 0;
    for (size_t c = 0; c < mix->k; c++)
        s += expl(logs[c] - top);
    free(logs);
    return top + logl(s);
}

void ref_mixture_score(const jc_mixture *mix, const double x[2], long double s[2])
{
    long double *logs = alloc_long_doubles(mix->k);
    long double top = component_logs(mix, x[0], x[1], logs), total = 0, s0 = 0, s1 = 0;
    for (size_t c = 0; c < mix->k; c++) {
        long double r = expl(logs[c] - top), v = (long double)mix->sigmas[c] * mix->sigmas[c];
        total += r;
        s0 += r * (mix->means[2 * c] - (long double)x[0]) / v;
        s1 += r * (mix->means[2 * c + 1] - (long double)x[1]) / v;
    }
    s[0] = s0 / total;
    s[1] = s1 / total;
    free(logs);
}
