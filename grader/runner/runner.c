/* runner.c: main() of every lesson's grader.
 *
 * Criterion runs each test in its own process; this runner decides what
 * really happened to each one and writes the results. It trusts nothing the
 * student's code could fake: a test passes only if Criterion says so AND the
 * test body ran to its end (worker.c leaves a marker file there). Crashes,
 * sanitizer reports, hangs and early exits each get a plain-English message.
 *
 * Run by `make grade` (through grader/grade.sh) with GRADE_OUT set, it writes
 *   $GRADE_OUT/<lesson>.tsv    one line per test: id, score, max, status,
 *                              section, message (what grade.sh prints)
 *   $GRADE_OUT/<lesson>.jsonl  one Gradescope test object per line
 *   $GRADE_OUT/run-<lesson>/   each test's captured output (<suite>.<name>.out)
 * Run by hand (build/exercises/san/bin/grade-01-regression --filter 'errors/...'),
 * it accepts Criterion's options, leaves output on the terminal and prints a
 * summary line per test.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/options.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grade.h"

enum { MAX_TESTS = 512, MESSAGE_SIZE = 1024, OUTPUT_EXCERPT = 4000 };

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

static void artifact_path(char *path, size_t size, const struct criterion_test *t,
                          const char *extension)
{
    snprintf(path, size, "%s/%s.%s.%s", run_dir, t->category, t->name, extension);
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

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Copies the rest of the line at s into out, without the newline. */
static void copy_line(char *out, size_t size, const char *s)
{
    size_t n = strcspn(s, "\n");
    if (n >= size)
        n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* "#3 0x55.. in lr_sse /path/errors.c:12" -> "lr_sse (errors.c:12)", skipping
 * the allocator's own frames. Returns false if no such frame follows. */
static bool first_user_frame(const char *report, char *out, size_t size)
{
    for (const char *p = strstr(report, "    #"); p; p = strstr(p + 1, "    #")) {
        char line[512];
        copy_line(line, sizeof line, p);
        char *in = strstr(line, " in ");
        if (!in)
            continue;
        char function[256] = "", location[256] = "";
        if (sscanf(in + 4, "%255s %255s", function, location) < 1)
            continue;
        if (strstr(function, "interceptor") || strstr(function, "malloc") ||
            strstr(function, "calloc") || strstr(function, "realloc"))
            continue;
        if (location[0])
            snprintf(out, size, "%s (%s)", function, base_name(location));
        else
            snprintf(out, size, "%s", function);
        return true;
    }
    return false;
}

/* Turns a sanitizer's report in the test's output into one sentence. */
static bool explain_sanitizer(const char *output, char *message, size_t size)
{
    const char *p;
    char where[600] = "your code";
    if (strstr(output, "hard rss limit exhausted") || strstr(output, "AddressSanitizer: out of memory") ||
        strstr(output, "allocation-size-too-big")) {
        snprintf(message, size, "used more than 512 MiB of memory (an allocation that never stops?)");
        return true;
    }
    if ((p = strstr(output, "ERROR: LeakSanitizer"))) {
        first_user_frame(p, where, sizeof where);
        const char *summary = strstr(p, "SUMMARY: AddressSanitizer: ");
        char amount[256] = "memory";
        if (summary)
            copy_line(amount, sizeof amount, summary + strlen("SUMMARY: AddressSanitizer: "));
        snprintf(message, size, "leaked memory, allocated in %s: %s", where, amount);
        return true;
    }
    if ((p = strstr(output, "ERROR: AddressSanitizer: "))) {
        char kind[128] = "";
        sscanf(p + strlen("ERROR: AddressSanitizer: "), "%127s", kind);
        first_user_frame(p, where, sizeof where);
        if (strcmp(kind, "SEGV") == 0)
            snprintf(message, size, "crashed: SIGSEGV (invalid memory access) in %s", where);
        else
            snprintf(message, size, "memory error: %s in %s (reading or writing outside an array?)",
                     kind, where);
        return true;
    }
    if ((p = strstr(output, "runtime error: "))) {
        /* UBSan: "file.c:12:5: runtime error: signed integer overflow ..." */
        const char *start = p;
        while (start > output && start[-1] != '\n')
            start--;
        char line[512];
        copy_line(line, sizeof line, start);
        snprintf(message, size, "undefined behaviour: %s", base_name(line));
        return true;
    }
    return false;
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGBUS: return "SIGBUS (invalid memory access)";
    case SIGABRT: return "SIGABRT (abort() or a failed assert())";
    case SIGFPE: return "SIGFPE (integer division by zero?)";
    case SIGILL: return "SIGILL (illegal instruction)";
    case SIGKILL: return "SIGKILL (killed)";
    case SIGXFSZ: return "SIGXFSZ (wrote too much output)";
    default: return "a signal";
    }
}

static const char *first_failed_assert(const struct criterion_test_stats *stats)
{
    for (const struct criterion_assert_stats *a = stats->asserts; a; a = a->next)
        if (!a->passed)
            return a->message && a->message[0] ? a->message : "an assertion failed";
    return NULL;
}

