/* network.c: a tanh network, its forward pass and its whole Jacobian,
 * multiplied from the input side (forward mode) or from the output side
 * (reverse mode) (chapter sections 6 and 7). */
#include "jacobians.h"

#include <math.h>
#include <stdlib.h>

#include "gemm.h"

size_t jc_net_param_count(const jc_tanh_net *net)
{
    // TODO: the sum over the layers of (sizes[l] + 1) * sizes[l + 1] (a W
    //   and a b), or 0 for a network the header rules out. Check before
    //   each multiplication and addition that the result fits in a size_t
    //   (SIZE_MAX), instead of letting it wrap around.
    (void)net;
    return 0;
}

jc_status jc_net_forward(const jc_tanh_net *net, const double *x, double *y)
{
    // TODO: check the arguments, then layer after layer h = tanh(W h + b),
    //   starting from h = x, the last layer's h going into y. Two scratch
    //   vectors as long as the widest hidden layer are enough: each layer
    //   reads one and writes the other.
    (void)net; (void)x; (void)y;
    return JC_ERR_TODO;
}

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
    (void)net; (void)x; (void)mode; (void)jac; (void)y;
    return JC_ERR_TODO;
}
