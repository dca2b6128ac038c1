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

double *nan_doubles(size_t n)
{
    double *p = alloc_doubles(n);
    for (size_t i = 0; i < n; i++)
        p[i] = NAN;
    return p;
}

void fill_uniform(rng *r, double *v, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = rng_range(r, lo, hi);
}

void fill_normal(rng *r, double *v, size_t n, double scale)
{
    for (size_t i = 0; i < n; i++)
        v[i] = scale * rng_normal(r);
}

double log_uniform(rng *r, double lo, double hi)
{
    return pow(10.0, rng_range(r, lo, hi));
}

const char *status_name(pc_status s)
{
    static const char *const names[] = {
        "PC_OK", "PC_ERR_TODO", "PC_ERR_ARG", "PC_ERR_NAN", "PC_ERR_NOMEM", "PC_ERR_NOCONVERGE",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(pc_status came, pc_status expected, const char *what, ...)
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

/* ---- matrices with a known SVD ----------------------------------------------------- */

/* The first `cols` columns (x, m x cols) of H_0 H_1 ... H_(cols-1), where
 * H_j reflects coordinates j..m-1 along a random normal vector: the
 * orthonormal factor of the QR factorisation of a Gaussian matrix. */
static void random_frame(rng *r, size_t m, size_t cols, long double *x)
{
    memset(x, 0, m * cols * sizeof *x);
    for (size_t j = 0; j < cols; j++)
        x[j * cols + j] = 1;
    long double *v = alloc_long_doubles(m);
    for (size_t j = cols; j-- > 0;) {
        long double vv = 0;
        for (size_t i = j; i < m; i++) {
            v[i] = rng_normal(r);
            vv += v[i] * v[i];
        }
        if (vv == 0)
            continue;
        for (size_t c = 0; c < cols; c++) { /* x = (I - 2 v v^T / v^T v) x, column c */
            long double dot = 0;
            for (size_t i = j; i < m; i++)
                dot += v[i] * x[i * cols + c];
            long double f = 2 * dot / vv;
            for (size_t i = j; i < m; i++)
                x[i * cols + c] -= f * v[i];
        }
    }
    free(v);
}

void ref_random_orthogonal(rng *r, size_t n, long double *q)
{
    random_frame(r, n, n, q);
}

void ref_multiply(const long double *a, const long double *b, long double *c, size_t m, size_t p,
                  size_t n)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            long double s = 0;
            for (size_t q = 0; q < p; q++)
                s += a[i * p + q] * b[q * n + j];
            c[i * n + j] = s;
        }
}

void ref_random_invertible(rng *r, size_t k, long double *m)
{
    long double *o1 = alloc_long_doubles(k * k), *o2 = alloc_long_doubles(k * k);
    ref_random_orthogonal(r, k, o1);
    ref_random_orthogonal(r, k, o2);
    for (size_t j = 0; j < k; j++) { /* o1 diag(d) */
        long double d = rng_range(r, 1, 10);
        for (size_t i = 0; i < k; i++)
            o1[i * k + j] *= d;
    }
    ref_multiply(o1, o2, m, k, k, k);
    free(o1);
    free(o2);
}

/* a (m x n) = U diag(s) V^T for U (m x r), V (n x r), rounded. */
static void compose(const long double *u, const double *s, const long double *v, size_t m,
                    size_t n, size_t r, double *a)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            long double sum = 0;
            for (size_t p = 0; p < r; p++)
                sum += u[i * r + p] * s[p] * v[j * r + p];
            a[i * n + j] = (double)sum;
        }
}

void ref_matrix_with_svd(rng *r, size_t m, size_t n, const double *s, double *a, long double *u,
                         long double *v)
{
    size_t k = m < n ? m : n;
    long double *uu = alloc_long_doubles(m * k), *vv = alloc_long_doubles(n * k);
    random_frame(r, m, k, uu);
    random_frame(r, n, k, vv);
    compose(uu, s, vv, m, n, k, a);
    if (u)
        memcpy(u, uu, m * k * sizeof *u);
    if (v)
        memcpy(v, vv, n * k * sizeof *v);
    free(uu);
    free(vv);
}

