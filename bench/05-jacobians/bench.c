/* bench.c: lesson 05's whole Jacobian of a tanh network against central
 * differences, naive loops and PyTorch, one thread.
 *
 *     make bench LESSON=05
 *
 * The network has 8 tanh layers of 256 units and 256 inputs; its weights are
 * normal with standard deviation 1/16 = 1/sqrt(256), its biases normal with
 * standard deviation 0.1, from a fixed seed, and x is standard normal. Its
 * 256 x 256 Jacobian at x, by:
 *   - jc_net_jacobian in reverse mode and in forward mode: 7 products of
 *     256 x 256 matrices either way;
 *   - jc_jacobian_central on jc_net_forward: 512 forward passes;
 *   - naive loops: the forward pass, then J = D1 W1 and J = Dl (Wl J), each
 *     product three loops straight from the definition;
 *   - PyTorch: torch.autograd.functional.jacobian(f, x, vectorize=True),
 *     float64, one thread, on the same weights, in a child process
 *     (bench/05-jacobians/torch_jacobian.py, run by Debian's /usr/bin/python3)
 *     that takes its turn with the others and times itself.
 * A build for less than AVX-512 holds PyTorch's OpenBLAS to the same vector
 * width (OPENBLAS_CORETYPE), unless the variable is set already.
 * Each Jacobian's error is measured against the reverse-mode product
 * computed here in long double. Lines end in ratio=R: the other method's
 * time / the time of the solution's faster mode. */
#define _POSIX_C_SOURCE 200809L

#include "jacobians.h"
#include "machine.h"
#include "rng.h"
#include "simd.h"
#include "timing.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

enum { LAYERS = 8, WIDTH = 256, REPS = 15 };
#define SEED 5
#define BIAS_SCALE 0.1
#ifndef PYTHON /* another interpreter: EXTRA_CFLAGS='-DPYTHON="/path/to/python3"' */
#define PYTHON "/usr/bin/python3" /* Debian's, which python3-torch installs into */
#endif
#define TORCH_SCRIPT "bench/05-jacobians/torch_jacobian.py"
#define MAX_ERROR 1e-13 /* the solution's modes must be this accurate */

/* OpenBLAS's kernels for the vector width of this build; NULL for AVX-512,
 * the widest, where it may choose. */
static const char *openblas_core_of_build(void)
{
#if SIMD_BYTES == 64
    return NULL;
#elif defined(__AVX2__)
    return "Haswell";
#elif SIMD_BYTES == 32
    return "Sandybridge";
#else
    return "Nehalem";
#endif
}

/* Holds the OpenBLAS inside PyTorch (which the child process inherits the
 * environment of) to the vector width of this build, unless
 * OPENBLAS_CORETYPE is set already; returns the kernels it chose, or NULL. */
static const char *hold_openblas_to_build_width(void)
{
    const char *core = openblas_core_of_build();
    if (!core || getenv("OPENBLAS_CORETYPE") || setenv("OPENBLAS_CORETYPE", core, 1) != 0)
        return NULL;
    return core;
}

static const size_t MATRIX = (size_t)WIDTH * WIDTH;

/* ---- the network ------------------------------------------------------------ */

typedef struct {
    jc_tanh_net net;
    double *params, x[WIDTH];
} network;

static int network_make(network *nw)
{
    nw->net.layers = LAYERS;
    for (size_t l = 0; l <= LAYERS; l++)
        nw->net.sizes[l] = WIDTH;
    size_t count = jc_net_param_count(&nw->net);
    nw->params = malloc(count * sizeof *nw->params);
    if (!nw->params)
        return 1;
    rng r;
    rng_seed(&r, SEED);
    double *p = nw->params;
    for (size_t l = 0; l < LAYERS; l++) {
        for (size_t i = 0; i < MATRIX; i++)
            *p++ = rng_normal(&r) / sqrt((double)WIDTH);
        for (size_t i = 0; i < WIDTH; i++)
            *p++ = BIAS_SCALE * rng_normal(&r);
    }
    for (size_t i = 0; i < WIDTH; i++)
        nw->x[i] = rng_normal(&r);
    nw->net.params = nw->params;
    return 0;
}

static const double *layer_w(const network *nw, size_t l) /* l from 0 */
{
    return nw->params + l * (MATRIX + WIDTH);
}

/* ---- the reference: reverse mode in long double ---------------------------------- */

