/* Exercise 1: reverse-mode differentiation on scalars (chapter sections 1
 * and 2). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define GRAPHS "1 Graphs of elementary operations"
#define REVERSE "2 Reverse mode"

/* z = (x + y) w built with bp_input and bp_apply; checks values and
 * gradients against the chain rule worked by hand: dz/dx = dz/dy = w,
 * dz/dw = x + y. */
static void check_chapter_graph(double x, double y, double w)
{
    bp_node storage[3 + 2];
    bp_graph g;
    bp_graph_init(&g, storage, 5);
    size_t ix = bp_input(&g, x), iy = bp_input(&g, y), iw = bp_input(&g, w);
    size_t a = bp_apply(&g, BP_ADD, ix, iy);
    expect_true(a == 3, "bp_apply(ADD) on a graph of 3 inputs: expected index 3, came %zu", a);
    size_t z = bp_apply(&g, BP_MUL, a, iw);
    expect_true(z == 4, "bp_apply(MUL) after the ADD: expected index 4, came %zu", z);
    expect_near(g.nodes[a].value, x + y, 0, "a = x + y for x = %g, y = %g", x, y);
    expect_near(g.nodes[z].value, (x + y) * w, 0, "z = (x + y) w for x = %g, y = %g, w = %g", x,
                y, w);
    expect_status(bp_backward(&g, z), BP_OK, "bp_backward on z = (x + y) w");
    expect_near(g.nodes[z].grad, 1, 0, "dz/dz");
    expect_near(g.nodes[a].grad, w, 0, "dz/da = w (a = x + y), w = %g", w);
    expect_near(g.nodes[ix].grad, w, 0, "dz/dx = dz/da * da/dx = w * 1, w = %g", w);
    expect_near(g.nodes[iy].grad, w, 0, "dz/dy = w, w = %g", w);
    expect_near(g.nodes[iw].grad, x + y, 0, "dz/dw = a = x + y = %g", x + y);
}

GRADED_TEST(graph, the_chapter_graph, 2, GRAPHS)
{
    check_chapter_graph(2, 3, 4);    /* the source's numbers */
    check_chapter_graph(-2, 5, -4);  /* the chapter's figure */
    check_chapter_graph(0.5, -1.25, 3);
    /* A full graph refuses another node. */
    bp_node one[1];
    bp_graph g;
    bp_graph_init(&g, one, 1);
    size_t x = bp_input(&g, 1);
    size_t y = bp_apply(&g, BP_EXP, x, 0);
    expect_true(y == BP_NONE, "bp_apply on a full graph: expected BP_NONE, came %zu", y);
}

GRADED_TEST(graph, operations, 2, GRAPHS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 50; round++) {
        double x = rng_range(&r, -3, 3), y = rng_range(&r, -3, 3), p = rng_range(&r, 0.1, 5);
        expect_near(bp_op_value(BP_ADD, x, y), x + y, 1e-15, "ADD of %.17g and %.17g", x, y);
        expect_near(bp_op_value(BP_SUB, x, y), x - y, 1e-15, "SUB of %.17g and %.17g", x, y);
        expect_near(bp_op_value(BP_MUL, x, y), x * y, 1e-15, "MUL of %.17g and %.17g", x, y);
        expect_near(bp_op_value(BP_DIV, x, p), x / p, 1e-15, "DIV of %.17g by %.17g", x, p);
        expect_near(bp_op_value(BP_EXP, x, y), (double)expl(x), 1e-15, "EXP of %.17g", x);
        expect_near(bp_op_value(BP_LOG, p, y), (double)logl(p), 1e-15, "LOG of %.17g", p);
        expect_near(bp_op_value(BP_TANH, x, y), (double)tanhl(x), 1e-15, "TANH of %.17g", x);
        expect_near(bp_op_value(BP_SIGMOID, x, y), (double)(1 / (1 + expl(-x))), 1e-15,
                    "SIGMOID of %.17g", x);
        expect_near(bp_op_value(BP_RELU, x, y), x > 0 ? x : 0, 0, "RELU of %.17g", x);
    }
    expect_true(isnan(bp_op_value(BP_INPUT, 1, 2)), "bp_op_value(BP_INPUT, ...) should be NaN");

    bp_node storage[4];
    bp_graph g;
    bp_graph_init(&g, storage, 4);
    size_t x = bp_input(&g, 2);
    expect_true(bp_apply(&g, BP_ADD, x, 7) == BP_NONE,
                "bp_apply(ADD) with operand 7 in a graph of 1 node: expected BP_NONE");
    expect_true(bp_apply(&g, BP_INPUT, x, x) == BP_NONE,
                "bp_apply(BP_INPUT, ...): expected BP_NONE (inputs come from bp_input)");
    expect_true(bp_apply(&g, BP_TANH, 3, 0) == BP_NONE,
                "bp_apply(TANH) of node 3 in a graph of 1 node: expected BP_NONE");
    expect_int((long long)g.count, 1, "nodes in the graph after three refused bp_apply calls");
    size_t t = bp_apply(&g, BP_TANH, x, 12345); /* b is ignored by unary ops */
    expect_true(t == 1, "bp_apply(TANH, x, 12345): a unary op ignores b; expected 1, came %zu",
                t);
    expect_near(g.nodes[t].value, tanh(2.0), 1e-15, "tanh(2)");
    expect_status(bp_backward(NULL, 0), BP_ERR_ARG, "bp_backward(NULL, 0)");
    expect_status(bp_backward(&g, 5), BP_ERR_ARG, "bp_backward on node 5 of a 2-node graph");
}

