#include "glove.h"

const char *gv_status_str(gv_status status)
{
    switch (status) {
    case GV_OK: return "success";
    case GV_ERR_TODO: return "not implemented yet";
    case GV_ERR_ARG: return "invalid argument";
    case GV_ERR_NAN: return "NaN or infinity in the input";
    case GV_ERR_NOMEM: return "out of memory";
    case GV_ERR_FORMAT: return "malformed text";
    case GV_ERR_SPACE: return "output array too small";
    }
    return "unknown status";
}
