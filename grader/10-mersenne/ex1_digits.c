/* Exercise 1: the number of digits, the last digits and the first digits
 * of 2^p - 1 without the number (chapter sections 2, 3 and 4). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define MAX_EXPONENT ((uint64_t)1 << 40)

static void expect_digit_count(uint64_t p, uint64_t want)
{
    uint64_t digits = 0;
    expect_status(mp_digit_count(p, &digits), MP_OK, "mp_digit_count(%llu)",
                  (unsigned long long)p);
    if (digits != want)
        grade_fail("mp_digit_count(%llu): expected %llu digits, came %llu",
                   (unsigned long long)p, (unsigned long long)want,
                   (unsigned long long)digits);
}

/* The seed's number, the newer record, and 2^p - 1 written out for small p. */
GRADED_TEST(digits, records_and_small, 2, SEC_DIGITS)
{
    expect_digit_count(P_SEED, 23249425);
    expect_digit_count(P_RECORD, 41024320);
    expect_digit_count(1, 1);   /* 1 */
    expect_digit_count(3, 1);   /* 7 */
    expect_digit_count(4, 2);   /* 15 */
    expect_digit_count(10, 4);  /* 1023 */
    expect_digit_count(64, 20); /* 18446744073709551615 */
    uint64_t *x = words(40);
    char *text = grade_alloc(1000, 1);
    for (uint64_t p = 1; p <= 2000; p += 1 + (p > 200) * 6) {
        size_t n = ref_mersenne(x, p);
        expect_digit_count(p, ref_decimal(x, n, text));
    }
}

/* Exponents where p log10 2 lies within 10^-8 .. 10^-13 of an integer (the
 * denominators of its continued fraction and their multiples): several
 * defeat floor() in double precision. Counts from 150-digit arithmetic. */
GRADED_TEST(digits, dangerous_exponents, 2, SEC_DIGITS)
{
    static const struct {
        uint64_t p, digits;
    } table[] = {
        {6432163, 1936275},           {44699994, 13456039},         {51132157, 15392314},
        {146964308, 44240665},        {198096465, 59632979},        {293928616, 88481330},
        {345060773, 103873643},       {690121546, 207747286},       {1035182319, 311620929},
        {1578339557, 475127551},      {1923400330, 579001193},      {3846800660, 1158002386},
        {5770200990, 1737003579},     {82361153417, 24793177657},   {164722306834, 49586355313},
        {496090320832, 149338067129}, {578451474249, 174131244786}, {992180641664, 298676134258},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        expect_digit_count(table[i].p, table[i].digits);
        expect_digit_count(table[i].p - 1, ref_floor_p_log10_2(table[i].p - 1) + 1);
        expect_digit_count(table[i].p + 1, ref_floor_p_log10_2(table[i].p + 1) + 1);
    }
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 3000; round++) {
        uint64_t p = 1 + rng_below(&r, MAX_EXPONENT - 1);
        if (round < 20)
            p = MAX_EXPONENT - 1 - (uint64_t)round;
        expect_digit_count(p, ref_floor_p_log10_2(p) + 1);
    }
}

GRADED_TEST(digits, errors, 1, SEC_DIGITS)
{
    uint64_t digits;
    expect_status(mp_digit_count(0, &digits), MP_ERR_ARG, "mp_digit_count(0) (2^0 - 1 = 0)");
    expect_status(mp_digit_count(MAX_EXPONENT, &digits), MP_ERR_ARG,
                  "mp_digit_count(2^40) (beyond the promised range)");
    expect_status(mp_digit_count(UINT64_MAX, &digits), MP_ERR_ARG, "mp_digit_count(2^64 - 1)");
    expect_status(mp_digit_count(5, NULL), MP_ERR_ARG, "mp_digit_count with digits = NULL");
}

static void expect_text(mp_status (*f)(uint64_t, unsigned, char *), const char *name, uint64_t p,
                        unsigned k, const char *want)
{
    char out[32];
    memset(out, '#', sizeof out);
    expect_status(f(p, k, out), MP_OK, "%s(p = %llu, k = %u)", name, (unsigned long long)p, k);
    if (!memchr(out, '\0', k + 1))
        grade_fail("%s(p = %llu, k = %u): expected \"%s\", came %u bytes without a NUL", name,
                   (unsigned long long)p, k, want, k + 1);
    if (strcmp(out, want) != 0)
        grade_fail("%s(p = %llu, k = %u): expected \"%s\", came \"%s\"", name,
                   (unsigned long long)p, k, want, out);
}

static void expect_last(uint64_t p, unsigned k)
{
    char want[32];
    ref_last_digits(p, k, want);
    expect_text(mp_last_digits, "mp_last_digits", p, k, want);
}

