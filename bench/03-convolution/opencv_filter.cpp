/* opencv_filter.cpp: see opencv_filter.h. The cv::Mat headers wrap the
 * caller's buffers without copying them, so OpenCV reads and writes exactly
 * the memory the solution does. */
#include "opencv_filter.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <string>

void opencv_single_thread(void)
{
    cv::setNumThreads(1);
}

const char *opencv_version(void)
{
    return CV_VERSION;
}

/* OpenCV picks, when it starts, the best of the versions of each function
 * it was built with that the processor supports and that OPENCV_CPU_DISABLE
 * does not name. Debian's libopencv_imgproc 4.6 has its filters in SSE4.1
 * and AVX2 versions (AVX-512 only for the integral image), on top of a
 * plain SSE2 baseline. */
const char *opencv_dispatch(void)
{
    static char line[512];
    const char *filters = cv::checkHardwareSupport(CV_CPU_AVX2)     ? "AVX2"
                          : cv::checkHardwareSupport(CV_CPU_SSE4_1) ? "SSE4.1"
                                                                    : "SSE2";
    std::snprintf(line, sizeof line,
                  "%s (* dispatched, ? disabled); AVX-512 code %s; filter2D and "
                  "sepFilter2D run its %s code",
                  cv::getCPUFeaturesLine().c_str(),
                  cv::checkHardwareSupport(CV_CPU_AVX512_SKX) ? "enabled" : "not used",
                  filters);
    return line;
}

/* Zero padding; the anchor (-1, -1) is the kernel's centre. OpenCV, like
 * every CNN library, computes cross-correlation and calls it filtering. */
int opencv_filter2d(const float *img, int h, int w, const float *k, int kh, int kw, float *out)
{
    try {
        const cv::Mat src(h, w, CV_32F, const_cast<float *>(img));
        const cv::Mat kernel(kh, kw, CV_32F, const_cast<float *>(k));
        cv::Mat dst(h, w, CV_32F, out);
        cv::filter2D(src, dst, CV_32F, kernel, cv::Point(-1, -1), 0.0, cv::BORDER_CONSTANT);
        return dst.ptr<float>() == out ? 0 : -1;
    } catch (const cv::Exception &) {
        return -1;
    }
}

int opencv_sep_filter2d(const float *img, int h, int w, const float *col, int kh,
                        const float *row, int kw, float *out)
{
    try {
        const cv::Mat src(h, w, CV_32F, const_cast<float *>(img));
        const cv::Mat kernel_x(1, kw, CV_32F, const_cast<float *>(row));
        const cv::Mat kernel_y(kh, 1, CV_32F, const_cast<float *>(col));
        cv::Mat dst(h, w, CV_32F, out);
        cv::sepFilter2D(src, dst, CV_32F, kernel_x, kernel_y, cv::Point(-1, -1), 0.0,
                        cv::BORDER_CONSTANT);
        return dst.ptr<float>() == out ? 0 : -1;
    } catch (const cv::Exception &) {
        return -1;
    }
}