/* V (n x n): block diagonal by decades of s, rows shuffled with random signs. */
static void graded_v(rng *r, size_t n, const double *s, long double *v)
{
    long double *block = alloc_long_doubles(n * n), *w = alloc_long_doubles(n * n);
    for (size_t start = 0, end; start < n; start = end) {
        for (end = start + 1; end < n && s[end] * 10 >= s[start];)
            end++;
        size_t size = end - start;
        ref_random_orthogonal(r, size, block);
        for (size_t i = 0; i < size; i++)
            for (size_t j = 0; j < size; j++)
                w[(start + i) * n + start + j] = block[i * size + j];
    }
    size_t *order = calloc(n, sizeof *order);
    if (!order)
        grade_fail("the grader ran out of memory");
    rng_permutation(r, order, n);
    for (size_t i = 0; i < n; i++) {
        long double sign = rng_below(r, 2) ? 1 : -1;
        for (size_t j = 0; j < n; j++)
            v[order[i] * n + j] = sign * w[i * n + j];
    }
    free(order);
    free(block);
    free(w);
}

void ref_graded_matrix(rng *r, size_t m, size_t n, const double *s, double *a)
{
    if (m < n) { /* the transpose of a tall one */
        double *t = alloc_doubles(m * n);
        ref_graded_matrix(r, n, m, s, t);
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++)
                a[i * n + j] = t[j * m + i];
        free(t);
        return;
    }
    long double *u = alloc_long_doubles(m * n), *v = alloc_long_doubles(n * n);
    random_frame(r, m, n, u);
    graded_v(r, n, s, v);
    compose(u, s, v, m, n, n, a);
    free(u);
    free(v);
}

static int descending(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a < b) - (a > b);
}

void ref_spread_spectrum(rng *r, double *s, size_t count, double lo, double hi)
{
    for (size_t i = 0; i < count; i++)
        s[i] = log_uniform(r, log10(lo), log10(hi));
    qsort(s, count, sizeof *s, descending);
}

/* ---- moments ---------------------------------------------------------------------- */

void ref_moments(const double *x, size_t n, size_t d, long double *mean, long double *cov)
{
    for (size_t j = 0; j < d; j++) {
        long double s = 0;
        for (size_t i = 0; i < n; i++)
            s += x[i * d + j];
        mean[j] = s / n;
    }
    if (!cov)
        return;
    for (size_t a = 0; a < d; a++)
        for (size_t b = a; b < d; b++) {
            long double s = 0;
            for (size_t i = 0; i < n; i++)
                s += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]);
            cov[a * d + b] = cov[b * d + a] = s / (n - 1);
        }
}

/* ---- symmetric eigenproblems --------------------------------------------------------- */

