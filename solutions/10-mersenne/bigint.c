/* bigint.c: natural numbers as arrays of limbs: comparison, addition,
 * subtraction and schoolbook multiplication (chapter section 6). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

// BEGIN SOLUTION
size_t limbs_norm(const uint64_t *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

mp_status limbs_emit(const uint64_t *r, size_t n, uint64_t *out, size_t cap, size_t *n_out)
{
    n = limbs_norm(r, n);
    *n_out = n;
    if (n > cap)
        return MP_ERR_SPACE;
    if (n > 0 && !out)
        return MP_ERR_ARG;
    if (n > 0 && out != r)
        memmove(out, r, n * sizeof *r);
    return MP_OK;
}

uint64_t limbs_add_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n)
{
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t s = a[i] + carry;
        carry = s < carry;
        r[i] = s + b[i];
        carry += r[i] < s;
    }
    return carry;
}

uint64_t limbs_sub_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n)
{
    uint64_t borrow = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t ai = a[i], d = ai - b[i];
        uint64_t next = ai < b[i];
        r[i] = d - borrow;
        borrow = next + (d < borrow);
    }
    return borrow;
}

uint64_t limbs_add_1(uint64_t *r, size_t n, uint64_t c)
{
    for (size_t i = 0; i < n && c; i++) {
        r[i] += c;
        c = r[i] < c;
    }
    return c;
}

uint64_t limbs_sub_1(uint64_t *r, size_t n, uint64_t c)
{
    for (size_t i = 0; i < n && c; i++) {
        uint64_t before = r[i];
        r[i] = before - c;
        c = before < c;
    }
    return c;
}

uint64_t limbs_addmul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b)
{
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        u128 t = (u128)a[i] * b + r[i] + carry;
        r[i] = (uint64_t)t;
        carry = (uint64_t)(t >> 64);
    }
    return carry;
}

void limbs_mul_basecase(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    memset(r, 0, (na + nb) * sizeof *r);
    for (size_t j = 0; j < nb; j++)
        r[na + j] = limbs_addmul_1(r + j, a, na, b[j]);
}

/* The length of the normalised a + b (a the longer, both normalised),
 * without writing anything: a carry out of the top limb adds one. */
static size_t sum_length(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    uint64_t carry = 0;
    for (size_t i = 0; i < na; i++) {
        uint64_t bi = i < nb ? b[i] : 0;
        uint64_t s = a[i] + carry;
        carry = (s < carry) + (s + bi < s);
    }
    return na + (size_t)carry;
}

/* The length of the normalised a - b (a >= b), without writing anything. */
static size_t difference_length(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    uint64_t borrow = 0;
    size_t length = 0;
    for (size_t i = 0; i < na; i++) {
        uint64_t bi = i < nb ? b[i] : 0;
        uint64_t d = a[i] - bi;
        uint64_t next = a[i] < bi;
        if (d - borrow != 0)
            length = i + 1;
        borrow = next + (d < borrow);
    }
    return length;
}

/* Arguments shared by add, sub and the products: NULL only for no limbs. */
static int bad_operands(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                        const size_t *n_out)
{
    return !n_out || (na > 0 && !a) || (nb > 0 && !b);
}

static mp_status schoolbook(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                            size_t nb)
{
    limbs_mul_basecase(r, a, na, b, nb);
    return MP_OK;
}

mp_status limbs_product(limbs_multiply *multiply, const uint64_t *a, size_t na, const uint64_t *b,
                        size_t nb, uint64_t *out, size_t cap, size_t *n_out)
{
    if (!n_out || (na > 0 && !a) || (nb > 0 && !b))
        return MP_ERR_ARG;
    na = limbs_norm(a, na);
    nb = limbs_norm(b, nb);
    if (na == 0 || nb == 0) {
        *n_out = 0;
        return MP_OK;
    }
    if (!out && cap > 0)
        return MP_ERR_ARG;
    if (cap >= na + nb) {
        mp_status status = multiply(out, a, na, b, nb);
        return status != MP_OK ? status : limbs_emit(out, na + nb, out, cap, n_out);
    }
    uint64_t *r = malloc((na + nb) * sizeof *r);
    if (!r)
        return MP_ERR_NOMEM;
    mp_status status = multiply(r, a, na, b, nb);
    if (status == MP_OK)
        status = limbs_emit(r, na + nb, out, cap, n_out);
    free(r);
    return status;
}

// END SOLUTION
int mp_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    // TODO: compare the lengths without leading zero limbs, then the limbs
    //   from the most significant down. NULL with length 0 is zero.
    // STUB: (void)a; (void)na; (void)b; (void)nb;
    // STUB: return 0;
    // BEGIN SOLUTION
    na = a ? limbs_norm(a, na) : 0;
    nb = b ? limbs_norm(b, nb) : 0;
    if (na != nb)
        return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
    // END SOLUTION
}

mp_status mp_add(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    // TODO: check the arguments; add limb by limb with a carry (the carry of
    //   a 64-bit addition is "the sum came out smaller"); report the space
    //   needed before writing more than cap limbs. out may be a or b.
    // STUB: (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (bad_operands(a, na, b, nb, n_out))
        return MP_ERR_ARG;
    na = limbs_norm(a, na);
    nb = limbs_norm(b, nb);
    if (na < nb) {
        const uint64_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    size_t needed = cap > na ? na + 1 : sum_length(a, na, b, nb);
    if (needed > cap) {
        *n_out = needed;
        return MP_ERR_SPACE;
    }
    if (na > 0 && !out)
        return MP_ERR_ARG;
    uint64_t carry = limbs_add_n(out, a, b, nb);
    for (size_t i = nb; i < na; i++) {
        out[i] = a[i] + carry;
        carry = out[i] < carry;
    }
    if (carry)
        out[na++] = carry;
    *n_out = na;
    return MP_OK;
    // END SOLUTION
}

mp_status mp_sub(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    // TODO: check the arguments and that b <= a (MP_ERR_ARG otherwise);
    //   subtract limb by limb with a borrow; normalise the result. out may
    //   be a or b.
    // STUB: (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (bad_operands(a, na, b, nb, n_out))
        return MP_ERR_ARG;
    na = limbs_norm(a, na);
    nb = limbs_norm(b, nb);
    if (mp_compare(a, na, b, nb) < 0)
        return MP_ERR_ARG;
    size_t needed = difference_length(a, na, b, nb);
    *n_out = needed;
    if (needed > cap)
        return MP_ERR_SPACE;
    if (needed == 0)
        return MP_OK;
    if (!out)
        return MP_ERR_ARG;
    /* Only the first `needed` limbs can be non-zero: write no further. */
    uint64_t borrow = limbs_sub_n(out, a, b, needed < nb ? needed : nb);
    for (size_t i = nb; i < needed; i++) {
        uint64_t before = a[i];
        out[i] = before - borrow;
        borrow = before < borrow;
    }
    return MP_OK;
    // END SOLUTION
}

mp_status mp_mul_schoolbook(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            uint64_t *out, size_t cap, size_t *n_out)
{
    // TODO: check the arguments; out = 0, then for every limb b[j] add
    //   a * b[j] (each limb product an unsigned __int128) into out at limb j,
    //   the carry going into out[j + na]. Work in a scratch array when cap
    //   is below na + nb, and report the normalised length.
    // STUB: (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    return limbs_product(schoolbook, a, na, b, nb, out, cap, n_out);
    // END SOLUTION
}
