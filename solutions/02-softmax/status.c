#include "softmax.h"

const char *sm_status_str(sm_status status)
{
    switch (status) {
    case SM_OK: return "success";
    case SM_ERR_TODO: return "not implemented yet";
    case SM_ERR_ARG: return "invalid argument";
    case SM_ERR_DOMAIN: return "the input has no answer (not a distribution)";
    case SM_ERR_IO: return "the file could not be read";
    case SM_ERR_PARSE: return "a malformed line in a data file";
    case SM_ERR_NOMEM: return "out of memory";
    }
    return "unknown status";
}
