/* karatsuba.c: Karatsuba's multiplication, three half-size products in
 * place of four (chapter section 7), and mp_mul, the fastest product the
 * lesson has (an FFT for large operands, section 10). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

// BEGIN SOLUTION
/* Below this many limbs the schoolbook product is faster (the chapter's
 * measurement; at least 4 so that the halves shrink). */
enum { KARATSUBA_CUTOFF = 32 };

/* Above this many limbs in the shorter operand mp_mul uses the FFT. */
enum { FFT_CUTOFF = 768 };

/* Scratch limbs kara needs for n-limb operands. */
static size_t kara_scratch(size_t n)
{
    size_t total = 0;
    while (n >= KARATSUBA_CUTOFF) {
        size_t high = n - n / 2 + 1;
        total += 4 * high;
        n = high;
    }
    return total;
}

/* r (nx limbs) = x + y, nx >= ny: the carry out. */
static uint64_t add_unbalanced(uint64_t *r, const uint64_t *x, size_t nx, const uint64_t *y,
                               size_t ny)
{
    uint64_t carry = limbs_add_n(r, x, y, ny);
    memcpy(r + ny, x + ny, (nx - ny) * sizeof *r);
    return limbs_add_1(r + ny, nx - ny, carry);
}

/* r (2n limbs) = a b, both n limbs; t is kara_scratch(n) limbs. With
 * a = a0 + a1 B^h, b = b0 + b1 B^h: a b = z0 + (z1 - z0 - z2) B^h + z2 B^2h
 * where z0 = a0 b0, z2 = a1 b1, z1 = (a0 + a1)(b0 + b1). */
static void kara(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n, uint64_t *t)
{
    if (n < KARATSUBA_CUTOFF) {
        limbs_mul_basecase(r, a, n, b, n);
        return;
    }
    size_t h = n / 2, high = n - h, m = high + 1;
    uint64_t *sa = t, *sb = t + m, *z1 = t + 2 * m, *rest = t + 4 * m;
    kara(r, a, b, h, rest);
    kara(r + 2 * h, a + h, b + h, high, rest);
    sa[high] = add_unbalanced(sa, a + h, high, a, h);
    sb[high] = add_unbalanced(sb, b + h, high, b, h);
    kara(z1, sa, sb, m, rest);
    limbs_sub_1(z1 + 2 * h, 2 * m - 2 * h, limbs_sub_n(z1, z1, r, 2 * h));
    limbs_sub_1(z1 + 2 * high, 2, limbs_sub_n(z1, z1, r + 2 * h, 2 * high));
    /* z1 - z0 - z2 = a0 b1 + a1 b0 < B^(n + high): its top limbs are 0. */
    size_t len = 2 * n - h < 2 * m ? 2 * n - h : 2 * m;
    uint64_t carry = limbs_add_n(r + h, r + h, z1, len);
    limbs_add_1(r + h + len, 2 * n - h - len, carry);
}

/* r (na + nb limbs) = a b for na >= nb >= KARATSUBA_CUTOFF: kara on
 * nb-limb slices of a, the last, shorter slice by a recursive call. */
static mp_status kara_unbalanced(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                                 size_t nb)
{
    uint64_t *work = malloc((2 * nb + kara_scratch(nb)) * sizeof *work);
    if (!work)
        return MP_ERR_NOMEM;
    uint64_t *product = work, *t = work + 2 * nb;
    memset(r, 0, (na + nb) * sizeof *r);
    size_t offset = 0;
    for (; offset + nb <= na; offset += nb) {
        kara(product, a + offset, b, nb, t);
        limbs_add_n(r + offset, r + offset, product, 2 * nb);
    }
    mp_status status = MP_OK;
    size_t left = na - offset;
    if (left > 0) {
        status = limbs_mul_karatsuba(product, b, nb, a + offset, left);
        if (status == MP_OK)
            limbs_add_n(r + offset, r + offset, product, nb + left);
    }
    free(work);
    return status;
}

mp_status limbs_mul_karatsuba(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                              size_t nb)
{
    if (na < nb)
        return limbs_mul_karatsuba(r, b, nb, a, na);
    if (nb < KARATSUBA_CUTOFF) {
        limbs_mul_basecase(r, a, na, b, nb);
        return MP_OK;
    }
    if (na > nb)
        return kara_unbalanced(r, a, na, b, nb);
    uint64_t *t = malloc((kara_scratch(nb) + 1) * sizeof *t);
    if (!t)
        return MP_ERR_NOMEM;
    kara(r, a, b, nb, t);
    free(t);
    return MP_OK;
}

mp_status limbs_mul_cached(fft_cache *cache, uint64_t *r, const uint64_t *a, size_t na,
                           const uint64_t *b, size_t nb)
{
    size_t shorter = na < nb ? na : nb;
    if (shorter >= FFT_CUTOFF) {
        mp_status status = fft_mul(cache, r, a, na, b, nb);
        if (status != MP_ERR_PRECISION)
            return status;
    }
    return limbs_mul_karatsuba(r, a, na, b, nb);
}

mp_status limbs_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    return limbs_mul_cached(NULL, r, a, na, b, nb);
}

// END SOLUTION
mp_status mp_mul_karatsuba(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                           uint64_t *out, size_t cap, size_t *n_out)
{
    // TODO: check the arguments as in mp_mul_schoolbook; split both operands
    //   in halves a = a0 + a1 B^h, b = b0 + b1 B^h and use the three products
    //   a0 b0, a1 b1 and (a0 + a1)(b0 + b1), recursing down to the cut-off
    //   you measured, below which the schoolbook product runs. Operands of
    //   different sizes: multiply the shorter by slices of the longer.
    // STUB: (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    return limbs_product(limbs_mul_karatsuba, a, na, b, nb, out, cap, n_out);
    // END SOLUTION
}

mp_status mp_mul(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    // TODO: your fastest product. mp_mul_karatsuba passes every test but the
    //   two at hundreds of thousands of limbs; for those, switch to the FFT
    //   product of fft.c (section 10) above a size you measure.
    // STUB: (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    return limbs_product(limbs_mul, a, na, b, nb, out, cap, n_out);
    // END SOLUTION
}
