/* network.c: a tanh network, its forward pass and its whole Jacobian,
 * multiplied from the input side (forward mode) or from the output side
 * (reverse mode) (chapter sections 6 and 7). */
#include "jacobians.h"

#include <math.h>
#include <stdlib.h>

#include "gemm.h"

// BEGIN SOLUTION
/* rows * cols doubles, or NULL when that many cannot even be counted. */
static double *alloc_doubles(size_t rows, size_t cols)
{
    if (cols != 0 && rows > SIZE_MAX / sizeof(double) / cols)
        return NULL;
    return malloc(rows * cols * sizeof(double));
}

/* The widest of the hidden layers 1..layers-1 (0 with a single layer). */
static size_t widest_hidden(const jc_tanh_net *net)
{
    size_t widest = 0;
    for (size_t l = 1; l < net->layers; l++)
        widest = net->sizes[l] > widest ? net->sizes[l] : widest;
    return widest;
}

/* tanh'(z) = 1 - tanh(z)^2 = 4 e / (1 + e)^2 with e = exp(-2|z|): from z,
 * not from h = tanh(z), because where tanh saturates h holds few digits of
 * 1 - h (at z = 10, 1 - h^2 computed from h keeps 8 of its 16). */
static double tanh_slope(double z)
{
    double e = exp(-2.0 * fabs(z));
    return 4.0 * e / ((1.0 + e) * (1.0 + e));
}

/* z = b + W x for one layer (W: out x in), then h = tanh(z) where h is not
 * NULL and d = tanh'(z) where d is not NULL. Four rows at a time: their
 * four dot products are independent, so they overlap instead of each
 * waiting for its own previous addition, and x is loaded once for four (a
 * last block of fewer rows repeats its first one in the missing places). */
static void layer_forward(const double *w, const double *b, size_t in, size_t out,
                          const double *x, double *h, double *d)
{
    for (size_t i = 0; i < out; i += 4) {
        size_t rows = out - i < 4 ? out - i : 4;
        const double *w0 = w + i * in;
        const double *w1 = rows > 1 ? w0 + in : w0, *w2 = rows > 2 ? w0 + 2 * in : w0;
        const double *w3 = rows > 3 ? w0 + 3 * in : w0;
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
#pragma omp simd reduction(+ : s0, s1, s2, s3)
        for (size_t j = 0; j < in; j++) {
            s0 += w0[j] * x[j];
            s1 += w1[j] * x[j];
            s2 += w2[j] * x[j];
            s3 += w3[j] * x[j];
        }
        const double z[4] = {s0, s1, s2, s3};
        for (size_t r = 0; r < rows; r++) {
            double zr = b[i + r] + z[r];
            if (h)
                h[i + r] = tanh(zr);
            if (d)
                d[i + r] = tanh_slope(zr);
        }
    }
}

/* The forward pass through every layer: y (if not NULL) receives the
 * output, d (if not NULL) the slopes tanh'(z) of every layer, one layer
 * after the other (sizes[1] + ... + sizes[layers] values). work holds two
 * vectors of widest_hidden(net) values, where the hidden layers take turns. */
static void forward_pass(const jc_tanh_net *net, const double *x, double *work, double *y,
                         double *d)
{
    size_t widest = widest_hidden(net);
    const double *in = x, *p = net->params;
    for (size_t l = 0; l < net->layers; l++) {
        size_t n_in = net->sizes[l], n_out = net->sizes[l + 1];
        double *out = l + 1 == net->layers ? y : work + (l % 2) * widest;
        layer_forward(p, p + n_in * n_out, n_in, n_out, in, out, d);
        in = out;
        p += (n_in + 1) * n_out;
        d = d ? d + n_out : NULL;
    }
}

static int network_valid(const jc_tanh_net *net)
{
    return net && net->params && jc_net_param_count(net) != 0;
}
// END SOLUTION

size_t jc_net_param_count(const jc_tanh_net *net)
{
    // TODO: the sum over the layers of (sizes[l] + 1) * sizes[l + 1] (a W
    //   and a b), or 0 for a network the header rules out. Check before
    //   each multiplication and addition that the result fits in a size_t
    //   (SIZE_MAX), instead of letting it wrap around.
    // STUB: (void)net;
    // STUB: return 0;
    // BEGIN SOLUTION
    if (!net || net->layers == 0 || net->layers > JC_MAX_LAYERS)
        return 0;
    for (size_t l = 0; l <= net->layers; l++)
        if (net->sizes[l] == 0)
            return 0;
    size_t count = 0;
    for (size_t l = 0; l < net->layers; l++) {
        size_t in = net->sizes[l], out = net->sizes[l + 1];
        if (in == SIZE_MAX || out > (SIZE_MAX - count) / (in + 1))
            return 0;
        count += (in + 1) * out;
    }
    return count;
    // END SOLUTION
}

