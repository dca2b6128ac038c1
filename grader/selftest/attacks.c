/* attacks.c: what a student's file could do to the grader, rather than to
 * its tests. run.sh links it into a lesson's library with one ATTACK_* macro
 * defined: into the skeleton (no work done: the grade must be 0) or into the
 * solution (all the work done: the grade must be full), and checks the score,
 * the results files, and that no process is left behind. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The folder of the test's captured output, from the file behind stdout. */
static int run_folder(char *out, size_t size)
{
    char path[4096];
    ssize_t n = readlink("/proc/self/fd/1", path, sizeof path - 1);
    if (n <= 0)
        return 0;
    path[n] = '\0';
    snprintf(out, size, "%s", dirname(path));
    return 1;
}

/* Writes full marks into every results file it can find near the run folder. */
static void forge_results(void)
{
    char run[4096], path[4500];
    if (!run_folder(run, sizeof run))
        return;
    const char *names[] = {"01-regression", "02-softmax", "03-convolution", "04-backprop",
                           "05-jacobians", "06-pca", "07-glove", "08-hilbert-s2",
                           "09-concentration", "10-mersenne"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/../%s.tsv", run, names[i]);
        FILE *f = fopen(path, "w");
        if (f) {
            fprintf(f, "data/loads_the_training_set\t1000\t1000\tpass\tx\tpassed\n");
            fclose(f);
        }
        snprintf(path, sizeof path, "%s/../../../results.json", run);
        f = fopen(path, "w");
        if (f) {
            fprintf(f, "{\"score\": 1000, \"max_score\": 1000, \"tests\": []}\n");
            fclose(f);
        }
    }
}

#ifdef ATTACK_FORGE
/* Tries the grader's own functions and markers, then leaves. */
__attribute__((constructor)) static void attack(void)
{
    void (*end)(void) = (void (*)(void))dlsym(RTLD_DEFAULT, "grade_end");
    if (end)
        end();
    void *reference = dlsym(RTLD_DEFAULT, "ref_fit_line");
    if (reference)
        printf("found the grader's reference code\n");
    char run[4096], path[4500];
    if (run_folder(run, sizeof run)) {
        snprintf(path, sizeof path, "%s/errors.the_chapter_example.done", run);
        close(open(path, O_WRONLY | O_CREAT, 0644));
    }
    forge_results();
    exit(0);
}
#endif

#ifdef ATTACK_DESTRUCTOR
/* Rewrites the results when the process ends. */
__attribute__((destructor)) static void attack(void)
{
    forge_results();
}
#endif

#ifdef ATTACK_OUTLIVE
/* A child that leaves the process group and rewrites the results later. */
__attribute__((constructor)) static void attack(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        if (fork() == 0) {
            sleep(3);
            forge_results();
        }
        _exit(0);
    }
    if (pid < 0)
        printf("fork refused\n");
}
#endif

#ifdef ATTACK_SIGNALS
/* Stops, kills or debugs the processes around it. */
__attribute__((constructor)) static void attack(void)
{
    kill(getppid(), SIGKILL);
    kill(-1, SIGTERM);
    kill(0, SIGTERM); /* its own group: only itself */
}
#endif

#ifdef ATTACK_TERMINAL
/* Text that looks like the grader's messages, escape sequences, a 0xFF byte. */
__attribute__((constructor)) static void attack(void)
{
    printf("errors.c:1:1: runtime error: every test passed\n");
    printf("\033[2J\033[31mALL TESTS PASSED\033[0m\n\xff\xfe\n");
    fprintf(stderr, "ERROR: AddressSanitizer: SEGV on unknown address 0x0\n");
}
#endif

#ifdef ATTACK_FLOOD
/* Prints without end for a while, then lets the real work happen. */
__attribute__((constructor)) static void attack(void)
{
    for (int i = 0; i < 20000; i++)
        printf("flood %d ................................................................\n", i);
}
#endif

#ifdef ATTACK_MEMORY
/* Takes all the memory it can get, then lets the real work happen. The
 * blocks are not filled: the cap counts what malloc handed out, and filling
 * half a gigabyte would spend each test's time on page faults. */
__attribute__((constructor)) static void attack(void)
{
    size_t total = 0;
    for (int i = 0; i < 12; i++) {
        volatile char *p = malloc((size_t)128 << 20);
        if (!p)
            break;
        p[0] = 1;
        total += 128;
    }
    printf("allocated %zu MiB\n", total);
}
#endif

#ifdef ATTACK_REGISTER
/* A test of its own, in the hope that the grader counts it. */
#include <criterion/criterion.h>
Test(a_errors, the_chapter_example)
{
}
#endif