/* Checks that order[0..count-1] lists exactly the nodes `output` depends on,
 * once each, operands first. */
static void expect_valid_order(const bp_node *nodes, size_t total, size_t output,
                               const size_t *order, size_t count, const char *what)
{
    /* Ancestors, by a fixed point over the grader's own view of the edges. */
    unsigned char *needed = calloc(total, 1), *seen = calloc(total, 1);
    if (!needed || !seen)
        grade_fail("the grader ran out of memory");
    needed[output] = 1;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < total; i++) {
            if (!needed[i] || nodes[i].op == BP_INPUT)
                continue;
            int binary = nodes[i].op <= BP_DIV;
            if (!needed[nodes[i].a])
                needed[nodes[i].a] = changed = 1;
            if (binary && !needed[nodes[i].b])
                needed[nodes[i].b] = changed = 1;
        }
    }
    size_t expected = 0;
    for (size_t i = 0; i < total; i++)
        expected += needed[i];
    expect_int((long long)count, (long long)expected, "%s: nodes in the order", what);
    for (size_t k = 0; k < count; k++) {
        size_t v = order[k];
        expect_true(v < total && needed[v], "%s: order[%zu] = %zu is not a node the output "
                    "depends on", what, k, v);
        expect_true(!seen[v], "%s: node %zu appears twice in the order", what, v);
        if (nodes[v].op != BP_INPUT) {
            expect_true(seen[nodes[v].a], "%s: node %zu comes before its operand %zu", what, v,
                        nodes[v].a);
            if (nodes[v].op <= BP_DIV)
                expect_true(seen[nodes[v].b], "%s: node %zu comes before its operand %zu", what,
                            v, nodes[v].b);
        }
        seen[v] = 1;
    }
    free(needed);
    free(seen);
}

/* Saturated units: where sigmoid(z) rounds to 1 and tanh(z) to +-1, s (1 - s)
 * and 1 - t^2 are 0, but the derivatives are not: e/(1+e)^2 with e = exp(-|z|)
 * and 4e/(1+e)^2 with e = exp(-2|z|), computed here in long double. */
GRADED_TEST(graph, saturated_units_keep_their_gradient, 1, REVERSE)
{
    const double zs[] = {-700, -80, -40, -20, 20, 37.5, 40, 200, 700};
    for (size_t i = 0; i < sizeof zs / sizeof zs[0]; i++) {
        for (int tanh_unit = 0; tanh_unit < 2; tanh_unit++) {
            bp_node storage[2];
            bp_graph g;
            bp_graph_init(&g, storage, 2);
            size_t x = bp_input(&g, zs[i]);
            size_t y = bp_apply(&g, tanh_unit ? BP_TANH : BP_SIGMOID, x, 0);
            expect_true(y != BP_NONE, "building a one-unit graph");
            bp_status s = bp_backward(&g, y);
            expect_true(s == BP_OK, "bp_backward on a one-unit graph returned %d", (int)s);
            long double e = expl(-(tanh_unit ? 2.0L : 1.0L) * fabsl((long double)zs[i]));
            double exact = (double)((tanh_unit ? 4 * e : e) / ((1 + e) * (1 + e)));
            double came = g.nodes[x].grad;
            expect_true(fabs(came - exact) <= 1e-13 * exact,
                        "d %s(z) / dz at z = %g: expected %.17g, came %.17g (relative tolerance "
                        "1e-13)", tanh_unit ? "tanh" : "sigmoid", zs[i], exact, came);
        }
    }
}