/* Every layer's slopes 1 - tanh(z)^2 (d: LAYERS x WIDTH) in long double. */
static void reference_slopes(const network *nw, long double *d)
{
    long double h[WIDTH], next[WIDTH];
    for (size_t i = 0; i < WIDTH; i++)
        h[i] = nw->x[i];
    for (size_t l = 0; l < LAYERS; l++) {
        const double *w = layer_w(nw, l), *b = w + MATRIX;
        for (size_t i = 0; i < WIDTH; i++) {
            long double z = b[i];
            for (size_t j = 0; j < WIDTH; j++)
                z += (long double)w[i * WIDTH + j] * h[j];
            long double e = expl(-2.0L * fabsl(z));
            next[i] = tanhl(z);
            d[l * WIDTH + i] = 4.0L * e / ((1.0L + e) * (1.0L + e));
        }
        memcpy(h, next, sizeof h);
    }
}

/* ref = D8 W8 D7 W7 ... D1 W1, multiplied from the output side. */
static int reference_jacobian(const network *nw, long double *ref)
{
    long double *d = malloc(LAYERS * WIDTH * sizeof *d), *t = malloc(MATRIX * sizeof *t);
    if (!d || !t) {
        free(d);
        free(t);
        return 1;
    }
    reference_slopes(nw, d);
    const double *w = layer_w(nw, LAYERS - 1);
    for (size_t i = 0; i < WIDTH; i++)
        for (size_t j = 0; j < WIDTH; j++)
            ref[i * WIDTH + j] = d[(LAYERS - 1) * WIDTH + i] * w[i * WIDTH + j];
    for (size_t l = LAYERS - 1; l-- > 0;) {
        w = layer_w(nw, l);
        for (size_t i = 0; i < MATRIX; i++)
            t[i] = 0.0L;
        for (size_t i = 0; i < WIDTH; i++)
            for (size_t p = 0; p < WIDTH; p++) {
                long double s = ref[i * WIDTH + p] * d[l * WIDTH + p];
                for (size_t j = 0; j < WIDTH; j++)
                    t[i * WIDTH + j] += s * w[p * WIDTH + j];
            }
        memcpy(ref, t, MATRIX * sizeof *t);
    }
    free(d);
    free(t);
    return 0;
}

/* The largest error in a row relative to that row's largest entry: each
 * row is the gradient of one output. */
static double max_row_error(const double *jac, const long double *ref)
{
    double worst = 0.0;
    for (size_t i = 0; i < WIDTH; i++) {
        long double top = 0.0L, err = 0.0L;
        for (size_t j = 0; j < WIDTH; j++) {
            top = fmaxl(top, fabsl(ref[i * WIDTH + j]));
            err = fmaxl(err, fabsl(jac[i * WIDTH + j] - ref[i * WIDTH + j]));
        }
        worst = fmax(worst, (double)(err / top));
    }
    return worst;
}

/* ---- the methods ----------------------------------------------------------------- */

/* What a student writes first: the forward pass keeping every h, then
 * J = D1 W1 and J = Dl (Wl J) for l = 2..8 with D = 1 - h^2, each product
 * three loops straight from the definition (a dot product per entry, which
 * walks J down a column). h holds LAYERS x WIDTH values, t two matrices. */
static void naive_jacobian(const network *nw, double *h, double *t, double *jac)
{
    const double *in = nw->x;
    for (size_t l = 0; l < LAYERS; l++) {
        const double *w = layer_w(nw, l), *b = w + MATRIX;
        for (size_t i = 0; i < WIDTH; i++) {
            double z = b[i];
            for (size_t j = 0; j < WIDTH; j++)
                z += w[i * WIDTH + j] * in[j];
            h[l * WIDTH + i] = tanh(z);
        }
        in = h + l * WIDTH;
    }
    double *j = t, *next = t + MATRIX;
    for (size_t i = 0; i < WIDTH; i++)
        for (size_t k = 0; k < WIDTH; k++)
            j[i * WIDTH + k] = (1.0 - h[i] * h[i]) * nw->params[i * WIDTH + k];
    for (size_t l = 1; l < LAYERS; l++) {
        const double *w = layer_w(nw, l), *hl = h + l * WIDTH;
        double *to = l + 1 == LAYERS ? jac : next;
        for (size_t i = 0; i < WIDTH; i++)
            for (size_t k = 0; k < WIDTH; k++) {
                double s = 0.0;
                for (size_t p = 0; p < WIDTH; p++)
                    s += w[i * WIDTH + p] * j[p * WIDTH + k];
                to[i * WIDTH + k] = (1.0 - hl[i] * hl[i]) * s;
            }
        next = j;
        j = to;
    }
}

static void forward_map(const double *x, double *y, void *ctx)
{
    jc_net_forward(ctx, x, y); /* the arguments are valid: it cannot fail */
}

