/* Exercise 5: the four edge neighbours, across the cube's edges too
 * (chapter section 7). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static const char *const SIDE[4] = {"down (j - 1)", "right (i + 1)", "up (j + 1)", "left (i - 1)"};

/* The student's neighbours of cell against the reference's. */
static void expect_neighbours(uint64_t cell, const char *what)
{
    uint64_t want[4], came[4] = {0, 0, 0, 0};
    char text[96], a[96], b[96];
    ref_edge_neighbors(cell, want);
    expect_status(hs_cell_edge_neighbors(cell, came), HS_OK, "hs_cell_edge_neighbors(%s)%s",
                  cell_text(cell, text), what);
    for (int k = 0; k < 4; k++)
        if (came[k] != want[k])
            grade_fail("hs_cell_edge_neighbors(%s)%s: neighbour %d, %s, expected %s, came %s",
                       cell_text(cell, text), what, k, SIDE[k], cell_text(want[k], a),
                       cell_text(came[k], b));
}

/* Is `cell` one of S2's AllNeighbors of the vector (a check of the
 * grader's own reference against the library). */
static int listed(uint64_t cell, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (ref_from_debug(list[k]) == cell)
            return 1;
    return 0;
}

static void library_case(const char *debug, const char *const *all, size_t n)
{
    uint64_t cell = ref_from_debug(debug), want[4];
    char text[40], where[80];
    ref_edge_neighbors(cell, want);
    for (int k = 0; k < 4; k++) {
        ref_debug_string(want[k], text);
        if (!listed(want[k], all, n))
            grade_fail("grader bug: neighbour %s of %s is not among S2's", text, debug);
    }
    snprintf(where, sizeof where, ", the cell %s", debug);
    expect_neighbours(cell, where);
}

/* The edge neighbours are among S2's AllNeighbors of the test vectors. */
GRADED_TEST(neighbours, library_vectors, 2, SEC_NEIGHBOURS)
{
    const char *corner[] = {"1/2221", "1/2222", "2/3330", "2/3333", "3/0001", "3/0002", "3/0003"};
    const char *zurich[] = {"2/033020001030", "2/033020001033", "2/033020001101",
                            "2/033020001102", "2/033020001103", "2/033031110010",
                            "2/033031110011", "2/033031110322"};
    const char *face[] = {"1/", "2/", "4/", "5/"};
    library_case("3/0000", corner, 7);
    library_case("2/033020001100", zurich, 8);
    library_case("3/", face, 4);
    /* Face 1's neighbours, down, right, up, left, are faces 5, 3, 2, 0. */
    uint64_t came[4];
    const int faces[4] = {5, 3, 2, 0};
    expect_status(hs_cell_edge_neighbors((uint64_t)1 << 61 | (uint64_t)1 << 60, came), HS_OK,
                  "hs_cell_edge_neighbors of face 1");
    for (int k = 0; k < 4; k++)
        expect_true(came[k] == ((uint64_t)faces[k] << 61 | (uint64_t)1 << 60),
                    "hs_cell_edge_neighbors of face 1: neighbour %d, %s, expected face %d's "
                    "cell, came 0x%016llx", k, SIDE[k], faces[k], (unsigned long long)came[k]);
}

GRADED_TEST(neighbours, random_cells, 2, SEC_NEIGHBOURS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 500; round++)
        expect_neighbours(ref_random_cell(&r, -1), "");
}

/* Cells on the edges and corners of every face, at every level: the
 * neighbours there lie on the next face. */
GRADED_TEST(neighbours, across_faces, 2, SEC_NEIGHBOURS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 600; round++) {
        int face = (int)rng_below(&r, 6), level = (int)rng_below(&r, 31), corner = round % 8;
        uint32_t last = LEAF_SIZE - 1, along = (uint32_t)rng_below(&r, LEAF_SIZE);
        uint32_t i = corner & 1 ? last : 0, j = corner & 2 ? last : 0;
        if (corner >= 4 && corner & 1) /* a random point of one of the four edges */
            j = along;
        else if (corner >= 4)
            i = along;
        expect_neighbours(ref_parent(ref_face_ij_to_cell(face, i, j), level),
                          ", on the edge of its face");
    }
}

/* If b is a neighbour of a, a is a neighbour of b; all four are distinct
 * cells of a's level. */
GRADED_TEST(neighbours, mutual, 1, SEC_NEIGHBOURS)
{
    rng r;
    grade_rng(&r);
    char ta[96], tb[96];
    for (int round = 0; round < 300; round++) {
        uint64_t a = ref_random_cell(&r, round % 2 ? -1 : (int)rng_below(&r, 4)), na[4];
        expect_status(hs_cell_edge_neighbors(a, na), HS_OK, "hs_cell_edge_neighbors(%s)",
                      cell_text(a, ta));
        for (int k = 0; k < 4; k++) {
            uint64_t nb[4];
            expect_true(ref_is_valid(na[k]) && ref_level(na[k]) == ref_level(a),
                        "hs_cell_edge_neighbors(%s): neighbour %d is %s, expected a cell of the "
                        "same level", cell_text(a, ta), k, cell_text(na[k], tb));
            for (int m = 0; m < k; m++)
                expect_true(na[m] != na[k], "hs_cell_edge_neighbors(%s): neighbours %d and %d "
                            "are the same cell", cell_text(a, ta), m, k);
            expect_status(hs_cell_edge_neighbors(na[k], nb), HS_OK, "hs_cell_edge_neighbors(%s)",
                          cell_text(na[k], tb));
            int back = 0;
            for (int m = 0; m < 4; m++)
                back |= nb[m] == a;
            expect_true(back, "%s is neighbour %d (%s) of %s, but the neighbours of %s do not "
                        "include it", cell_text(na[k], tb), k, SIDE[k], cell_text(a, ta),
                        cell_text(na[k], tb));
        }
    }
}

GRADED_TEST(neighbours, errors, 1, SEC_NEIGHBOURS)
{
    uint64_t out[4];
    expect_status(hs_cell_edge_neighbors(0, out), HS_ERR_ARG, "hs_cell_edge_neighbors(0)");
    expect_status(hs_cell_edge_neighbors((uint64_t)6 << 61 | 1, out), HS_ERR_ARG,
                  "hs_cell_edge_neighbors of a leaf on face 6");
    expect_status(hs_cell_edge_neighbors((uint64_t)1 << 59 | 2, out), HS_ERR_ARG,
                  "hs_cell_edge_neighbors of an id whose lowest 1 bit is at an odd position");
    expect_status(hs_cell_edge_neighbors((uint64_t)1 << 60, NULL), HS_ERR_ARG,
                  "hs_cell_edge_neighbors with neighbors = NULL");
}
