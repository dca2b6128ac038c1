/* langevin.c: the score of a Gaussian mixture, and sampling a density
 * from its score by Langevin dynamics (chapter section 9). */
#include "jacobians.h"
#include "rng.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

jc_status jc_mixture_score(const jc_mixture *mix, const double x[2], double score[2],
                           double *log_p)
{
    // TODO: for each component c, l_c = log(w_c N_c(x)) - log(sum of the
    //   weights), with N_c the density of the isotropic Gaussian in the
    //   plane. The responsibilities r_c = exp(l_c - log p(x)) come from
    //   log p(x) = log sum exp(l_c), computed as section 9 (and lesson 02)
    //   shows; score = sum of r_c (mu_c - x) / sigma_c^2.
    (void)mix; (void)x; (void)score; (void)log_p;
    return JC_ERR_TODO;
}

jc_status jc_langevin(const jc_score_fn *p, const double *x0, double step, size_t burn_in,
                      size_t thin, size_t n_samples, uint64_t seed, double *samples)
{
    // TODO: seed an rng; x = x0; one step is: s = score(x), then for each
    //   coordinate i in order x[i] += (step / 2) s[i] + sqrt(step) z with
    //   z = rng_normal. Take burn_in steps, then n_samples times: thin
    //   steps and copy x into the next row of samples.
    (void)p; (void)x0; (void)step; (void)burn_in; (void)thin; (void)n_samples;
    (void)seed; (void)samples;
    return JC_ERR_TODO;
}
