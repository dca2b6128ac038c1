/* Exercise 6: the two-link robot arm, its Jacobian and inverse kinematics
 * (chapter section 8). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define PI 3.14159265358979323846

static jc_arm random_arm(rng *r)
{
    jc_arm arm = {rng_range(r, 0.2, 3), rng_range(r, 0.2, 3)};
    return arm;
}

/* The grader's Jacobian of the hand's position, in long double. */
static void ref_arm_jacobian(const jc_arm *arm, const double theta[2], long double j[4])
{
    long double t01 = (long double)theta[0] + theta[1];
    j[0] = -arm->l1 * sinl(theta[0]) - arm->l2 * sinl(t01);
    j[1] = -arm->l2 * sinl(t01);
    j[2] = arm->l1 * cosl(theta[0]) + arm->l2 * cosl(t01);
    j[3] = arm->l2 * cosl(t01);
}

GRADED_TEST(arm, kinematics, 2, SEC_ARM)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 100; round++) {
        jc_arm arm = random_arm(&r);
        double theta[2] = {rng_range(&r, -2 * PI, 2 * PI), rng_range(&r, -2 * PI, 2 * PI)};
        if (round < 4)
            theta[1] = round < 2 ? 0 : PI; /* stretched out, folded back */
        double reach = arm.l1 + arm.l2, p[2], jac[4];
        long double want[2], wj[4];
        ref_arm_position(&arm, theta, want);
        jc_arm_position(&arm, theta, p);
        for (int i = 0; i < 2; i++)
            expect_true(fabsl(p[i] - want[i]) <= 4 * EPS * reach, "jc_arm_position with l1 = %g, "
                        "l2 = %g at theta = (%.17g, %.17g): p[%d] expected %.17Lg, came %.17g",
                        arm.l1, arm.l2, theta[0], theta[1], i, want[i], p[i]);
        ref_arm_jacobian(&arm, theta, wj);
        jc_arm_jacobian(&arm, theta, jac);
        for (int i = 0; i < 4; i++)
            expect_true(fabsl(jac[i] - wj[i]) <= 4 * EPS * reach, "jc_arm_jacobian with l1 = %g, "
                        "l2 = %g at theta = (%.17g, %.17g): entry (%d, %d) of dp/dtheta expected "
                        "%.17Lg, came %.17g", arm.l1, arm.l2, theta[0], theta[1], i / 2, i % 2,
                        wj[i], jac[i]);
        long double det = arm.l1 * arm.l2 * sinl(theta[1]);
        double came = jc_arm_determinant(&arm, theta);
        expect_true(fabsl(came - det) <= 8 * EPS * reach * reach, "jc_arm_determinant with l1 = "
                    "%g, l2 = %g at theta = (%.17g, %.17g): expected l1 l2 sin t1 = %.17Lg, came "
                    "%.17g", arm.l1, arm.l2, theta[0], theta[1], det, came);
    }
}

/* A target the arm reaches at theta_true, away from the singular
 * configurations (|sin t1| >= 0.2). */
static void reachable_target(rng *r, const jc_arm *arm, double target[2], double theta_true[2])
{
    theta_true[0] = rng_range(r, -PI, PI);
    do
        theta_true[1] = rng_range(r, -PI, PI);
    while (fabs(sin(theta_true[1])) < 0.2);
    long double p[2];
    ref_arm_position(arm, theta_true, p);
    target[0] = (double)p[0];
    target[1] = (double)p[1];
}

/* One damped least-squares step, in long double. */
static void ref_step(const jc_arm *arm, const double target[2], double damping, double theta[2])
{
    long double p[2], j[4];
    ref_arm_position(arm, theta, p);
    ref_arm_jacobian(arm, theta, j);
    long double e0 = target[0] - p[0], e1 = target[1] - p[1], l2 = (long double)damping * damping;
    /* (J J^T + damping^2 I) y = e, then theta += J^T y. */
    long double a = j[0] * j[0] + j[1] * j[1] + l2, b = j[0] * j[2] + j[1] * j[3];
    long double d = j[2] * j[2] + j[3] * j[3] + l2, det = a * d - b * b;
    long double y0 = (d * e0 - b * e1) / det, y1 = (a * e1 - b * e0) / det;
    theta[0] = (double)(theta[0] + j[0] * y0 + j[2] * y1);
    theta[1] = (double)(theta[1] + j[1] * y0 + j[3] * y1);
}

/* The grader's own solve: the steps it took to come within tol, or -1. */
static int ref_solve(const jc_arm *arm, const double target[2], double damping, double tol,
                     int max_iter, double theta[2])
{
    for (int k = 0; k <= max_iter; k++) {
        if (ref_arm_miss(arm, theta, target) <= tol)
            return k;
        ref_step(arm, target, damping, theta);
    }
    return -1;
}