GRADED_TEST(graph, topological_order, 3, REVERSE)
{
    /* Written by hand, nodes out of order: z = (x + y) * w with z first. */
    bp_node nodes[6] = {
        {BP_MUL, 3, 1, 0, 0},   /* 0: z = a * w */
        {BP_INPUT, 0, 0, 4, 0}, /* 1: w */
        {BP_ADD, 4, 5, 0, 0},   /* 2: unused, x + y again */
        {BP_ADD, 4, 5, 0, 0},   /* 3: a = x + y */
        {BP_INPUT, 0, 0, 2, 0}, /* 4: x */
        {BP_INPUT, 0, 0, 3, 0}, /* 5: y */
    };
    bp_graph g = {nodes, 6, 6};
    size_t order[6], count = 99;
    expect_status(bp_topological_order(&g, 0, order, &count), BP_OK,
                  "bp_topological_order of z in a graph written out of order");
    expect_valid_order(nodes, 6, 0, order, count, "z = (x + y) w, written out of order");
    bp_forward(&g, order, count);
    expect_near(nodes[3].value, 5, 0, "bp_forward: a = x + y = 2 + 3");
    expect_near(nodes[0].value, 20, 0, "bp_forward: z = a w = 5 * 4");
    expect_status(bp_backward(&g, 0), BP_OK, "bp_backward on the out-of-order graph");
    expect_near(nodes[4].grad, 4, 0, "dz/dx in the out-of-order graph");
    expect_near(nodes[1].grad, 5, 0, "dz/dw in the out-of-order graph");
    expect_near(nodes[2].grad, 0, 0, "the gradient of a node z does not depend on");

    /* Cycles and missing operands. */
    bp_node cycle[3] = {{BP_INPUT, 0, 0, 1, 0}, {BP_MUL, 0, 2, 0, 0}, {BP_EXP, 1, 0, 0, 0}};
    bp_graph c = {cycle, 3, 3};
    expect_status(bp_topological_order(&c, 2, order, &count), BP_ERR_GRAPH,
                  "a graph where node 1 uses node 2 and node 2 uses node 1");
    expect_status(bp_backward(&c, 1), BP_ERR_GRAPH, "bp_backward on a graph with a cycle");
    bp_node self[2] = {{BP_INPUT, 0, 0, 1, 0}, {BP_ADD, 0, 1, 0, 0}};
    bp_graph s = {self, 2, 2};
    expect_status(bp_topological_order(&s, 1, order, &count), BP_ERR_GRAPH,
                  "a node that is its own operand");
    bp_node missing[2] = {{BP_INPUT, 0, 0, 1, 0}, {BP_ADD, 0, 9, 0, 0}};
    bp_graph m = {missing, 2, 2};
    expect_status(bp_topological_order(&m, 1, order, &count), BP_ERR_GRAPH,
                  "a node whose operand 9 does not exist (2 nodes)");
    expect_status(bp_topological_order(&g, 6, order, &count), BP_ERR_ARG,
                  "bp_topological_order of node 6 in a 6-node graph");

    /* Random DAGs in a random order. */
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 2 + rng_below(&r, 60);
        bp_node *dag = calloc(n, sizeof *dag);
        size_t *perm = malloc(n * sizeof *perm), *pos = malloc(n * sizeof *pos);
        size_t *ord = malloc(n * sizeof *ord);
        if (!dag || !perm || !pos || !ord)
            grade_fail("the grader ran out of memory");
        for (size_t i = 0; i < n; i++)
            perm[i] = i;
        for (size_t i = n - 1; i > 0; i--) {
            size_t j = rng_below(&r, i + 1), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (size_t i = 0; i < n; i++)
            pos[perm[i]] = i; /* logical node i is stored at pos[i] */
        for (size_t i = 0; i < n; i++) {
            bp_node *node = &dag[pos[i]];
            if (i < 2 || rng_below(&r, 5) == 0) {
                *node = (bp_node){BP_INPUT, 0, 0, 1, 0};
            } else {
                node->op = rng_below(&r, 2) ? BP_ADD : BP_TANH;
                node->a = pos[rng_below(&r, i)];
                node->b = pos[rng_below(&r, i)];
            }
        }
        bp_graph rg = {dag, n, n};
        size_t out = pos[n - 1 - rng_below(&r, n / 2 + 1)];
        char what[80];
        snprintf(what, sizeof what, "a random graph of %zu nodes stored in random order", n);
        expect_status(bp_topological_order(&rg, out, ord, &count), BP_OK, what);
        expect_valid_order(dag, n, out, ord, count, what);
        free(dag);
        free(perm);
        free(pos);
        free(ord);
    }

    /* A chain of 300000 exp nodes: too deep for recursion. */
    size_t n = 300000;
    bp_node *chain = calloc(n, sizeof *chain);
    size_t *ord = malloc(n * sizeof *ord);
    if (!chain || !ord)
        grade_fail("the grader ran out of memory");
    chain[0] = (bp_node){BP_INPUT, 0, 0, 0.5, 0};
    for (size_t i = 1; i < n; i++)
        chain[i] = (bp_node){i % 2 ? BP_TANH : BP_RELU, i - 1, 0, 0, 0};
    bp_graph cg = {chain, n, n};
    expect_status(bp_topological_order(&cg, n - 1, ord, &count), BP_OK,
                  "a chain of 300000 nodes (an explicit stack, not recursion)");
    expect_int((long long)count, (long long)n, "nodes in the order of a 300000-node chain");
    for (size_t i = 0; i < n; i++)
        if (ord[i] != i)
            grade_fail("a chain of 300000 nodes: order[%zu] should be %zu, came %zu", i, i,
                       ord[i]);
    free(chain);
    free(ord);
}

