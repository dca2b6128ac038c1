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

gv_status md_check(const gv_record *records, size_t count, const double *params,
                   size_t vocab_size, size_t dim, const gv_options *options)
{
    // TODO: the checks that model.h lists, the argument errors before the
    //   NaN ones (x_max and grad_clip may be infinite, alpha and eta not).
    (void)records; (void)count; (void)params; (void)vocab_size; (void)dim; (void)options;
    return GV_ERR_TODO;
}

double gv_weight(double x, double x_max, double alpha)
{
    // TODO: NaN for x < 0, x_max <= 0, alpha < 0 or any NaN; 1 for
    //   x >= x_max; otherwise (x / x_max)^alpha.
    (void)x; (void)x_max; (void)alpha;
    return NAN;
}

gv_status gv_cost(const gv_record *records, size_t count, const double *params,
                  size_t vocab_size, size_t dim, const gv_options *options, double *cost,
                  double *grad)
{
    // TODO: check the arguments (md_check, and cost). For each record,
    //   diff = w_i . w~_j + b_i + b~_j - ln x and J += f(x) diff^2 / 2; the
    //   gradient (if grad is not NULL: zero it first) gets f(x) diff / count
    //   times w~_j in w_i's place and times w_i in w~_j's, and that factor
    //   alone in the places of b_i and b~_j. J is divided by count too.
    (void)records; (void)count; (void)params; (void)vocab_size; (void)dim;
    (void)options; (void)cost; (void)grad;
    return GV_ERR_TODO;
}
