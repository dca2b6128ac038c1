/* Exercise 6: the leading digits of 2^0 .. 2^n_max (chapter section 5),
 * against the digits of 2^n written out and 192-bit fixed point. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_counts(uint64_t n_max, const uint64_t want[10])
{
    uint64_t counts[10];
    memset(counts, 0xff, sizeof counts);
    expect_status(mp_benford_counts(n_max, counts), MP_OK, "mp_benford_counts(%llu)",
                  (unsigned long long)n_max);
    for (int d = 0; d < 10; d++)
        if (counts[d] != want[d])
            grade_fail("mp_benford_counts(%llu): counts[%d] (powers 2^n, n <= %llu, with "
                       "leading digit %d) expected %llu, came %llu", (unsigned long long)n_max,
                       d, (unsigned long long)n_max, d, (unsigned long long)want[d],
                       (unsigned long long)counts[d]);
}

/* Up to 2^3000 from the digits themselves; beyond, from 192-bit fixed point. */
GRADED_TEST(benford, small, 2, SEC_BENFORD)
{
    uint64_t *x = words(48), *one_more = words(48);
    const uint64_t one = 1;
    char *text = grade_alloc(1000, 1);
    for (uint64_t n = 0; n <= 3000; n += 1 + (n > 100) * 12) {
        size_t m = n ? ref_mersenne(x, n) : 0; /* 2^n = (2^n - 1) + 1 */
        ref_decimal(one_more, ref_add(one_more, x, m, &one, 1), text);
        expect_true(text[0] - '0' == ref_leading_digit(n),
                    "grader self-check: the leading digit of 2^%llu", (unsigned long long)n);
    }
    static const uint64_t checkpoints[] = {0, 1, 2, 3, 4, 9, 10, 13, 99, 100, 1000, 4321, 20000};
    uint64_t want[10] = {0};
    size_t next = 0;
    for (uint64_t n = 0; n <= 20000; n++) {
        want[ref_leading_digit(n)]++;
        if (n == checkpoints[next]) {
            expect_counts(n, want);
            next++;
        }
    }
}

/* Counts from the same 192-bit fixed point, run once to 10^8. */
GRADED_TEST_T(benford, large, 2, SEC_BENFORD, 10)
{
    static const struct {
        uint64_t n_max, counts[10];
    } table[] = {
        {1000000, {0, 301030, 176093, 124937, 96911, 79182, 66947, 57990, 51154, 45757}},
        {12345678, {0, 3716420, 2173968, 1542452, 1196420, 977547, 826504, 715948, 631515,
                    564905}},
        {100000000, {0, 30103000, 17609130, 12493870, 9691002, 7918128, 6694676, 5799193,
                     5115254, 4575748}},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        expect_counts(table[i].n_max, table[i].counts);
}

GRADED_TEST(benford, errors, 1, SEC_BENFORD)
{
    uint64_t counts[10];
    expect_status(mp_benford_counts(MP_BENFORD_MAX + 1ull, counts), MP_ERR_ARG,
                  "mp_benford_counts(MP_BENFORD_MAX + 1)");
    expect_status(mp_benford_counts(UINT64_MAX, counts), MP_ERR_ARG,
                  "mp_benford_counts(2^64 - 1)");
    expect_status(mp_benford_counts(10, NULL), MP_ERR_ARG, "mp_benford_counts with counts = NULL");
}
