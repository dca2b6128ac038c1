/* cost.c: the weighting function and the cost of a model with its
 * gradient (chapter section 5). */
#include "glove.h"

#include <math.h>

#include "model.h"

size_t md_param_count(size_t vocab_size, size_t dim)
{
    if (vocab_size == 0 || dim == 0 || dim == SIZE_MAX || vocab_size > SIZE_MAX / 2 / (dim + 1))
        return 0;
    return 2 * vocab_size * (dim + 1);
}

// BEGIN SOLUTION
static int options_ok(const gv_options *o)
{
    return o->x_max > 0.0 && o->alpha >= 0.0 && isfinite(o->alpha) && o->eta > 0.0 &&
           isfinite(o->eta) && o->grad_clip > 0.0; /* NaN fails each comparison */
}

static int all_finite(const double *x, size_t n)
{
    int finite = 1;
    for (size_t i = 0; i < n; i++)
        finite &= isfinite(x[i]) != 0;
    return finite;
}

// END SOLUTION
gv_status md_check(const gv_record *records, size_t count, const double *params,
                   size_t vocab_size, size_t dim, const gv_options *options)
{
    // TODO: the checks that model.h lists, the argument errors before the
    //   NaN ones (x_max and grad_clip may be infinite, alpha and eta not).
    // STUB: (void)records; (void)count; (void)params; (void)vocab_size; (void)dim; (void)options;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    size_t n = md_param_count(vocab_size, dim);
    if (!records || !params || !options || count == 0 || n == 0 || !options_ok(options))
        return GV_ERR_ARG;
    int finite = 1;
    for (size_t r = 0; r < count; r++) {
        double x = records[r].value;
        if (records[r].row >= vocab_size || records[r].col >= vocab_size || x <= 0.0)
            return GV_ERR_ARG;
        finite &= isfinite(x) != 0;
    }
    return finite && all_finite(params, n) ? GV_OK : GV_ERR_NAN;
    // END SOLUTION
}

double gv_weight(double x, double x_max, double alpha)
{
    // TODO: NaN for x < 0, x_max <= 0, alpha < 0 or any NaN; 1 for
    //   x >= x_max; otherwise (x / x_max)^alpha.
    // STUB: (void)x; (void)x_max; (void)alpha;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!(x >= 0.0) || !(x_max > 0.0) || !(alpha >= 0.0))
        return NAN;
    return x < x_max ? pow(x / x_max, alpha) : 1.0;
    // END SOLUTION
}

// BEGIN SOLUTION
/* a . b, added in index order. */
static double dot(const double *a, const double *b, size_t n)
{
    double sum = 0.0;
    for (size_t k = 0; k < n; k++)
        sum += a[k] * b[k];
    return sum;
}

// END SOLUTION
gv_status gv_cost(const gv_record *records, size_t count, const double *params,
                  size_t vocab_size, size_t dim, const gv_options *options, double *cost,
                  double *grad)
{
    // TODO: check the arguments (md_check, and cost). For each record,
    //   diff = w_i . w~_j + b_i + b~_j - ln x and J += f(x) diff^2 / 2; the
    //   gradient (if grad is not NULL: zero it first) gets f(x) diff / count
    //   times w~_j in w_i's place and times w_i in w~_j's, and that factor
    //   alone in the places of b_i and b~_j. J is divided by count too.
    // STUB: (void)records; (void)count; (void)params; (void)vocab_size; (void)dim;
    // STUB: (void)options; (void)cost; (void)grad;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!cost)
        return GV_ERR_ARG;
    gv_status status = md_check(records, count, params, vocab_size, dim, options);
    if (status != GV_OK)
        return status;
    size_t stride = dim + 1, n = md_param_count(vocab_size, dim);
    for (size_t a = 0; grad && a < n; a++)
        grad[a] = 0.0;
    double total = 0.0;
    for (size_t r = 0; r < count; r++) {
        const double *wi = params + records[r].row * stride;
        const double *wj = params + (vocab_size + records[r].col) * stride;
        double x = records[r].value;
        double diff = dot(wi, wj, dim) + wi[dim] + wj[dim] - log(x);
        double fdiff = gv_weight(x, options->x_max, options->alpha) * diff;
        total += 0.5 * fdiff * diff;
        if (!grad)
            continue;
        double *gi = grad + records[r].row * stride;
        double *gj = grad + (vocab_size + records[r].col) * stride;
        double scale = fdiff / (double)count;
        for (size_t k = 0; k < dim; k++) {
            gi[k] += scale * wj[k];
            gj[k] += scale * wi[k];
        }
        gi[dim] += scale;
        gj[dim] += scale;
    }
    *cost = total / (double)count;
    return GV_OK;
    // END SOLUTION
}
