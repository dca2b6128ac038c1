/* bigint.c: natural numbers as arrays of limbs: comparison, addition,
 * subtraction and schoolbook multiplication (chapter section 6). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

int mp_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    // TODO: compare the lengths without leading zero limbs, then the limbs
    //   from the most significant down. NULL with length 0 is zero.
    (void)a; (void)na; (void)b; (void)nb;
    return 0;
}

mp_status mp_add(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    // TODO: check the arguments; add limb by limb with a carry (the carry of
    //   a 64-bit addition is "the sum came out smaller"); report the space
    //   needed before writing more than cap limbs. out may be a or b.
    (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}

mp_status mp_sub(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    // TODO: check the arguments and that b <= a (MP_ERR_ARG otherwise);
    //   subtract limb by limb with a borrow; normalise the result. out may
    //   be a or b.
    (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}

mp_status mp_mul_schoolbook(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            uint64_t *out, size_t cap, size_t *n_out)
{
    // TODO: check the arguments; out = 0, then for every limb b[j] add
    //   a * b[j] (each limb product an unsigned __int128) into out at limb j,
    //   the carry going into out[j + na]. Work in a scratch array when cap
    //   is below na + nb, and report the normalised length.
    (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}
