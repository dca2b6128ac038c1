/* backprop.h: Lesson 04, computational graphs and backpropagation.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/04-backprop/ and the reference in solutions/04-backprop/
 * implement exactly these functions; lessons/04-backprop.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return a bp_status. Matrices are row-major: an m x n matrix A has
 * entry (i, j) at a[i * n + j], and a batch of vectors is a matrix with one
 * vector per row.
 */
#ifndef BACKPROP_H
#define BACKPROP_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    BP_OK = 0,
    BP_ERR_TODO,  /* not implemented yet (the skeleton's placeholder) */
    BP_ERR_ARG,   /* a NULL pointer, a size of 0, an index or option out of range */
    BP_ERR_GRAPH, /* a graph with a cycle or an operand that does not exist */
    BP_ERR_IO,    /* a file could not be opened or read */
    BP_ERR_PARSE, /* a malformed line in a data file */
    BP_ERR_NOMEM, /* out of memory */
} bp_status;

/* A short English description of a status. */
const char *bp_status_str(bp_status status);

/* ---- Exercise 1: reverse-mode differentiation on scalars (sections 1, 2) -- */

typedef enum {
    BP_INPUT,   /* a leaf: its value is set by the caller */
    BP_ADD,     /* a + b */
    BP_SUB,     /* a - b */
    BP_MUL,     /* a * b */
    BP_DIV,     /* a / b */
    BP_EXP,     /* exp(a) */
    BP_LOG,     /* log(a) */
    BP_TANH,    /* tanh(a) */
    BP_SIGMOID, /* 1 / (1 + exp(-a)) */
    BP_RELU,    /* max(a, 0); its derivative at 0 is taken to be 0 */
} bp_op;

/* One node of a graph of scalar operations. Unary operations use only a. */
typedef struct {
    bp_op op;
    size_t a, b;  /* indices of the operands in the graph's node array */
    double value; /* the node's value (forward pass) */
    double grad;  /* d output / d node, after bp_backward (backward pass) */
} bp_node;

/* A graph stored in a caller-owned array of `capacity` nodes, of which the
 * first `count` are in use. Nodes made with bp_input and bp_apply always come
 * after their operands, but a graph may also be written by hand in any order:
 * only bp_topological_order decides in which order nodes are visited. */
typedef struct {
    bp_node *nodes;
    size_t count, capacity;
} bp_graph;

/* What bp_input and bp_apply return when the graph is full or an argument is
 * wrong. */
#define BP_NONE ((size_t)-1)

/* Starts an empty graph in storage[0..capacity-1] (given). */
void bp_graph_init(bp_graph *g, bp_node *storage, size_t capacity);

/* Appends a leaf holding `value` and returns its index, or BP_NONE when the
 * graph is full (given). */
size_t bp_input(bp_graph *g, double value);

/* The value of op applied to the values x (and y, for binary operations):
 * the forward rule of one node. NaN for BP_INPUT or an unknown op. */
double bp_op_value(bp_op op, double x, double y);

/* Appends the node op(a, b) (b is ignored by unary operations), computes its
 * value from its operands' values with bp_op_value, and returns its index.
 * BP_NONE when the graph is full, op is BP_INPUT or unknown, or an operand is
 * not an existing node (for unary operations, b is not checked). */
size_t bp_apply(bp_graph *g, bp_op op, size_t a, size_t b);

/* Writes into order[0..*count-1] every node that `output` depends on
 * (output included, each exactly once), in an order in which every node
 * comes after its operands; order needs room for g->count indices. Nodes the
 * output does not depend on are left out. BP_ERR_GRAPH if an operand index
 * is >= g->count or the nodes reachable from output form a cycle;
 * BP_ERR_ARG for NULL pointers or output >= g->count. Must not recurse: a
 * chain of a million nodes is fine. */
bp_status bp_topological_order(const bp_graph *g, size_t output, size_t *order, size_t *count);

/* Recomputes the value of every node of order[0..count-1] that is not an
 * input, in that order (forward pass), with bp_op_value. */
void bp_forward(bp_graph *g, const size_t *order, size_t count);

