/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define mc_status_str real_mc_status_str
#define mc_splitmix64 real_mc_splitmix64
#define mc_seed real_mc_seed
#define mc_next real_mc_next
#define mc_jump real_mc_jump
#define mc_unit real_mc_unit
#define mc_unit_open0 real_mc_unit_open0
#define mc_streams_seed real_mc_streams_seed
#define mc_streams_uniform real_mc_streams_uniform
#define mc_exponential real_mc_exponential
#define mc_normal real_mc_normal
#define mc_poisson real_mc_poisson
#define mc_streams_normal real_mc_streams_normal
#define mc_markov real_mc_markov
#define mc_chebyshev real_mc_chebyshev
#define mc_chernoff_binomial real_mc_chernoff_binomial
#define mc_hoeffding real_mc_hoeffding
#define mc_mean_variance real_mc_mean_variance
#define mc_tail real_mc_tail
#define mc_samples_chebyshev real_mc_samples_chebyshev
#define mc_samples_hoeffding real_mc_samples_hoeffding
#define mc_pi real_mc_pi
#define mc_wilson real_mc_wilson
#define mc_pi_antithetic real_mc_pi_antithetic
#define mc_pi_stratified real_mc_pi_stratified
#define mc_radical_inverse real_mc_radical_inverse
#define mc_halton real_mc_halton
#define mc_pi_halton real_mc_pi_halton
