/* s2_shim.cpp: see s2_shim.h. */
#include "s2_shim.h"

#include <s2/s2cell_id.h>
#include <s2/s2latlng.h>
#include <s2/s2latlng_rect.h>
#include <s2/s2point.h>
#include <s2/s2region_coverer.h>

#include <vector>

void s2_latlng_to_cells(const double *lat, const double *lng, size_t n, uint64_t *cells)
{
    for (size_t k = 0; k < n; k++)
        cells[k] = S2CellId(S2LatLng::FromDegrees(lat[k], lng[k])).id();
}

void s2_points_to_cells(const double *xyz, size_t n, uint64_t *cells)
{
    for (size_t k = 0; k < n; k++)
        cells[k] = S2CellId(S2Point(xyz[3 * k], xyz[3 * k + 1], xyz[3 * k + 2])).id();
}

int s2_cover_rect(double lat_lo, double lat_hi, double lng_lo, double lng_hi, int min_level,
                  int max_level, int max_cells, uint64_t *cells, size_t capacity, size_t *count)
{
    S2RegionCoverer::Options options;
    options.set_min_level(min_level);
    options.set_max_level(max_level);
    options.set_max_cells(max_cells);
    S2RegionCoverer coverer(options);
    const S2LatLngRect rect(S2LatLng::FromDegrees(lat_lo, lng_lo),
                            S2LatLng::FromDegrees(lat_hi, lng_hi));
    std::vector<S2CellId> covering;
    coverer.GetCovering(rect, &covering);
    *count = covering.size();
    if (covering.size() > capacity)
        return -1;
    for (size_t k = 0; k < covering.size(); k++)
        cells[k] = covering[k].id();
    return 0;
}