static void rotate(long double *g, size_t k, size_t p, size_t q, long double c, long double s)
{
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

static long double off_diagonal(const long double *g, size_t k, long double *diag)
{
    long double off = 0;
    *diag = 0;
    for (size_t i = 0; i < k; i++) {
        *diag += g[i * k + i] * g[i * k + i];
        for (size_t j = i + 1; j < k; j++)
            off += g[i * k + j] * g[i * k + j];
    }
    return off;
}

void ref_symmetric_eigen(long double *g, size_t k, long double *values, long double *vectors)
{
    long double *w = alloc_long_doubles(k * k); /* columns: the eigenvectors */
    for (size_t i = 0; i < k; i++)
        w[i * k + i] = 1;
    for (int sweep = 0; sweep < 100; sweep++) {
        long double diag, off = off_diagonal(g, k, &diag);
        if (off == 0 || off <= 1e-44L * diag)
            break;
        for (size_t p = 0; p < k; p++)
            for (size_t q = p + 1; q < k; q++) {
                long double gpq = g[p * k + q];
                if (gpq == 0)
                    continue;
                long double theta = (g[q * k + q] - g[p * k + p]) / (2 * gpq);
                long double t = (theta >= 0 ? 1 : -1) / (fabsl(theta) + sqrtl(theta * theta + 1));
                long double c = 1 / sqrtl(t * t + 1), s = t * c;
                rotate(g, k, p, q, c, s);
                for (size_t i = 0; i < k; i++) {
                    long double wp = w[i * k + p], wq = w[i * k + q];
                    w[i * k + p] = c * wp - s * wq;
                    w[i * k + q] = s * wp + c * wq;
                }
            }
    }
    /* Selection sort, descending, carrying the vectors along. */
    size_t *order = calloc(k, sizeof *order);
    if (!order)
        grade_fail("the grader ran out of memory");
    for (size_t i = 0; i < k; i++)
        order[i] = i;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            if (g[order[j] * k + order[j]] > g[order[i] * k + order[i]]) {
                size_t t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
    for (size_t i = 0; i < k; i++) {
        values[i] = g[order[i] * k + order[i]];
        if (vectors)
            for (size_t j = 0; j < k; j++)
                vectors[i * k + j] = w[j * k + order[i]];
    }
    free(order);
    free(w);
}

void ref_pca(const double *x, size_t n, size_t d, long double *mean, long double *variances,
             long double *components)
{
    long double *cov = alloc_long_doubles(d * d);
    ref_moments(x, n, d, mean, cov);
    ref_symmetric_eigen(cov, d, variances, components);
    free(cov);
}

/* ---- subspaces ----------------------------------------------------------------------- */

int ref_orthonormal_rows(const long double *a, size_t k, size_t d, long double *q)
{
    memcpy(q, a, k * d * sizeof *q);
    for (size_t i = 0; i < k; i++) {
        long double before = 0;
        for (size_t c = 0; c < d; c++)
            before += q[i * d + c] * q[i * d + c];
        for (int pass = 0; pass < 2; pass++)
            for (size_t j = 0; j < i; j++) {
                long double dot = 0;
                for (size_t c = 0; c < d; c++)
                    dot += q[j * d + c] * q[i * d + c];
                for (size_t c = 0; c < d; c++)
                    q[i * d + c] -= dot * q[j * d + c];
            }
        long double norm = 0;
        for (size_t c = 0; c < d; c++)
            norm += q[i * d + c] * q[i * d + c];
        if (!(norm > 1e-20L * before))
            return 0;
        norm = sqrtl(norm);
        for (size_t c = 0; c < d; c++)
            q[i * d + c] /= norm;
    }
    return 1;
}

/* p (k x d) = qb - (qb qa^T) qa: the parts of b's rows outside a's span. */
static void outside(const long double *qa, const long double *qb, size_t k, size_t d,
                    long double *p)
{
    memcpy(p, qb, k * d * sizeof *p);
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            long double dot = 0;
            for (size_t c = 0; c < d; c++)
                dot += qb[i * d + c] * qa[j * d + c];
            for (size_t c = 0; c < d; c++)
                p[i * d + c] -= dot * qa[j * d + c];
        }
}

long double ref_subspace_distance(const long double *qa, const long double *qb, size_t k,
                                  size_t d)
{
    long double *p = alloc_long_doubles(k * d), s = 0;
    outside(qa, qb, k, d, p);
    for (size_t i = 0; i < k * d; i++)
        s += p[i] * p[i];
    free(p);
    return sqrtl(s);
}

/* g (k x k) = x x^T for x (k x d). */
static void gram_rows(const long double *x, size_t k, size_t d, long double *g)
{
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            long double s = 0;
            for (size_t c = 0; c < d; c++)
                s += x[i * d + c] * x[j * d + c];
            g[i * k + j] = s;
        }
}

void ref_principal_angles(const double *a, const double *b, size_t k, size_t d,
                          long double *angles)
{
    long double *la = alloc_long_doubles(k * d), *lb = alloc_long_doubles(k * d);
    long double *qa = alloc_long_doubles(k * d), *qb = alloc_long_doubles(k * d);
    for (size_t i = 0; i < k * d; i++) {
        la[i] = a[i];
        lb[i] = b[i];
    }
    if (!ref_orthonormal_rows(la, k, d, qa) || !ref_orthonormal_rows(lb, k, d, qb))
        grade_fail("grader bug: ref_principal_angles of dependent rows");
    /* Cosines: singular values of qa qb^T, from the eigenvalues of m m^T. */
    long double *m = alloc_long_doubles(k * k), *g = alloc_long_doubles(k * k);
    long double *cos2 = alloc_long_doubles(k), *sin2 = alloc_long_doubles(k);
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            long double s = 0;
            for (size_t c = 0; c < d; c++)
                s += qa[i * d + c] * qb[j * d + c];
            m[i * k + j] = s;
        }
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++) {
            long double s = 0;
            for (size_t c = 0; c < k; c++)
                s += m[i * k + c] * m[j * k + c];
            g[i * k + j] = s;
        }
    ref_symmetric_eigen(g, k, cos2, NULL); /* descending */
    long double *p = alloc_long_doubles(k * d);
    outside(qa, qb, k, d, p);
    gram_rows(p, k, d, g);
    ref_symmetric_eigen(g, k, sin2, NULL); /* descending: pair with ascending cosines */
    for (size_t i = 0; i < k; i++)
        angles[i] = atan2l(sqrtl(fmaxl(sin2[k - 1 - i], 0)), sqrtl(fmaxl(cos2[i], 0)));
    free(la);
    free(lb);
    free(qa);
    free(qb);
    free(m);
    free(g);
    free(cos2);
    free(sin2);
    free(p);
}

