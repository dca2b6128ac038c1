#include "mersenne.h"

const char *mp_status_str(mp_status status)
{
    switch (status) {
    case MP_OK: return "success";
    case MP_ERR_TODO: return "not implemented yet";
    case MP_ERR_ARG: return "invalid argument";
    case MP_ERR_NOMEM: return "out of memory";
    case MP_ERR_SPACE: return "output array too small";
    case MP_ERR_FORMAT: return "malformed decimal string";
    case MP_ERR_PRECISION: return "the working precision cannot decide the answer";
    }
    return "unknown status";
}
