/* Force-included (-include) when the self-test compiles the reference
 * solution: its public functions become real_*, so that the hostile
 * implementation can define the public names and call the real ones. */
#define hs_status_str real_hs_status_str
#define hs_hilbert_d2xy real_hs_hilbert_d2xy
#define hs_hilbert_xy2d real_hs_hilbert_xy2d
#define hs_latlng_to_point real_hs_latlng_to_point
#define hs_point_to_face_uv real_hs_point_to_face_uv
#define hs_uv_to_st real_hs_uv_to_st
#define hs_st_to_uv real_hs_st_to_uv
#define hs_st_to_ij real_hs_st_to_ij
#define hs_face_ij_to_cell real_hs_face_ij_to_cell
#define hs_cell_to_face_ij real_hs_cell_to_face_ij
#define hs_point_to_cell real_hs_point_to_cell
#define hs_latlng_to_cell real_hs_latlng_to_cell
#define hs_latlng_to_cells real_hs_latlng_to_cells
#define hs_points_to_cells real_hs_points_to_cells
#define hs_cell_is_valid real_hs_cell_is_valid
#define hs_cell_level real_hs_cell_level
#define hs_cell_parent real_hs_cell_parent
#define hs_cell_children real_hs_cell_children
#define hs_cell_range real_hs_cell_range
#define hs_cell_contains real_hs_cell_contains
#define hs_cell_intersects real_hs_cell_intersects
#define hs_cell_to_token real_hs_cell_to_token
#define hs_token_to_cell real_hs_token_to_cell
#define hs_cell_edge_neighbors real_hs_cell_edge_neighbors
#define hs_cover_rect real_hs_cover_rect
