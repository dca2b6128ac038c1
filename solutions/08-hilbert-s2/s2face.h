/* s2face.h: the one piece of cube geometry that several of the lesson's files
 * share, the inverse of hs_point_to_face_uv.
 *
 * It is given, not an exercise (the chapter's section 4 tabulates it).
 */
#ifndef S2CELL_FACE_H
#define S2CELL_FACE_H

/* The point (not unit length) at (u, v) on face: the face's axis set to +1
 * or -1 and the other two coordinates taken from u and v, as S2 orients
 * them. */
static inline void hs_face_uv_to_xyz(int face, double u, double v, double p[3])
{
    switch (face) {
    case 0: p[0] = 1; p[1] = u; p[2] = v; break;
    case 1: p[0] = -u; p[1] = 1; p[2] = v; break;
    case 2: p[0] = -u; p[1] = -v; p[2] = 1; break;
    case 3: p[0] = -1; p[1] = -v; p[2] = -u; break;
    case 4: p[0] = v; p[1] = -1; p[2] = -u; break;
    default: p[0] = v; p[1] = u; p[2] = -1; break;
    }
}

#endif
