/* exact.h: closed forms the demo checks its simulations against: tails of
 * the normal, Poisson and binomial laws, the chi-square law's quantiles,
 * the Student t quantile for 4 degrees of freedom, the d-ball's volume. */
#ifndef FIGURES_EXACT_H
#define FIGURES_EXACT_H

#include <stdint.h>

/* Standard normal: P(Z >= x). */
double normal_upper(double x);

/* The x with P(Z >= x) = p, 0 < p < 1/2, by bisection. */
double normal_upper_inverse(double p);

/* P(X >= a) for X ~ Poisson(lambda), summed from a upwards in log space
 * (no 1 - cdf, which would lose every digit far in the tail). */
double poisson_upper(double lambda, uint64_t a);

/* P(X = k) for X ~ Poisson(lambda). */
double poisson_pmf(double lambda, uint64_t k);

/* P(lo <= S <= hi) for S ~ Binomial(n, p), 0 < p < 1. */
double binomial_range(uint64_t n, double p, uint64_t lo, uint64_t hi);

/* The chi-square law with df degrees of freedom by the Wilson-Hilferty
 * approximation ((X / df)^(1/3) is nearly normal): the quantile of
 * probability 1 - upper, and P(X >= x). */
double chi2_quantile(double df, double z_upper);
double chi2_upper(double df, double x);

/* The quantile of probability prob of Student's t with 4 degrees of
 * freedom, which has a closed form. */
double student4_quantile(double prob);

/* The volume of the unit ball in d dimensions, pi^(d/2) / Gamma(d/2 + 1). */
double ball_volume(unsigned d);

#endif
