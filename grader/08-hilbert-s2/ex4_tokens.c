/* Exercise 4: tokens, the ids as short hex strings (chapter section 6). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_token(uint64_t cell, const char *want)
{
    char token[17];
    memset(token, '#', sizeof token);
    expect_status(hs_cell_to_token(cell, token), HS_OK, "hs_cell_to_token(0x%016llx)",
                  (unsigned long long)cell);
    if (!memchr(token, '\0', sizeof token))
        grade_fail("hs_cell_to_token(0x%016llx): expected \"%s\", came 17 bytes without a NUL",
                   (unsigned long long)cell, want);
    if (strcmp(token, want) != 0)
        grade_fail("hs_cell_to_token(0x%016llx): expected \"%s\", came \"%s\"",
                   (unsigned long long)cell, want, token);
}

static void expect_parse(const char *token, size_t len, uint64_t want)
{
    uint64_t cell = ~want;
    expect_status(hs_token_to_cell(token, len, &cell), HS_OK, "hs_token_to_cell(\"%.*s\")",
                  (int)len, token);
    if (cell != want)
        grade_fail("hs_token_to_cell(\"%.*s\"): expected 0x%016llx, came 0x%016llx", (int)len,
                   token, (unsigned long long)want, (unsigned long long)cell);
}

/* The leaf tokens and level-10 tokens of the library's vectors. */
GRADED_TEST(tokens, library_vectors, 2, SEC_TOKENS)
{
    const struct {
        uint64_t leaf;
        const char *token, *level10;
    } table[] = {
        {10743752164119994973u, "951979aba134e25d", "951979"},
        {6090680338538011903u, "5486717f83039cff", "548671"},
        {9926595630970964329u, "89c25a220cf80969", "89c25b"},
        {43208472254904315u, "009981e0680a77fb", "009981"},
        {5764607523034234881u, "5000000000000001", "500001"},
        {12682136550675316737u, "b000000000000001", "b00001"},
        {1152921504606846977u, "1000000000000001", "100001"},
        {8070450532247928831u, "6fffffffffffffff", "6fffff"},
        {8070450532247928833u, "7000000000000001", "700001"},
        {7289871299538766515u, "652ad352d352cab3", "652ad3"},
        {8851029764957091149u, "7ad52cad2cad354d", "7ad52d"},
        {1345075088707988139u, "12aaaaaaaaaaaaab", "12aaab"},
        {4611686018427387905u, "4000000000000001", "400001"},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++) {
        uint64_t parent = ref_parent(table[k].leaf, 10);
        expect_token(table[k].leaf, table[k].token);
        expect_token(parent, table[k].level10);
        expect_parse(table[k].token, strlen(table[k].token), table[k].leaf);
        expect_parse(table[k].level10, strlen(table[k].level10), parent);
    }
    const char *faces[6] = {"1", "3", "5", "7", "9", "b"};
    for (int f = 0; f < 6; f++) {
        expect_token((uint64_t)f << 61 | (uint64_t)1 << 60, faces[f]);
        expect_parse(faces[f], 1, (uint64_t)f << 61 | (uint64_t)1 << 60);
    }
    expect_token(0x0400000000000000u, "04");
    expect_parse("89c25", 5, 0x89c2500000000000u);
    expect_token(0x7837423, "0000000007837423");
}

GRADED_TEST(tokens, zero_and_case, 1, SEC_TOKENS)
{
    expect_token(0, "X");
    expect_parse("X", 1, 0);
    expect_parse("x", 1, 0);
    expect_parse("89C25A220CF80969", 16, 9926595630970964329u);
    expect_parse("89c25A220Cf80969", 16, 9926595630970964329u);
    expect_parse("ABCDEF", 6, 0xabcdef0000000000u);
    /* len bytes only: what follows is not part of the token. */
    const char longer[] = "89c25ffff";
    expect_parse(longer, 5, 0x89c2500000000000u);
    const char no_nul[3] = {'b', '0', '1'};
    expect_parse(no_nul, 3, 0xb010000000000000u);
}

