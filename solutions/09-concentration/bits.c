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
    // STUB: (void)state;
    // STUB: return 0;
    // BEGIN SOLUTION
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
    // END SOLUTION
}

mc_status mc_seed(mc_rng *g, uint64_t seed)
{
    // TODO: fill g's four words with four successive splitmix64 outputs.
    // STUB: (void)g; (void)seed;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!g)
        return MC_ERR_ARG;
    for (int w = 0; w < 4; w++)
        g->s[w] = mc_splitmix64(&seed);
    return MC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* mc_next's new state goes back to memory word by word. Left alone, gcc and
 * clang targeting AVX-512 gather the four words into vector registers for
 * one or two vector stores, and the next call waits for them: two or three
 * times slower in a loop. gcc is told not to; for clang the words are held
 * in general registers up to the stores. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-slp-vectorize")))
#endif
// END SOLUTION
uint64_t mc_next(mc_rng *g)
{
    // TODO: return xoshiro256**'s output rotl(s[1] * 5, 7) * 9 and advance
    //   the state (concentration.h lists the steps).
    // STUB: (void)g;
    // STUB: return 0;
    // BEGIN SOLUTION
    uint64_t s0 = g->s[0], s1 = g->s[1], s2 = g->s[2], s3 = g->s[3];
    uint64_t result = rotl(s1 * 5, 7) * 9;
    uint64_t t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 45);
#if defined(__clang__)
    __asm__("" : "+r"(s0), "+r"(s1), "+r"(s2), "+r"(s3)); /* in general registers */
#endif
    g->s[0] = s0;
    g->s[1] = s1;
    g->s[2] = s2;
    g->s[3] = s3;
    return result;
    // END SOLUTION
}

mc_status mc_jump(mc_rng *g)
{
    // TODO: for each bit of the four jump words (lowest bit of the first
    //   word first) that is set, xor the current state into an
    //   accumulator; advance the generator after every bit; the
    //   accumulator becomes the state.
    // STUB: (void)g;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    static const uint64_t jump[4] = {UINT64_C(0x180ec6d33cfd0aba), UINT64_C(0xd5a61266f0c9392c),
                                     UINT64_C(0xa9582618e03fc9aa), UINT64_C(0x39abdc4529b1661c)};
    if (!g)
        return MC_ERR_ARG;
    uint64_t acc[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        for (int b = 0; b < 64; b++) {
            if (jump[i] >> b & 1)
                for (int w = 0; w < 4; w++)
                    acc[w] ^= g->s[w];
            mc_next(g);
        }
    memcpy(g->s, acc, sizeof acc);
    return MC_OK;
    // END SOLUTION
}

double mc_unit(uint64_t bits)
{
    // TODO: the top 53 bits as a multiple of 2^-53 in [0, 1).
    // STUB: (void)bits;
    // STUB: return 0;
    // BEGIN SOLUTION
    return (double)(bits >> 11) * 0x1p-53;
    // END SOLUTION
}

double mc_unit_open0(uint64_t bits)
{
    // TODO: the top 53 bits plus one, times 2^-53: a double in (0, 1].
    // STUB: (void)bits;
    // STUB: return 0;
    // BEGIN SOLUTION
    return (double)((bits >> 11) + 1) * 0x1p-53;
    // END SOLUTION
}

mc_status mc_streams_seed(mc_streams *g, uint64_t seed)
{
    // TODO: stream 0 is a generator seeded with seed, stream k the one
    //   before it jumped once; store word w of stream k in g->s[w][k].
    // STUB: (void)g; (void)seed;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!g)
        return MC_ERR_ARG;
    mc_rng one;
    mc_seed(&one, seed);
    for (int k = 0; k < MC_STREAMS; k++) {
        if (k > 0)
            mc_jump(&one);
        for (int w = 0; w < 4; w++)
            g->s[w][k] = one.s[w];
    }
    return MC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* The eight streams side by side. Each state word is PARTS vectors of the
 * target's width (support/simd.h: 2 lanes for SSE2, 4 for AVX2, 8 for
 * AVX-512), lane i of part j holding stream j VD_LANES + i; one source
 * serves every width, and every width computes the same bits. Only
 * operations every width has are used: shifts, xor, or, add and subtract
 * of 64-bit lanes (AVX2 has no 64-bit multiply, and no conversion from
 * 64-bit integers to doubles). */
enum { PARTS = MC_STREAMS / VD_LANES };
typedef uint64_t vu64 __attribute__((vector_size(SIMD_BYTES)));

typedef struct {
    vu64 s[4][PARTS];
} lanes_state;