/* Reverse mode: sets grad = d output / d node for every node (0 for the
 * nodes the output does not depend on), from the values already in the
 * graph. Visits the nodes in reverse topological order; a node used twice
 * receives the sum of both contributions. Errors as bp_topological_order,
 * and BP_ERR_NOMEM. */
bp_status bp_backward(bp_graph *g, size_t output);

/* ---- Exercise 2: activation functions (section 3) ----------------------- */

typedef enum {
    BP_IDENTITY, /* z */
    BP_RELU_ACT, /* max(z, 0), derivative 0 at z <= 0 and 1 above */
    BP_SIGMOID_ACT,
    BP_TANH_ACT,
} bp_activation;

/* f(z), and its derivative f'(z). Both finite for every finite z (sigmoid
 * of -1000 is 0, not NaN), and NaN for an unknown activation. The
 * derivatives of sigmoid and tanh keep their relative accuracy for large
 * |z| (about e^-|z| and 4 e^-2|z|, not 0, until those underflow). */
double bp_activate(bp_activation f, double z);
double bp_activate_grad(bp_activation f, double z);

/* h[i] = f(z[i]) for i < n. h may be the same array as z. */
void bp_activate_forward(bp_activation f, const double *z, size_t n, double *h);

/* dz[i] = dh[i] * f'(z[i]): the Hadamard product of the gradient arriving
 * from above with the activation's derivative. dz may be the same array as
 * dh. */
void bp_activate_backward(bp_activation f, const double *z, const double *dh, size_t n,
                          double *dz);

/* ---- Exercise 3: losses (section 4) -------------------------------------- */

/* Binary cross-entropy of the target y (in [0, 1]) against sigmoid(z),
 * from the logit z: -y log s - (1 - y) log(1 - s) with s = sigmoid(z),
 * computed stably (finite and accurate for z = +-1000, and to full relative
 * accuracy when the loss is tiny). If grad is not NULL it receives
 * dloss/dz = sigmoid(z) - y, accurate relative to its size too (-e^-40 for
 * z = 40 and y = 1, not 0). */
double bp_bce_logit(double z, double y, double *grad);

/* Softmax cross-entropy of `label` from n logits, stably: logsumexp(logits)
 * - logits[label] (lesson 02, section 5), to full relative accuracy even
 * when it is tiny (log1p(e^-40) for logits [0, -40] and label 0, not 0). If
 * grad is not NULL it receives softmax(logits) - onehot(label), likewise
 * accurate at the label. NaN (and grad untouched) for NULL logits, n == 0 or
 * label >= n. */
double bp_softmax_cross_entropy(const double *logits, size_t n, size_t label, double *grad);

/* ---- Exercise 4: the 3-2-1 network by hand (section 5) ----------------- */

/* x (3) -> z1 = W1 x + b1 (2) -> h = relu(z1) -> z2 = W2 h + b2 (1)
 *   -> y_hat = sigmoid(z2), loss = binary cross-entropy of y. */
typedef struct {
    double w1[2][3], b1[2];
    double w2[1][2], b2[1];
} bp_net321;

/* Every intermediate value of one forward and backward pass. */
typedef struct {
    double z1[2], h[2], z2, y_hat, loss;                    /* forward */
    double dz2, dw2[2], db2, dh[2], dz1[2], dw1[2][3], db1[2]; /* backward: dL/d... */
} bp_trace321;

/* Forward pass, loss and every gradient for one example (x, y). */
bp_status bp_net321_pass(const bp_net321 *net, const double x[3], double y, bp_trace321 *trace);

/* One step of gradient descent: every parameter -= rate * its gradient. */
void bp_net321_step(bp_net321 *net, const bp_trace321 *trace, double rate);

/* ---- Exercise 5: dense layers and the matrix multiply (section 6) ------ */

typedef enum { BP_NO_TRANS = 0, BP_TRANS = 1 } bp_transpose;

