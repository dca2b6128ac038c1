/* Exercise 1: splitmix64, xoshiro256**, the jump, uniform doubles and the
 * bulk generator (chapter section 2). */
#include <inttypes.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_word(uint64_t came, uint64_t expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
static void expect_word(uint64_t came, uint64_t expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[400];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected 0x%016" PRIx64 ", came 0x%016" PRIx64, label, expected, came);
}

static void expect_state(const mc_rng *came, const mc_rng *expected, const char *what)
{
    for (int w = 0; w < 4; w++)
        expect_word(came->s[w], expected->s[w], "%s: s[%d]", what, w);
}

/* Published outputs: splitmix64 from the state 1234567 (the values of its
 * authors' paper and of Rosetta Code), and from 0x1a2b3c4d5e6f7531 (Apache
 * Commons RNG's test of the reference code). */
GRADED_TEST(bits, splitmix64, 2, SEC_BITS)
{
    static const uint64_t from_1234567[5] = {
        UINT64_C(0x599ed017fb08fc85), UINT64_C(0x2c73f08458540fa5), UINT64_C(0x883ebce5a3f27c77),
        UINT64_C(0x3fbef740e9177b3f), UINT64_C(0xe3b8346708cb5ecd)};
    static const uint64_t from_commons[4] = {
        UINT64_C(0x4141302768c9e9d0), UINT64_C(0x64df48c4eab51b1a), UINT64_C(0x4e723b53dbd901b3),
        UINT64_C(0xead8394409dd6454)};
    uint64_t state = 1234567;
    for (int i = 0; i < 5; i++)
        expect_word(mc_splitmix64(&state), from_1234567[i], "mc_splitmix64 from the state "
                    "1234567: output %d (the published value)", i);
    expect_word(state, 1234567 + 5 * UINT64_C(0x9e3779b97f4a7c15), "the state after 5 calls "
                "from 1234567 (1234567 + 5 * 0x9e3779b97f4a7c15)");
    state = UINT64_C(0x1a2b3c4d5e6f7531);
    for (int i = 0; i < 4; i++)
        expect_word(mc_splitmix64(&state), from_commons[i], "mc_splitmix64 from the state "
                    "0x1a2b3c4d5e6f7531: output %d (the published value)", i);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        uint64_t start = round == 0 ? 0 : round == 1 ? UINT64_MAX : rng_u64(&r);
        uint64_t mine = start, theirs = start;
        uint64_t want = ref_splitmix64(&mine), came = mc_splitmix64(&theirs);
        expect_word(came, want, "mc_splitmix64 from the state 0x%016" PRIx64, start);
        expect_word(theirs, mine, "the state after mc_splitmix64 from 0x%016" PRIx64, start);
    }
}

/* xoshiro256** from the state {1, 2, 3, 4}: the outputs its reference C
 * code gives (and that the Rust rand_xoshiro crate tests against). */
GRADED_TEST(bits, xoshiro_next, 2, SEC_BITS)
{
    static const uint64_t published[10] = {
        UINT64_C(11520),
        UINT64_C(0),
        UINT64_C(1509978240),
        UINT64_C(1215971899390074240),
        UINT64_C(1216172134540287360),
        UINT64_C(607988272756665600),
        UINT64_C(16172922978634559625),
        UINT64_C(8476171486693032832),
        UINT64_C(10595114339597558777),
        UINT64_C(2904607092377533576),
    };
    mc_rng g = {{1, 2, 3, 4}};
    for (int i = 0; i < 10; i++)
        expect_word(mc_next(&g), published[i], "mc_next from the state {1, 2, 3, 4}: output %d "
                    "(the published value)", i);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 50; round++) {
        mc_rng mine, theirs;
        for (int w = 0; w < 4; w++)
            mine.s[w] = rng_u64(&r);
        theirs = mine;
        char what[160];
        for (int i = 0; i < 20; i++) {
            snprintf(what, sizeof what, "mc_next, call %d from the random state {0x%016" PRIx64
                     ", ...}", i, mine.s[0]);
            expect_word(mc_next(&theirs), ref_next(&mine), "%s", what);
            expect_state(&theirs, &mine, what);
        }
    }
}

