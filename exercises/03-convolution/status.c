#include "convolution.h"

const char *cv_status_str(cv_status status)
{
    switch (status) {
    case CV_OK: return "success";
    case CV_ERR_TODO: return "not implemented yet";
    case CV_ERR_ARG: return "invalid argument";
    case CV_ERR_SHAPE: return "the sizes do not fit";
    case CV_ERR_IO: return "the file could not be read or written";
    case CV_ERR_FORMAT: return "the file is not an image we can decode";
    case CV_ERR_NOMEM: return "out of memory";
    }
    return "unknown status";
}

const char *cv_mode_str(cv_mode mode)
{
    switch (mode) {
    case CV_VALID: return "valid";
    case CV_SAME: return "same";
    case CV_FULL: return "full";
    }
    return "unknown mode";
}
