/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define gv_status_str real_gv_status_str
#define gv_vocab_count real_gv_vocab_count
#define gv_vocab_parse real_gv_vocab_parse
#define gv_cooccur real_gv_cooccur
#define gv_weight real_gv_weight
#define gv_cost real_gv_cost
#define gv_init real_gv_init
#define gv_shuffle real_gv_shuffle
#define gv_adagrad_epoch real_gv_adagrad_epoch
#define gv_normalize_rows real_gv_normalize_rows
#define gv_cosine real_gv_cosine
#define gv_nearest real_gv_nearest
#define gv_analogies real_gv_analogies
#define gv_fixed_encode real_gv_fixed_encode
#define gv_fixed_dot real_gv_fixed_dot
#define gv_share real_gv_share
#define gv_secure_dot real_gv_secure_dot
