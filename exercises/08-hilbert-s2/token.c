/* token.c: cell ids as short hex strings, and back (chapter section 6). */
#include "s2cell.h"

hs_status hs_cell_to_token(uint64_t cell, char token[17])
{
    // TODO: "X" for 0. Otherwise count the zero hex digits at the end of the
    //   id (while the lowest four bits are 0), and write the other 16 - that
    //   many digits, from the most significant, in lowercase: leading zeros
    //   stay.
    (void)cell; (void)token;
    return HS_ERR_TODO;
}

hs_status hs_token_to_cell(const char *token, size_t len, uint64_t *cell)
{
    // TODO: "X" or "x" is 0. Otherwise 1 to 16 bytes, each a hex digit of
    //   either case (anything else, a space or a NUL included, is
    //   HS_ERR_FORMAT); the first digit is the id's top four bits, the next
    //   the four below, and the digits not written are zeros.
    (void)token; (void)len; (void)cell;
    return HS_ERR_TODO;
}