static void judge(const struct criterion_test_stats *stats)
{
    outcome *o = outcome_for(stats->test);
    if (!o)
        return;
    char done_path[4200], output_path[4200];
    artifact_path(done_path, sizeof done_path, stats->test, "done");
    artifact_path(output_path, sizeof output_path, stats->test, "out");
    bool finished = access(done_path, F_OK) == 0;
    o->passed = stats->test_status == CR_STATUS_PASSED && finished && !stats->timed_out;
    if (o->passed) {
        snprintf(o->message, sizeof o->message, "passed");
        return;
    }
    static char output[1 << 16];
    read_prefix(output_path, output, sizeof output);
    const char *failed = first_failed_assert(stats);
    double timeout = stats->test->data && stats->test->data->timeout > 0
                         ? stats->test->data->timeout
                         : GRADE_TIMEOUT;
    if (stats->timed_out)
        snprintf(o->message, sizeof o->message,
                 "timed out after %g s (an endless loop, or far too slow)", timeout);
    else if (explain_sanitizer(output, o->message, sizeof o->message))
        ;
    else if (failed)
        snprintf(o->message, sizeof o->message, "%s", failed);
    else if (stats->signal)
        snprintf(o->message, sizeof o->message, "crashed: %s", signal_name(stats->signal));
    else if (stats->exit_code != 0)
        snprintf(o->message, sizeof o->message,
                 "your code called exit(%d) before the test finished", stats->exit_code);
    else if (!finished)
        snprintf(o->message, sizeof o->message,
                 "your code called exit(0) or _exit(0) before the test finished");
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

/* One line of text: tabs and line breaks would break the TSV format. */
static void flatten(char *s)
{
    for (; *s; s++)
        if (*s == '\t' || *s == '\n' || *s == '\r')
            *s = ' ';
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

static int write_results(const char *out_dir)
{
    char tsv_path[4200], jsonl_path[4200];
    snprintf(tsv_path, sizeof tsv_path, "%s/%s.tsv", out_dir, lesson);
    snprintf(jsonl_path, sizeof jsonl_path, "%s/%s.jsonl", out_dir, lesson);
    FILE *tsv = fopen(tsv_path, "w"), *jsonl = fopen(jsonl_path, "w");
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
        char output_path[4200];
        artifact_path(output_path, sizeof output_path, o->test, "out");
        size_t printed = read_prefix(output_path, output, sizeof output);
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
    return failed ? -1 : 0;
}

/* Sanitizer settings for the test processes: return NULL from a huge malloc
 * instead of aborting, stop a process past 512 MiB, check leaks per test (in
 * worker.c) rather than at exit, and make UBSan stop at the first error. */
static void configure_sanitizers(void)
{
    const char *user = getenv("ASAN_OPTIONS");
    char options[2048];
    snprintf(options, sizeof options,
             "allocator_may_return_null=1:hard_rss_limit_mb=512:leak_check_at_exit=0:"
             "detect_leaks=1:abort_on_error=0:print_legend=0%s%s",
             user ? ":" : "", user ? user : "");
    setenv("ASAN_OPTIONS", options, 1);
    setenv("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1", 0);
}

/* Markers left by an earlier run would let a test that exits early pass. */
static void clear_run_dir(void)
{
    DIR *dir = opendir(run_dir);
    if (!dir)
        return;
    for (struct dirent *e; (e = readdir(dir));) {
        if (e->d_name[0] == '.')
            continue;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", run_dir, e->d_name);
        unlink(path);
    }
    closedir(dir);
}

static void lesson_from_program_name(const char *argv0)
{
    const char *name = base_name(argv0);
    if (strncmp(name, "grade-", 6) == 0)
        name += 6;
    snprintf(lesson, sizeof lesson, "%s", name);
}

int main(int argc, char *argv[])
{
    lesson_from_program_name(argv[0]);
    const char *out_dir = getenv("GRADE_OUT");
    if (out_dir) {
        /* Absolute, so that student code calling chdir() cannot hide its markers. */
        char cwd[2048] = "";
        if (out_dir[0] != '/' && !getcwd(cwd, sizeof cwd))
            cwd[0] = '\0';
        snprintf(run_dir, sizeof run_dir, "%s%s%s/run-%s", cwd, cwd[0] ? "/" : "", out_dir,
                 lesson);
        mkdir(run_dir, 0755);
        clear_run_dir();
        setenv("GRADE_CAPTURE", "1", 1);
    } else {
        char template[] = "/tmp/grade-XXXXXX";
        if (!mkdtemp(template)) {
            perror("grader: mkdtemp");
            return 2;
        }
        snprintf(run_dir, sizeof run_dir, "%s", template);
    }
    setenv("GRADE_RUN_DIR", run_dir, 1);
    configure_sanitizers();

    struct criterion_test_set *tests = criterion_initialize();
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    criterion_options.jobs = cores > 0 ? (size_t)cores : 1;
    int status = 0;
    if (criterion_handle_args(argc, argv, true)) {
        criterion_run_all_tests(tests);
        if (out_dir)
            status = write_results(out_dir) == 0 ? 0 : 2;
        else
            for (size_t i = 0; i < outcome_count; i++)
                printf("%-4s %-40s %s\n", outcomes[i].passed ? "ok" : "FAIL", outcomes[i].id,
                       outcomes[i].message);
    }
    criterion_finalize(tests);
    return status;
}
