/* Exercise 1: the Hilbert curve of order 1 to 31, both directions (chapter
 * section 2). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

static uint64_t cells_of(unsigned order)
{
    return (uint64_t)1 << (2 * order);
}

static void expect_xy(unsigned order, uint64_t d, uint32_t want_x, uint32_t want_y)
{
    uint32_t x = 0xdeadbeef, y = 0xdeadbeef;
    expect_status(hs_hilbert_d2xy(order, d, &x, &y), HS_OK, "hs_hilbert_d2xy(%u, %llu)", order,
                  (unsigned long long)d);
    if (x != want_x || y != want_y)
        grade_fail("hs_hilbert_d2xy(order %u, d = %llu): expected (x, y) = (%u, %u), came (%u, "
                   "%u)", order, (unsigned long long)d, want_x, want_y, x, y);
}

static void expect_d(unsigned order, uint32_t x, uint32_t y, uint64_t want)
{
    uint64_t d = UINT64_MAX;
    expect_status(hs_hilbert_xy2d(order, x, y, &d), HS_OK, "hs_hilbert_xy2d(%u, %u, %u)", order,
                  x, y);
    if (d != want)
        grade_fail("hs_hilbert_xy2d(order %u, x = %u, y = %u): expected d = %llu, came %llu",
                   order, x, y, (unsigned long long)want, (unsigned long long)d);
}

/* The orders 1 and 2 drawn by hand: (0,0) (0,1) (1,1) (1,0), and four
 * copies of it, the first transposed, the last transposed and reflected. */
GRADED_TEST(hilbert, small_orders_by_hand, 2, SEC_HILBERT)
{
    const uint32_t one[4][2] = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    const uint32_t two[16][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 2}, {0, 3}, {1, 3}, {1, 2},
                                 {2, 2}, {2, 3}, {3, 3}, {3, 2}, {3, 1}, {2, 1}, {2, 0}, {3, 0}};
    for (uint64_t d = 0; d < 4; d++)
        expect_xy(1, d, one[d][0], one[d][1]);
    for (uint64_t d = 0; d < 4; d++)
        expect_d(1, one[d][0], one[d][1], d);
    for (uint64_t d = 0; d < 16; d++)
        expect_xy(2, d, two[d][0], two[d][1]);
    for (uint64_t d = 0; d < 16; d++)
        expect_d(2, two[d][0], two[d][1], d);
}

/* Random positions at random orders, against the textbook walk. */
GRADED_TEST(hilbert, random_orders, 2, SEC_HILBERT)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 1500; round++) {
        unsigned order = 1 + (unsigned)rng_below(&r, 31);
        uint64_t d = rng_below(&r, cells_of(order));
        uint32_t x, y;
        ref_hilbert_d2xy(order, d, &x, &y);
        expect_xy(order, d, x, y);
        expect_d(order, x, y, d);
    }
}

/* d -> (x, y) -> d gives d back, and (x, y) -> d -> (x, y) gives (x, y). */
GRADED_TEST(hilbert, round_trips, 2, SEC_HILBERT)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 1000; round++) {
        unsigned order = 1 + (unsigned)rng_below(&r, 31);
        uint64_t d = rng_below(&r, cells_of(order)), back = UINT64_MAX;
        uint32_t x = 0, y = 0;
        expect_status(hs_hilbert_d2xy(order, d, &x, &y), HS_OK, "hs_hilbert_d2xy(%u, %llu)",
                      order, (unsigned long long)d);
        expect_status(hs_hilbert_xy2d(order, x, y, &back), HS_OK, "hs_hilbert_xy2d(%u, %u, %u)",
                      order, x, y);
        if (back != d)
            grade_fail("order %u: hs_hilbert_d2xy(%llu) = (%u, %u), and hs_hilbert_xy2d of "
                       "that: expected d = %llu back, came %llu", order, (unsigned long long)d,
                       x, y, (unsigned long long)d, (unsigned long long)back);
        uint32_t side = (uint32_t)(((uint64_t)1 << order) - 1);
        uint32_t px = (uint32_t)rng_u64(&r) & side, py = (uint32_t)rng_u64(&r) & side, qx, qy;
        expect_status(hs_hilbert_xy2d(order, px, py, &back), HS_OK,
                      "hs_hilbert_xy2d(%u, %u, %u)", order, px, py);
        expect_status(hs_hilbert_d2xy(order, back, &qx, &qy), HS_OK,
                      "hs_hilbert_d2xy(%u, %llu)", order, (unsigned long long)back);
        if (qx != px || qy != py)
            grade_fail("order %u: (%u, %u) -> d = %llu -> expected (%u, %u) back, came (%u, %u)",
                       order, px, py, (unsigned long long)back, px, py, qx, qy);
    }
}

