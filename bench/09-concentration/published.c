/* published.c: xoshiro256** written the way its reference implementation is
 * distributed and usually used: the state in a static array, next() a
 * function of its own file, called once a value. The state is global on
 * purpose: this is the code a user copies, and the benchmark measures what
 * that costs (a call, four loads and four stores a value) against the
 * lesson's streams. The outputs are the same bits as mc_next's. */
#include "published.h"

static uint64_t state[4];

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void published_set_state(const uint64_t s[4])
{
    for (int i = 0; i < 4; i++)
        state[i] = s[i];
}

uint64_t published_next(void)
{
    const uint64_t result = rotl(state[1] * 5, 7) * 9;
    const uint64_t t = state[1] << 17;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 45);
    return result;
}