svd_out svd_alloc(size_t m, size_t n, size_t k)
{
    svd_out s = {nan_doubles(k), nan_doubles(m * k), nan_doubles(k * n), 12345};
    return s;
}

void svd_free(svd_out *s)
{
    free(s->sigma);
    free(s->u);
    free(s->vt);
}

/* ---- checks of a student's SVD ------------------------------------------------------- */

int ref_sign_convention(const double *row, size_t n)
{
    double top_positive = 0, top_negative = 0;
    for (size_t j = 0; j < n; j++) {
        if (row[j] > top_positive)
            top_positive = row[j];
        if (-row[j] > top_negative)
            top_negative = -row[j];
    }
    return top_positive >= top_negative * (1 - 1e-9);
}

/* The largest |G - I| for the Gram matrix G of `count` vectors of `length`
 * entries, vector a's entry i at x[a * vector_step + i * entry_step]. */
static long double gram_error(const double *x, size_t count, size_t length, size_t vector_step,
                              size_t entry_step)
{
    long double worst = 0;
    for (size_t a = 0; a < count; a++)
        for (size_t b = a; b < count; b++) {
            long double s = 0;
            for (size_t i = 0; i < length; i++)
                s += (long double)x[a * vector_step + i * entry_step] *
                     x[b * vector_step + i * entry_step];
            long double e = fabsl(s - (a == b));
            worst = e > worst || isnan(e) ? e : worst;
        }
    return worst;
}

long double ref_column_orthogonality(const double *u, size_t m, size_t k)
{
    return gram_error(u, k, m, 1, k);
}

long double ref_row_orthogonality(const double *vt, size_t k, size_t n)
{
    return gram_error(vt, k, n, n, 1);
}

long double ref_vector_distance(const double *vt, size_t i, size_t n, const long double *v,
                                size_t r)
{
    long double plus = 0, minus = 0;
    for (size_t j = 0; j < n; j++) {
        long double a = vt[i * n + j], b = v[j * r + i];
        plus += (a - b) * (a - b);
        minus += (a + b) * (a + b);
    }
    return sqrtl(fminl(plus, minus));
}

/* |A v_i - sigma_i u_i| in long double. */
static long double triplet_residual(const double *a, size_t m, size_t n, size_t k, size_t i,
                                    double sigma, const double *u, const double *vt)
{
    long double total = 0;
    for (size_t r = 0; r < m; r++) {
        long double s = 0;
        for (size_t j = 0; j < n; j++)
            s += (long double)a[r * n + j] * vt[i * n + j];
        s -= (long double)sigma * u[r * k + i];
        total += s * s;
    }
    return sqrtl(total);
}

static void expect_values(const char *fn, const char *what, size_t k, const double *sigma)
{
    for (size_t i = 0; i < k; i++) {
        if (!(isfinite(sigma[i]) && sigma[i] >= 0))
            grade_fail("%s of %s: sigma[%zu] = %g; singular values are finite and >= 0", fn,
                       what, i, sigma[i]);
        if (i > 0 && sigma[i] > sigma[i - 1])
            grade_fail("%s of %s: sigma[%zu] = %.17g > sigma[%zu] = %.17g; the header asks for "
                       "them in descending order", fn, what, i, sigma[i], i - 1, sigma[i - 1]);
    }
}