jc_status jc_net_forward(const jc_tanh_net *net, const double *x, double *y)
{
    // TODO: check the arguments, then layer after layer h = tanh(W h + b),
    //   starting from h = x, the last layer's h going into y. Two scratch
    //   vectors as long as the widest hidden layer are enough: each layer
    //   reads one and writes the other.
    // STUB: (void)net; (void)x; (void)y;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!network_valid(net) || !x || !y)
        return JC_ERR_ARG;
    double *work = NULL;
    if (net->layers > 1 && !(work = alloc_doubles(2, widest_hidden(net))))
        return JC_ERR_NOMEM;
    forward_pass(net, x, work, y, NULL);
    free(work);
    return JC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* The multiply-adds of the products from the input side, (W2 J1), ...,
 * (WL J(L-1)), each J sizes[l] x sizes[0], and from the output side,
 * (J(L) W(L-1)), ..., (J2 W1), each J sizes[layers] x sizes[l]. In double:
 * only their order matters, and the products of three sizes may not fit in
 * a size_t. */
static jc_mode cheaper_mode(const jc_tanh_net *net)
{
    const size_t *n = net->sizes, layers = net->layers;
    double from_input = 0.0, from_output = 0.0;
    for (size_t l = 2; l <= layers; l++)
        from_input += (double)n[l] * (double)n[l - 1] * (double)n[0];
    for (size_t l = 1; l < layers; l++)
        from_output += (double)n[layers] * (double)n[l] * (double)n[l - 1];
    return from_input < from_output ? JC_MODE_FORWARD : JC_MODE_REVERSE;
}

/* Sizes that saturate at SIZE_MAX (a buffer nobody can allocate). */
static size_t sum(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static size_t product(size_t a, size_t b)
{
    return b != 0 && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

static size_t larger(size_t a, size_t b)
{
    return a > b ? a : b;
}

/* doubles rounded up to whole cache lines of 64 bytes. */
static size_t whole_lines(size_t doubles)
{
    return sum(doubles, 7) / 8 * 8;
}

/* Where layer l's weights W_l start in params (l from 1). */
static const double *weights(const jc_tanh_net *net, size_t l)
{
    const double *p = net->params;
    for (size_t k = 1; k < l; k++)
        p += (net->sizes[k - 1] + 1) * net->sizes[k];
    return p;
}

/* Whether reverse mode multiplies J by a copy of Dl Wl rather than by Wl
 * where it is, after a pass that scales the columns of J. The copy is the
 * product's B, read once for every few rows of J: from the cache instead of
 * from wherever params lives. It takes the place of the pass over J when it
 * is no larger. */
static int reverse_copies_weights(const jc_tanh_net *net, size_t l)
{
    const size_t *n = net->sizes, layers = net->layers;
    return l < layers && n[l - 1] <= n[layers];
}

/* to = diag(s) from for a rows x cols matrix; from == to scales in place. */
static void scale_rows(const double *from, size_t rows, size_t cols, const double *s,
                       double *to)
{
    for (size_t i = 0; i < rows; i++) {
        const double *src = from + i * cols;
        double *dst = to + i * cols, si = s[i];
#pragma omp simd
        for (size_t j = 0; j < cols; j++)
            dst[j] = si * src[j];
    }
}

/* m = m diag(s), in place, for a rows x cols matrix. */
static void scale_columns(double *m, size_t rows, size_t cols, const double *s)
{
    for (size_t i = 0; i < rows; i++) {
        double *row = m + i * cols;
#pragma omp simd
        for (size_t j = 0; j < cols; j++)
            row[j] *= s[j];
    }
}

/* One allocation, aligned to a cache line, for everything a Jacobian needs
 * besides jac. */
typedef struct {
    double *memory;
    double *slope[JC_MAX_LAYERS + 1]; /* slope[l]: tanh'(z) of layer l, l >= 1 */
    double *h;                        /* two vectors for the forward pass */
    double *j[2];                     /* the matrices between products, in turns */
    double *copy;                     /* Dl Wl, for reverse_copies_weights */
} workspace;

static jc_status workspace_alloc(workspace *ws, const jc_tanh_net *net, jc_mode mode)
{
    const size_t *n = net->sizes, layers = net->layers;
    size_t slopes = 0, between = 0, copy = 0;
    for (size_t l = 1; l <= layers; l++) {
        slopes = sum(slopes, n[l]);
        if (l < layers) /* forward: Dl Wl ... D1 W1; reverse: DL WL ... D(l+1) W(l+1) Dl */
            between = larger(between, mode == JC_MODE_FORWARD ? product(n[l], n[0])
                                                              : product(n[layers], n[l]));
        if (mode == JC_MODE_REVERSE && reverse_copies_weights(net, l))
            copy = larger(copy, product(n[l], n[l - 1]));
    }
    size_t parts[5] = {whole_lines(slopes), whole_lines(product(2, widest_hidden(net))),
                       whole_lines(between), whole_lines(between), whole_lines(copy)};
    size_t total = 0;
    for (int k = 0; k < 5; k++)
        total = sum(total, parts[k]);
    if (total > SIZE_MAX / sizeof(double))
        return JC_ERR_NOMEM;
    ws->memory = aligned_alloc(64, total * sizeof(double));
    if (!ws->memory)
        return JC_ERR_NOMEM;
    double *p = ws->memory;
    for (size_t l = 1; l <= layers; l++) {
        ws->slope[l] = p;
        p += n[l];
    }
    ws->h = ws->memory + parts[0];
    ws->j[0] = ws->h + parts[1];
    ws->j[1] = ws->j[0] + parts[2];
    ws->copy = ws->j[1] + parts[3];
    return JC_OK;
}

/* Forward mode: J = D1 W1, then for l = 2..L, J = Wl J and J = Dl J, its
 * rows scaled while the product is still in the cache. J is sizes[l] x
 * sizes[0]; the last product goes straight into jac. */
static void jacobian_forward(const jc_tanh_net *net, const workspace *ws, double *jac)
{
    const size_t *n = net->sizes, layers = net->layers;
    double *j = layers == 1 ? jac : ws->j[0];
    scale_rows(weights(net, 1), n[1], n[0], ws->slope[1], j);
    for (size_t l = 2; l <= layers; l++) {
        double *next = l == layers ? jac : ws->j[(l - 1) % 2];
        gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, n[l], n[0], n[l - 1], 1.0, weights(net, l), n[l - 1],
             j, n[0], 0.0, next, n[0]);
        scale_rows(next, n[l], n[0], ws->slope[l], next);
        j = next;
    }
}

/* Reverse mode: J = DL WL, then for l = L-1..1, J = J (Dl Wl), with Dl Wl
 * copied (reverse_copies_weights) or the columns of J scaled first, while
 * it is still in the cache from the product before. J is sizes[L] x
 * sizes[l-1]; the last product goes straight into jac. */
static void jacobian_reverse(const jc_tanh_net *net, const workspace *ws, double *jac)
{
    const size_t *n = net->sizes, layers = net->layers, out = n[layers];
    double *j = layers == 1 ? jac : ws->j[0];
    scale_rows(weights(net, layers), out, n[layers - 1], ws->slope[layers], j);
    for (size_t l = layers - 1; l >= 1; l--) {
        double *next = l == 1 ? jac : ws->j[(layers - l) % 2];
        const double *w = weights(net, l);
        if (reverse_copies_weights(net, l)) {
            scale_rows(w, n[l], n[l - 1], ws->slope[l], ws->copy);
            w = ws->copy;
        } else {
            scale_columns(j, out, n[l], ws->slope[l]);
        }
        gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, out, n[l - 1], n[l], 1.0, j, n[l], w, n[l - 1], 0.0,
             next, n[l - 1]);
        j = next;
    }
}
// END SOLUTION

jc_status jc_net_jacobian(const jc_tanh_net *net, const double *x, jc_mode mode, double *jac,
                          double *y)
{
    // TODO: check the arguments (an unknown mode too), run the network
    //   forward keeping every layer's slopes D_l = 1 - h_l^2 (computed from
    //   z, accurate where tanh saturates, as lesson 04's bp_activate_grad),
    //   then multiply J = D_L W_L ... D_1 W_1 in the order the mode says;
    //   JC_MODE_AUTO counts the multiply-adds of both orders. Plain triple
    //   loops for the products are a correct start (gemm in support/gemm.h
    //   is the fast one); the chapter explains the two orders and what each
    //   costs.
    // STUB: (void)net; (void)x; (void)mode; (void)jac; (void)y;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!network_valid(net) || !x || !jac)
        return JC_ERR_ARG;
    if (mode != JC_MODE_AUTO && mode != JC_MODE_FORWARD && mode != JC_MODE_REVERSE)
        return JC_ERR_ARG;
    if (mode == JC_MODE_AUTO)
        mode = cheaper_mode(net);
    workspace ws;
    if (workspace_alloc(&ws, net, mode) != JC_OK)
        return JC_ERR_NOMEM;
    forward_pass(net, x, ws.h, y, ws.slope[1]);
    if (mode == JC_MODE_FORWARD)
        jacobian_forward(net, &ws, jac);
    else
        jacobian_reverse(net, &ws, jac);
    free(ws.memory);
    return JC_OK;
    // END SOLUTION
}
