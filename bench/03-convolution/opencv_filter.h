/* opencv_filter.h: OpenCV's filters behind a C interface, so that bench.c
 * can time the library people would otherwise reach for, side by side with
 * the solution. (OpenCV 4 has only a C++ interface; opencv_filter.cpp is
 * the one C++ file in the course.) */
#ifndef OPENCV_FILTER_H
#define OPENCV_FILTER_H

#ifdef __cplusplus
extern "C" {
#endif

/* Makes OpenCV run every filter on the calling thread, as the solution does. */
void opencv_single_thread(void);

/* The OpenCV version, e.g. "4.6.0". */
const char *opencv_version(void);

/* What OpenCV dispatches to on this processor: its CPU features line (from
 * cv::getCPUFeaturesLine) and which version of its filters runs. */
const char *opencv_dispatch(void);

/* cv::filter2D: 'same' cross-correlation of the h x w image with the
 * kh x kw kernel (odd sizes: centred), zeros beyond the border. 0 on
 * success, -1 if OpenCV failed or did not write into out. */
int opencv_filter2d(const float *img, int h, int w, const float *k, int kh, int kw, float *out);

/* cv::sepFilter2D: the same with the kernel col[i] * row[j]. */
int opencv_sep_filter2d(const float *img, int h, int w, const float *col, int kh,
                        const float *row, int kw, float *out);

#ifdef __cplusplus
}
#endif

#endif