static inline vu64 lanes_rotl(vu64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* How lanes_unit makes doubles: a conversion instruction (AVX-512), a blend
 * (SSE4.1 and wider vectors), or neither (plain SSE2). */
#if defined(__AVX512DQ__)
#define LANES_UNIT_CONVERT 1
#elif SIMD_BYTES > 16 || defined(__SSE4_1__)
#define LANES_UNIT_BLEND 1
#endif

#if defined(LANES_UNIT_BLEND)
/* Where sign's top bit is set, set; elsewhere clear. */
static inline vd lanes_select_by_sign(vd clear, vd set, vu64 sign)
{
#if SIMD_BYTES == 64
    __mmask8 negative = _mm512_cmplt_epi64_mask((__m512i)sign, _mm512_setzero_si512());
    return (vd)_mm512_mask_blend_pd(negative, (__m512d)clear, (__m512d)set);
#elif SIMD_BYTES == 32
    return (vd)_mm256_blendv_pd((__m256d)clear, (__m256d)set, (__m256d)sign);
#else
    return (vd)_mm_blendv_pd((__m128d)clear, (__m128d)set, (__m128d)sign);
#endif
}
#endif

/* mc_unit in every lane, exactly. With AVX-512 a 64-bit integer converts
 * to a double in one instruction (exact below 2^53). Without it, with
 * m = bits >> 11 (53 bits) under the exponent of 2^52: A = 2^52 + (m mod
 * 2^52), m's top bit landing on the exponent's last bit, which is set
 * already. That bit is bits' sign: C = -1/2 where it is clear, -0 where it
 * is set (not +0, which compilers turn into a compare and a mask instead
 * of one blend), and A 2^-53 + C = m 2^-53 in one multiply-add, exact
 * (A 2^-53 is, and so is the sum, a multiple of 2^-53 below 1). Four
 * instructions, one of them a shift: on AVX2 the generator is bound by the
 * instructions it issues, shifts the most (two pipes of four take them).
 * Plain SSE2 has no blend: A = 1 + (m >> 1) 2^-52 minus 1.0 or the double
 * below it, by m's last bit. */
static inline vd lanes_unit(vu64 bits)
{
#if defined(LANES_UNIT_CONVERT)
    return __builtin_convertvector((vi64)(bits >> 11), vd) * 0x1p-53;
#elif defined(LANES_UNIT_BLEND)
    vd a = (vd)((bits >> 11) | UINT64_C(0x4330000000000000));
    vd c = lanes_select_by_sign(vd_set1(-0.5), vd_broadcast(-0.0), bits);
    return vd_fma(a, vd_set1(0x1p-53), c);
#else
    const uint64_t one = UINT64_C(0x3ff0000000000000);
    vu64 m = bits >> 11;
    return (vd)((m >> 1) | one) - (vd)(one - (m & 1));
#endif
}

/* One round: the next output of every stream, as mc_unit, to out[0 .. 8).
 * x * 5 = (x << 2) + x and x * 9 = (x << 3) + x. */
static inline void lanes_round(lanes_state *st, double *out)
{
    for (int j = 0; j < PARTS; j++) {
        vu64 s0 = st->s[0][j], s1 = st->s[1][j], s2 = st->s[2][j], s3 = st->s[3][j];
        vu64 x = lanes_rotl((s1 << 2) + s1, 7);
        vd_store(out + j * VD_LANES, lanes_unit((x << 3) + x));
        vu64 t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        st->s[0][j] = s0;
        st->s[1][j] = s1;
        st->s[2][j] = s2;
        st->s[3][j] = lanes_rotl(s3, 45);
    }
}

// END SOLUTION
mc_status mc_streams_uniform(mc_streams *g, double *out, size_t n)
{
    // TODO: round after round, take the next output of every stream and
    //   write stream k's as a double in [0, 1) to out[MC_STREAMS r + k];
    //   a last, partial round advances every stream but writes only what
    //   fits. Make it fast: the streams are independent, so one round is
    //   the same few operations on MC_STREAMS values side by side
    //   (section 2 shows how to write them once for every vector width).
    // STUB: (void)g; (void)out; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!g || !out || n == 0)
        return MC_ERR_ARG;
    lanes_state st;
    memcpy(st.s, g->s, sizeof st.s); /* the same layout, word by word */
    size_t full = n / MC_STREAMS, rest = n % MC_STREAMS;
    for (size_t r = 0; r < full; r++)
        lanes_round(&st, out + r * MC_STREAMS);
    if (rest) {
        double last[MC_STREAMS];
        lanes_round(&st, last);
        memcpy(out + full * MC_STREAMS, last, rest * sizeof(double));
    }
    memcpy(g->s, st.s, sizeof st.s);
    return MC_OK;
    // END SOLUTION
}
