/* normalize.c: turning non-negative weights into a distribution (chapter
 * section 2). */
#include "softmax.h"

#include <math.h>

sm_status sm_normalize(const double *a, size_t n, double *p)
{
    // TODO: check every entry first (negative or not finite: SM_ERR_DOMAIN,
    //   and p untouched), then add them up; a sum that is not > 0 is
    //   SM_ERR_DOMAIN too. Only then write p[i] = a[i] / sum: p may be a.
    (void)a; (void)n; (void)p;
    return SM_ERR_TODO;
}
