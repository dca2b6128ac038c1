#include "regression.h"

const char *lr_status_str(lr_status status)
{
    switch (status) {
    case LR_OK: return "success";
    case LR_ERR_TODO: return "not implemented yet";
    case LR_ERR_ARG: return "invalid argument";
    case LR_ERR_IO: return "the file could not be read";
    case LR_ERR_PARSE: return "a malformed line in a data file";
    case LR_ERR_NOMEM: return "out of memory";
    case LR_ERR_SINGULAR: return "the data do not determine the fit";
    case LR_ERR_DIVERGED: return "gradient descent diverged";
    case LR_ERR_NOT_CONVERGED: return "gradient descent did not converge";
    }
    return "unknown status";
}
