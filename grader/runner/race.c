/* race.c: main() of every lesson's race program (race-<lesson>), and the
 * timing its races share. See race.h for how a race is written.
 *
 * The processes are the grader's (runner.c): this program's main keeps the
 * verdicts and prints them; each race runs in a test process of its own
 * (Criterion forks it, one at a time so that races do not compete for the
 * processor), which holds the inputs and the naive loop and reads the clock;
 * the student's function runs in that test's sandbox, the reference's in the
 * sandbox of the test's twin (below), so both pay the same crossing. A
 * race that passes writes its medians to a file in the run folder after its
 * sandbox is dead (race_finish), replacing any file of that name, and main
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
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Ratios to the reference within this factor read "as fast as": the noise of
 * a loaded machine (the reference racing itself lands within 0.9 and 1.15). */
#define RACE_NOISE 1.25
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

/* The reference crosses into a sandbox as the student's code does: a twin of
 * the race's test process, forked before the test begins, runs the same race
 * body (the same seed, so the same inputs) with the reference's library in
 * its sandbox, and in race_run calls the lesson function when told to. The
 * race times each such call from this side, less that round's bare request
 * and answer to the twin (both are the race's own code). */
static struct {
    pid_t pid;
    int is_twin;
    int command, answer; /* our ends of the two pipes */
} twin;

static void twin_serve(const race_kernel *k)
{
    char c;
    while (read(twin.command, &c, 1) == 1 && c != 'q') {
        if (c == 'r')
            k->call(k->ctx);
        if (write(twin.answer, &c, 1) != 1)
            break;
    }
}

static double twin_call(char c)
{
    double start = now();
    char back = 0;
    if (write(twin.command, &c, 1) != 1 || read(twin.answer, &back, 1) != 1 || back != c)
        grade_fail("the race's reference process stopped");
    return now() - start;
}

void race_twin_start(void)
{
    const char *reference = getenv("RACE_REFERENCE_LIB"), *run_dir = getenv("GRADE_RUN_DIR");
    int to_twin[2], from_twin[2];
    if (!reference || !run_dir || pipe(to_twin) != 0 || pipe(from_twin) != 0)
        cr_assert_fail("the race needs RACE_REFERENCE_LIB and GRADE_RUN_DIR (run make race)");
    fflush(NULL);
    twin.pid = fork();
    if (twin.pid < 0)
        cr_assert_fail("the race could not start its reference process");
    twin.is_twin = twin.pid == 0;
    twin.command = twin.is_twin ? to_twin[0] : to_twin[1];
    twin.answer = twin.is_twin ? from_twin[1] : from_twin[0];
    close(twin.is_twin ? to_twin[1] : to_twin[0]);
    close(twin.is_twin ? from_twin[0] : from_twin[1]);
    if (!twin.is_twin)
        return;
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/reference", run_dir);
    mkdir(dir, 0755);
    setenv("GRADE_RUN_DIR", dir, 1);
    setenv("GRADE_STUDENT_LIB", reference, 1);
}

/* The naive loop runs here, after the copies the proxy makes for the
 * student's call (inputs into shared memory, outputs there and back), into
 * the arrays it uses, so that it starts with its data as warm in the cache. */
static void naive_with_copies(const race_kernel *k, void *const *kept, void *const *scratch)
{
    for (int i = 0; i < RACE_ARRAYS; i++) {
        if (k->in[i].bytes)
            memcpy(k->in[i].data, kept[i], k->in[i].bytes);
        if (k->out[i].bytes)
            memcpy(scratch[i], k->out[i].data, k->out[i].bytes);
    }
    k->naive(k->ctx);
    for (int i = 0; i < RACE_ARRAYS; i++)
        if (k->out[i].bytes)
            memcpy(scratch[i], k->out[i].data, k->out[i].bytes);
}

/* The student's sandbox may keep threads running between calls; they could
 * slow the others' calls. It is stopped whenever it is not the one timed. */
static pid_t sandbox_pid(void)
{
    pid_t found = 0;
    DIR *proc = opendir("/proc");
    for (struct dirent *e; proc && (e = readdir(proc));) {
        char path[300], state;
        int pid = atoi(e->d_name), ppid = 0;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        FILE *f = pid > 0 && pid != twin.pid ? fopen(path, "r") : NULL;
        /* "pid (name) state ppid": the name may hold spaces, so read from its ')' */
        char line[1024] = "";
        if (f && fgets(line, sizeof line, f) && strrchr(line, ')') &&
            sscanf(strrchr(line, ')') + 1, " %c %d", &state, &ppid) == 2 && ppid == getpid())
            found = pid;
        if (f)
            fclose(f);
    }
    if (proc)
        closedir(proc);
    if (!found)
        grade_fail("the race could not find its sandbox");
    return found;
}

static void freeze(pid_t sandbox, int stop)
{
    kill(-sandbox, stop ? SIGSTOP : SIGCONT);
    if (stop)
        waitpid(sandbox, NULL, WUNTRACED);
}

enum { YOURS, REFERENCE, NAIVE, PING, CONTENDERS };

typedef struct {
    const race_kernel *k;
    void *kept[RACE_ARRAYS], *scratch[RACE_ARRAYS];
    pid_t sandbox;
} contest;

static double time_one(const contest *c, int who)
{
    if (who == REFERENCE || who == PING)
        return twin_call(who == REFERENCE ? 'r' : 'p');
    if (who == NAIVE) {
        double start = now();
        naive_with_copies(c->k, c->kept, c->scratch);
        return now() - start;
    }
    freeze(c->sandbox, 0);
    double start = now();
    c->k->call(c->k->ctx);
    double spent = now() - start;
    freeze(c->sandbox, 1);
    return spent;
}

static void prepare(contest *c, const race_kernel *k)
{
    c->k = k;
    c->sandbox = sandbox_pid();
    freeze(c->sandbox, 1);
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
    if (twin.is_twin) {
        twin_serve(k);
        return;
    }
    contest c;
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
        samples[REFERENCE][r] -= samples[PING][r];
        r++;
        double spent = now() - start;
        if ((r >= MIN_ROUNDS && spent > budget) || (r >= 3 && spent > 20.0))
            break;
    }
    freeze(c.sandbox, 0);
    for (int who = 0; who < PING; who++)
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

static void race_publish(const char *id)
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

void race_finish(const char *id)
{
    if (twin.is_twin)
        _exit(0);
    char c = 'q';
    if (write(twin.command, &c, 1) == 1)
        waitpid(twin.pid, NULL, 0);
    race_publish(id);
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
