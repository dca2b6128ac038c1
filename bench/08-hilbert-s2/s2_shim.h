/* s2_shim.h: Google's S2 library (Debian's libs2-dev, S2 0.10.0) behind a C
 * interface, so that bench.c can time it and check every id against it. S2
 * has only a C++ interface; s2_shim.cpp is this lesson's one C++ file. */
#ifndef S2_SHIM_H
#define S2_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* cells[k] = S2CellId(S2LatLng::FromDegrees(lat[k], lng[k])).id(). */
void s2_latlng_to_cells(const double *lat, const double *lng, size_t n, uint64_t *cells);

/* cells[k] = S2CellId(S2Point(xyz[3k], xyz[3k + 1], xyz[3k + 2])).id(). */
void s2_points_to_cells(const double *xyz, size_t n, uint64_t *cells);

/* S2RegionCoverer's covering of the rectangle (degrees) with these options:
 * its cells, sorted by id, in cells (*count of them). 0 on success, -1 when
 * capacity is too small (*count is then the number needed). */
int s2_cover_rect(double lat_lo, double lat_hi, double lng_lo, double lng_hi, int min_level,
                  int max_level, int max_cells, uint64_t *cells, size_t capacity, size_t *count);

#ifdef __cplusplus
}
#endif

#endif
