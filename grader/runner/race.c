/* race.c: main() of every lesson's race program (race-<lesson>), and the
 * timing its races share. See race.h for how a race is written.
 *
 * The processes are the grader's (runner.c): this program's main keeps the
 * verdicts and prints them; each race runs in a test process of its own
 * (Criterion forks it, one at a time so that races do not compete for the
 * processor), which holds the inputs, the reference and the naive loop and
 * reads the clock; the student's function runs in that test's sandbox. A
 * race that passes writes its medians to a file in the run folder after its
 * sandbox is dead (race_publish), replacing any file of that name, and main
 * reads the file only for a race that passed, so no file the student's code
 * could have written is ever read. Run by tools/race.sh (`make race`) with
 * RACE_OUT set, it writes $RACE_OUT/<lesson>.tsv: one line per race with
 * lesson, race, status (timed, wrong or failed), the three medians in
 * seconds, yours/naive, yours/reference, the message and the chapter section. */
#define _GNU_SOURCE
#include "race.h"

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/options.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Ratios to the reference within this factor read "as fast as": noise, and
 * what crossing into the sandbox costs the student (up to 1.4 when the
 * reference races itself on a loaded machine). */
#define RACE_NOISE 1.5
enum { MIN_ROUNDS = 7, MAX_ROUNDS = 41, MAX_RACES = 16 };

/* ---- in a race's test process ----------------------------------------------------- */

