/* exact.c: the closed forms of exact.h. */
#include "exact.h"

#include <math.h>

static const double PI = 3.14159265358979323846;

double normal_upper(double x)
{
    return 0.5 * erfc(x / sqrt(2.0));
}

double normal_upper_inverse(double p)
{
    double lo = 0.0, hi = 40.0;
    for (int step = 0; step < 100; step++) {
        double mid = (lo + hi) / 2;
        if (normal_upper(mid) > p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

double poisson_pmf(double lambda, uint64_t k)
{
    double j = (double)k;
    return exp(-lambda + j * log(lambda) - lgamma(j + 1.0));
}

double poisson_upper(double lambda, uint64_t a)
{
    /* past lambda + 40 sqrt(lambda) + 100 the terms are below 1e-300 */
    double last = lambda + 40.0 * sqrt(lambda) + 100.0, sum = 0.0;
    for (uint64_t k = a; (double)k <= last || k == a; k++)
        sum += poisson_pmf(lambda, k);
    return sum < 1.0 ? sum : 1.0;
}

static double binomial_pmf(uint64_t n, double p, uint64_t k)
{
    double nn = (double)n, kk = (double)k;
    double log_choose = lgamma(nn + 1.0) - lgamma(kk + 1.0) - lgamma(nn - kk + 1.0);
    return exp(log_choose + kk * log(p) + (nn - kk) * log1p(-p));
}

double binomial_range(uint64_t n, double p, uint64_t lo, uint64_t hi)
{
    double sum = 0.0;
    for (uint64_t k = lo; k <= hi && k <= n; k++)
        sum += binomial_pmf(n, p, k);
    return sum < 1.0 ? sum : 1.0;
}

double chi2_quantile(double df, double z_upper)
{
    double s = sqrt(2.0 / (9.0 * df)), c = 1.0 - 2.0 / (9.0 * df) + z_upper * s;
    return df * c * c * c;
}

double chi2_upper(double df, double x)
{
    double s = sqrt(2.0 / (9.0 * df));
    return normal_upper((cbrt(x / df) - (1.0 - 2.0 / (9.0 * df))) / s);
}

/* For 4 degrees of freedom F^-1(p) = sign(p - 1/2) 2 sqrt(q - 1), with
 * q = cos(arccos(sqrt(a)) / 3) / sqrt(a) and a = 4 p (1 - p). */
double student4_quantile(double prob)
{
    double a = 4.0 * prob * (1.0 - prob), root = sqrt(a);
    double q = cos(acos(root) / 3.0) / root;
    double t = 2.0 * sqrt(q - 1.0);
    return prob < 0.5 ? -t : t;
}

double ball_volume(unsigned d)
{
    double half = d / 2.0;
    return exp(half * log(PI) - lgamma(half + 1.0));
}