typedef struct {
    const network *nw;
    int kind; /* 0, 1, 2: jc_net_jacobian's modes; CENTRAL or NAIVE */
    double *jac, *scratch;
    jc_status status;
} c_job;

enum { CENTRAL = 3, NAIVE = 4 };

static void run_c(void *ctx)
{
    c_job *job = ctx;
    if (job->kind == NAIVE) {
        naive_jacobian(job->nw, job->scratch, job->scratch + LAYERS * WIDTH, job->jac);
    } else if (job->kind == CENTRAL) {
        jc_map map = {WIDTH, WIDTH, forward_map, (void *)&job->nw->net};
        job->status = jc_jacobian_central(&map, job->nw->x, job->jac);
    } else {
        job->status = jc_net_jacobian(&job->nw->net, job->nw->x, (jc_mode)job->kind, job->jac,
                                      NULL);
    }
}

/* ---- PyTorch, in a child process ------------------------------------------------- */

typedef struct {
    pid_t pid;
    FILE *to, *from;
    int alive;
    double best; /* the fastest run, as the script timed it */
    char about[256];
} torch_child;

/* Runs the script with its standard input and output on two pipes. */
static int torch_start(torch_child *t)
{
    int down[2], up[2];
    if (pipe(down) != 0)
        return 1;
    if (pipe(up) != 0) {
        close(down[0]);
        close(down[1]);
        return 1;
    }
    fflush(stdout);
    t->pid = fork();
    if (t->pid == 0) {
        dup2(down[0], 0);
        dup2(up[1], 1);
        close(down[0]);
        close(down[1]);
        close(up[0]);
        close(up[1]);
        execl(PYTHON, PYTHON, TORCH_SCRIPT, (char *)NULL);
        printf("unavailable: cannot run %s\n", PYTHON);
        fflush(stdout);
        _exit(0);
    }
    close(down[0]);
    close(up[1]);
    t->to = t->pid > 0 ? fdopen(down[1], "w") : NULL;
    t->from = t->pid > 0 ? fdopen(up[0], "r") : NULL;
    if (!t->to || !t->from) {
        if (t->to)
            fclose(t->to);
        else
            close(down[1]);
        if (t->from)
            fclose(t->from);
        else
            close(up[0]);
        return 1;
    }
    return 0;
}

/* Sends the network and reads the script's first answer into t->about. */
static void torch_load(torch_child *t, const network *nw)
{
    size_t count = jc_net_param_count(&nw->net);
    fprintf(t->to, "%d %d\n", LAYERS, WIDTH);
    int sent = fwrite(nw->params, sizeof(double), count, t->to) == count &&
               fwrite(nw->x, sizeof(double), WIDTH, t->to) == WIDTH && fflush(t->to) == 0;
    if (!fgets(t->about, sizeof t->about, t->from))
        snprintf(t->about, sizeof t->about, "unavailable: %s gave no answer (the benchmark "
                 "runs from the repository's root)", TORCH_SCRIPT);
    t->about[strcspn(t->about, "\n")] = '\0';
    t->alive = sent && strncmp(t->about, "ready ", 6) == 0;
    t->best = INFINITY;
}

static void run_torch(void *ctx)
{
    torch_child *t = ctx;
    char line[64];
    if (!t->alive)
        return;
    if (fputs("run\n", t->to) == EOF || fflush(t->to) != 0 || !fgets(line, sizeof line, t->from)) {
        t->alive = 0;
        snprintf(t->about, sizeof t->about, "unavailable: the script stopped while timed");
        return;
    }
    double seconds = strtod(line, NULL);
    t->best = seconds > 0.0 && seconds < t->best ? seconds : t->best;
}

static int torch_jacobian(torch_child *t, double *jac)
{
    return t->alive && fputs("jacobian\n", t->to) != EOF && fflush(t->to) == 0 &&
           fread(jac, sizeof(double), MATRIX, t->from) == MATRIX;
}

static void torch_stop(torch_child *t)
{
    fputs("quit\n", t->to);
    fclose(t->to);
    fclose(t->from);
    waitpid(t->pid, NULL, 0);
}

/* ---- main ------------------------------------------------------------------------ */

enum { REVERSE_TASK, FORWARD_TASK, CENTRAL_TASK, NAIVE_TASK, TORCH_TASK, TASKS };

static void print_result(const timed_task *solution, const timed_task *other, double error)
{
    printf("Jacobian %dx%d, %d tanh layers, double: solution (%s) %.2f ms, %s %.2f ms  "
           "ratio=%.2f  (error %.1e)\n", WIDTH, WIDTH, LAYERS, solution->name,
           1e3 * solution->best, other->name, 1e3 * other->best, other->best / solution->best,
           error);
}