/* The cycle 2, 4, 8, 6 of the last digit, leading zeros kept, the records. */
GRADED_TEST(last, by_hand_and_records, 2, SEC_LAST)
{
    expect_text(mp_last_digits, "mp_last_digits", 1, 1, "1");
    expect_text(mp_last_digits, "mp_last_digits", 2, 1, "3");
    expect_text(mp_last_digits, "mp_last_digits", 3, 1, "7");
    expect_text(mp_last_digits, "mp_last_digits", 4, 1, "5");
    expect_text(mp_last_digits, "mp_last_digits", 5, 1, "1");
    expect_text(mp_last_digits, "mp_last_digits", 1, 3, "001");
    expect_text(mp_last_digits, "mp_last_digits", 10, 6, "001023");
    expect_text(mp_last_digits, "mp_last_digits", 64, 19, "8446744073709551615");
    expect_text(mp_last_digits, "mp_last_digits", P_SEED, 1, "1");
    expect_text(mp_last_digits, "mp_last_digits", P_RECORD, 1, "1");
    for (unsigned k = 1; k <= 19; k++) {
        expect_last(P_SEED, k);
        expect_last(P_RECORD, k);
    }
}

GRADED_TEST(last, random_exponents, 2, SEC_LAST)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 2000; round++) {
        uint64_t p = 1 + (round % 2 ? rng_u64(&r) >> rng_below(&r, 64) : rng_below(&r, 300));
        if (p == 0)
            p = 1;
        expect_last(p, 1 + (unsigned)rng_below(&r, 19));
    }
    expect_last(UINT64_MAX, 19);
}

GRADED_TEST(last, errors, 1, SEC_LAST)
{
    char out[32];
    expect_status(mp_last_digits(0, 3, out), MP_ERR_ARG, "mp_last_digits(p = 0, k = 3)");
    expect_status(mp_last_digits(5, 0, out), MP_ERR_ARG, "mp_last_digits(p = 5, k = 0)");
    expect_status(mp_last_digits(5, 20, out), MP_ERR_ARG,
                  "mp_last_digits(p = 5, k = 20) (10^20 does not fit 64 bits)");
    expect_status(mp_last_digits(5, 3, NULL), MP_ERR_ARG, "mp_last_digits with out = NULL");
}

static void expect_first(uint64_t p, unsigned k, const char *want20)
{
    char want[32];
    memcpy(want, want20, k);
    want[k] = '\0';
    expect_text(mp_first_digits, "mp_first_digits", p, k, want);
}

/* 2^p - 1 written out for p up to 1500: every k. */
GRADED_TEST(first, small_exponents, 2, SEC_FIRST)
{
    uint64_t *x = words(40);
    char *text = grade_alloc(1000, 1);
    for (uint64_t p = 1; p <= 1500; p += 1 + (p > 100) * 10) {
        size_t digits = ref_decimal(x, ref_mersenne(x, p), text);
        for (unsigned k = 1; k <= 20 && k <= digits; k++)
            expect_first(p, k, text);
    }
}

/* The first 20 digits of the records and of large exponents, from 150-digit
 * arithmetic. */
GRADED_TEST(first, records_and_large, 2, SEC_FIRST)
{
    static const struct {
        uint64_t p;
        const char *digits;
    } table[] = {
        {77232917, "46733318335923109998"},       {136279841, "88169432750383326555"},
        {82589933, "14889444574204132554"},       {57885161, "58188726623224644217"},
        {43112609, "31647026933025592314"},       {1000000, "99006562292958982506"},
        {4423, "28554254222827961390"},           {1099511627775, "40286161225329119128"},
        {549755826233, "14736332528246787511"},   {1073741824, "41971574329347753848"},
        {36814893843, "84765279923397833031"},    {530124041872, "12599275536026928304"},
        {15368785144, "18154262420481102225"},    {507692326080, "31544748661924284870"},
        {540365100185, "45427009485381140438"},   {308480965303, "38266921684789676866"},
        {891865873413, "23344873992828675847"},   {35048919087, "61212166563968631039"},
        {539108169879, "12365383518071298892"},   {83013152131, "11177413442745806844"},
        {1044751780464, "10340786561080680761"},  {820137103698, "11995983577316355706"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        for (unsigned k = 1; k <= 20; k++)
            expect_first(table[i].p, k, table[i].digits);
}

GRADED_TEST(first, errors, 1, SEC_FIRST)
{
    char out[32];
    expect_status(mp_first_digits(0, 1, out), MP_ERR_ARG, "mp_first_digits(p = 0, k = 1)");
    expect_status(mp_first_digits(MAX_EXPONENT, 1, out), MP_ERR_ARG,
                  "mp_first_digits(p = 2^40, k = 1)");
    expect_status(mp_first_digits(100, 0, out), MP_ERR_ARG, "mp_first_digits(p = 100, k = 0)");
    expect_status(mp_first_digits(100, 21, out), MP_ERR_ARG, "mp_first_digits(p = 100, k = 21)");
    expect_status(mp_first_digits(10, 5, out), MP_ERR_ARG,
                  "mp_first_digits(p = 10, k = 5) (2^10 - 1 = 1023 has 4 digits)");
    expect_status(mp_first_digits(64, 20, out), MP_OK,
                  "mp_first_digits(p = 64, k = 20) (2^64 - 1 has exactly 20 digits)");
    expect_status(mp_first_digits(100, 3, NULL), MP_ERR_ARG, "mp_first_digits with out = NULL");
}
