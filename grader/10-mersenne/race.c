/* race.c: lesson 10's races (`make race LESSON=10`; see grader/runner/race.h):
 * the fast product mp_mul and the Lucas-Lehmer test mp_lucas_lehmer
 * (section 14), against the schoolbook product written out plainly and the
 * test made of it and the shift-and-add reduction. */
#include <string.h>

#include "mersenne.h"
#include "race.h"

__extension__ typedef unsigned __int128 u128;

/* 2^14 limbs: the schoolbook product takes about 0.2 s at -O3 (2^16 limbs
 * would take 16 times that, too long for a round of the race). */
enum { LIMBS = 1 << 14 };
/* 2^11213 - 1, a Mersenne prime of 3376 digits: 176 limbs. */
#define LL_P 11213u
enum { LL_LIMBS = (LL_P + 63) / 64 };

RACE_REFERENCE(mp_mul);
RACE_REFERENCE(mp_lucas_lehmer);

/* out[0 .. na + nb) = a * b, one limb of a times all of b at a time. */
static void plain_mul(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out)
{
    memset(out, 0, (na + nb) * sizeof *out);
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < nb; j++) {
            u128 t = (u128)a[i] * b[j] + out[i + j] + carry;
            out[i + j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        out[i + nb] = carry;
    }
}

typedef struct {
    const uint64_t *a, *b;
    uint64_t *out;
    size_t *n_out;
} mul_job;

static void run_mul(void *ctx)
{
    mul_job *j = ctx;
    mp_mul(j->a, LIMBS, j->b, LIMBS, j->out, 2 * LIMBS, j->n_out);
}

static void run_plain_mul(void *ctx)
{
    mul_job *j = ctx;
    plain_mul(j->a, LIMBS, j->b, LIMBS, j->out);
    size_t n = 2 * LIMBS;
    while (n > 0 && j->out[n - 1] == 0)
        n--;
    *j->n_out = n;
}

RACE(mul, "14 Going fast", "mp_mul of two random numbers of 2^14 limbs")
{
    rng r;
    grade_rng(&r);
    uint64_t *a = grade_alloc(LIMBS, sizeof *a), *b = grade_alloc(LIMBS, sizeof *b);
    uint64_t *out = grade_alloc(2 * LIMBS, sizeof *out);
    uint64_t *expected = grade_alloc(2 * LIMBS, sizeof *out);
    size_t *n_out = grade_alloc(1, sizeof *n_out), n_expected = 0;
    for (size_t i = 0; i < LIMBS; i++) {
        a[i] = rng_u64(&r);
        b[i] = rng_u64(&r);
    }
    a[LIMBS - 1] |= UINT64_C(1) << 63; /* the full length */
    b[LIMBS - 1] |= UINT64_C(1) << 63;
    race_expect(mp_mul(a, LIMBS, b, LIMBS, out, 2 * LIMBS, n_out) == MP_OK,
                "mp_mul did not return MP_OK");
    race_ref_mp_mul(a, LIMBS, b, LIMBS, expected, 2 * LIMBS, &n_expected);
    race_expect(*n_out == n_expected, "the product has %zu limbs where the reference's has %zu",
                *n_out, n_expected);
    size_t i = 0;
    while (i < n_expected && out[i] == expected[i])
        i++;
    race_expect(i == n_expected, "limb %zu of the product is %#llx where the reference gives "
                "%#llx", i, i < n_expected ? (unsigned long long)out[i] : 0ull,
                i < n_expected ? (unsigned long long)expected[i] : 0ull);
    mul_job job = {a, b, out, n_out};
    race_run(&(race_kernel){run_mul, run_plain_mul, &job,
                            .in = {{a, LIMBS * sizeof *a}, {b, LIMBS * sizeof *b}},
                            .out = {{out, 2 * LIMBS * sizeof *out}, {n_out, sizeof *n_out}}});
}

