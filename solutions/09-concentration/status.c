#include "concentration.h"

const char *mc_status_str(mc_status status)
{
    switch (status) {
    case MC_OK: return "success";
    case MC_ERR_TODO: return "not implemented yet";
    case MC_ERR_ARG: return "invalid argument";
    case MC_ERR_NAN: return "NaN or infinity in the input";
    case MC_ERR_NOMEM: return "out of memory";
    }
    return "unknown status";
}
