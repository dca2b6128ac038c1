/* Exercise 3: lines, predictions and the test-set error (sections 4 and 8). */
#include <math.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

GRADED_TEST(predict, predictions_of_a_line, 2, "4 The error landscape")
{
    rng r;
    grade_rng(&r);
    size_t n = 1 + rng_below(&r, 1000);
    double *x = alloc_doubles(n), *y_hat = alloc_doubles(n);
    fill_uniform(&r, x, n, -100, 100);
    double *x_before = grade_copy(x, n);
    lr_line line = {rng_range(&r, -5, 5), rng_range(&r, -5, 5)};
    lr_predict(line, x, n, y_hat);
    expect_unchanged(x, x_before, n, "x");
    for (size_t i = 0; i < n; i++)
        expect_near(y_hat[i], line.slope * x[i] + line.intercept, 1e-14,
                    "prediction %zu of the line %g x + %g at x = %g", i, line.slope,
                    line.intercept, x[i]);
    free(x);
    free(y_hat);
    free(x_before);
}

GRADED_TEST(predict, line_mse_of_random_data, 2, "8 Predicting unseen data")
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 10; round++) {
        size_t n = 1 + rng_below(&r, 5000);
        double *x = alloc_doubles(n), *y = alloc_doubles(n);
        fill_uniform(&r, x, n, 0, 10);
        fill_uniform(&r, y, n, -20, 20);
        lr_line line = {rng_range(&r, -2, 2), rng_range(&r, -2, 2)};
        expect_near(lr_line_mse(line, x, y, n), (double)ref_line_mse(line, x, y, n), 1e-12,
                    "MSE of the line %g x + %g on %zu random points", line.slope,
                    line.intercept, n);
        free(x);
        free(y);
    }
    double none = lr_line_mse((lr_line){1, 1}, NULL, NULL, 0);
    expect_true(isnan(none), "MSE on 0 points: expected NaN, came %g", none);
}

/* The line scikit-learn fits to the training set, scored on the test set.
 * Expected value worked out from the four test rows in long double. */
GRADED_TEST(predict, test_set_error_of_the_chapter_line, 1, "8 Predicting unseen data")
{
    const double x[] = {0.87, 0.74, 0.42, 0.36};
    const double y[] = {102, 101, 60, 54};
    lr_line line = {106.68664055, 15.649335484366574};
    long double expected = ref_line_mse(line, x, y, 4);
    expect_near(lr_line_mse(line, x, y, 4), (double)expected, 1e-13, "test-set MSE");
}
