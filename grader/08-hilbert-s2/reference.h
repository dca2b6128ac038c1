/* reference.h: independent reference computations for lesson 08's tests.
 *
 * The expected values come from here, never from the code under test. The
 * Hilbert curve is the textbook rotate-and-reflect walk (not S2's tables);
 * a leaf id is computed one level at a time, two bits per step, from the
 * orientation rules alone (not S2's 4-level lookup tables); the floating
 * point steps follow the arithmetic of Google's S2 (current version) in the
 * same order, since the ids must agree bit for bit. */
#ifndef LESSON08_REFERENCE_H
#define LESSON08_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"
#include "s2cell.h"

/* The chapter's sections, as the hints name them. */
#define SEC_HILBERT "2 The Hilbert curve"
#define SEC_LEAF "4 From a point to a leaf cell"
#define SEC_BITS "5 The hierarchy in the bits"
#define SEC_TOKENS "6 Tokens"
#define SEC_NEIGHBOURS "7 Neighbours"
#define SEC_COVER "8 Covering a rectangle"

#define LEAF_SIZE ((uint32_t)1 << 30)

/* ---- statuses ---- */
const char *status_name(hs_status s);
void expect_status(hs_status came, hs_status expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
/* A cell id as "0x... (token t, face/child positions)" for messages. */
const char *cell_text(uint64_t cell, char buffer[96]);

/* ---- exercise 1: the Hilbert curve ---- */
void ref_hilbert_d2xy(unsigned order, uint64_t d, uint32_t *x, uint32_t *y);
uint64_t ref_hilbert_xy2d(unsigned order, uint32_t x, uint32_t y);

/* ---- exercise 2: a point to a leaf ---- */
void ref_latlng_to_point(double lat, double lng, double p[3]);
int ref_point_to_face_uv(const double p[3], double *u, double *v);
double ref_uv_to_st(double u);
double ref_st_to_uv(double s);
uint32_t ref_st_to_ij(double s);
uint64_t ref_face_ij_to_cell(int face, uint32_t i, uint32_t j);
/* face, (i, j) of the leaf S2 puts at the cell's centre, and the Hilbert
 * orientation of the cell itself. */
void ref_cell_to_face_ij(uint64_t cell, int *face, uint32_t *i, uint32_t *j, int *orientation);
uint64_t ref_point_to_cell(const double p[3]);
uint64_t ref_latlng_to_cell(double lat, double lng);
/* (x, y, z) of (u, v) on face, S2's FaceUVtoXYZ. */
void ref_face_uv_to_point(int face, double u, double v, double p[3]);

/* ---- exercise 3: the bits ---- */
/* face < 6 and the lowest 1 bit at an even position 0..60 (S2: lsb & 0x1555555555555555). */
int ref_is_valid(uint64_t cell);
int ref_level(uint64_t cell);                    /* of a valid cell */
uint64_t ref_parent(uint64_t cell, int level);   /* level <= the cell's */
uint64_t ref_child(uint64_t cell, int position); /* position 0..3 */
uint64_t ref_range_min(uint64_t cell);
uint64_t ref_range_max(uint64_t cell);
int ref_contains(uint64_t a, uint64_t b);
/* A valid cell at a random level (or at level, when 0..30), on a random face. */
uint64_t ref_random_cell(rng *r, int level);
/* A random descendant of cell (itself included), at a random level below it. */
uint64_t ref_random_descendant(rng *r, uint64_t cell);
/* "f/0123..." (S2's debug string) to an id, and back. */
uint64_t ref_from_debug(const char *text);
void ref_debug_string(uint64_t cell, char out[40]);

/* ---- exercise 4: tokens ---- */
void ref_token(uint64_t cell, char out[17]);

/* ---- exercise 5: neighbours ---- */
void ref_edge_neighbors(uint64_t cell, uint64_t out[4]);

/* ---- exercise 6: covering ---- */
/* A uniform point of the rectangle (uniform in lat and lng). */
void ref_random_in_rect(rng *r, const hs_rect *rect, double *lat, double *lng);
/* The index of the cell of a sorted, disjoint list that contains leaf, or
 * -1. */
long ref_find_container(const uint64_t *cells, size_t count, uint64_t leaf);
/* The centre of a cell as latitude and longitude, in degrees. */
void ref_cell_center(uint64_t cell, double *lat, double *lng);

#endif
