/* Exercise 3: level, parent, children, ranges and containment as integer
 * arithmetic on the ids (chapter section 5). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "grade.h"
#include "reference.h"

#define FACE_BITS(f) ((uint64_t)(f) << 61)

static void expect_id(uint64_t came, uint64_t want, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
static void expect_id(uint64_t came, uint64_t want, const char *what, ...)
{
    if (came == want)
        return;
    char label[300], a[96], b[96];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %s, came %s", label, cell_text(want, a), cell_text(came, b));
}

static uint64_t parent_of(uint64_t cell, int level)
{
    uint64_t p = 0;
    char text[96];
    expect_status(hs_cell_parent(cell, level, &p), HS_OK, "hs_cell_parent(%s, level %d)",
                  cell_text(cell, text), level);
    return p;
}

/* S2's ParentChildRelationships: FromFacePosLevel(3, 0x12345678, 26). */
GRADED_TEST(bits, library_vectors, 2, SEC_BITS)
{
    uint64_t id = FACE_BITS(3) | 0x12345700, children[4], grand[4], lo = 0, hi = 0;
    int level = -1;
    expect_status(hs_cell_level(id, &level), HS_OK, "hs_cell_level(face 3, pos 0x12345700)");
    expect_int(level, 26, "hs_cell_level(face 3, pos 0x12345700)");
    expect_status(hs_cell_children(id, children), HS_OK, "hs_cell_children(face 3, pos "
                  "0x12345700)");
    expect_id(children[0], FACE_BITS(3) | 0x12345640, "the first child of face 3, pos "
              "0x12345700 (level 26)");
    expect_status(hs_cell_children(children[0], grand), HS_OK, "hs_cell_children");
    expect_id(grand[0], FACE_BITS(3) | 0x12345610, "the first grandchild of face 3, pos "
              "0x12345700");
    expect_id(parent_of(id, 25), FACE_BITS(3) | 0x12345400, "the parent (level 25) of face 3, "
              "pos 0x12345700");
    expect_id(parent_of(id, 24), FACE_BITS(3) | 0x12345000, "the ancestor at level 24 of face "
              "3, pos 0x12345700");
    expect_id(parent_of(id, 26), id, "hs_cell_parent of a level-26 cell at level 26 (itself)");
    expect_status(hs_cell_range(id, &lo, &hi), HS_OK, "hs_cell_range(face 3, pos 0x12345700)");
    expect_true(2 * id == lo + hi, "hs_cell_range(face 3, pos 0x12345700): 2 id = 0x%016llx "
                "must be range_min + range_max, came 0x%016llx + 0x%016llx",
                (unsigned long long)(2 * id), (unsigned long long)lo, (unsigned long long)hi);
    expect_id(lo, id - 0xff, "range_min of face 3, pos 0x12345700");
    /* The Porto Alegre leaf and its level-10 ancestor, as debug strings. */
    uint64_t leaf = 10743752164119994973u;
    expect_id(parent_of(leaf, 10), ref_from_debug("4/2220302330"),
              "the level-10 ancestor of the Porto Alegre leaf 4/222030233031113100212213010232");
    expect_id(parent_of(leaf, 0), FACE_BITS(4) | (uint64_t)1 << 60, "the face of the Porto "
              "Alegre leaf");
    expect_status(hs_cell_level(leaf, &level), HS_OK, "hs_cell_level of a leaf");
    expect_int(level, 30, "hs_cell_level of the Porto Alegre leaf");
    for (int f = 0; f < 6; f++) {
        expect_status(hs_cell_level(FACE_BITS(f) | (uint64_t)1 << 60, &level), HS_OK,
                      "hs_cell_level of face %d", f);
        expect_int(level, 0, "hs_cell_level of face %d's cell", f);
    }
}

GRADED_TEST(bits, parents_and_children, 2, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    char text[96];
    for (int round = 0; round < 400; round++) {
        uint64_t cell = ref_random_cell(&r, -1);
        int level = ref_level(cell), got = -1;
        cell_text(cell, text);
        expect_status(hs_cell_level(cell, &got), HS_OK, "hs_cell_level(%s)", text);
        expect_int(got, level, "hs_cell_level(%s)", text);
        int up = (int)rng_below(&r, (uint64_t)level + 1);
        expect_id(parent_of(cell, up), ref_parent(cell, up), "hs_cell_parent(%s, level %d)", text,
                  up);
        if (level == 30)
            continue;
        uint64_t children[4];
        expect_status(hs_cell_children(cell, children), HS_OK, "hs_cell_children(%s)", text);
        for (int k = 0; k < 4; k++) {
            expect_id(children[k], ref_child(cell, k), "hs_cell_children(%s): child %d in "
                      "Hilbert order", text, k);
            expect_id(parent_of(children[k], level), cell, "the parent of child %d of %s", k,
                      text);
        }
    }
}

