/* race.c: lesson 07's race (`make race LESSON=07`; see grader/runner/race.h):
 * gv_adagrad_epoch, the training loop of section 10, against the update of
 * section 6 written out plainly, one record at a time. */
#include <math.h>

#include "glove.h"
#include "race.h"

enum { VOCAB = 4000, DIM = 50, RECORDS = 100000, MODEL = 2 * VOCAB * (DIM + 1) };

RACE_REFERENCE(gv_adagrad_epoch);

typedef struct {
    gv_record *records;
    gv_options options;
    double *params[2], *gradsq[2], cost; /* the lesson function's, the naive loop's */
} epoch_job;

static double clip(double g, double limit)
{
    return g > limit ? limit : g < -limit ? -limit : g;
}

/* The word's and the context's AdaGrad steps for one record. */
static void naive_vectors(double *w, double *wc, double *gw, double *gc, double fdiff,
                          const gv_options *o)
{
    double u1[DIM], u2[DIM], s1 = 0.0, s2 = 0.0;
    for (size_t k = 0; k < DIM; k++) {
        double g1 = o->eta * clip(fdiff * wc[k], o->grad_clip);
        double g2 = o->eta * clip(fdiff * w[k], o->grad_clip);
        u1[k] = g1 / sqrt(gw[k]);
        u2[k] = g2 / sqrt(gc[k]);
        gw[k] += g1 * g1;
        gc[k] += g2 * g2;
        s1 += u1[k];
        s2 += u2[k];
    }
    if (isfinite(s1) && isfinite(s2))
        for (size_t k = 0; k < DIM; k++) {
            w[k] -= u1[k];
            wc[k] -= u2[k];
        }
}

static double naive_bias_step(double fdiff, double gradsq)
{
    double step = fdiff / sqrt(gradsq);
    return isfinite(step) ? step : 0.0;
}

static void naive_epoch(epoch_job *j)
{
    double *params = j->params[1], *gradsq = j->gradsq[1], cost = 0.0;
    const gv_options *o = &j->options;
    for (size_t r = 0; r < RECORDS; r++) {
        const gv_record *rec = &j->records[r];
        size_t wi = rec->row * (DIM + 1), ci = (VOCAB + rec->col) * (DIM + 1);
        double *w = params + wi, *wc = params + ci, diff = w[DIM] + wc[DIM] - log(rec->value);
        for (size_t k = 0; k < DIM; k++)
            diff += w[k] * wc[k];
        double weight = rec->value < o->x_max ? pow(rec->value / o->x_max, o->alpha) : 1.0;
        double fdiff = weight * diff;
        if (!isfinite(diff) || !isfinite(fdiff))
            continue;
        cost += fdiff * diff / 2;
        naive_vectors(w, wc, gradsq + wi, gradsq + ci, fdiff, o);
        w[DIM] -= naive_bias_step(fdiff, gradsq[wi + DIM]);
        wc[DIM] -= naive_bias_step(fdiff, gradsq[ci + DIM]);
        gradsq[wi + DIM] += fdiff * fdiff;
        gradsq[ci + DIM] += fdiff * fdiff;
    }
    j->cost = cost / RECORDS;
}

static void run_call(void *ctx)
{
    epoch_job *j = ctx;
    gv_adagrad_epoch(j->records, RECORDS, VOCAB, DIM, &j->options, j->params[0], j->gradsq[0],
                     &j->cost);
}

static void run_naive(void *ctx)
{
    naive_epoch(ctx);
}

/* Records of a Zipf-like vocabulary: frequent words pair more often. */
static gv_record *make_records(rng *r)
{
    gv_record *records = grade_alloc(RECORDS, sizeof *records);
    for (size_t i = 0; i < RECORDS; i++) {
        double a = rng_uniform(r), b = rng_uniform(r);
        records[i].row = (uint32_t)(VOCAB * a * a * a);
        records[i].col = (uint32_t)(VOCAB * b * b * b);
        records[i].value = 1.0 + 50.0 * rng_uniform(r) * rng_uniform(r);
    }
    return records;
}

RACE(adagrad_epoch, "10 Going fast", "gv_adagrad_epoch: 100000 records, 4000 words, 50 dimensions")
{
    rng r;
    grade_rng(&r);
    epoch_job job = {make_records(&r), {10.0, 0.75, 0.05, 100.0}, {0}, {0}, 0.0};
    double *expected = grade_alloc(MODEL, sizeof *expected), cost = 0.0;
    double *gradsq = grade_alloc(MODEL, sizeof *gradsq);
    for (int who = 0; who < 2; who++) {
        job.params[who] = grade_alloc(MODEL, sizeof(double));
        job.gradsq[who] = grade_alloc(MODEL, sizeof(double));
    }
    for (size_t i = 0; i < MODEL; i++) {
        expected[i] = job.params[0][i] = job.params[1][i] = ((double)(i % 997) / 997 - 0.5) / DIM;
        gradsq[i] = job.gradsq[0][i] = job.gradsq[1][i] = 1.0;
    }
    race_expect(gv_adagrad_epoch(job.records, RECORDS, VOCAB, DIM, &job.options, job.params[0],
                                 job.gradsq[0], &job.cost) == GV_OK,
                "gv_adagrad_epoch did not return GV_OK");
    race_ref_gv_adagrad_epoch(job.records, RECORDS, VOCAB, DIM, &job.options, expected, gradsq,
                              &cost);
    race_expect_doubles(&job.cost, &cost, 1, 1e-12, "the cost");
    race_expect_doubles(job.params[0], expected, MODEL, 1e-12, "params");
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{job.records, RECORDS * sizeof *job.records}},
                            .out = {{job.params[1], MODEL * sizeof(double)},
                                    {job.gradsq[1], MODEL * sizeof(double)}}});
}
