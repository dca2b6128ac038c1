/* langevin.c: the score of a Gaussian mixture, and sampling a density
 * from its score by Langevin dynamics (chapter section 9). */
#include "jacobians.h"
#include "rng.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
#define TWO_PI 6.283185307179586476925286766559

/* log(w_c N_c(x)) for component c, up to the normalising constant
 * -log(sum of the weights) that every component shares. */
static double component_log_density(const jc_mixture *mix, size_t c, const double x[2])
{
    double s = mix->sigmas[c];
    double dx = (x[0] - mix->means[2 * c]) / s, dy = (x[1] - mix->means[2 * c + 1]) / s;
    return log(mix->weights[c]) - log(TWO_PI * s * s) - 0.5 * (dx * dx + dy * dy);
}

// END SOLUTION
jc_status jc_mixture_score(const jc_mixture *mix, const double x[2], double score[2],
                           double *log_p)
{
    // TODO: for each component c, l_c = log(w_c N_c(x)) - log(sum of the
    //   weights), with N_c the density of the isotropic Gaussian in the
    //   plane. The responsibilities r_c = exp(l_c - log p(x)) come from
    //   log p(x) = log sum exp(l_c), computed as section 9 (and lesson 02)
    //   shows; score = sum of r_c (mu_c - x) / sigma_c^2.
    // STUB: (void)mix; (void)x; (void)score; (void)log_p;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!mix || !mix->weights || !mix->means || !mix->sigmas || !x || !score || mix->k == 0)
        return JC_ERR_ARG;
    double total_weight = 0.0;
    for (size_t c = 0; c < mix->k; c++) {
        if (!(mix->weights[c] > 0.0) || !(mix->sigmas[c] > 0.0) || isinf(mix->weights[c]) ||
            isinf(mix->sigmas[c]))
            return JC_ERR_ARG;
        total_weight += mix->weights[c];
    }
    /* One pass of log-sum-exp: `top` is the largest l_c so far, `sum` the
     * sum of exp(l_c - top) and g the sum of those times the component's
     * score; all three are rescaled when a larger l_c comes along. */
    double top = -INFINITY, sum = 0.0, g[2] = {0.0, 0.0};
    for (size_t c = 0; c < mix->k; c++) {
        double l = component_log_density(mix, c, x);
        double var = mix->sigmas[c] * mix->sigmas[c];
        double gx = (mix->means[2 * c] - x[0]) / var, gy = (mix->means[2 * c + 1] - x[1]) / var;
        if (l > top) {
            double shrink = exp(top - l);
            sum *= shrink, g[0] *= shrink, g[1] *= shrink;
            top = l;
        }
        double r = exp(l - top);
        sum += r, g[0] += r * gx, g[1] += r * gy;
    }
    score[0] = g[0] / sum;
    score[1] = g[1] / sum;
    if (log_p)
        *log_p = top + log(sum) - log(total_weight);
    return JC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* `count` steps of Langevin dynamics from x; s holds the score. */
static void langevin_steps(const jc_score_fn *p, double *x, double *s, double step, size_t count,
                           rng *r)
{
    double half = step / 2.0, root = sqrt(step);
    for (size_t t = 0; t < count; t++) {
        p->score(x, s, p->ctx);
        for (size_t i = 0; i < p->dim; i++)
            x[i] = x[i] + half * s[i] + root * rng_normal(r);
    }
}

// END SOLUTION
jc_status jc_langevin(const jc_score_fn *p, const double *x0, double step, size_t burn_in,
                      size_t thin, size_t n_samples, uint64_t seed, double *samples)
{
    // TODO: seed an rng; x = x0; one step is: s = score(x), then for each
    //   coordinate i in order x[i] += (step / 2) s[i] + sqrt(step) z with
    //   z = rng_normal. Take burn_in steps, then n_samples times: thin
    //   steps and copy x into the next row of samples.
    // STUB: (void)p; (void)x0; (void)step; (void)burn_in; (void)thin; (void)n_samples;
    // STUB: (void)seed; (void)samples;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!p || !p->score || !x0 || !samples || p->dim == 0 || thin == 0 || n_samples == 0 ||
        !(step > 0.0) || isinf(step))
        return JC_ERR_ARG;
    size_t dim = p->dim;
    if (dim > SIZE_MAX / (2 * sizeof(double)) || n_samples > SIZE_MAX / dim)
        return JC_ERR_ARG;
    double *x = malloc(2 * dim * sizeof(double));
    if (!x)
        return JC_ERR_NOMEM;
    double *s = x + dim;
    rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < dim; i++)
        x[i] = x0[i];
    langevin_steps(p, x, s, step, burn_in, &r);
    for (size_t row = 0; row < n_samples; row++) {
        langevin_steps(p, x, s, step, thin, &r);
        for (size_t i = 0; i < dim; i++)
            samples[row * dim + i] = x[i];
    }
    free(x);
    return JC_OK;
    // END SOLUTION
}
