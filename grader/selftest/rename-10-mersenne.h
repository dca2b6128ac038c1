/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define mp_status_str real_mp_status_str
#define mp_digit_count real_mp_digit_count
#define mp_last_digits real_mp_last_digits
#define mp_first_digits real_mp_first_digits
#define mp_compare real_mp_compare
#define mp_add real_mp_add
#define mp_sub real_mp_sub
#define mp_mul_schoolbook real_mp_mul_schoolbook
#define mp_mul_karatsuba real_mp_mul_karatsuba
#define mp_mul real_mp_mul
#define mp_mod_mersenne real_mp_mod_mersenne
#define mp_lucas_lehmer real_mp_lucas_lehmer
#define mp_to_decimal real_mp_to_decimal
#define mp_from_decimal real_mp_from_decimal
#define mp_benford_counts real_mp_benford_counts
