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

// BEGIN SOLUTION
static int is_binary(bp_op op)
{
    return op == BP_ADD || op == BP_SUB || op == BP_MUL || op == BP_DIV;
}

static int is_operation(bp_op op)
{
    return op >= BP_ADD && op <= BP_RELU;
}
// END SOLUTION

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
    // STUB: (void)op; (void)x; (void)y;
    // STUB: return NAN;
    // BEGIN SOLUTION
    switch (op) {
    case BP_ADD: return x + y;
    case BP_SUB: return x - y;
    case BP_MUL: return x * y;
    case BP_DIV: return x / y;
    case BP_EXP: return exp(x);
    case BP_LOG: return log(x);
    case BP_TANH: return tanh(x);
    case BP_SIGMOID: return 1.0 / (1.0 + exp(-x));
    case BP_RELU: return x > 0.0 ? x : 0.0;
    case BP_INPUT: break;
    }
    return NAN;
    // END SOLUTION
}

size_t bp_apply(bp_graph *g, bp_op op, size_t a, size_t b)
{
    // TODO: check the graph has room, op is an operation (not BP_INPUT) and
    //   the operands exist (a < count, and b < count for binary ones); then
    //   append the node with its value computed from its operands' values.
    // STUB: (void)g; (void)op; (void)a; (void)b;
    // STUB: return BP_NONE;
    // BEGIN SOLUTION
    if (!g || g->count >= g->capacity || !is_operation(op) || a >= g->count ||
        (is_binary(op) && b >= g->count))
        return BP_NONE;
    if (!is_binary(op))
        b = a;
    double value = bp_op_value(op, g->nodes[a].value, g->nodes[b].value);
    g->nodes[g->count] = (bp_node){op, a, b, value, 0.0};
    return g->count++;
    // END SOLUTION
}

// BEGIN SOLUTION
/* The number of operands of a node: 0, 1 or 2. */
static int operand_count(const bp_node *node)
{
    return node->op == BP_INPUT ? 0 : is_binary(node->op) ? 2 : 1;
}

enum { UNSEEN = 0, OPEN = 1, DONE = 2 };
// END SOLUTION

bp_status bp_topological_order(const bp_graph *g, size_t output, size_t *order, size_t *count)
{
    // TODO: a depth-first search from the output with an explicit stack (no
    //   recursion): a node goes into `order` once all its operands are in it.
    //   Mark each node unseen, open (on the stack) or done; reaching an open
    //   node again means a cycle (BP_ERR_GRAPH), and so does an operand index
    //   >= g->count. Section 2 walks through it.
    // STUB: (void)g; (void)output; (void)order; (void)count;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!g || !order || !count || !g->nodes || output >= g->count)
        return BP_ERR_ARG;
    unsigned char *state = calloc(g->count, 1);
    size_t *stack = malloc(g->count * sizeof *stack);
    unsigned char *next = malloc(g->count); /* the operand to look at next */
    if (!state || !stack || !next) {
        free(state);
        free(stack);
        free(next);
        return BP_ERR_NOMEM;
    }
    bp_status status = BP_OK;
    size_t depth = 0, written = 0;
    stack[depth++] = output;
    state[output] = OPEN;
    next[output] = 0;
    while (depth > 0 && status == BP_OK) {
        size_t top = stack[depth - 1];
        const bp_node *node = &g->nodes[top];
        if (next[top] < operand_count(node)) {
            size_t operand = next[top]++ == 0 ? node->a : node->b;
            if (operand >= g->count || state[operand] == OPEN) {
                status = BP_ERR_GRAPH;
            } else if (state[operand] == UNSEEN) {
                state[operand] = OPEN;
                next[operand] = 0;
                stack[depth++] = operand;
            }
        } else {
            state[top] = DONE;
            order[written++] = top;
            depth--;
        }
    }
    free(state);
    free(stack);
    free(next);
    *count = status == BP_OK ? written : 0;
    return status;
    // END SOLUTION
}

void bp_forward(bp_graph *g, const size_t *order, size_t count)
{
    // TODO: for each node of order that is not an input, recompute its value
    //   from its operands' values.
    // STUB: (void)g; (void)order; (void)count;
    // BEGIN SOLUTION
    if (!g || !order)
        return;
    for (size_t i = 0; i < count; i++) {
        bp_node *node = &g->nodes[order[i]];
        if (node->op != BP_INPUT)
            node->value = bp_op_value(node->op, g->nodes[node->a].value,
                                      g->nodes[is_binary(node->op) ? node->b : node->a].value);
    }
    // END SOLUTION
}

// BEGIN SOLUTION
/* Adds the node's gradient times its local derivatives to its operands:
 * the chain rule, one edge at a time. */
static void send_back(bp_graph *g, const bp_node *node)
{
    bp_node *a = &g->nodes[node->a];
    double up = node->grad;
    switch (node->op) {
    case BP_ADD:
        a->grad += up;
        g->nodes[node->b].grad += up;
        break;
    case BP_SUB:
        a->grad += up;
        g->nodes[node->b].grad -= up;
        break;
    case BP_MUL: {
        bp_node *b = &g->nodes[node->b];
        double va = a->value, vb = b->value; /* read both first: a may be b */
        a->grad += up * vb;
        b->grad += up * va;
        break;
    }
    case BP_DIV: {
        bp_node *b = &g->nodes[node->b];
        double vb = b->value;
        a->grad += up / vb;
        b->grad -= up * node->value / vb; /* d(a/b)/db = -a/b^2 */
        break;
    }
    case BP_EXP: a->grad += up * node->value; break;
    case BP_LOG: a->grad += up / a->value; break;
    case BP_TANH: { /* 1 - t^2, kept accurate where t rounds to +-1 (section 3) */
        double e = exp(-2.0 * fabs(a->value));
        a->grad += up * 4.0 * e / ((1.0 + e) * (1.0 + e));
        break;
    }
    case BP_SIGMOID: { /* s (1 - s), likewise */
        double e = exp(-fabs(a->value));
        a->grad += up * e / ((1.0 + e) * (1.0 + e));
        break;
    }
    case BP_RELU: a->grad += a->value > 0.0 ? up : 0.0; break;
    case BP_INPUT: break;
    }
}
// END SOLUTION

bp_status bp_backward(bp_graph *g, size_t output)
{
    // TODO: get a topological order of the output's ancestors, set every
    //   grad to 0 and the output's to 1, then walk the order backwards: each
    //   node adds grad * (local derivative) to each operand's grad (section 2
    //   lists the local derivatives). Free what you allocate.
    // STUB: (void)g; (void)output;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!g || !g->nodes || output >= g->count)
        return BP_ERR_ARG;
    size_t *order = malloc(g->count * sizeof *order), count;
    if (!order)
        return BP_ERR_NOMEM;
    bp_status status = bp_topological_order(g, output, order, &count);
    if (status == BP_OK) {
        for (size_t i = 0; i < g->count; i++)
            g->nodes[i].grad = 0.0;
        g->nodes[output].grad = 1.0;
        for (size_t i = count; i-- > 0;)
            send_back(g, &g->nodes[order[i]]);
    }
    free(order);
    return status;
    // END SOLUTION
}