GRADED_TEST(bits, seed, 1, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 100; round++) {
        uint64_t seed = round == 0 ? 0 : round == 1 ? UINT64_MAX : rng_u64(&r);
        mc_rng want, came = {{1, 1, 1, 1}};
        ref_seed(&want, seed);
        expect_status(mc_seed(&came, seed), MC_OK, "mc_seed(g, 0x%016" PRIx64 ")", seed);
        char what[160];
        snprintf(what, sizeof what, "mc_seed(g, 0x%016" PRIx64 ") (four splitmix64 outputs from "
                 "the state seed)", seed);
        expect_state(&came, &want, what);
    }
    expect_status(mc_seed(NULL, 1), MC_ERR_ARG, "mc_seed(NULL, 1)");
}

/* The jump against T^(2^128), the engine's matrix squared 128 times; and
 * the state after one jump from {0, 0, 0, 1}, as published for the
 * xoshiro256 family (whose members share the linear engine). */
GRADED_TEST(bits, jump, 2, SEC_BITS)
{
    static const mc_rng published = {{UINT64_C(0x934d05e8b2076310), UINT64_C(0xeabdd0bf76a1be51),
                                      UINT64_C(0x75dd6a992accb1e8),
                                      UINT64_C(0xc660c602a7330187)}};
    mc_rng g = {{0, 0, 0, 1}};
    expect_status(mc_jump(&g), MC_OK, "mc_jump from {0, 0, 0, 1}");
    expect_state(&g, &published, "mc_jump from {0, 0, 0, 1} (the published jumped state)");
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        mc_rng mine, theirs, a, b, both;
        for (int w = 0; w < 4; w++)
            mine.s[w] = rng_u64(&r);
        theirs = a = mine;
        ref_jump(&mine);
        snprintf(what, sizeof what, "mc_jump from the random state {0x%016" PRIx64 ", ...} "
                 "(2^128 steps)", a.s[0]);
        expect_status(mc_jump(&theirs), MC_OK, "%s", what);
        expect_state(&theirs, &mine, what);
        /* Linear over GF(2): jump(a ^ b) = jump(a) ^ jump(b). */
        for (int w = 0; w < 4; w++)
            b.s[w] = rng_u64(&r);
        for (int w = 0; w < 4; w++)
            both.s[w] = a.s[w] ^ b.s[w];
        mc_rng ja = a, jb = b;
        mc_jump(&ja);
        mc_jump(&jb);
        mc_jump(&both);
        for (int w = 0; w < 4; w++)
            expect_word(both.s[w], ja.s[w] ^ jb.s[w], "mc_jump(a ^ b) against mc_jump(a) ^ "
                        "mc_jump(b) (the jump is linear over GF(2)): s[%d]", w);
        /* It commutes with a step: jump then next = next then jump. */
        mc_rng first = a, second = a;
        mc_jump(&first);
        mc_next(&first);
        mc_next(&second);
        mc_jump(&second);
        expect_state(&first, &second, "jump then step against step then jump");
    }
    expect_status(mc_jump(NULL), MC_ERR_ARG, "mc_jump(NULL)");
}

