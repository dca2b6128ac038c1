#include "pca.h"

const char *pc_status_str(pc_status status)
{
    switch (status) {
    case PC_OK: return "success";
    case PC_ERR_TODO: return "not implemented yet";
    case PC_ERR_ARG: return "invalid argument";
    case PC_ERR_NAN: return "NaN or infinity in the input";
    case PC_ERR_NOMEM: return "out of memory";
    case PC_ERR_NOCONVERGE: return "the iteration did not converge";
    }
    return "unknown status";
}