/* A cell's range holds exactly its descendants, and 2 id = min + max. */
GRADED_TEST(bits, ranges, 2, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    char text[96];
    for (int round = 0; round < 300; round++) {
        uint64_t cell = ref_random_cell(&r, -1), lo = 0, hi = 0;
        cell_text(cell, text);
        expect_status(hs_cell_range(cell, &lo, &hi), HS_OK, "hs_cell_range(%s)", text);
        expect_id(lo, ref_range_min(cell), "range_min of %s (its first leaf)", text);
        expect_id(hi, ref_range_max(cell), "range_max of %s (its last leaf)", text);
        expect_true(2 * cell == lo + hi, "hs_cell_range(%s): range_min + range_max must be "
                    "2 id", text);
        for (int k = 0; k < 4; k++) {
            uint64_t inside = ref_random_descendant(&r, cell);
            expect_true(inside >= lo && inside <= hi, "hs_cell_range(%s) = [0x%016llx, "
                        "0x%016llx] must hold its descendant 0x%016llx", text,
                        (unsigned long long)lo, (unsigned long long)hi,
                        (unsigned long long)inside);
        }
        /* The leaves just outside belong to other cells. */
        const uint64_t outside[2] = {lo - 2, hi + 2};
        for (int k = 0; k < 2; k++) {
            int c = -1;
            if (!ref_is_valid(outside[k]))
                continue;
            expect_status(hs_cell_contains(cell, outside[k], &c), HS_OK,
                          "hs_cell_contains(%s, the leaf just %s its range)", text,
                          k ? "after" : "before");
            expect_int(c, 0, "hs_cell_contains(%s, the leaf 0x%016llx just %s its range)", text,
                       (unsigned long long)outside[k], k ? "after" : "before");
        }
    }
}

GRADED_TEST(bits, contains_and_intersects, 2, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    char ta[96], tb[96];
    for (int round = 0; round < 600; round++) {
        uint64_t a = ref_random_cell(&r, -1), b;
        switch (round % 4) {
        case 0: b = ref_random_descendant(&r, a); break;                     /* inside */
        case 1: b = ref_parent(a, (int)rng_below(&r, (uint64_t)ref_level(a) + 1)); break;
        case 2: b = ref_random_cell(&r, -1); break;                          /* unrelated */
        default: /* a sibling's descendant, or a neighbour on the curve */
            b = ref_random_descendant(&r, ref_level(a) ? ref_parent(a, ref_level(a) - 1) : a);
            break;
        }
        int want_c = ref_contains(a, b), want_i = want_c || ref_contains(b, a), c = -1, i = -1;
        expect_status(hs_cell_contains(a, b, &c), HS_OK, "hs_cell_contains(%s, %s)",
                      cell_text(a, ta), cell_text(b, tb));
        expect_int(c, want_c, "hs_cell_contains(%s, %s)", cell_text(a, ta), cell_text(b, tb));
        expect_status(hs_cell_intersects(a, b, &i), HS_OK, "hs_cell_intersects(%s, %s)",
                      cell_text(a, ta), cell_text(b, tb));
        expect_int(i, want_i, "hs_cell_intersects(%s, %s)", cell_text(a, ta), cell_text(b, tb));
    }
}

GRADED_TEST(bits, validity_and_errors, 2, SEC_BITS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 2000; round++) {
        uint64_t x = rng_u64(&r);
        x &= ~(uint64_t)0 << rng_below(&r, 64); /* random trailing zeros */
        if (round < 64)
            x = (uint64_t)1 << round;
        int came = hs_cell_is_valid(x);
        expect_int(came != 0, ref_is_valid(x), "hs_cell_is_valid(0x%016llx)",
                   (unsigned long long)x);
    }
    expect_int(hs_cell_is_valid(0), 0, "hs_cell_is_valid(0)");
    const uint64_t bad[] = {0, FACE_BITS(6) | 1, FACE_BITS(7) | (uint64_t)1 << 60,
                            FACE_BITS(2) | (uint64_t)1 << 59, FACE_BITS(1) | 2};
    const char *why[] = {"0", "a leaf on face 6", "face 7", "lowest 1 bit at position 59 (odd)",
                         "lowest 1 bit at position 1 (odd)"};
    uint64_t out[4], lo, hi, good = FACE_BITS(1) | (uint64_t)1 << 40;
    int level, result;
    for (int k = 0; k < 5; k++) {
        expect_status(hs_cell_level(bad[k], &level), HS_ERR_ARG, "hs_cell_level(%s)", why[k]);
        expect_status(hs_cell_parent(bad[k], 0, out), HS_ERR_ARG, "hs_cell_parent(%s, 0)",
                      why[k]);
        expect_status(hs_cell_children(bad[k], out), HS_ERR_ARG, "hs_cell_children(%s)",
                      why[k]);
        expect_status(hs_cell_range(bad[k], &lo, &hi), HS_ERR_ARG, "hs_cell_range(%s)", why[k]);
        expect_status(hs_cell_contains(good, bad[k], &result), HS_ERR_ARG,
                      "hs_cell_contains(a valid cell, %s)", why[k]);
        expect_status(hs_cell_intersects(bad[k], good, &result), HS_ERR_ARG,
                      "hs_cell_intersects(%s, a valid cell)", why[k]);
        expect_int(hs_cell_is_valid(bad[k]), 0, "hs_cell_is_valid(%s)", why[k]);
    }
    int good_level = ref_level(good);
    expect_status(hs_cell_parent(good, good_level + 1, out), HS_ERR_ARG,
                  "hs_cell_parent of a level-%d cell at level %d (below it)", good_level,
                  good_level + 1);
    expect_status(hs_cell_parent(good, -1, out), HS_ERR_ARG, "hs_cell_parent at level -1");
    expect_status(hs_cell_children(FACE_BITS(5) | 1, out), HS_ERR_ARG,
                  "hs_cell_children of a leaf");
    expect_status(hs_cell_level(good, NULL), HS_ERR_ARG, "hs_cell_level with level = NULL");
    expect_status(hs_cell_parent(good, 0, NULL), HS_ERR_ARG,
                  "hs_cell_parent with parent = NULL");
    expect_status(hs_cell_children(good, NULL), HS_ERR_ARG,
                  "hs_cell_children with children = NULL");
    expect_status(hs_cell_range(good, NULL, &hi), HS_ERR_ARG,
                  "hs_cell_range with range_min = NULL");
    expect_status(hs_cell_contains(good, good, NULL), HS_ERR_ARG,
                  "hs_cell_contains with result = NULL");
}
