/* opencv_filter.cpp: see opencv_filter.h. The cv::Mat headers wrap the
 * caller's buffers without copying them, so OpenCV reads and writes exactly
 * the memory the solution does. */
#include "opencv_filter.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

void opencv_single_thread(void)
{
    cv::setNumThreads(1);
}

const char *opencv_version(void)
{
    return CV_VERSION;
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
