#include "jacobians.h"

const char *jc_status_str(jc_status status)
{
    switch (status) {
    case JC_OK: return "success";
    case JC_ERR_TODO: return "not implemented yet";
    case JC_ERR_ARG: return "invalid argument";
    case JC_ERR_NOMEM: return "out of memory";
    case JC_ERR_NOCONVERGE: return "the iteration did not converge";
    case JC_ERR_UNREACHABLE: return "the target is out of the arm's reach";
    }
    return "unknown status";
}
