/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define lr_status_str real_lr_status_str
#define lr_eyetrack_load real_lr_eyetrack_load
#define lr_eyetrack_free real_lr_eyetrack_free
#define lr_error_naive real_lr_error_naive
#define lr_error_l1 real_lr_error_l1
#define lr_error_sse real_lr_error_sse
#define lr_error_mse real_lr_error_mse
#define lr_predict real_lr_predict
#define lr_line_mse real_lr_line_mse
#define lr_mse_gradient real_lr_mse_gradient
#define lr_gradient_descent real_lr_gradient_descent
#define lr_descend_1d real_lr_descend_1d
#define lr_fit_line real_lr_fit_line
#define lr_fit_multi real_lr_fit_multi
#define lr_predict_multi real_lr_predict_multi
