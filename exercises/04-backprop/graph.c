/* graph.c: reverse-mode automatic differentiation over scalars (chapter
 * sections 1 and 2).
 *
 * A graph is an array of nodes; each node is an operation and the indices
 * of its operands. The forward pass computes values in topological order
 * (operands first), the backward pass gradients in the reverse order: by
 * then every use of a node has added its share to the node's gradient. */
#include "backprop.h"

#include <math.h>
#include <stdlib.h>

void bp_graph_init(bp_graph *g, bp_node *storage, size_t capacity)
{
    g->nodes = storage;
    g->count = 0;
    g->capacity = storage ? capacity : 0;
}

size_t bp_input(bp_graph *g, double value)
{
    if (!g || g->count >= g->capacity)
        return BP_NONE;
    g->nodes[g->count] = (bp_node){BP_INPUT, 0, 0, value, 0.0};
    return g->count++;
}

double bp_op_value(bp_op op, double x, double y)
{
    // TODO: the forward rule of each operation of bp_op (see backprop.h);
    //   NaN for BP_INPUT and anything unknown. Sigmoid: 1 / (1 + exp(-x)).
    (void)op; (void)x; (void)y;
    return NAN;
}

size_t bp_apply(bp_graph *g, bp_op op, size_t a, size_t b)
{
    // TODO: check the graph has room, op is an operation (not BP_INPUT) and
    //   the operands exist (a < count, and b < count for binary ones); then
    //   append the node with its value computed from its operands' values.
    (void)g; (void)op; (void)a; (void)b;
    return BP_NONE;
}

bp_status bp_topological_order(const bp_graph *g, size_t output, size_t *order, size_t *count)
{
    // TODO: a depth-first search from the output with an explicit stack (no
    //   recursion): a node goes into `order` once all its operands are in it.
    //   Mark each node unseen, open (on the stack) or done; reaching an open
    //   node again means a cycle (BP_ERR_GRAPH), and so does an operand index
    //   >= g->count. Section 2 walks through it.
    (void)g; (void)output; (void)order; (void)count;
    return BP_ERR_TODO;
}

void bp_forward(bp_graph *g, const size_t *order, size_t count)
{
    // TODO: for each node of order that is not an input, recompute its value
    //   from its operands' values.
    (void)g; (void)order; (void)count;
}

bp_status bp_backward(bp_graph *g, size_t output)
{
    // TODO: get a topological order of the output's ancestors, set every
    //   grad to 0 and the output's to 1, then walk the order backwards: each
    //   node adds grad * (local derivative) to each operand's grad (section 2
    //   lists the local derivatives). Free what you allocate.
    (void)g; (void)output;
    return BP_ERR_TODO;
}
