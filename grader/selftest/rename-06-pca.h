/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define pc_status_str real_pc_status_str
#define pc_center real_pc_center
#define pc_covariance real_pc_covariance
#define pc_project real_pc_project
#define pc_reconstruct real_pc_reconstruct
#define pc_explained_variance real_pc_explained_variance
#define pc_svd_power real_pc_svd_power
#define pc_svd_jacobi real_pc_svd_jacobi
#define pc_pca_fit real_pc_pca_fit
#define pc_svd_randomized real_pc_svd_randomized
#define pc_autoencoder_train real_pc_autoencoder_train
#define pc_principal_angles real_pc_principal_angles
