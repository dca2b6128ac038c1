/* bits.c: random bits: splitmix64 for seeding, xoshiro256** and its jump,
 * 64 bits to a double, and eight generators side by side in vector lanes
 * (chapter section 2).
 *
 * The published reference outputs, which this file reproduces: from the seed
 * 1234567 splitmix64 gives 6457827717110365317, 3203168211198807973,
 * 9817491932198370423, 4593380528125082431, 16408922859458223821, and from 0
 * gives 0xe220a8397b1dcdaf first; xoshiro256** from the state {1, 2, 3, 4}
 * gives 11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
 * 607988272756665600, 16172922978634559625, 8476171486693032832,
 * 10595114339597558777, 2904607092377533576 (the values the algorithm's
 * authors' code prints); the jump words are the ones its authors publish. */
#include "concentration.h"

#include <string.h>

#include "simd.h"

uint64_t mc_splitmix64(uint64_t *state)
{
    // TODO: advance *state by 0x9e3779b97f4a7c15 and return the mixed
    //   value, as concentration.h spells out.
    (void)state;
    return 0;
}

mc_status mc_seed(mc_rng *g, uint64_t seed)
{
    // TODO: fill g's four words with four successive splitmix64 outputs.
    (void)g; (void)seed;
    return MC_ERR_TODO;
}

uint64_t mc_next(mc_rng *g)
{
    // TODO: return xoshiro256**'s output rotl(s[1] * 5, 7) * 9 and advance
    //   the state (concentration.h lists the steps).
    (void)g;
    return 0;
}

mc_status mc_jump(mc_rng *g)
{
    // TODO: for each bit of the four jump words (lowest bit of the first
    //   word first) that is set, xor the current state into an
    //   accumulator; advance the generator after every bit; the
    //   accumulator becomes the state.
    (void)g;
    return MC_ERR_TODO;
}

double mc_unit(uint64_t bits)
{
    // TODO: the top 53 bits as a multiple of 2^-53 in [0, 1).
    (void)bits;
    return 0;
}

double mc_unit_open0(uint64_t bits)
{
    // TODO: the top 53 bits plus one, times 2^-53: a double in (0, 1].
    (void)bits;
    return 0;
}

mc_status mc_streams_seed(mc_streams *g, uint64_t seed)
{
    // TODO: stream 0 is a generator seeded with seed, stream k the one
    //   before it jumped once; store word w of stream k in g->s[w][k].
    (void)g; (void)seed;
    return MC_ERR_TODO;
}

mc_status mc_streams_uniform(mc_streams *g, double *out, size_t n)
{
    // TODO: round after round, take the next output of every stream and
    //   write stream k's as a double in [0, 1) to out[MC_STREAMS r + k];
    //   a last, partial round advances every stream but writes only what
    //   fits. Make it fast: the streams are independent, so one round is
    //   the same few operations on MC_STREAMS values side by side
    //   (section 2 shows how to write them once for every vector width).
    (void)g; (void)out; (void)n;
    return MC_ERR_TODO;
}