/* Consecutive positions are grid neighbours: the curve never jumps. */
GRADED_TEST(hilbert, consecutive_are_neighbours, 2, SEC_HILBERT)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 800; round++) {
        unsigned order = 1 + (unsigned)rng_below(&r, 31);
        uint64_t d = rng_below(&r, cells_of(order) - 1);
        uint32_t x0, y0, x1, y1;
        expect_status(hs_hilbert_d2xy(order, d, &x0, &y0), HS_OK, "hs_hilbert_d2xy(%u, %llu)",
                      order, (unsigned long long)d);
        expect_status(hs_hilbert_d2xy(order, d + 1, &x1, &y1), HS_OK,
                      "hs_hilbert_d2xy(%u, %llu)", order, (unsigned long long)d + 1);
        uint64_t step = (x0 > x1 ? x0 - x1 : x1 - x0) + (uint64_t)(y0 > y1 ? y0 - y1 : y1 - y0);
        if (step != 1)
            grade_fail("order %u: d = %llu is at (%u, %u) and d + 1 at (%u, %u): expected grid "
                       "neighbours (distance 1), came distance %llu", order,
                       (unsigned long long)d, x0, y0, x1, y1, (unsigned long long)step);
    }
    /* Every order: starts at (0, 0), ends at (2^n - 1, 0). */
    for (unsigned order = 1; order <= 31; order++) {
        uint32_t last = (uint32_t)(((uint64_t)1 << order) - 1);
        expect_xy(order, 0, 0, 0);
        expect_xy(order, cells_of(order) - 1, last, 0);
        expect_d(order, last, 0, cells_of(order) - 1);
    }
}

GRADED_TEST(hilbert, errors, 1, SEC_HILBERT)
{
    uint32_t x, y;
    uint64_t d;
    expect_status(hs_hilbert_d2xy(0, 0, &x, &y), HS_ERR_ARG, "hs_hilbert_d2xy with order 0");
    expect_status(hs_hilbert_d2xy(32, 0, &x, &y), HS_ERR_ARG, "hs_hilbert_d2xy with order 32");
    expect_status(hs_hilbert_xy2d(0, 0, 0, &d), HS_ERR_ARG, "hs_hilbert_xy2d with order 0");
    expect_status(hs_hilbert_xy2d(32, 0, 0, &d), HS_ERR_ARG, "hs_hilbert_xy2d with order 32");
    expect_status(hs_hilbert_d2xy(3, 64, &x, &y), HS_ERR_ARG,
                  "hs_hilbert_d2xy(order 3, d = 64 = 4^3)");
    expect_status(hs_hilbert_d2xy(31, (uint64_t)1 << 62, &x, &y), HS_ERR_ARG,
                  "hs_hilbert_d2xy(order 31, d = 4^31)");
    expect_status(hs_hilbert_d2xy(1, UINT64_MAX, &x, &y), HS_ERR_ARG,
                  "hs_hilbert_d2xy(order 1, d = 2^64 - 1)");
    expect_status(hs_hilbert_xy2d(3, 8, 0, &d), HS_ERR_ARG, "hs_hilbert_xy2d(order 3, x = 8)");
    expect_status(hs_hilbert_xy2d(3, 0, 8, &d), HS_ERR_ARG, "hs_hilbert_xy2d(order 3, y = 8)");
    expect_status(hs_hilbert_xy2d(31, (uint32_t)1 << 31, 0, &d), HS_ERR_ARG,
                  "hs_hilbert_xy2d(order 31, x = 2^31)");
    expect_status(hs_hilbert_d2xy(2, 1, NULL, &y), HS_ERR_ARG, "hs_hilbert_d2xy with x = NULL");
    expect_status(hs_hilbert_d2xy(2, 1, &x, NULL), HS_ERR_ARG, "hs_hilbert_d2xy with y = NULL");
    expect_status(hs_hilbert_xy2d(2, 1, 1, NULL), HS_ERR_ARG, "hs_hilbert_xy2d with d = NULL");
    expect_status(hs_hilbert_d2xy(31, ((uint64_t)1 << 62) - 1, &x, &y), HS_OK,
                  "hs_hilbert_d2xy(order 31, d = 4^31 - 1), the last position");
    expect_status(hs_hilbert_xy2d(31, UINT32_MAX >> 1, UINT32_MAX >> 1, &d), HS_OK,
                  "hs_hilbert_xy2d(order 31, x = y = 2^31 - 1)");
}
