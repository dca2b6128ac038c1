#include "s2cell.h"

const char *hs_status_str(hs_status status)
{
    switch (status) {
    case HS_OK: return "success";
    case HS_ERR_TODO: return "not implemented yet";
    case HS_ERR_ARG: return "invalid argument";
    case HS_ERR_NAN: return "NaN or infinity in the input";
    case HS_ERR_NOMEM: return "out of memory";
    case HS_ERR_FORMAT: return "malformed token";
    case HS_ERR_SPACE: return "output array too small";
    }
    return "unknown status";
}
