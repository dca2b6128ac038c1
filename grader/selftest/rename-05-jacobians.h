/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define jc_status_str real_jc_status_str
#define jc_central_error real_jc_central_error
#define jc_central_best_step real_jc_central_best_step
#define jc_central_step real_jc_central_step
#define jc_jacobian_central real_jc_jacobian_central
#define jc_dual_const real_jc_dual_const
#define jc_dual_var real_jc_dual_var
#define jc_dual_add real_jc_dual_add
#define jc_dual_sub real_jc_dual_sub
#define jc_dual_mul real_jc_dual_mul
#define jc_dual_div real_jc_dual_div
#define jc_dual_sin real_jc_dual_sin
#define jc_dual_cos real_jc_dual_cos
#define jc_dual_exp real_jc_dual_exp
#define jc_dual_log real_jc_dual_log
#define jc_dual_tanh real_jc_dual_tanh
#define jc_dual_pow real_jc_dual_pow
#define jc_jacobian_forward real_jc_jacobian_forward
#define jc_determinant real_jc_determinant
#define jc_log_determinant real_jc_log_determinant
#define jc_image_area real_jc_image_area
#define jc_spectral_norm real_jc_spectral_norm
#define jc_net_param_count real_jc_net_param_count
#define jc_net_forward real_jc_net_forward
#define jc_net_jacobian real_jc_net_jacobian
#define jc_arm_position real_jc_arm_position
#define jc_arm_jacobian real_jc_arm_jacobian
#define jc_arm_determinant real_jc_arm_determinant
#define jc_arm_solve real_jc_arm_solve
#define jc_mixture_score real_jc_mixture_score
#define jc_langevin real_jc_langevin
