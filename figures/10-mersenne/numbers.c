/* numbers.c: fixed-point logarithms, convergents, Mersenne numbers and the
 * quadratic decimal conversion for the demo (see numbers.h). */
#include "numbers.h"

#include <stdlib.h>
#include <string.h>

void log10_2_times(uint64_t p, uint64_t *integer, u128 *fraction)
{
    const u128 l = LOG10_2_FIXED;
    u128 low = (u128)p * (uint64_t)l;
    u128 high = (u128)p * (uint64_t)(l >> 64) + (uint64_t)(low >> 64);
    *integer = (uint64_t)(high >> 64);
    *fraction = (high << 64) | (uint64_t)low;
}

void fraction_decimals(u128 f, unsigned k, char *out)
{
    for (unsigned i = 0; i < k; i++) {
        u128 low = (u128)(uint64_t)f * 10;
        u128 high = (f >> 64) * 10 + (uint64_t)(low >> 64);
        out[i] = (char)('0' + (unsigned)(high >> 64));
        f = (high << 64) | (uint64_t)low;
    }
    out[k] = '\0';
}

double fraction_value(u128 f)
{
    return (double)(uint64_t)(f >> 64) * 0x1p-64 + (double)(uint64_t)f * 0x1p-128;
}

double fraction_distance(u128 f)
{
    return f >> 127 ? fraction_value(-f) : fraction_value(f);
}

/* Euclid on (2^128, L): the partial quotients of L 2^-128, which are those
 * of log10 2 as long as the denominators stay far below 2^64. */
size_t log10_2_convergents(uint64_t limit, uint64_t *q, size_t cap)
{
    const u128 l = LOG10_2_FIXED;
    u128 x = l, y = -(3 * l); /* 2^128 = 3 L + y */
    uint64_t before = 1, current = 3, count = 0;
    if (cap > count)
        q[count] = 1;
    count++;
    while (current <= limit && y != 0) {
        if (count < cap)
            q[count] = current;
        count++;
        u128 a = x / y, r = x % y;
        uint64_t next = (uint64_t)a * current + before;
        before = current;
        current = next;
        x = y;
        y = r;
    }
    return count;
}

uint64_t *mersenne_number(uint64_t p, size_t *n)
{
    *n = (size_t)((p + 63) / 64);
    uint64_t *a = malloc(*n * sizeof *a);
    if (!a)
        return NULL;
    memset(a, 0xff, *n * sizeof *a);
    if (p % 64)
        a[*n - 1] = ((uint64_t)1 << (p % 64)) - 1;
    return a;
}

uint64_t pow_mod(uint64_t b, uint64_t e, uint64_t m)
{
    uint64_t r = 1 % m;
    b %= m;
    for (; e; e >>= 1) {
        if (e & 1)
            r = (uint64_t)((u128)r * b % m);
        b = (uint64_t)((u128)b * b % m);
    }
    return r;
}

/* (a, n) /= d, the remainder returned. */
static uint64_t divide_by(uint64_t *a, size_t n, uint64_t d)
{
    u128 rest = 0;
    for (size_t i = n; i-- > 0;) {
        u128 v = rest << 64 | a[i];
        a[i] = (uint64_t)(v / d);
        rest = v % d;
    }
    return (uint64_t)rest;
}

void decimal_quadratic(uint64_t *a, size_t n, char *out, size_t *len)
{
    const uint64_t chunk = 10000000000000000000u; /* 10^19 */
    const size_t end = 20 * n + 1;
    size_t pos = end;
    out[pos] = '\0';
    n = limbs_norm(a, n);
    while (n > 0) {
        uint64_t r = divide_by(a, n, chunk);
        n = limbs_norm(a, n);
        for (int i = 0; i < 19 && (n > 0 || r > 0); i++) {
            out[--pos] = (char)('0' + r % 10);
            r /= 10;
        }
    }
    if (pos == end)
        out[--pos] = '0';
    *len = end - pos;
    memmove(out, out + pos, *len + 1);
}
