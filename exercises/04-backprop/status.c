#include "backprop.h"

const char *bp_status_str(bp_status status)
{
    switch (status) {
    case BP_OK: return "success";
    case BP_ERR_TODO: return "not implemented yet";
    case BP_ERR_ARG: return "invalid argument";
    case BP_ERR_GRAPH: return "the graph has a cycle or a missing operand";
    case BP_ERR_IO: return "the file could not be read";
    case BP_ERR_PARSE: return "a malformed line in a data file";
    case BP_ERR_NOMEM: return "out of memory";
    }
    return "unknown status";
}
