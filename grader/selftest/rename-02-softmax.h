/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define sm_status_str real_sm_status_str
#define sm_normalize real_sm_normalize
#define sm_logsumexp real_sm_logsumexp
#define sm_softmax real_sm_softmax
#define sm_log_softmax real_sm_log_softmax
#define sm_softmax_temperature real_sm_softmax_temperature
#define sm_entropy real_sm_entropy
#define sm_cross_entropy real_sm_cross_entropy
#define sm_kl_divergence real_sm_kl_divergence
#define sm_cross_entropy_logits real_sm_cross_entropy_logits
#define sm_cross_entropy_grad real_sm_cross_entropy_grad
#define sm_digits_load real_sm_digits_load
#define sm_digits_free real_sm_digits_free
#define sm_digits_split real_sm_digits_split
#define sm_model_logits real_sm_model_logits
#define sm_train real_sm_train
#define sm_predict real_sm_predict
#define sm_accuracy real_sm_accuracy
#define sm_softmax_rows real_sm_softmax_rows
