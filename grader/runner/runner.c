/* runner.c: main() of every lesson's grader, and the design of the grader.
 *
 * Three kinds of process take part in grading a lesson, and student code
 * runs in only one of them:
 *
 *   the runner (this file)   keeps the verdicts and writes the results. It is
 *                            built from the grader's sources and the lesson's
 *                            official header only: no student code is linked
 *                            into it or loaded by it.
 *   a test process           one per test (Criterion forks it). It runs the
 *                            test body: makes the inputs, computes the
 *                            expected values, compares. Also free of student
 *                            code: the lesson functions a test calls are
 *                            proxies (judge.c, generated from the lesson's
 *                            calls.def).
 *   a sandbox                one per test, started by the test process
 *                            (server.c). It loads the student's library
 *                            (lib<lesson>.so) and runs one call at a time.
 *                            Arguments travel through shared memory mapped at
 *                            the same address in both processes; const inputs
 *                            are mapped read-only on the sandbox's side.
 *
 * So student code can change a verdict only by the values it returns, and
 * those are checked by code it cannot reach. What it can do otherwise is
 * bounded: the sandbox cannot start processes or programs, signal or trace
 * other processes, or write outside its scratch folder (seccomp, Landlock;
 * as root it also runs as the user nobody); it dies with its test process;
 * its output goes to a file capped at 1 MiB; it has a memory cap (512 MiB)
 * and its test's time limit, enforced by the test process, which kills its
 * sandbox's whole process group when the test ends. (The runner cannot adopt
 * orphans as a subreaper: Criterion's worker pump would spin on them.)
 *
 * Run by `make grade` (through grader/grade.sh) with GRADE_OUT set, it writes
 *   $GRADE_OUT/<lesson>.tsv    one line per test: id, score, max, status,
 *                              section, message (what grade.sh prints)
 *   $GRADE_OUT/<lesson>.jsonl  one Gradescope test object per line
 *   $GRADE_OUT/run-<lesson>/   each test's captured output (<suite>.<name>.out)
 * Run by hand (build/grader/san/bin/grade-01-regression --filter 'errors/...'),
 * it accepts Criterion's options and prints a line per test. GRADE_STUDENT_LIB
 * names the student library (by default the exercises' build of the lesson).
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/options.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grade.h"

enum { MAX_TESTS = 512, MESSAGE_SIZE = 1024, OUTPUT_EXCERPT = 4000 };

/* Criterion 2.4's bundled process library drops queued timeouts (and leaks
 * them) when a test with a shorter limit starts: not the grader's leak, and
 * the grader enforces its own limits. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:bxfi_push_timeout\nleak:libcriterion\n";
}

typedef struct {
    const struct criterion_test *test;
    char id[256];      /* suite/name, as students see it */
    char section[256]; /* chapter section of the hint */
    int points;
    bool passed;
    char message[MESSAGE_SIZE];
} outcome;

/* The runner is a program, not a library: one table of results is its state. */
static outcome outcomes[MAX_TESTS];
static size_t outcome_count;
static char run_dir[4096];
static char lesson[256];

static outcome *outcome_for(const struct criterion_test *test)
{
    for (size_t i = 0; i < outcome_count; i++)
        if (outcomes[i].test == test)
            return &outcomes[i];
    if (outcome_count == MAX_TESTS)
        return NULL;
    outcome *o = &outcomes[outcome_count++];
    memset(o, 0, sizeof *o);
    o->test = test;
    snprintf(o->id, sizeof o->id, "%s/%s", test->category, test->name);
    const char *description = test->data ? test->data->description : NULL;
    if (description && strchr(description, '|')) {
        o->points = atoi(description);
        snprintf(o->section, sizeof o->section, "%s", strchr(description, '|') + 1);
    }
    return o;
}

static void output_path(char *path, size_t size, const struct criterion_test *t)
{
    snprintf(path, size, "%s/%s.%s.out", run_dir, t->category, t->name);
}

/* Reads at most size - 1 bytes of a file into buf; returns the count. */
static size_t read_prefix(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
    return n;
}

