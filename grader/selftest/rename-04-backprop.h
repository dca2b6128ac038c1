/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define bp_status_str real_bp_status_str
#define bp_graph_init real_bp_graph_init
#define bp_input real_bp_input
#define bp_op_value real_bp_op_value
#define bp_apply real_bp_apply
#define bp_topological_order real_bp_topological_order
#define bp_forward real_bp_forward
#define bp_backward real_bp_backward
#define bp_activate real_bp_activate
#define bp_activate_grad real_bp_activate_grad
#define bp_activate_forward real_bp_activate_forward
#define bp_activate_backward real_bp_activate_backward
#define bp_bce_logit real_bp_bce_logit
#define bp_softmax_cross_entropy real_bp_softmax_cross_entropy
#define bp_gemm real_bp_gemm
#define bp_dense_forward real_bp_dense_forward
#define bp_dense_backward real_bp_dense_backward
#define bp_net321_pass real_bp_net321_pass
#define bp_net321_step real_bp_net321_step
#define bp_mlp_init real_bp_mlp_init
#define bp_mlp_free real_bp_mlp_free
#define bp_mlp_forward real_bp_mlp_forward
#define bp_mlp_loss_grad real_bp_mlp_loss_grad
#define bp_gradient_check real_bp_gradient_check
#define bp_mlp_train real_bp_mlp_train
#define bp_mlp_predict real_bp_mlp_predict
#define bp_mlp_accuracy real_bp_mlp_accuracy
#define bp_input_gradient real_bp_input_gradient
#define bp_fgsm real_bp_fgsm
#define bp_digits_load real_bp_digits_load
#define bp_digits_free real_bp_digits_free
#define bp_digits_split real_bp_digits_split