static struct {
    double median[3]; /* yours, reference, naive */
    int rounds;
} timed;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double env_seconds(const char *name, double fallback)
{
    const char *text = getenv(name);
    double v = text ? strtod(text, NULL) : 0.0;
    return v > 0.0 ? v : fallback;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* The proxy copies the student's inputs into shared memory and its outputs
 * there and back; the same copies are made around the reference's and the
 * naive loop's calls, into the arrays they use, so that every contender
 * starts with its data as warm in the cache. The copies alone are timed too
 * (the crossing), and each contender's time in a round is its call less that
 * round's crossing: what the copies cost does not dilute the ratios. */
typedef struct {
    const race_kernel *k;
    void *kept[RACE_ARRAYS], *scratch[RACE_ARRAYS];
} crossing;

static void cross(const crossing *c, int after)
{
    for (int i = 0; i < RACE_ARRAYS; i++) {
        const race_array *in = &c->k->in[i], *out = &c->k->out[i];
        if (in->bytes && !after)
            memcpy(in->data, c->kept[i], in->bytes);
        if (out->bytes)
            memcpy(c->scratch[i], out->data, out->bytes);
    }
}

enum { YOURS, REFERENCE, NAIVE, CROSSING, CONTENDERS };

static double time_one(const crossing *c, int who)
{
    const race_kernel *k = c->k;
    double start = now();
    if (who != YOURS)
        cross(c, 0);
    if (who != CROSSING)
        (who == YOURS ? k->student : who == REFERENCE ? k->reference : k->naive)(k->ctx);
    if (who != YOURS)
        cross(c, 1);
    return now() - start;
}

static void prepare(crossing *c, const race_kernel *k)
{
    c->k = k;
    for (int i = 0; i < RACE_ARRAYS; i++) {
        c->kept[i] = grade_alloc(k->in[i].bytes + 1, 1);
        if (k->in[i].bytes)
            memcpy(c->kept[i], k->in[i].data, k->in[i].bytes);
        c->scratch[i] = grade_alloc(k->out[i].bytes + 1, 1);
    }
}

/* Rounds of one call each, in an order that turns every round, until the
 * time budget (RACE_SECONDS, 1.5 s by default) is spent and MIN_ROUNDS are
 * done, or MAX_ROUNDS; a very slow version stops the race after 3 rounds. */
void race_run(const race_kernel *k)
{
    crossing c;
    prepare(&c, k);
    double budget = env_seconds("RACE_SECONDS", 1.5), start = now();
    double samples[CONTENDERS][MAX_ROUNDS];
    for (int who = 0; who < CONTENDERS; who++)
        time_one(&c, who); /* warm caches and pages */
    int r = 0;
    while (r < MAX_ROUNDS) {
        for (int i = 0; i < CONTENDERS; i++) {
            int who = (r + i * (r % 2 ? 3 : 1)) % CONTENDERS;
            samples[who][r] = time_one(&c, who);
        }
        for (int who = 0; who < CROSSING; who++)
            samples[who][r] -= samples[CROSSING][r];
        r++;
        double spent = now() - start;
        if ((r >= MIN_ROUNDS && spent > budget) || (r >= 3 && spent > 20.0))
            break;
    }
    for (int who = 0; who < CROSSING; who++)
        timed.median[who] = median(samples[who], r);
    timed.rounds = r;
}

void race_expect(int condition, const char *what, ...)
{
    if (condition)
        return;
    char message[700];
    va_list args;
    va_start(args, what);
    vsnprintf(message, sizeof message, what, args);
    va_end(args);
    grade_fail("wrong output: %s", message);
}

static void expect_close(double worst, size_t where, double came, double expected,
                         double tolerance, const char *what)
{
    race_expect(worst <= tolerance, "%s[%zu] is %.9g where the reference gives %.9g", what, where,
                came, expected);
}

void race_expect_floats(const float *came, const float *expected, size_t n, double tolerance,
                        const char *what)
{
    double worst = 0.0;
    size_t where = 0;
    for (size_t i = 0; i < n; i++) {
        double scale = fabs((double)expected[i]) > 1.0 ? fabs((double)expected[i]) : 1.0;
        double e = fabs((double)came[i] - (double)expected[i]) / scale;
        if (!(e <= worst)) {
            worst = isnan(e) ? INFINITY : e;
            where = i;
        }
    }
    expect_close(worst, where, n ? came[where] : 0.0, n ? expected[where] : 0.0, tolerance, what);
}

void race_expect_doubles(const double *came, const double *expected, size_t n,
                         double tolerance, const char *what)
{
    size_t where = 0;
    double worst = max_relative_error(came, expected, n, &where);
    expect_close(worst, where, n ? came[where] : 0.0, n ? expected[where] : 0.0, tolerance, what);
}

static void result_path(char *path, size_t size, const char *id)
{
    const char *dir = getenv("GRADE_RUN_DIR");
    snprintf(path, size, "%s/%s.race", dir ? dir : "/tmp", id);
}

void race_publish(const char *id)
{
    char path[4200], tmp[4300];
    result_path(path, sizeof path, id);
    snprintf(tmp, sizeof tmp, "%s.%d", path, (int)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f)
        grade_fail("the race could not write %s", tmp);
    fprintf(f, "%.9g %.9g %.9g %d\n", timed.median[0], timed.median[1], timed.median[2],
            timed.rounds);
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        grade_fail("the race could not write %s", path);
}

/* ---- in the race program's main process ------------------------------------------ */

typedef struct {
    char id[128], section[256], what[256], message[1024];
    int passed, rounds;
    double median[3];
} race_outcome;

/* The runner is a program, not a library: its table of results is its state. */
static race_outcome outcomes[MAX_RACES];
static int outcome_count;
static char lesson[256];

static race_outcome *outcome_for(const struct criterion_test *test)
{
    for (int i = 0; i < outcome_count; i++)
        if (strcmp(outcomes[i].id, test->name) == 0)
            return &outcomes[i];
    if (outcome_count == MAX_RACES)
        return NULL;
    race_outcome *o = &outcomes[outcome_count++];
    memset(o, 0, sizeof *o);
    snprintf(o->id, sizeof o->id, "%s", test->name);
    const char *d = test->data && test->data->description ? test->data->description : "";
    const char *bar = strchr(d, '|');
    snprintf(o->section, sizeof o->section, "%.*s", bar ? (int)(bar - d) : 0, d);
    snprintf(o->what, sizeof o->what, "%s", bar ? bar + 1 : "");
    return o;
}

static void test_result_path(char *path, size_t size, const struct criterion_test *test)
{
    char id[200];
    snprintf(id, sizeof id, "race.%s", test->name);
    result_path(path, size, id);
}

static void read_times(race_outcome *o, const struct criterion_test *test)
{
    char path[4200];
    test_result_path(path, sizeof path, test);
    FILE *f = fopen(path, "r");
    int got = f ? fscanf(f, "%lf %lf %lf %d", &o->median[0], &o->median[1], &o->median[2],
                         &o->rounds)
                : 0;
    if (f)
        fclose(f);
    unlink(path);
    if (got != 4 || !(o->median[0] > 0.0 && o->median[1] > 0.0 && o->median[2] > 0.0)) {
        o->passed = 0;
        snprintf(o->message, sizeof o->message, "the race kept no times");
    }
}

static void judge(const struct criterion_test_stats *stats)
{
    race_outcome *o = outcome_for(stats->test);
    if (!o)
        return;
    const char *failed = NULL;
    for (const struct criterion_assert_stats *a = stats->asserts; a && !failed; a = a->next)
        if (!a->passed)
            failed = a->message && a->message[0] ? a->message : "an assertion failed";
    o->passed = stats->test_status == CR_STATUS_PASSED && !stats->timed_out && !failed &&
                stats->exit_code == 0 && !stats->signal;
    if (o->passed)
        read_times(o, stats->test);
    else if (stats->timed_out)
        snprintf(o->message, sizeof o->message, "timed out (the race itself was too slow)");
    else if (failed)
        snprintf(o->message, sizeof o->message, "%s", failed);
    else
        snprintf(o->message, sizeof o->message, "the race crashed (signal %d)", stats->signal);
}

ReportHook(POST_TEST)(struct criterion_test_stats *stats)
{
    judge(stats);
}

ReportHook(TEST_CRASH)(struct criterion_test_stats *stats)
{
    judge(stats);
}

static const char *status_of(const race_outcome *o)
{
    if (o->passed)
        return "timed";
    return strncmp(o->message, "wrong output", 12) == 0 ? "wrong" : "failed";
}

static void verdict(const race_outcome *o, char *out, size_t size)
{
    double r = o->median[0] / o->median[1];
    if (r <= RACE_NOISE && r >= 1.0 / RACE_NOISE)
        snprintf(out, size, "as fast as the reference");
    else if (r < 1.0)
        snprintf(out, size, "%.1fx faster than the reference", 1.0 / r);
    else
        snprintf(out, size, "%.1fx slower than the reference: see lessons/%s.md section %s", r,
                 lesson, o->section);
}

/* One line of printable ASCII, for the terminal and the TSV file alike. */
static void flatten(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
            *s = '?';
}

static void print_time(const char *who, double seconds)
{
    printf("%s %.3g ms   ", who, 1e3 * seconds);
}

static void report(const race_outcome *o, FILE *tsv)
{
    char text[1400];
    printf("  %-16s %s\n", o->id, o->what);
    if (o->passed) {
        verdict(o, text, sizeof text);
        printf("      ");
        print_time("yours", o->median[0]);
        print_time("reference", o->median[1]);
        print_time("naive", o->median[2]);
        printf("(medians of %d rounds)\n", o->rounds);
        printf("      yours/naive %.2f   yours/reference %.2f   %s\n", o->median[0] / o->median[2],
               o->median[0] / o->median[1], text);
    } else {
        snprintf(text, sizeof text, "%s", o->message);
        flatten(text);
        printf("      no time: %s\n", text);
        printf("      (see lessons/%s.md section %s)\n", lesson, o->section);
    }
    if (tsv)
        fprintf(tsv, "%s\t%s\t%s\t%.6g\t%.6g\t%.6g\t%.4f\t%.4f\t%s\t%s\n", lesson, o->id,
                status_of(o), o->median[0], o->median[1], o->median[2],
                o->passed ? o->median[0] / o->median[2] : 0.0,
                o->passed ? o->median[0] / o->median[1] : 0.0, text, o->section);
}

static int write_report(const char *out_dir)
{
    char path[4200] = "";
    FILE *tsv = NULL;
    if (out_dir) {
        snprintf(path, sizeof path, "%s/%s.tsv", out_dir, lesson);
        tsv = fopen(path, "w");
        if (!tsv) {
            perror(path);
            return 2;
        }
    }
    for (int i = 0; i < outcome_count; i++)
        report(&outcomes[i], tsv);
    return tsv && fclose(tsv) != 0 ? 2 : 0;
}

/* The sandbox beside this program, unless GRADE_SANDBOX names another. */
static void default_sandbox(void)
{
    char self[4096], path[4400];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return;
    *slash = '\0';
    snprintf(path, sizeof path, "%s/sandbox-%s", self, lesson);
    setenv("GRADE_SANDBOX", path, 0);
}

static int make_run_dir(const char *out_dir)
{
    char dir[4096];
    if (out_dir) {
        snprintf(dir, sizeof dir, "%s/run-%s", out_dir, lesson);
        mkdir(dir, 0755);
    } else {
        snprintf(dir, sizeof dir, "/tmp/race-XXXXXX");
        if (!mkdtemp(dir))
            return -1;
    }
    chmod(dir, 0755);
    char *absolute = realpath(dir, NULL);
    if (!absolute)
        return -1;
    setenv("GRADE_RUN_DIR", absolute, 1);
    free(absolute);
    return 0;
}

int main(int argc, char *argv[])
{
    const char *slash = strrchr(argv[0], '/'), *name = slash ? slash + 1 : argv[0];
    snprintf(lesson, sizeof lesson, "%s", strncmp(name, "race-", 5) == 0 ? name + 5 : name);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    default_sandbox();
    const char *out_dir = getenv("RACE_OUT");
    if (make_run_dir(out_dir) != 0) {
        perror("race: run folder");
        return 2;
    }
    struct criterion_test_set *tests = criterion_initialize();
    criterion_options.jobs = 1;
    criterion_options.logging_threshold = CRITERION_LOG_LEVEL_QUIET;
    int status = 0;
    if (criterion_handle_args(argc, argv, true)) {
        criterion_run_all_tests(tests);
        status = write_report(out_dir);
    }
    criterion_finalize(tests);
    return status;
}