GRADED_TEST(tokens, malformed, 2, SEC_TOKENS)
{
    const char *bad[] = {"876b e99", "876bee99\n", "876[ee99", " 876bee99", "", "11111111111111111",
                         "0x876bee", "876g", "XX", "x1", "1X", "-1", "876bee99 ", "+12"};
    const char *why[] = {"a space inside", "a newline at the end", "a '['", "a leading space",
                         "empty", "17 digits", "a 0x prefix", "a 'g'", "two X", "x then a digit",
                         "a digit then X", "a minus sign", "a trailing space", "a plus sign"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        uint64_t cell = 12345;
        size_t len = strlen(bad[k]);
        expect_status(hs_token_to_cell(bad[k], len, &cell), HS_ERR_FORMAT,
                      "hs_token_to_cell(\"%s\", %zu), %s", bad[k], len, why[k]);
    }
    const char nul_inside[4] = {'8', '\0', '7', '6'};
    uint64_t cell;
    expect_status(hs_token_to_cell(nul_inside, 4, &cell), HS_ERR_FORMAT,
                  "hs_token_to_cell of \"8\\0\"\"76\", 4 bytes with a NUL inside");
    char token[17];
    expect_status(hs_cell_to_token(1, NULL), HS_ERR_ARG, "hs_cell_to_token with token = NULL");
    expect_status(hs_token_to_cell("1", 1, NULL), HS_ERR_ARG,
                  "hs_token_to_cell with cell = NULL");
    expect_status(hs_token_to_cell(NULL, 3, &cell), HS_ERR_ARG, "hs_token_to_cell(NULL, 3)");
    (void)token;
}

/* Every uint64_t, valid as a cell or not, survives the round trip. */
GRADED_TEST(tokens, round_trip, 2, SEC_TOKENS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 1500; round++) {
        uint64_t x = rng_u64(&r) & ~(uint64_t)0 << rng_below(&r, 64);
        if (round < 64)
            x = (uint64_t)1 << round;
        if (round % 7 == 0)
            x >>= 4 * rng_below(&r, 16); /* leading zero digits */
        char want[17], token[17];
        ref_token(x, want);
        expect_token(x, want);
        uint64_t back = ~x;
        expect_status(hs_cell_to_token(x, token), HS_OK, "hs_cell_to_token(0x%016llx)",
                      (unsigned long long)x);
        expect_status(hs_token_to_cell(token, strlen(token), &back), HS_OK,
                      "hs_token_to_cell(\"%s\")", token);
        if (back != x)
            grade_fail("0x%016llx -> token \"%s\" -> expected 0x%016llx back, came 0x%016llx",
                       (unsigned long long)x, token, (unsigned long long)x,
                       (unsigned long long)back);
    }
}

/* Tokens compare as strings the way the ids compare as numbers. */
GRADED_TEST(tokens, sort_like_ids, 1, SEC_TOKENS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 500; round++) {
        uint64_t a = ref_random_cell(&r, -1), b;
        switch (round % 3) {
        case 0: b = ref_random_cell(&r, -1); break;
        case 1: b = ref_random_descendant(&r, a); break;
        default: b = ref_parent(a, (int)rng_below(&r, (uint64_t)ref_level(a) + 1)); break;
        }
        char ta[17], tb[17];
        expect_status(hs_cell_to_token(a, ta), HS_OK, "hs_cell_to_token(0x%016llx)",
                      (unsigned long long)a);
        expect_status(hs_cell_to_token(b, tb), HS_OK, "hs_cell_to_token(0x%016llx)",
                      (unsigned long long)b);
        int by_id = (a > b) - (a < b), c = strcmp(ta, tb), by_token = (c > 0) - (c < 0);
        if (by_id != by_token)
            grade_fail("ids 0x%016llx %s 0x%016llx, but their tokens \"%s\" %s \"%s\": tokens "
                       "sort like ids", (unsigned long long)a, by_id < 0 ? "<" : by_id ? ">" : "=",
                       (unsigned long long)b, ta, by_token < 0 ? "<" : by_token ? ">" : "=", tb);
    }
}
