/* samplers.c: exponential, normal and Poisson variates from uniform ones,
 * and the bulk generator's normals (chapter section 3). */
#include "concentration.h"

#include <math.h>
#include <string.h>

#include "simd.h"

mc_status mc_exponential(mc_rng *g, double rate, double *out, size_t n)
{
    // TODO: check the arguments; by inversion, out[i] = -log(u) / rate with
    //   u = mc_unit_open0 of the generator's next output, in order.
    (void)g; (void)rate; (void)out; (void)n;
    return MC_ERR_TODO;
}

mc_status mc_normal(mc_rng *g, double *out, size_t n)
{
    // TODO: check the arguments; n standard normals by the method of your
    //   choice (section 3 derives Box-Muller, the polar method and the
    //   ziggurat). Write which one you chose in a comment.
    (void)g; (void)out; (void)n;
    return MC_ERR_TODO;
}

mc_status mc_poisson(mc_rng *g, double lambda, uint64_t *out, size_t n)
{
    // TODO: check the arguments (0 < lambda <= MC_POISSON_MAX); n counts,
    //   by Knuth's product of uniforms or by inversion with a sequential
    //   search (section 3). Both must still be exact at lambda = 500.
    (void)g; (void)lambda; (void)out; (void)n;
    return MC_ERR_TODO;
}

mc_status mc_streams_normal(mc_streams *g, double *out, size_t n)
{
    // TODO: check the arguments; n standard normals from the bulk
    //   generator. This is the benchmark's fast path: a method whose steps
    //   are the same for every value (section 3 says which) can work on
    //   several at once, like mc_streams_uniform.
    (void)g; (void)out; (void)n;
    return MC_ERR_TODO;
}
