/* dataset.c: loading the eye-tracking CSV file (chapter section 2). */
#include "regression.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

void lr_eyetrack_free(lr_eyetrack *data)
{
    // TODO: free the four arrays and set every field to zero (memset), so that
    //   freeing twice, or freeing a zeroed struct, is harmless.
    (void)data;
}

lr_status lr_eyetrack_load(const char *path, lr_eyetrack *out, char *err, size_t err_size)
{
    // TODO: read the file with the csv_reader from support/csv.h: check the
    //   header line, then parse each row (strtod, checking that the whole field
    //   was a finite number), growing the arrays as rows arrive. On any error,
    //   write "path:line: what is wrong" into err, free what you allocated and
    //   return the right status. Section 2 of the chapter walks through it.
    (void)path; (void)out; (void)err; (void)err_size;
    return LR_ERR_TODO;
}