void expect_svd(const char *fn, const char *what, const double *a, size_t m, size_t n, size_t k,
                const double *sigma, const double *u, const double *vt, double tol_orth,
                double tol_res)
{
    expect_values(fn, what, k, sigma);
    long double e = ref_column_orthogonality(u, m, k);
    if (!(e <= tol_orth))
        grade_fail("%s of %s: the columns of U are not orthonormal: |U^T U - I| has an entry of "
                   "%.3Lg (tolerance %.2g)", fn, what, e, tol_orth);
    e = ref_row_orthogonality(vt, k, n);
    if (!(e <= tol_orth))
        grade_fail("%s of %s: the rows of V^T are not orthonormal: |V V^T - I| has an entry of "
                   "%.3Lg (tolerance %.2g)", fn, what, e, tol_orth);
    long double floor = 16 * EPS * sqrt((double)(m + n)) * sigma[0];
    for (size_t i = 0; i < k; i++) {
        long double res = triplet_residual(a, m, n, k, i, sigma[i], u, vt);
        if (!(res <= tol_res * sigma[0] + floor))
            grade_fail("%s of %s: |A v_%zu - sigma_%zu u_%zu| = %.3Lg for sigma_%zu = %.17g, "
                       "more than %.2g sigma_0: u_%zu (column %zu of U) and v_%zu (row %zu of "
                       "V^T) do not match", fn, what, i, i, i, res, i, sigma[i], tol_res, i, i, i,
                       i);
        if (!ref_sign_convention(vt + i * n, n))
            grade_fail("%s of %s: row %zu of V^T has its entry of largest magnitude negative; "
                       "the header's sign convention makes it positive (and flips u_%zu with it)",
                       fn, what, i, i);
    }
}

/* ---- the autoencoder ------------------------------------------------------------------ */

/* codes (n x k) = x w_enc^T and residuals (n x d) = codes w_dec^T - x. */
static void forward(const double *x, size_t n, size_t d, size_t k, const double *w_enc,
                    const double *w_dec, long double *codes, long double *res)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c < k; c++) {
            long double s = 0;
            for (size_t j = 0; j < d; j++)
                s += (long double)w_enc[c * d + j] * x[i * d + j];
            codes[i * k + c] = s;
        }
        for (size_t j = 0; j < d; j++) {
            long double s = -(long double)x[i * d + j];
            for (size_t c = 0; c < k; c++)
                s += (long double)w_dec[j * k + c] * codes[i * k + c];
            res[i * d + j] = s;
        }
    }
}

long double ref_autoencoder_loss(const double *x, size_t n, size_t d, size_t k,
                                 const double *w_enc, const double *w_dec)
{
    long double *codes = alloc_long_doubles(n * k), *res = alloc_long_doubles(n * d), s = 0;
    forward(x, n, d, k, w_enc, w_dec, codes, res);
    for (size_t i = 0; i < n * d; i++)
        s += res[i] * res[i];
    free(codes);
    free(res);
    return s / (2 * (long double)n);
}

void ref_autoencoder_step(const double *x, size_t n, size_t d, size_t k, const double *w_enc,
                          const double *w_dec, double eta, long double *enc, long double *dec)
{
    long double *codes = alloc_long_doubles(n * k), *res = alloc_long_doubles(n * d);
    forward(x, n, d, k, w_enc, w_dec, codes, res);
    /* dL/dW_dec = 1/n sum_i r_i (W_enc x_i)^T; dL/dW_enc = 1/n sum_i W_dec^T r_i x_i^T. */
    for (size_t j = 0; j < d; j++)
        for (size_t c = 0; c < k; c++) {
            long double g = 0;
            for (size_t i = 0; i < n; i++)
                g += res[i * d + j] * codes[i * k + c];
            dec[j * k + c] = w_dec[j * k + c] - eta * g / n;
        }
    for (size_t c = 0; c < k; c++)
        for (size_t j = 0; j < d; j++) {
            long double g = 0;
            for (size_t i = 0; i < n; i++) {
                long double back = 0; /* (W_dec^T r_i)_c */
                for (size_t q = 0; q < d; q++)
                    back += (long double)w_dec[q * k + c] * res[i * d + q];
                g += back * x[i * d + j];
            }
            enc[c * d + j] = w_enc[c * d + j] - eta * g / n;
        }
    free(codes);
    free(res);
}