/* Whether the grader's own solve from theta, and its solves from two starts
 * 1e-9 away, arrive within 300 steps at the same solution: then the rounding
 * of another implementation cannot send it elsewhere. */
static int robust(const jc_arm *arm, const double target[2], double damping, double tol,
                  const double theta[2])
{
    double ends[3][2];
    for (int k = 0; k < 3; k++) {
        ends[k][0] = theta[0] + (k == 1 ? 1e-9 : 0);
        ends[k][1] = theta[1] - (k == 2 ? 1e-9 : 0);
        if (ref_solve(arm, target, damping, tol, 300, ends[k]) < 0 ||
            fabs(ends[k][0] - ends[0][0]) > 1e-6 || fabs(ends[k][1] - ends[0][1]) > 1e-6)
            return 0;
    }
    return 1;
}

/* Damped least squares from just anywhere can wander for thousands of steps,
 * or cycle: a random start, anywhere if possible, else nearer and nearer the
 * solution truth, from which it arrives robustly. */
static void robust_start(rng *r, const jc_arm *arm, const double target[2], double damping,
                         double tol, const double truth[2], double theta[2])
{
    const double radius[] = {PI, 1, 0.3, 0.1};
    for (int attempt = 0; attempt < 40; attempt++) {
        double d = radius[attempt / 10];
        theta[0] = truth[0] + rng_range(r, -d, d);
        theta[1] = truth[1] + rng_range(r, -d, d);
        if (robust(arm, target, damping, tol, theta))
            return;
    }
    theta[0] = truth[0] + 1e-3;
    theta[1] = truth[1] - 1e-3;
}

GRADED_TEST(arm, reaches_targets, 3, SEC_INVERSE)
{
    rng r;
    grade_rng(&r);
    const double dampings[] = {0, 1e-3, 0.03}; /* times the arm's reach */
    for (int round = 0; round < 60; round++) {
        jc_arm arm = random_arm(&r);
        double reach = arm.l1 + arm.l2, tol = 1e-10 * reach, damping = dampings[round % 3] * reach;
        double target[2], truth[2], theta[2];
        reachable_target(&r, &arm, target, truth);
        robust_start(&r, &arm, target, damping, tol, truth, theta);
        double start[2] = {theta[0], theta[1]};
        size_t iterations = 12345;
        expect_status(jc_arm_solve(&arm, target, damping, tol, 1000, theta, &iterations), JC_OK,
                      "jc_arm_solve with l1 = %g, l2 = %g, damping %g, for the target (%.17g, "
                      "%.17g) from theta = (%.17g, %.17g)", arm.l1, arm.l2, damping, target[0],
                      target[1], start[0], start[1]);
        long double miss = ref_arm_miss(&arm, theta, target);
        expect_true(miss <= tol + 16 * EPS * reach, "jc_arm_solve with l1 = %g, l2 = %g, damping "
                    "%g, target (%.17g, %.17g): the hand at the solution theta = (%.17g, %.17g) "
                    "misses it by %.3Lg, more than tol = %.3g", arm.l1, arm.l2, damping,
                    target[0], target[1], theta[0], theta[1], miss, tol);
        expect_true(iterations >= 1 && iterations <= 1000, "jc_arm_solve from a start that misses "
                    "the target: expected between 1 and max_iter = 1000 steps, came %zu",
                    iterations);
        /* Already there: no step. */
        double there[2] = {theta[0], theta[1]};
        expect_status(jc_arm_solve(&arm, target, damping, tol, 1000, there, &iterations), JC_OK,
                      "jc_arm_solve started at its own solution");
        expect_int((long long)iterations, 0, "steps of jc_arm_solve started at a solution");
        expect_true(there[0] == theta[0] && there[1] == theta[1], "jc_arm_solve started at a "
                    "solution moved theta from (%.17g, %.17g) to (%.17g, %.17g)", theta[0],
                    theta[1], there[0], there[1]);
        expect_status(jc_arm_solve(&arm, target, damping, tol, 1000, start, NULL), JC_OK,
                      "jc_arm_solve with iterations = NULL");
    }
}

