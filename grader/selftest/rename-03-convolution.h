/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define cv_status_str real_cv_status_str
#define cv_mode_str real_cv_mode_str
#define cv_output_size real_cv_output_size
#define cv_convolve1d real_cv_convolve1d
#define cv_correlate1d real_cv_correlate1d
#define cv_correlate2d real_cv_correlate2d
#define cv_convolve2d real_cv_convolve2d
#define cv_correlate_separable real_cv_correlate_separable
#define cv_gaussian_kernel real_cv_gaussian_kernel
#define cv_pool_output_size real_cv_pool_output_size
#define cv_pool real_cv_pool
#define cv_layer_forward real_cv_layer_forward
#define cv_image_load real_cv_image_load
#define cv_image_save_png real_cv_image_save_png
#define cv_image_free real_cv_image_free