static const char *first_failed_assert(const struct criterion_test_stats *stats)
{
    for (const struct criterion_assert_stats *a = stats->asserts; a; a = a->next)
        if (!a->passed)
            return a->message && a->message[0] ? a->message : "an assertion failed";
    return NULL;
}

/* The test process is the grader's own code: its verdict stands. */
static void judge(const struct criterion_test_stats *stats)
{
    outcome *o = outcome_for(stats->test);
    if (!o)
        return;
    const char *failed = first_failed_assert(stats);
    o->passed = stats->test_status == CR_STATUS_PASSED && !stats->timed_out && !failed &&
                stats->exit_code == 0 && !stats->signal;
    if (o->passed)
        snprintf(o->message, sizeof o->message, "passed");
    else if (stats->timed_out)
        snprintf(o->message, sizeof o->message, "timed out (the grader itself was too slow)");
    else if (failed)
        snprintf(o->message, sizeof o->message, "%s", failed);
    else if (stats->signal)
        snprintf(o->message, sizeof o->message, "the grader crashed (signal %d)", stats->signal);
    else
        snprintf(o->message, sizeof o->message, "failed");
}

ReportHook(POST_TEST)(struct criterion_test_stats *stats)
{
    judge(stats);
}

ReportHook(TEST_CRASH)(struct criterion_test_stats *stats)
{
    judge(stats);
}

/* One line of printable ASCII: no tabs or line breaks (they would break the
 * TSV format) and no escape sequences for the terminal. */
static void flatten(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
            *s = (unsigned char)*s >= 0x80 ? '?' : ' ';
}

