/* token.c: cell ids as short hex strings, and back (chapter section 6). */
#include "s2cell.h"

// BEGIN SOLUTION
/* The value of a hex digit of either case, -1 for any other byte. */
static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// END SOLUTION
hs_status hs_cell_to_token(uint64_t cell, char token[17])
{
    // TODO: "X" for 0. Otherwise count the zero hex digits at the end of the
    //   id (while the lowest four bits are 0), and write the other 16 - that
    //   many digits, from the most significant, in lowercase: leading zeros
    //   stay.
    // STUB: (void)cell; (void)token;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    static const char digits[] = "0123456789abcdef";
    if (!token)
        return HS_ERR_ARG;
    if (cell == 0) {
        token[0] = 'X';
        token[1] = '\0';
        return HS_OK;
    }
    int length = 16;
    while ((cell >> (4 * (16 - length)) & 15) == 0)
        length--;
    for (int k = 0; k < length; k++)
        token[k] = digits[cell >> (60 - 4 * k) & 15];
    token[length] = '\0';
    return HS_OK;
    // END SOLUTION
}

hs_status hs_token_to_cell(const char *token, size_t len, uint64_t *cell)
{
    // TODO: "X" or "x" is 0. Otherwise 1 to 16 bytes, each a hex digit of
    //   either case (anything else, a space or a NUL included, is
    //   HS_ERR_FORMAT); the first digit is the id's top four bits, the next
    //   the four below, and the digits not written are zeros.
    // STUB: (void)token; (void)len; (void)cell;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!token || !cell)
        return HS_ERR_ARG;
    if (len == 1 && (token[0] == 'X' || token[0] == 'x')) {
        *cell = 0;
        return HS_OK;
    }
    if (len == 0 || len > 16)
        return HS_ERR_FORMAT;
    uint64_t id = 0;
    for (size_t k = 0; k < len; k++) {
        int digit = hex_value(token[k]);
        if (digit < 0)
            return HS_ERR_FORMAT;
        id |= (uint64_t)digit << (60 - 4 * k);
    }
    *cell = id;
    return HS_OK;
    // END SOLUTION
}