GRADED_TEST(graph, shared_nodes_add_up, 2, REVERSE)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        double x = rng_range(&r, -2, 2), y = rng_range(&r, 0.5, 2);
        bp_node storage[16];
        bp_graph g;
        bp_graph_init(&g, storage, 16);
        size_t ix = bp_input(&g, x), iy = bp_input(&g, y);
        /* f = x * x + x * y + exp(x) / y: df/dx = 2x + y + exp(x)/y,
         * df/dy = x - exp(x)/y^2. */
        size_t xx = bp_apply(&g, BP_MUL, ix, ix);
        size_t xy = bp_apply(&g, BP_MUL, ix, iy);
        size_t ex = bp_apply(&g, BP_EXP, ix, 0);
        size_t q = bp_apply(&g, BP_DIV, ex, iy);
        size_t f = bp_apply(&g, BP_ADD, bp_apply(&g, BP_ADD, xx, xy), q);
        expect_true(f != BP_NONE, "building f = x x + x y + exp(x) / y with bp_apply");
        long double ex_l = expl(x);
        expect_near(g.nodes[f].value, (double)(x * (long double)x + x * (long double)y + ex_l / y),
                    1e-14, "f = x x + x y + exp(x) / y at x = %.17g, y = %.17g", x, y);
        expect_status(bp_backward(&g, f), BP_OK, "bp_backward on x x + x y + exp(x) / y");
        expect_near(g.nodes[ix].grad, (double)(2 * (long double)x + y + ex_l / y), 1e-13,
                    "df/dx of f = x x + x y + exp(x) / y (x is used 3 times: 2x + y + e^x / y) "
                    "at x = %.17g, y = %.17g", x, y);
        expect_near(g.nodes[iy].grad, (double)(x - ex_l / ((long double)y * y)), 1e-13,
                    "df/dy of f = x x + x y + exp(x) / y (x - e^x / y^2) at x = %.17g, y = %.17g",
                    x, y);
        /* bp_backward twice gives the same gradients, not twice them. */
        double first = g.nodes[ix].grad;
        expect_status(bp_backward(&g, f), BP_OK, "bp_backward called a second time");
        expect_near(g.nodes[ix].grad, first, 1e-15, "df/dx after calling bp_backward twice "
                    "(gradients must be zeroed first, not accumulated across calls)");
    }
}

/* ---- random expressions against central differences ------------------------ */

enum { INPUTS = 4, MAX_NODES = 80 };

/* The grader's own evaluation of a node list in index order, long double. */
static void evaluate(const bp_node *nodes, size_t n, const long double *inputs, long double *v)
{
    size_t next_input = 0;
    for (size_t i = 0; i < n; i++) {
        long double a = nodes[i].op == BP_INPUT ? 0 : v[nodes[i].a];
        long double b = nodes[i].op <= BP_DIV && nodes[i].op != BP_INPUT ? v[nodes[i].b] : 0;
        switch (nodes[i].op) {
        case BP_INPUT: v[i] = inputs[next_input++]; break;
        case BP_ADD: v[i] = a + b; break;
        case BP_SUB: v[i] = a - b; break;
        case BP_MUL: v[i] = a * b; break;
        case BP_DIV: v[i] = a / b; break;
        case BP_EXP: v[i] = expl(a); break;
        case BP_LOG: v[i] = logl(a); break;
        case BP_TANH: v[i] = tanhl(a); break;
        case BP_SIGMOID: v[i] = 1 / (1 + expl(-a)); break;
        case BP_RELU: v[i] = a > 0 ? a : 0; break;
        }
    }
}