static int compare_words(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

typedef struct {
    uint64_t value;
    int stream;
} tagged;

static int compare_tagged(const void *a, const void *b)
{
    return compare_words(&((const tagged *)a)->value, &((const tagged *)b)->value);
}

/* 10^5 outputs of each of the eight streams mc_streams_seed sets up (stream
 * k is the seed's generator jumped k times, by the student's own jump),
 * and of mc_seed's generator against it jumped once by mc_jump: no value
 * may appear in two streams. Overlapping windows would repeat values;
 * disjoint ones share a 64-bit output with probability about (8 10^5)^2 /
 * 2^65 = 2e-8. The outputs come from the grader's xoshiro256**, checked
 * against mc_next in bits/xoshiro_next, so that 10^6 numbers take no
 * million calls into the sandbox. */
GRADED_TEST(bits, jump_streams_disjoint, 1, SEC_BITS)
{
    enum { N = 100000 };
    tagged *all = calloc((size_t)MC_STREAMS * N, sizeof *all);
    if (!all)
        grade_fail("the grader ran out of memory");
    rng r;
    grade_rng(&r);
    uint64_t seed = rng_u64(&r);
    mc_streams bulk;
    expect_status(mc_streams_seed(&bulk, seed), MC_OK, "mc_streams_seed");
    for (int k = 0; k < MC_STREAMS; k++) {
        mc_rng g;
        for (int w = 0; w < 4; w++)
            g.s[w] = bulk.s[w][k];
        for (int i = 0; i < N; i++)
            all[(size_t)k * N + i] = (tagged){ref_next(&g), k};
    }
    qsort(all, (size_t)MC_STREAMS * N, sizeof *all, compare_tagged);
    for (size_t i = 1; i < (size_t)MC_STREAMS * N; i++)
        if (all[i].value == all[i - 1].value)
            grade_fail("streams %d and %d of mc_streams_seed(0x%016" PRIx64 ") both produced "
                       "0x%016" PRIx64 " within 10^5 outputs: the streams overlap (stream k "
                       "should be jumped k times)", all[i - 1].stream, all[i].stream, seed,
                       all[i].value);
    free(all);
    mc_rng g, h;
    expect_status(mc_seed(&g, seed), MC_OK, "mc_seed");
    h = g;
    expect_status(mc_jump(&h), MC_OK, "mc_jump");
    expect_true(memcmp(&g, &h, sizeof g) != 0, "mc_jump left the state as it was");
    uint64_t *a = alloc_words(N), *b = alloc_words(N);
    for (int i = 0; i < N; i++) {
        a[i] = ref_next(&g);
        b[i] = ref_next(&h);
    }
    qsort(a, N, sizeof *a, compare_words);
    qsort(b, N, sizeof *b, compare_words);
    for (size_t i = 0, j = 0; i < N && j < N;) {
        if (a[i] == b[j])
            grade_fail("the stream of mc_seed(0x%016" PRIx64 ") and the same stream after "
                       "mc_jump both produced 0x%016" PRIx64 " within 10^5 outputs: the streams "
                       "overlap", seed, a[i]);
        a[i] < b[j] ? i++ : j++;
    }
    free(a);
    free(b);
}

GRADED_TEST(bits, unit_edges, 1, SEC_BITS)
{
    const double ulp = 0x1p-53;
    expect_bits(mc_unit(0), 0.0, "mc_unit(0)");
    expect_bits(mc_unit(UINT64_MAX), 1 - ulp, "mc_unit(2^64 - 1) (the largest double below 1)");
    expect_bits(mc_unit(UINT64_C(1) << 11), ulp, "mc_unit(2^11) (the lowest bit kept: 2^-53)");
    expect_bits(mc_unit((UINT64_C(1) << 11) - 1), 0.0, "mc_unit(2^11 - 1) (the 11 low bits are "
                "dropped)");
    expect_bits(mc_unit(UINT64_C(1) << 63), 0.5, "mc_unit(2^63)");
    expect_bits(mc_unit_open0(0), ulp, "mc_unit_open0(0) (the smallest value is 2^-53, never 0)");
    expect_bits(mc_unit_open0(UINT64_MAX), 1.0, "mc_unit_open0(2^64 - 1)");
    expect_bits(mc_unit_open0(UINT64_C(1) << 63), 0.5 + ulp, "mc_unit_open0(2^63)");
    rng r;
    grade_rng(&r);
    for (int i = 0; i < 2000; i++) {
        uint64_t bits = rng_u64(&r);
        expect_bits(mc_unit(bits), ref_unit(bits), "mc_unit(0x%016" PRIx64 ") (the top 53 bits "
                    "times 2^-53)", bits);
        expect_bits(mc_unit_open0(bits), ref_unit_open0(bits), "mc_unit_open0(0x%016" PRIx64
                    ") ((the top 53 bits + 1) times 2^-53)", bits);
    }
}

static void expect_streams_state(const mc_streams *came, const mc_rng want[MC_STREAMS],
                                 const char *what)
{
    for (int k = 0; k < MC_STREAMS; k++)
        for (int w = 0; w < 4; w++)
            expect_word(came->s[w][k], want[k].s[w], "%s: s[%d][%d] (word %d of stream %d, "
                        "which is mc_seed(seed) jumped %d times)", what, w, k, w, k, k);
}

static void expect_doubles(const double *came, const double *want, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&came[i], &want[i], sizeof *came) != 0)
            grade_fail("%s: out[%zu] (stream %zu, round %zu) expected %.17g, came %.17g", what, i,
                       i % MC_STREAMS, i / MC_STREAMS, want[i], came[i]);
}