static void json_string(FILE *f, const char *s, size_t max)
{
    fputc('"', f);
    for (size_t i = 0; s[i] && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(f, "\\u%04x", c); /* bytes, not UTF-8: always valid JSON */
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* Written to temporary files and renamed, so a reader never sees half a file. */
static int write_results(const char *out_dir)
{
    char tsv_path[4200], jsonl_path[4200], tsv_tmp[4300], jsonl_tmp[4300];
    snprintf(tsv_path, sizeof tsv_path, "%s/%s.tsv", out_dir, lesson);
    snprintf(jsonl_path, sizeof jsonl_path, "%s/%s.jsonl", out_dir, lesson);
    snprintf(tsv_tmp, sizeof tsv_tmp, "%s.%d", tsv_path, (int)getpid());
    snprintf(jsonl_tmp, sizeof jsonl_tmp, "%s.%d", jsonl_path, (int)getpid());
    FILE *tsv = fopen(tsv_tmp, "w"), *jsonl = fopen(jsonl_tmp, "w");
    if (!tsv || !jsonl) {
        fprintf(stderr, "grader: cannot write results in %s: %s\n", out_dir, strerror(errno));
        if (tsv)
            fclose(tsv);
        if (jsonl)
            fclose(jsonl);
        return -1;
    }
    static char output[OUTPUT_EXCERPT + 1], text[MESSAGE_SIZE + OUTPUT_EXCERPT + 600];
    for (size_t i = 0; i < outcome_count; i++) {
        outcome *o = &outcomes[i];
        flatten(o->message);
        int score = o->passed ? o->points : 0;
        fprintf(tsv, "%s\t%d\t%d\t%s\t%s\t%s\n", o->id, score, o->points,
                o->passed ? "pass" : "fail", o->section, o->message);
        char path[4200];
        output_path(path, sizeof path, o->test);
        size_t printed = read_prefix(path, output, sizeof output);
        int len = snprintf(text, sizeof text, "%s", o->message);
        if (!o->passed)
            len += snprintf(text + len, sizeof text - (size_t)len,
                            "\nhint: lessons/%s.md, section %s", lesson, o->section);
        if (printed > 0)
            snprintf(text + len, sizeof text - (size_t)len, "\n--- your code printed ---\n%s%s",
                     output, printed == OUTPUT_EXCERPT ? "\n[... cut]" : "");
        fprintf(jsonl, "{\"name\": ");
        char name[600];
        snprintf(name, sizeof name, "%s: %s", lesson, o->id);
        json_string(jsonl, name, sizeof name);
        fprintf(jsonl, ", \"score\": %d, \"max_score\": %d, \"status\": \"%s\", \"output\": ",
                score, o->points, o->passed ? "passed" : "failed");
        json_string(jsonl, text, sizeof text);
        fprintf(jsonl, "}\n");
    }
    int failed = ferror(tsv) || ferror(jsonl);
    failed |= fclose(tsv) != 0;
    failed |= fclose(jsonl) != 0;
    if (!failed)
        failed = rename(tsv_tmp, tsv_path) != 0 || rename(jsonl_tmp, jsonl_path) != 0;
    return failed ? -1 : 0;
}

/* Removes what an earlier run left in the run folder (outputs, scratch folders). */
static void remove_tree(const char *path)
{
    DIR *dir = opendir(path);
    if (dir) {
        for (struct dirent *e; (e = readdir(dir));) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char child[4400];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            remove_tree(child);
        }
        closedir(dir);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* build/grader/<mode>/bin/grade-<lesson>: the sandbox is beside it, and the
 * exercises' library of the same mode is the default student. */
static void default_paths(const char *argv0)
{
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        snprintf(self, sizeof self, "%s", argv0);
    else
        self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return;
    *slash = '\0'; /* .../bin */
    char path[4500];
    snprintf(path, sizeof path, "%s/sandbox-%s", self, lesson);
    setenv("GRADE_SANDBOX", path, 0);
    char *bin = strrchr(self, '/');
    if (!bin)
        return;
    *bin = '\0'; /* .../grader/<mode> */
    char *mode_slash = strrchr(self, '/');
    if (!mode_slash)
        return;
    char mode[64];
    snprintf(mode, sizeof mode, "%s", mode_slash + 1);
    *mode_slash = '\0'; /* .../grader */
    char *grader = strrchr(self, '/');
    if (!grader)
        return;
    *grader = '\0'; /* build */
    snprintf(path, sizeof path, "%s/exercises/%s/lib/lib%s.so", self, mode, lesson);
    setenv("GRADE_STUDENT_LIB", path, 0);
}

int main(int argc, char *argv[])
{
    const char *name = base_name(argv[0]);
    snprintf(lesson, sizeof lesson, "%s", strncmp(name, "grade-", 6) == 0 ? name + 6 : name);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    default_paths(argv[0]);
    const char *out_dir = getenv("GRADE_OUT");
    if (out_dir) {
        /* Absolute, so that the paths hold whatever the working folder. */
        char cwd[2048] = "";
        if (out_dir[0] != '/' && !getcwd(cwd, sizeof cwd))
            cwd[0] = '\0';
        snprintf(run_dir, sizeof run_dir, "%s%s%s/run-%s", cwd, cwd[0] ? "/" : "", out_dir,
                 lesson);
        remove_tree(run_dir);
        mkdir(run_dir, 0755);
    } else {
        char template[] = "/tmp/grade-XXXXXX";
        if (!mkdtemp(template)) {
            perror("grader: mkdtemp");
            return 2;
        }
        snprintf(run_dir, sizeof run_dir, "%s", template);
        chmod(run_dir, 0755);
    }
    setenv("GRADE_RUN_DIR", run_dir, 1);

    struct criterion_test_set *tests = criterion_initialize();
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    criterion_options.jobs = cores > 0 ? (size_t)cores : 1;
    int status = 0;
    if (criterion_handle_args(argc, argv, true)) {
        criterion_run_all_tests(tests);
        if (out_dir) {
            status = write_results(out_dir) == 0 ? 0 : 2;
        } else {
            for (size_t i = 0; i < outcome_count; i++) {
                printf("%-4s %-40s %s\n", outcomes[i].passed ? "ok" : "FAIL", outcomes[i].id,
                       outcomes[i].message);
            }
            printf("(what each test's code printed is in %s)\n", run_dir);
        }
    }
    criterion_finalize(tests);
    return status;
}