static size_t add_node(bp_node *nodes, size_t *n, bp_op op, size_t a, size_t b)
{
    nodes[*n] = (bp_node){op, a, op <= BP_DIV ? b : 0, 0, 0};
    return (*n)++;
}

/* A random expression whose every LOG and DIV stays in its domain: LOG only
 * of a sigmoid, DIV only by 1 + exp(tanh(.)), EXP only of a tanh. */
static size_t random_expression(rng *r, bp_node *nodes)
{
    size_t n = 0;
    for (int i = 0; i < INPUTS; i++)
        add_node(nodes, &n, BP_INPUT, 0, 0);
    size_t one = add_node(nodes, &n, BP_INPUT, 0, 0); /* the constant 1 */
    size_t steps = 5 + rng_below(r, 20);
    for (size_t s = 0; s < steps && n + 4 < MAX_NODES; s++) {
        size_t p = rng_below(r, n), q = rng_below(r, n);
        switch (rng_below(r, 8)) {
        case 0: add_node(nodes, &n, BP_ADD, p, q); break;
        case 1: add_node(nodes, &n, BP_SUB, p, q); break;
        case 2: add_node(nodes, &n, BP_MUL, add_node(nodes, &n, BP_TANH, p, 0), q); break;
        case 3: {
            size_t e = add_node(nodes, &n, BP_EXP, add_node(nodes, &n, BP_TANH, q, 0), 0);
            add_node(nodes, &n, BP_DIV, p, add_node(nodes, &n, BP_ADD, one, e));
            break;
        }
        case 4: add_node(nodes, &n, BP_LOG, add_node(nodes, &n, BP_SIGMOID, p, 0), 0); break;
        case 5: add_node(nodes, &n, BP_TANH, p, 0); break;
        case 6: add_node(nodes, &n, BP_RELU, p, 0); break;
        default: {
            size_t t = add_node(nodes, &n, BP_TANH, p, 0);
            add_node(nodes, &n, BP_MUL, t, t); /* the same node twice */
            break;
        }
        }
    }
    /* The output adds up the last few nodes, so that most of the graph counts. */
    size_t out = n - 1;
    for (size_t k = 2; k <= 3 && k < n; k++)
        out = add_node(nodes, &n, BP_ADD, out, n - k - 1);
    return n;
}

GRADED_TEST(graph, random_expressions, 3, REVERSE)
{
    rng r;
    grade_rng(&r);
    bp_node nodes[MAX_NODES];
    long double v[MAX_NODES], up[MAX_NODES], down[MAX_NODES];
    for (int round = 0; round < 60; round++) {
        size_t n = random_expression(&r, nodes);
        long double in[INPUTS + 1];
        for (int i = 0; i < INPUTS; i++)
            in[i] = rng_range(&r, -1.5, 1.5);
        in[INPUTS] = 1;
        evaluate(nodes, n, in, v);
        for (size_t i = 0; i < n; i++)
            nodes[i].value = (double)v[i];
        bp_graph g = {nodes, n, MAX_NODES};
        expect_status(bp_backward(&g, n - 1), BP_OK, "bp_backward on a random expression");
        for (int i = 0; i < INPUTS; i++) {
            const long double h = 1e-6L;
            long double shifted[INPUTS + 1];
            memcpy(shifted, in, sizeof in);
            shifted[i] = in[i] + h;
            evaluate(nodes, n, shifted, up);
            shifted[i] = in[i] - h;
            evaluate(nodes, n, shifted, down);
            double numeric = (double)((up[n - 1] - down[n - 1]) / (2 * h));
            expect_near(nodes[i].grad, numeric, 1e-6,
                        "round %d: d output / d input %d of a random expression of %zu nodes "
                        "(central differences)", round, i, n);
        }
        /* bp_forward at new inputs, against the grader's evaluation. */
        for (int i = 0; i < INPUTS; i++) {
            in[i] = rng_range(&r, -1.5, 1.5);
            nodes[i].value = (double)in[i];
        }
        evaluate(nodes, n, in, v);
        size_t order[MAX_NODES], count;
        expect_status(bp_topological_order(&g, n - 1, order, &count), BP_OK,
                      "bp_topological_order of a random expression");
        bp_forward(&g, order, count);
        expect_near(nodes[n - 1].value, (double)v[n - 1], 1e-12,
                    "round %d: bp_forward at new inputs, the output of %zu nodes", round, n);
    }
}