GRADED_TEST(bits, streams_layout, 2, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 12; round++) {
        uint64_t seed = round == 0 ? 0 : rng_u64(&r);
        size_t n = round < 8 ? (size_t)round + 1 : 1 + rng_below(&r, 3000);
        mc_rng want[MC_STREAMS];
        ref_streams(want, seed);
        mc_streams g;
        memset(&g, 0xa5, sizeof g);
        snprintf(what, sizeof what, "mc_streams_seed(g, 0x%016" PRIx64 ")", seed);
        expect_status(mc_streams_seed(&g, seed), MC_OK, "%s", what);
        expect_streams_state(&g, want, what);
        double *came = nan_doubles(n + 1), *expected = alloc_doubles(n);
        ref_streams_uniform(want, expected, n);
        snprintf(what, sizeof what, "mc_streams_uniform of n = %zu from the seed 0x%016" PRIx64,
                 n, seed);
        expect_status(mc_streams_uniform(&g, came, n), MC_OK, "%s", what);
        expect_doubles(came, expected, n, what);
        char after[300];
        snprintf(after, sizeof after, "the streams after %s (every stream advances %zu times)",
                 what, (n + MC_STREAMS - 1) / MC_STREAMS);
        expect_streams_state(&g, want, after);
        free(came);
        free(expected);
    }
}

GRADED_TEST(bits, streams_continue, 1, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 6; round++) {
        uint64_t seed = rng_u64(&r);
        mc_rng want[MC_STREAMS];
        ref_streams(want, seed);
        mc_streams g;
        expect_status(mc_streams_seed(&g, seed), MC_OK, "mc_streams_seed");
        size_t total = 0;
        for (int call = 0; call < 5; call++) {
            size_t n = 1 + rng_below(&r, 40);
            double *came = nan_doubles(n), *expected = alloc_doubles(n);
            ref_streams_uniform(want, expected, n);
            snprintf(what, sizeof what, "call %d of mc_streams_uniform (n = %zu, after %zu "
                     "numbers; a call starts a new round)", call, n, total);
            expect_status(mc_streams_uniform(&g, came, n), MC_OK, "%s", what);
            expect_doubles(came, expected, n, what);
            total += n;
            free(came);
            free(expected);
        }
    }
    mc_streams g;
    double out[4];
    expect_status(mc_streams_seed(NULL, 1), MC_ERR_ARG, "mc_streams_seed(NULL, 1)");
    expect_status(mc_streams_seed(&g, 1), MC_OK, "mc_streams_seed(g, 1)");
    expect_status(mc_streams_uniform(NULL, out, 4), MC_ERR_ARG, "mc_streams_uniform(NULL, ...)");
    expect_status(mc_streams_uniform(&g, NULL, 4), MC_ERR_ARG, "mc_streams_uniform with out = "
                  "NULL");
    expect_status(mc_streams_uniform(&g, out, 0), MC_ERR_ARG, "mc_streams_uniform with n = 0");
}