/* C = alpha * op(A) op(B) + beta * C, as BLAS's dgemm with row-major
 * matrices: op(A) is m x k and op(B) is k x n. A is stored m x k (row length
 * lda >= k) or, with BP_TRANS, k x m (lda >= m); likewise B is k x n
 * (ldb >= n) or n x k (ldb >= k). C is m x n with row length ldc >= n. When
 * beta == 0, C is not read (it may hold NaN). Does nothing when m or n is 0;
 * k == 0 scales C by beta. This is the kernel `make bench` times. */
void bp_gemm(bp_transpose trans_a, bp_transpose trans_b, size_t m, size_t n, size_t k,
             double alpha, const double *a, size_t lda, const double *b, size_t ldb, double beta,
             double *c, size_t ldc);

/* A dense (fully connected) layer: y = W x + b for each input x, with W of
 * `out` rows and `in` columns. */
typedef struct {
    size_t in, out;
    double *w; /* out x in */
    double *b; /* out */
} bp_dense;

/* Y = X W^T + b for a batch: x is batch x in, y is batch x out. */
void bp_dense_forward(const bp_dense *layer, const double *x, size_t batch, double *y);

/* The backward pass of bp_dense_forward, given dy = dL/dY (batch x out):
 * dw = dY^T X (out x in), db = the sum of dY's rows (out), and, if dx is not
 * NULL, dx = dY W (batch x in). dw and db are overwritten, not added to. */
void bp_dense_backward(const bp_dense *layer, const double *x, size_t batch, const double *dy,
                       double *dw, double *db, double *dx);

/* ---- Exercise 6: a multilayer perceptron and its gradient (section 6) -- */

enum { BP_MAX_LAYERS = 8 };

/* sizes[0] inputs, sizes[layers] outputs (logits, one per class); the
 * activation `hidden` follows every layer but the last. All weights and
 * biases live in params, layer after layer, each layer's W (sizes[l+1] x
 * sizes[l]) followed by its b; layer[l] points into it. */
typedef struct {
    size_t layers;
    size_t sizes[BP_MAX_LAYERS + 1];
    bp_activation hidden;
    size_t param_count;
    double *params;
    bp_dense layer[BP_MAX_LAYERS];
} bp_mlp;

/* Allocates a network (given): weights normal with standard deviation
 * sqrt(2 / fan_in) for ReLU and sqrt(1 / fan_in) otherwise, from an rng
 * seeded with seed; biases 0. BP_ERR_ARG if layers is 0 or above
 * BP_MAX_LAYERS, a size is 0, or the parameters would be more doubles than
 * a size_t can count in bytes (sizes {SIZE_MAX / 2, 4}, say); nothing is
 * allocated then. */
bp_status bp_mlp_init(bp_mlp *net, const size_t *sizes, size_t layers, bp_activation hidden,
                      uint64_t seed);

/* Frees the parameters and zeroes the struct (given). Safe on a zeroed one. */
void bp_mlp_free(bp_mlp *net);

/* Runs a batch (x: batch x sizes[0]) through layers 1..upto and writes the
 * output of layer `upto` into out (batch x sizes[upto]): after the hidden
 * activation for upto < layers, the logits for upto == layers. BP_ERR_ARG
 * for NULL pointers, batch == 0 or upto outside 1..layers; BP_ERR_NOMEM. */
bp_status bp_mlp_forward(const bp_mlp *net, const double *x, size_t batch, size_t upto,
                         double *out);

/* The mean softmax cross-entropy of the batch (labels < sizes[layers]) into
 * *loss, and, if grad is not NULL, its gradient with respect to every
 * parameter into grad (param_count values, laid out like params), by
 * backpropagation. If dx is not NULL it receives the gradient with respect
 * to the inputs (batch x sizes[0]). BP_ERR_ARG for NULL pointers, batch == 0
 * or a label out of range; BP_ERR_NOMEM. */
bp_status bp_mlp_loss_grad(const bp_mlp *net, const double *x, const unsigned char *labels,
                           size_t batch, double *loss, double *grad, double *dx);

/* ---- Exercise 7: a gradient checker (section 7) ------------------------ */

/* A loss as a function of a parameter vector, for the gradient checker. */
typedef double (*bp_loss_fn)(const double *params, void *ctx);