/* s = s^2 - 2 mod 2^p - 1, s below 2^p - 1 in LL_LIMBS limbs: the
 * schoolbook square in sq (2 LL_LIMBS limbs), then its bits from p up
 * added to its low p bits (2^p = 1 modulo 2^p - 1) until it is below 2^p,
 * and 2^p - 1 itself made 0. LL_P is not a multiple of 64, so bit p is in
 * the top limb. */
static void plain_ll_step(uint64_t *s, uint64_t *sq)
{
    const unsigned top = LL_P / 64, shift = LL_P % 64;
    const uint64_t mask = (UINT64_C(1) << shift) - 1;
    plain_mul(s, LL_LIMBS, s, LL_LIMBS, sq);
    uint64_t carry = 0;
    for (size_t k = 0; k < LL_LIMBS; k++) {
        uint64_t high = sq[top + k] >> shift;
        if (top + k + 1 < 2 * LL_LIMBS)
            high |= sq[top + k + 1] << (64 - shift);
        uint64_t low = k == top ? sq[k] & mask : sq[k];
        u128 t = (u128)low + high + carry;
        s[k] = (uint64_t)t;
        carry = (uint64_t)(t >> 64);
    }
    while (s[top] >> shift) { /* at most twice */
        uint64_t over = s[top] >> shift;
        s[top] &= mask;
        for (size_t k = 0; k < LL_LIMBS && over; k++) {
            s[k] += over;
            over = s[k] < over;
        }
    }
    int all_ones = s[top] == mask;
    for (size_t k = 0; k < top && all_ones; k++)
        all_ones = s[k] == UINT64_MAX;
    if (all_ones)
        memset(s, 0, LL_LIMBS * sizeof *s);
    if (s[0] >= 2) { /* minus 2, modulo 2^p - 1 */
        s[0] -= 2;
        return;
    }
    int zero_above = 1;
    for (size_t k = 1; k < LL_LIMBS; k++)
        zero_above &= s[k] == 0;
    if (zero_above) { /* s is 0 or 1: s - 2 + 2^p - 1 */
        uint64_t low = s[0];
        for (size_t k = 0; k < LL_LIMBS; k++)
            s[k] = k == top ? mask : UINT64_MAX;
        s[0] -= 2 - low;
        return;
    }
    uint64_t borrow = 2;
    for (size_t k = 0; borrow; k++) {
        uint64_t before = s[k];
        s[k] -= borrow;
        borrow = before < borrow;
    }
}

typedef struct {
    int *is_prime;
    uint64_t *s, *sq;
} ll_job;

static void run_ll(void *ctx)
{
    ll_job *j = ctx;
    mp_lucas_lehmer(LL_P, j->is_prime);
}

/* The test of the contract for an odd prime p: s = 4, p - 2 steps. */
static void run_plain_ll(void *ctx)
{
    ll_job *j = ctx;
    memset(j->s, 0, LL_LIMBS * sizeof *j->s);
    j->s[0] = 4;
    for (unsigned i = 0; i < LL_P - 2; i++)
        plain_ll_step(j->s, j->sq);
    int zero = 1;
    for (size_t k = 0; k < LL_LIMBS; k++)
        zero &= j->s[k] == 0;
    *j->is_prime = zero;
}

RACE(lucas_lehmer, "14 Going fast", "mp_lucas_lehmer of 2^11213 - 1, a prime")
{
    int *is_prime = grade_alloc(1, sizeof *is_prime), expected = -1;
    race_expect(mp_lucas_lehmer(LL_P, is_prime) == MP_OK,
                "mp_lucas_lehmer(11213) did not return MP_OK");
    race_ref_mp_lucas_lehmer(LL_P, &expected);
    race_expect(*is_prime == expected, "mp_lucas_lehmer(11213) says %d where the reference "
                "says %d", *is_prime, expected);
    ll_job job = {is_prime, grade_alloc(LL_LIMBS, sizeof(uint64_t)),
                  grade_alloc(2 * LL_LIMBS, sizeof(uint64_t))};
    race_run(&(race_kernel){run_ll, run_plain_ll, &job, .out = {{is_prime, sizeof *is_prime}}});
}