static int bench_jacobians(const network *nw, const long double *ref, double *memory)
{
    c_job jobs[4] = {{nw, JC_MODE_REVERSE, memory, NULL, JC_OK},
                     {nw, JC_MODE_FORWARD, memory + MATRIX, NULL, JC_OK},
                     {nw, CENTRAL, memory + 2 * MATRIX, NULL, JC_OK},
                     {nw, NAIVE, memory + 3 * MATRIX, memory + 5 * MATRIX, JC_OK}};
    double *torch_jac = memory + 4 * MATRIX;
    torch_child child = {0};
    int started = torch_start(&child) == 0;
    if (started)
        torch_load(&child, nw);
    else
        snprintf(child.about, sizeof child.about, "unavailable: cannot start %s", PYTHON);
    timed_task tasks[TASKS] = {
        {"reverse mode", run_c, &jobs[0], 0},
        {"forward mode", run_c, &jobs[1], 0},
        {"central differences (512 forward passes)", run_c, &jobs[2], 0},
        {"naive loops", run_c, &jobs[3], 0},
        {"PyTorch jacobian(vectorize=True)", run_torch, &child, 0},
    };
    if (child.alive)
        printf("library: %s\n\n", child.about + strlen("ready "));
    else
        printf("PyTorch: %s; the comparison with it is left out.\n\n", child.about);
    int ready = child.alive;
    time_interleaved(tasks, ready ? TASKS : TASKS - 1, REPS);
    tasks[TORCH_TASK].best = child.best;
    int have_torch = torch_jacobian(&child, torch_jac);
    if (started)
        torch_stop(&child);

    double error[TASKS];
    for (int t = 0; t < 4; t++)
        error[t] = max_row_error(jobs[t].jac, ref);
    error[TORCH_TASK] = have_torch ? max_row_error(torch_jac, ref) : NAN;
    int fastest = tasks[FORWARD_TASK].best < tasks[REVERSE_TASK].best ? FORWARD_TASK
                                                                         : REVERSE_TASK;
    printf("error: the largest |J - R| in a row / the largest |R| in that row, R in long "
           "double\n");
    printf("Jacobian %dx%d, %d tanh layers, double: solution (%s) %.2f ms, %.1f GFLOP/s in "
           "its 7 products  (error %.1e)\n", WIDTH, WIDTH, LAYERS, tasks[fastest].name,
           1e3 * tasks[fastest].best, 7 * 2.0 * WIDTH * MATRIX / tasks[fastest].best / 1e9,
           error[fastest]);
    for (int t = 0; t < TASKS; t++)
        if (t != fastest && (t != TORCH_TASK || have_torch))
            print_result(&tasks[fastest], &tasks[t], error[t]);
    if (ready && !have_torch)
        printf("PyTorch: %s; the comparison with it is left out.\n",
               child.alive ? "its Jacobian could not be read back" : child.about);

    int failed = 0;
    for (int t = 0; t < 3; t++)
        if (jobs[t].status != JC_OK) {
            fprintf(stderr, "bench-05-jacobians: %s: %s\n", tasks[t].name,
                    jc_status_str(jobs[t].status));
            failed = 1;
        }
    for (int t = REVERSE_TASK; t <= FORWARD_TASK; t++)
        if (!(error[t] <= MAX_ERROR)) {
            fprintf(stderr, "bench-05-jacobians: %s: error %.3g above %.0e\n", tasks[t].name,
                    error[t], MAX_ERROR);
            failed = 1;
        }
    return failed;
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN); /* a script that dies must not take the benchmark along */
    machine_describe(stdout);
    printf("Lesson 05 benchmark: the whole Jacobian of a tanh network, one thread.\n"
           "Each time is the fastest of %d runs; the methods take turns.\n"
           "ratio = other time / time of the solution's faster mode.\n", REPS);
    const char *core = hold_openblas_to_build_width();
    if (core)
        printf("PyTorch's OpenBLAS is held to this build's vector width: "
               "OPENBLAS_CORETYPE=%s.\n", core);
    network nw;
    long double *ref = malloc(MATRIX * sizeof *ref);
    double *memory = malloc((7 * MATRIX + LAYERS * WIDTH) * sizeof *memory);
    int failed = !ref || !memory || network_make(&nw) != 0;
    if (failed) {
        fprintf(stderr, "bench-05-jacobians: out of memory\n");
    } else {
        memset(memory, 0, (7 * MATRIX + LAYERS * WIDTH) * sizeof *memory);
        failed = reference_jacobian(&nw, ref) || bench_jacobians(&nw, ref, memory);
        free(nw.params);
    }
    free(ref);
    free(memory);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