/* Compares an analytic gradient with central differences
 * (f(p + step e_i) - f(p - step e_i)) / (2 step) for every i < n. The
 * relative error of entry i is |analytic - numeric| / max(|analytic|,
 * |numeric|, 1e-6); *max_error receives the largest and *worst its index
 * (worst may be NULL). params is changed during the check and restored
 * exactly. BP_ERR_ARG for NULL pointers, n == 0 or step not > 0. */
bp_status bp_gradient_check(bp_loss_fn loss, void *ctx, double *params, size_t n,
                            const double *grad, double step, double *max_error, size_t *worst);

/* ---- Exercise 8: training (section 9) ---------------------------------- */

typedef struct {
    double learning_rate; /* > 0 */
    double momentum;      /* in [0, 1): 0 is plain mini-batch gradient descent */
    size_t epochs;        /* >= 1 */
    size_t batch_size;    /* >= 1; larger than n means one batch per epoch */
    double l2;            /* weight decay on the weights (not the biases), >= 0 */
    uint64_t seed;        /* seeds the shuffling of every epoch */
} bp_train_options;

/* Trains net on n examples (x: n x sizes[0], labels < sizes[layers]) with
 * mini-batch gradient descent with momentum on the mean cross-entropy plus
 * l2/2 |W|^2: every epoch shuffles the examples with an rng seeded from
 * options->seed and the epoch number, then for each batch computes the mean
 * gradient g (plus l2 W for weights) and steps v = momentum v - rate g,
 * params += v (v starts at 0). If epoch_loss is not NULL it receives the
 * mean training loss (with the l2 term) after each epoch. The same options
 * give the same network. BP_ERR_ARG for NULL pointers, n == 0, a label out of
 * range or options out of range; BP_ERR_NOMEM. */
bp_status bp_mlp_train(bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                       const bp_train_options *options, double *epoch_loss);

/* The class with the largest logit (the smallest on a tie); -1 on NULL. */
int bp_mlp_predict(const bp_mlp *net, const double *x);

/* The fraction of the n examples classified correctly; NaN for NULL
 * pointers, n == 0 or a label out of range. */
double bp_mlp_accuracy(const bp_mlp *net, const double *x, const unsigned char *labels,
                       size_t n);

/* ---- Exercise 9: adversarial examples (section 10) --------------------- */

/* The gradient of one example's cross-entropy with respect to its inputs
 * (sizes[0] values) into grad. Errors as bp_mlp_loss_grad. */
bp_status bp_input_gradient(const bp_mlp *net, const double *x, unsigned label, double *grad);

/* The fast gradient sign method on n examples: out = x + epsilon *
 * sign(dloss/dx), clipped to [lo, hi] (pixels stay pixels); sign(0) = 0.
 * out is n x sizes[0] and may not overlap x. BP_ERR_ARG for NULL pointers,
 * n == 0, a label out of range, epsilon < 0 or lo > hi; BP_ERR_NOMEM. */
bp_status bp_fgsm(const bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                  double epsilon, double lo, double hi, double *out);

/* ---- Given: the digits of lesson 02 ---------------------------------------- */

enum { BP_PIXELS = 64, BP_CLASSES = 10 };

typedef struct {
    size_t n;
    double *pixels;        /* n x 64, scaled from 0..16 to 0..1 */
    unsigned char *labels; /* n digits, 0..9 */
} bp_digits;

/* Loads data/digits.csv's format (64 whole numbers 0..16 and a label 0..9
 * per line). BP_ERR_IO, BP_ERR_PARSE or BP_ERR_NOMEM with "path:line: what"
 * in err (err may be NULL), and *out zeroed, on failure. */
bp_status bp_digits_load(const char *path, bp_digits *out, char *err, size_t err_size);

/* Frees and zeroes a data set; safe on a zeroed one. */
void bp_digits_free(bp_digits *digits);

/* Lesson 02's split: image i is a test image when i % 5 == 0 (360 of the
 * 1797), a training image otherwise (1437), in order. */
bp_status bp_digits_split(const bp_digits *all, bp_digits *train, bp_digits *test);

#endif