GRADED_TEST(arm, unreachable_and_limits, 2, SEC_INVERSE)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        jc_arm arm = random_arm(&r);
        if (fabs(arm.l1 - arm.l2) < 0.3)
            arm.l2 = arm.l1 + 0.5;
        double angle = rng_range(&r, -PI, PI), reach = arm.l1 + arm.l2;
        double inner = fabs(arm.l1 - arm.l2), far = reach * rng_range(&r, 1.01, 3);
        double near = inner * rng_range(&r, 0, 0.99);
        const double radii[2] = {far, near};
        for (int k = 0; k < 2; k++) {
            double target[2] = {radii[k] * cos(angle), radii[k] * sin(angle)};
            double theta[2] = {rng_range(&r, -PI, PI), rng_range(&r, -PI, PI)};
            double start[2] = {theta[0], theta[1]};
            expect_status(jc_arm_solve(&arm, target, 1e-3, 1e-9, 100, theta, NULL),
                          JC_ERR_UNREACHABLE, "jc_arm_solve with l1 = %g, l2 = %g for a target at "
                          "distance %g (%s)", arm.l1, arm.l2, radii[k], k ? "inside |l1 - l2|" :
                          "beyond l1 + l2");
            expect_true(theta[0] == start[0] && theta[1] == start[1], "jc_arm_solve changed theta "
                        "for an unreachable target");
        }
    }
    for (int round = 0; round < 20; round++) {
        jc_arm arm = random_arm(&r);
        double target[2], truth[2], damping = (round % 2 ? 0.3 : 1.0) * (arm.l1 + arm.l2);
        reachable_target(&r, &arm, target, truth);
        double theta[2] = {truth[0] + 1, truth[1] - 0.7}, want[2] = {theta[0], theta[1]};
        for (size_t max_iter = 1; max_iter <= 3; max_iter++) {
            double got[2] = {theta[0], theta[1]};
            size_t iterations = 12345;
            ref_step(&arm, target, damping, want);
            expect_status(jc_arm_solve(&arm, target, damping, 1e-12, max_iter, got, &iterations),
                          JC_ERR_NOCONVERGE, "jc_arm_solve with max_iter = %zu from far away",
                          max_iter);
            expect_int((long long)iterations, (long long)max_iter, "steps reported when max_iter "
                       "= %zu steps were not enough", max_iter);
            for (int i = 0; i < 2; i++)
                expect_near(got[i], want[i], 1e-9, "theta[%d] after %zu damped least-squares "
                            "step(s) theta += J^T (J J^T + damping^2 I)^-1 e with damping %g "
                            "(l1 = %g, l2 = %g)", i, max_iter, damping, arm.l1, arm.l2);
        }
    }
}

GRADED_TEST(arm, errors, 1, SEC_INVERSE)
{
    jc_arm arm = {1, 0.5};
    double target[2] = {1, 0.5}, theta[2] = {0.3, 0.4};
    size_t it;
    expect_status(jc_arm_solve(NULL, target, 0, 1e-9, 10, theta, &it), JC_ERR_ARG,
                  "jc_arm_solve(NULL, ...)");
    expect_status(jc_arm_solve(&arm, NULL, 0, 1e-9, 10, theta, &it), JC_ERR_ARG,
                  "jc_arm_solve with target = NULL");
    expect_status(jc_arm_solve(&arm, target, 0, 1e-9, 10, NULL, &it), JC_ERR_ARG,
                  "jc_arm_solve with theta = NULL");
    const struct {
        jc_arm arm;
        double target[2], theta[2], damping, tol;
        const char *what;
    } cases[] = {
        {{0, 1}, {1, 0}, {0.3, 0.4}, 0, 1e-9, "l1 = 0"},
        {{1, -1}, {1, 0}, {0.3, 0.4}, 0, 1e-9, "l2 = -1"},
        {{NAN, 1}, {1, 0}, {0.3, 0.4}, 0, 1e-9, "l1 = NaN"},
        {{1, 0.5}, {1, 0}, {0.3, 0.4}, 0, 0, "tol = 0"},
        {{1, 0.5}, {1, 0}, {0.3, 0.4}, 0, NAN, "tol = NaN"},
        {{1, 0.5}, {1, 0}, {0.3, 0.4}, -0.1, 1e-9, "damping = -0.1"},
        {{1, 0.5}, {1, 0}, {0.3, 0.4}, NAN, 1e-9, "damping = NaN"},
        {{1, 0.5}, {NAN, 0}, {0.3, 0.4}, 0, 1e-9, "a NaN in the target"},
        {{1, 0.5}, {1, 0}, {0.3, NAN}, 0, 1e-9, "a NaN in theta"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        double t[2] = {cases[c].theta[0], cases[c].theta[1]};
        expect_status(jc_arm_solve(&cases[c].arm, cases[c].target, cases[c].damping, cases[c].tol,
                                   10, t, &it), JC_ERR_ARG, "jc_arm_solve with %s", cases[c].what);
    }
}
