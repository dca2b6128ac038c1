/* judge.c: the part of the grader that runs in each test's process.
 *
 * The test process holds the test's inputs, its expected values and its
 * verdict, and never the student's code: every call a test makes to a lesson
 * function goes to a proxy (generated from the lesson's calls.def) that copies
 * the arguments into shared memory, asks the sandbox (server.c) to run the
 * student's function there, and copies the results back. See runner.c. */
#define _GNU_SOURCE
#include "grade.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "calls.h"

/* The sandbox is built like this process: sanitized or not. */
#if defined(__SANITIZE_ADDRESS__)
#define JUDGE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JUDGE_ASAN 1
#endif
#endif

/* What one test's student code may print: enough for any honest debugging
 * print, small enough that a print loop cannot fill the disk. */
#define OUTPUT_CAP (1 << 20)
#define NOBODY 65534

/* One test runs per process, so the test's state is this process's state. */
static struct {
    char id[256];      /* suite.name */
    char run_dir[4096];
    char scratch[4400]; /* the only folder student code may write to */
    char output[4400];  /* what student code printed */
    double limit, deadline;
    int ready;
    pid_t pid; /* the sandbox, or 0 */
    int request, reply;
    int as_nobody;
    size_t ro_top, rwj_top;
    const sb_call *current;
} test;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int in_range(uintptr_t p, uintptr_t base, size_t size)
{
    return p >= base && p - base < size;
}

static int in_arena(uintptr_t p)
{
    return in_range(p, SB_BASE, 3 * SB_REGION_SIZE + SB_POISON_SIZE);
}

const void *sb_shared_range(uint64_t address, size_t bytes)
{
    if (address < SB_RWJ || address >= SB_POISON || bytes > SB_POISON - address)
        return NULL;
    return (const void *)(uintptr_t)address;
}

/* ---- the test's life ---------------------------------------------------------- */

static void map_shared(uintptr_t address, int fd)
{
    void *p = mmap((void *)address, SB_REGION_SIZE, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_FIXED_NOREPLACE, fd, 0);
    if (p != (void *)address)
        grade_fail("the grader could not map shared memory at %p: %s", (void *)address,
                   strerror(errno));
}

static int region_fds[3];

static void make_regions(void)
{
    const uintptr_t bases[3] = {SB_RO, SB_RWJ, SB_RWS};
    for (int i = 0; i < 3; i++) {
        region_fds[i] = memfd_create("grade-shared", MFD_CLOEXEC);
        if (region_fds[i] < 0 || ftruncate(region_fds[i], (off_t)SB_REGION_SIZE) != 0)
            grade_fail("the grader could not create shared memory: %s", strerror(errno));
        map_shared(bases[i], region_fds[i]);
    }
}

void grade_begin(const char *suite, const char *name, double seconds)
{
    snprintf(test.id, sizeof test.id, "%s.%s", suite, name);
    test.limit = seconds;
    test.deadline = now() + seconds;
    /* Not dumpable: a process of the same user cannot read or write this
     * one's memory through ptrace or /proc/<pid>/mem. */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    signal(SIGPIPE, SIG_IGN); /* a sandbox that closed its pipe is an error, not our death */
    /* Whatever the sandbox might start is adopted here, not by the runner. */
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    const char *dir = getenv("GRADE_RUN_DIR");
    snprintf(test.run_dir, sizeof test.run_dir, "%s", dir ? dir : "/tmp");
    snprintf(test.scratch, sizeof test.scratch, "%s/%s.files", test.run_dir, test.id);
    snprintf(test.output, sizeof test.output, "%s/%s.out", test.run_dir, test.id);
    mkdir(test.scratch, 0755);
    test.as_nobody = geteuid() == 0 && !getenv("GRADE_AS_ROOT");
    if (test.as_nobody && chown(test.scratch, NOBODY, NOBODY) != 0)
        test.as_nobody = 0;
    int out = open(test.output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out >= 0)
        close(out);
    make_regions();
    test.ready = 1;
}

static void sandbox_kill(void)
{
    if (test.pid > 0) {
        kill(-test.pid, SIGKILL); /* its process group */
        kill(test.pid, SIGKILL);
        waitpid(test.pid, NULL, 0);
    }
    while (waitpid(-1, NULL, WNOHANG) > 0) /* anything adopted (this process is a subreaper) */
        ;
    test.pid = 0;
    if (test.request >= 0)
        close(test.request);
    if (test.reply >= 0)
        close(test.reply);
    test.request = test.reply = -1;
}

/* ---- reading the sandbox's output -------------------------------------------------- */

/* The first bytes of what student code printed, NUL-terminated (malloc'd). */
static char *read_output(void)
{
    char *buf = malloc(OUTPUT_CAP + 1);
    if (!buf)
        return NULL;
    size_t n = 0;
    FILE *f = fopen(test.output, "rb");
    if (f) {
        n = fread(buf, 1, OUTPUT_CAP, f);
        fclose(f);
    }
    buf[n] = '\0';
    for (size_t i = 0; i < n; i++) /* a NUL byte would hide the rest */
        if (buf[i] == '\0')
            buf[i] = ' ';
    return buf;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void copy_line(char *out, size_t size, const char *s)
{
    size_t n = strcspn(s, "\n");
    if (n >= size)
        n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* "#3 0x55.. in lr_sse /path/errors.c:12" -> "lr_sse (errors.c:12)", skipping
 * the allocator's and the sandbox's own frames. */
static int first_user_frame(const char *report, char *out, size_t size)
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
            strstr(function, "calloc") || strstr(function, "realloc") ||
            strncmp(function, "sb_", 3) == 0 || strcmp(function, "main") == 0)
            continue;
        if (location[0] && location[0] != '(')
            snprintf(out, size, "%s (%s)", function, base_name(location));
        else
            snprintf(out, size, "%s", function);
        return 1;
    }
    return 0;
}

/* Which copied argument of the current call holds this address, as "x[3]". */
static int argument_at(uintptr_t address, char *out, size_t size)
{
    const sb_call *c = test.current;
    if (!c)
        return 0;
    for (int i = 0; i < c->copy_count; i++) {
        const struct sb_copy *k = &c->copies[i];
        uintptr_t copy = (uintptr_t)k->copy;
        if (address >= copy && address - copy < (k->bytes ? k->bytes : 1)) {
            snprintf(out, size, "%s[%zu]", k->what, (size_t)(address - copy) / k->element);
            return 1;
        }
    }
    return 0;
}

static void explain_write_to_const(uintptr_t address, const char *where, char *message,
                                   size_t size)
{
    char arg[300] = "";
    if (!argument_at(address, arg, sizeof arg))
        snprintf(arg, sizeof arg, "memory at %p", (void *)address);
    snprintf(message, size, "wrote to %s, a const input it must not change (in %s)", arg, where);
}

/* A sanitizer's report (the sandbox exited with SB_SANITIZER_EXIT) in one sentence. */
static void explain_sanitizer(const char *output, char *message, size_t size)
{
    const char *p;
    char where[600] = "your code";
    if (strstr(output, SB_MEMORY_CAP_MESSAGE) || strstr(output, "hard rss limit exhausted") ||
        strstr(output, "AddressSanitizer: out of memory") ||
        strstr(output, "allocation-size-too-big") ||
        strstr(output, "AddressSanitizer: requested allocation size")) {
        snprintf(message, size, "used more than %d MiB of memory (an allocation that never stops?)",
                 SB_MEMORY_CAP_MB);
        return;
    }
    /* The last report: the student's code may have printed text that looks like one. */
    const char *report = NULL;
    for (p = strstr(output, "ERROR: AddressSanitizer: "); p;
         p = strstr(p + 1, "ERROR: AddressSanitizer: "))
        report = p;
    if (report) {
        char kind[128] = "";
        sscanf(report + strlen("ERROR: AddressSanitizer: "), "%127s", kind);
        first_user_frame(report, where, sizeof where);
        if (strcmp(kind, "SEGV") == 0) {
            unsigned long long address = 0;
            const char *at = strstr(report, "unknown address ");
            if (at)
                sscanf(at + strlen("unknown address "), "%llx", &address);
            if (strstr(report, "WRITE memory access") && in_range(address, SB_RO, SB_REGION_SIZE))
                explain_write_to_const((uintptr_t)address, where, message, size);
            else
                snprintf(message, size, "crashed: SIGSEGV (invalid memory access) in %s", where);
        } else if (strcmp(kind, "stack-overflow") == 0) {
            snprintf(message, size, "crashed: stack overflow in %s (recursion too deep, or a "
                                    "local array too large?)", where);
        } else if (strcmp(kind, "attempting") == 0 && strstr(report, "double-free")) {
            snprintf(message, size, "memory error: freed the same memory twice, in %s", where);
        } else if (strcmp(kind, "attempting") == 0) {
            snprintf(message, size, "memory error: freed memory that malloc did not give, in %s",
                     where);
        } else if (strcmp(kind, "heap-use-after-free") == 0) {
            snprintf(message, size, "memory error: heap-use-after-free in %s (using memory after "
                                    "freeing it?)", where);
        } else if (strcmp(kind, "use-after-poison") == 0) {
            snprintf(message, size, "memory error: outside an argument's array in %s "
                                    "(reading or writing past its end?)", where);
        } else {
            snprintf(message, size, "memory error: %s in %s (reading or writing outside an array?)",
                     kind, where);
        }
        return;
    }
    const char *ub = NULL;
    for (p = strstr(output, ": runtime error: "); p; p = strstr(p + 1, ": runtime error: "))
        ub = p;
    if (ub) {
        const char *start = ub;
        while (start > output && start[-1] != '\n')
            start--;
        char line[512];
        copy_line(line, sizeof line, start);
        snprintf(message, size, "undefined behaviour: %s", base_name(line));
        return;
    }
    snprintf(message, size, "a sanitizer stopped your code (see what it printed with VERBOSE=1)");
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
    case SIGXCPU: return "SIGXCPU (used too much CPU time)";
    case SIGXFSZ: return "SIGXFSZ (wrote too much output)";
    case SIGSYS: return "SIGSYS (a forbidden system call)";
    default: return "a signal";
    }
}

/* The sandbox died during `during`: fail the test saying how. */
__attribute__((noreturn)) static void explain_death(int status, const char *during)
{
    char message[1200];
    char *output = read_output();
    const char *text = output ? output : "";
    if (WIFEXITED(status) && WEXITSTATUS(status) == SB_SANITIZER_EXIT) {
        explain_sanitizer(text, message, sizeof message);
    } else if (WIFEXITED(status)) {
        const char *internal = strstr(text, "grader sandbox: ");
        if (WEXITSTATUS(status) == 3 && internal) {
            char line[400];
            copy_line(line, sizeof line, internal);
            snprintf(message, sizeof message, "the grader could not run your code (%s)", line);
        } else {
            snprintf(message, sizeof message, "your code called exit(%d) %s", WEXITSTATUS(status),
                     during);
        }
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        const char *report = NULL, *p;
        for (p = strstr(text, "\ngrader: signal "); p; p = strstr(p + 1, "\ngrader: signal "))
            report = p;
        unsigned long long address = 0;
        char access[16] = "", function[256] = "";
        int got = report ? sscanf(report, "\ngrader: signal %*d, %15s %*s address %llx, in %255s",
                                  access, &address, function)
                         : 0;
        char where[400];
        snprintf(where, sizeof where, "%s", got == 3 ? function : during + 3);
        if (got == 3 && strcmp(access, "WRITE") == 0 && in_range(address, SB_RO, SB_REGION_SIZE))
            explain_write_to_const((uintptr_t)address, where, message, sizeof message);
        else if (got == 3)
            snprintf(message, sizeof message, "crashed: %s in %s", signal_name(sig), where);
        else
            snprintf(message, sizeof message, "crashed: %s %s", signal_name(sig), during);
    } else {
        snprintf(message, sizeof message, "your code stopped %s", during);
    }
    free(output);
    test.pid = 0;
    sandbox_kill();
    grade_fail("%s", message);
}

/* ---- starting the sandbox ----------------------------------------------------- */

static void set_limit(int resource, rlim_t value)
{
    struct rlimit r = {value, value};
    setrlimit(resource, &r);
}

static const char *sandbox_path(void)
{
    const char *p = getenv("GRADE_SANDBOX");
    return p ? p : "sandbox";
}

static const char *student_path(void)
{
    const char *p = getenv("GRADE_STUDENT_LIB");
    return p ? p : "student.so";
}

/* In the child, between fork and exec: everything that must hold before a
 * single instruction of the sandbox runs. Never returns. */
__attribute__((noreturn)) static void become_sandbox(int request, int reply, int as_nobody)
{
    pid_t judge = getppid();
    /* A read-only descriptor of the read-only region: the sandbox cannot map it writable. */
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", region_fds[0]);
    int ro = open(path, O_RDONLY | O_CLOEXEC);
    int out = open(test.output, O_WRONLY | O_APPEND | O_CLOEXEC);
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (ro < 0 || out < 0 || null < 0)
        _exit(3);
    /* Move everything above the fixed numbers first, then into place. */
    int fds[7] = {null, out, request, reply, ro, region_fds[1], region_fds[2]};
    for (int i = 0; i < 7; i++) {
        fds[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 100);
        if (fds[i] < 0)
            _exit(3);
    }
    const int targets[7] = {0, 1, SB_FD_REQUEST, SB_FD_REPLY, SB_FD_RO, SB_FD_RWJ, SB_FD_RWS};
    for (int i = 0; i < 7; i++)
        if (dup2(fds[i], targets[i]) < 0)
            _exit(3);
    if (dup2(1, 2) < 0)
        _exit(3);
    setpgid(0, 0);
    /* Past the cap, writes fail with EFBIG instead of killing the process. */
    signal(SIGXFSZ, SIG_IGN);
    set_limit(RLIMIT_FSIZE, OUTPUT_CAP);
    set_limit(RLIMIT_CORE, 0);
    set_limit(RLIMIT_NOFILE, 256);
    set_limit(RLIMIT_CPU, (rlim_t)(test.limit + 10));
#ifndef JUDGE_ASAN
    /* Sanitized code reserves terabytes of shadow memory; its allocator
     * enforces the cap instead (hard_rss_limit_mb below). */
    set_limit(RLIMIT_DATA, (rlim_t)SB_MEMORY_CAP_MB * GRADE_TIMEOUT_SCALE * 1024 * 1024);
#endif
    if (as_nobody) {
        if (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
            _exit(3);
        if (access(sandbox_path(), X_OK) != 0 || access(student_path(), R_OK) != 0 ||
            access(".", R_OK | X_OK) != 0)
            _exit(99); /* this checkout is not readable by others: run as root, landlocked */
    }
    /* Dies with the test process; set after setuid, which clears it. */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != judge)
        _exit(3);
    char asan[512], ubsan[256], home[4500], tmp[4500];
    snprintf(asan, sizeof asan,
             "ASAN_OPTIONS=allocator_may_return_null=1:hard_rss_limit_mb=%d:detect_leaks=0:"
             "exitcode=%d:abort_on_error=0:print_legend=0:malloc_context_size=10",
             SB_MEMORY_CAP_MB, SB_SANITIZER_EXIT);
    snprintf(ubsan, sizeof ubsan, "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=%d",
             SB_SANITIZER_EXIT);
    snprintf(home, sizeof home, "HOME=%s", test.scratch);
    snprintf(tmp, sizeof tmp, "TMPDIR=%s", test.scratch);
    char *env[] = {asan, ubsan, home, tmp, "LC_ALL=C", "PATH=/usr/bin:/bin", NULL};
    char *argv[48] = {0};
    int argc = 0;
    /* make memcheck: the sandbox under Valgrind, with the options given. */
    char *valgrind = getenv("GRADE_VALGRIND");
    if (valgrind) {
        argv[argc++] = "/usr/bin/valgrind";
        for (char *arg = strtok(valgrind, " "); arg && argc < 40; arg = strtok(NULL, " "))
            argv[argc++] = arg;
    }
    argv[argc++] = (char *)sandbox_path();
    argv[argc++] = (char *)student_path();
    argv[argc++] = test.scratch;
    execve(argv[0], argv, env);
    _exit(98);
}

static void read_exact(void *buf, size_t size, const char *during);

static void sandbox_start(void)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        int req[2], rep[2];
        if (pipe2(req, O_CLOEXEC) != 0 || pipe2(rep, O_CLOEXEC) != 0)
            grade_fail("the grader could not create pipes: %s", strerror(errno));
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0)
            grade_fail("the grader could not start your code: %s", strerror(errno));
        if (pid == 0) {
            close(req[1]);
            close(rep[0]);
            become_sandbox(req[0], rep[1], test.as_nobody);
        }
        close(req[0]);
        close(rep[1]);
        test.pid = pid;
        test.request = req[1];
        test.reply = rep[0];
        sb_reply_header h;
        struct pollfd pfd = {test.reply, POLLIN, 0};
        int ready = poll(&pfd, 1, (int)(1000 * (test.limit + 5)));
        if (ready > 0 && read(test.reply, &h, sizeof h) == (ssize_t)sizeof h) {
            char why[SB_PAYLOAD + 1] = "";
            if (h.len > SB_PAYLOAD)
                grade_fail("the sandbox sent a malformed message");
            read_exact(why, h.len, "while loading");
            why[h.len] = '\0';
            if (h.op == SB_READY)
                return;
            sandbox_kill();
            if (h.op == SB_LOAD_ERROR)
                grade_fail("your code could not be loaded: %s", why);
            grade_fail("the sandbox did not start");
        }
        int status = 0;
        if (ready <= 0) {
            sandbox_kill();
            grade_fail("your code did not finish loading within %g s", test.limit + 5);
        }
        waitpid(pid, &status, 0);
        test.pid = 0;
        sandbox_kill();
        if (WIFEXITED(status) && WEXITSTATUS(status) == 99 && test.as_nobody) {
            test.as_nobody = 0; /* the files are not readable by others */
            continue;
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 98)
            grade_fail("the grader could not start %s", sandbox_path());
        explain_death(status, "while your library was loading (in a constructor?)");
    }
}

/* ---- messages ------------------------------------------------------------------- */

/* Between calls the sandbox may still run threads of its own. They can change
 * only memory that holds the student's own results (copies are made per call
 * and the test's own memory is private), so the sandbox is not stopped. */

/* The sandbox closed its end: wait for it to die, but not past the deadline
 * (code that closes the pipe and carries on must not hang the grader). */
__attribute__((noreturn)) static void await_death(const char *during)
{
    int status = 0;
    for (;;) {
        pid_t got = waitpid(test.pid, &status, WNOHANG);
        if (got == test.pid || got < 0)
            break;
        if (now() > test.deadline) {
            sandbox_kill();
            grade_fail("timed out after %g s %s (an endless loop, or far too slow)",
                       test.limit / GRADE_TIMEOUT_SCALE, during);
        }
        usleep(2000);
    }
    explain_death(status, during);
}

static void send_request(const sb_request *r, const char *during)
{
    if (!test.pid)
        sandbox_start();
    if (write(test.request, r, sizeof *r) != (ssize_t)sizeof *r)
        await_death(during);
}

/* Waits for the sandbox to be readable, or its death, or the deadline. */
static void wait_readable(const char *during)
{
    for (;;) {
        double left = test.deadline - now();
        if (left <= 0) {
            sandbox_kill();
            grade_fail("timed out after %g s %s (an endless loop, or far too slow)",
                       test.limit / GRADE_TIMEOUT_SCALE, during);
        }
        struct pollfd pfd = {test.reply, POLLIN, 0};
        int n = poll(&pfd, 1, (int)(left * 1000) + 1);
        if (n > 0)
            return;
        if (n < 0 && errno != EINTR)
            grade_fail("the grader could not wait for your code: %s", strerror(errno));
    }
}

static void read_exact(void *buf, size_t size, const char *during)
{
    size_t got = 0;
    while (got < size) {
        wait_readable(during);
        ssize_t n = read(test.reply, (char *)buf + got, size - got);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            await_death(during);
        }
        got += (size_t)n;
    }
}

/* Reads one reply; returns its op, the payload in data (len in *len). */
static uint32_t read_reply(void *data, uint32_t *len, const char *during)
{
    sb_reply_header h;
    read_exact(&h, sizeof h, during);
    if (h.len > SB_PAYLOAD) {
        sandbox_kill();
        grade_fail("your code's process sent a malformed message %s", during);
    }
    read_exact(data, h.len, during);
    *len = h.len;
    return h.op;
}

/* ---- calls ---------------------------------------------------------------------- */

static void *region_alloc(uintptr_t base, size_t *top, size_t bytes, uintptr_t like)
{
    /* The same address modulo 64 as the original, so alignment is kept, and
     * a gap on either side that the sanitized sandbox poisons (a redzone). */
    size_t start = ((*top + SB_REDZONE + 63) & ~(size_t)63) + SB_REDZONE + (like & 63);
    if (bytes > SB_REGION_SIZE || start > SB_REGION_SIZE - bytes)
        return NULL;
    *top = start + (bytes ? bytes : 1);
    return (void *)(base + start);
}

void sb_call_begin(sb_call *c, int fn, const char *name)
{
    if (!test.ready)
        grade_fail("a test called %s outside GRADED_TEST", name);
    memset(c, 0, sizeof *c);
    c->fn = fn;
    c->name = name;
    c->request.op = SB_CALL;
    c->request.fn = (uint32_t)fn;
    c->ro_mark = test.ro_top;
    c->rwj_mark = test.rwj_top;
}

static void next_slot_sized(sb_call *c, uintptr_t value, size_t bytes)
{
    if (c->args == SB_MAX_ARGS)
        grade_fail("grader bug: too many arguments for %s", c->name);
    c->request.size[c->args] = value && value != SB_POISON && bytes != SIZE_MAX ? bytes : 0;
    c->request.arg[c->args++] = value;
}

static void next_slot(sb_call *c, uintptr_t value)
{
    next_slot_sized(c, value, 0);
}

void sb_val(sb_call *c, const void *value, size_t size)
{
    void *copy = region_alloc(SB_RO, &test.ro_top, size, 0);
    if (!copy)
        grade_fail("the grader ran out of shared memory calling %s", c->name);
    memcpy(copy, value, size);
    next_slot(c, (uintptr_t)copy);
}

/* The copy of [p, p + bytes) made for this call (a writable one if asked), or 0. */
static uintptr_t copy_of(const sb_call *c, const void *p, size_t bytes, int writable)
{
    for (int i = 0; i < c->copy_count; i++) {
        const struct sb_copy *k = &c->copies[i];
        if (writable && !k->writable)
            continue;
        uintptr_t o = (uintptr_t)k->original, q = (uintptr_t)p;
        if (q >= o && bytes <= k->bytes && q - o <= k->bytes - bytes)
            return (uintptr_t)k->copy + (q - o);
    }
    return 0;
}

/* Copies an argument into shared memory: read-only or writable. Returns the
 * address the student's code sees. */
static uintptr_t copy_in(sb_call *c, const char *what, const void *p, size_t count, size_t size,
                         int writable)
{
    if (!p)
        return 0;
    size_t bytes = sb_bytes(count, size);
    if (writable && in_range((uintptr_t)p, SB_RWJ, 2 * SB_REGION_SIZE))
        return (uintptr_t)p; /* already shared and writable: in place */
    /* Inside an array already copied for this call (a layer's weights inside
     * a network's parameters): the same memory, unless the copy is read-only
     * and this must be writable. */
    uintptr_t inside = bytes != SIZE_MAX ? copy_of(c, p, bytes, writable) : 0;
    if (inside)
        return inside;
    void *copy = writable ? region_alloc(SB_RWJ, &test.rwj_top, bytes, (uintptr_t)p)
                          : region_alloc(SB_RO, &test.ro_top, bytes, (uintptr_t)p);
    if (!copy || c->copy_count == SB_MAX_COPIES)
        return SB_POISON; /* too large to be real: a test of a size check */
    memcpy(copy, p, bytes);
    c->copies[c->copy_count++] = (struct sb_copy){(void *)p, copy, bytes, what, writable,
                                                  size ? size : 1, c->args};
    return (uintptr_t)copy;
}

/* An argument with a copy of its own gets redzones; one passed in place or
 * inside another argument's copy has neighbours that must stay readable. */
static void copied_argument(sb_call *c, const char *what, const void *p, size_t count,
                            size_t size, int writable)
{
    int before = c->copy_count;
    uintptr_t value = copy_in(c, what, p, count, size, writable);
    next_slot_sized(c, value, c->copy_count > before ? sb_bytes(count, size) : 0);
}

void sb_in(sb_call *c, const char *what, const void *p, size_t count, size_t size)
{
    copied_argument(c, what, p, count, size, 0);
}

void sb_out(sb_call *c, const char *what, void *p, size_t count, size_t size)
{
    copied_argument(c, what, p, count, size, 1);
}

void sb_str(sb_call *c, const char *what, const char *s)
{
    copied_argument(c, what, s, s ? strlen(s) + 1 : 0, 1, 0);
}

typedef struct {
    sb_call *call;
    int writable;
} deep_state;

/* Before a call: pointer fields of a struct argument that point into the
 * test's own memory get copies too. */
static void deep_copy_field(sb_walk *w, const char *name, void **field, size_t count, size_t size)
{
    deep_state *s = w->state;
    if (!*field || in_arena((uintptr_t)*field))
        return;
    *field = (void *)copy_in(s->call, name, *field, count, size, s->writable);
}

static void deep_copy(sb_call *c, void *copy, sb_walker *walk, int writable)
{
    if (!copy)
        return;
    deep_state s = {c, writable};
    sb_walk w = {deep_copy_field, &s};
    walk(copy, &w);
}

void sb_ins(sb_call *c, const char *what, const void *p, size_t size, sb_walker *walk)
{
    int index = c->copy_count;
    uintptr_t copy = copy_in(c, what, p, 1, size, 1); /* writable while we fix its fields */
    int fresh = c->copy_count > index;
    if (copy && copy != SB_POISON && fresh) {
        deep_copy(c, (void *)copy, walk, 0);
        /* Fields fixed: now to read-only memory, where its const holds. */
        void *ro = region_alloc(SB_RO, &test.ro_top, size, (uintptr_t)p);
        if (ro) {
            memcpy(ro, (void *)copy, size);
            c->copies[index].copy = ro;
            copy = (uintptr_t)ro;
        }
        c->copies[index].writable = 0; /* const: not copied back */
    }
    next_slot_sized(c, copy, fresh ? size : 0);
}

void sb_outs(sb_call *c, const char *what, void *p, size_t size, sb_walker *walk, int in_too)
{
    int index = c->copy_count;
    uintptr_t copy = copy_in(c, what, p, 1, size, 1);
    int fresh = c->copy_count > index;
    if (in_too && copy && copy != SB_POISON)
        deep_copy(c, (void *)copy, walk, 1);
    if (p) {
        if (c->struct_count == 4 || size > sizeof c->structs[0].before)
            grade_fail("grader bug: too many or too large structs for %s", c->name);
        struct sb_struct *s = &c->structs[c->struct_count++];
        s->original = p;
        s->walk = walk;
        s->what = what;
        s->size = size;
        memcpy(s->before, p, size);
    }
    next_slot_sized(c, copy, fresh ? size : 0);
}

/* After a call: a pointer field the student's code left in a struct must point
 * to memory the judge can read, all of it. */
typedef struct {
    const sb_call *call;
    const struct sb_struct *object;
} check_state;

static void check_field(sb_walk *w, const char *name, void **field, size_t count, size_t size)
{
    check_state *s = w->state;
    uintptr_t p = (uintptr_t)*field;
    size_t bytes = sb_bytes(count, size), offset = (size_t)((char *)field - (char *)s->object->original);
    void *before = NULL;
    if (offset <= s->object->size - sizeof before)
        memcpy(&before, s->object->before + offset, sizeof before);
    if (*field == before)
        return; /* left as the test passed it: not the student's to vouch for */
    if (!p) {
        if (bytes)
            grade_fail("after %s, %s->%s is NULL but should hold %zu values", s->call->name,
                       s->object->what, name, count);
        return;
    }
    for (int i = 0; i < s->call->copy_count; i++) { /* one of this call's copies: the original */
        const struct sb_copy *k = &s->call->copies[i];
        uintptr_t q = (uintptr_t)k->copy;
        if (p >= q && bytes <= k->bytes && p - q <= k->bytes - bytes) {
            *field = (char *)k->original + (p - q);
            return;
        }
    }
    if (bytes == SIZE_MAX || !sb_shared_range(p, bytes))
        grade_fail("after %s, %s->%s points to memory the grader cannot read (%zu values: "
                   "not allocated with malloc, freed, or a local array?)",
                   s->call->name, s->object->what, name, count);
}

static void copy_back(sb_call *c)
{
    for (int i = 0; i < c->copy_count; i++)
        if (c->copies[i].writable)
            memcpy(c->copies[i].original, c->copies[i].copy, c->copies[i].bytes);
    for (int i = 0; i < c->struct_count; i++) {
        if (!c->structs[i].original)
            continue;
        check_state s = {c, &c->structs[i]};
        sb_walk w = {check_field, &s};
        c->structs[i].walk(c->structs[i].original, &w);
    }
}

static void call_done(sb_call *c)
{
    test.ro_top = c->ro_mark;
    test.rwj_top = c->rwj_mark;
    test.current = NULL;
}

/* An input that is (part of) an output, as in sm_softmax(a, n, a), must be
 * the same memory in the sandbox too: point it into the output's copy. */
static void keep_aliases(sb_call *c)
{
    for (int i = 0; i < c->copy_count; i++) {
        struct sb_copy *in = &c->copies[i];
        if (in->writable || in->slot < 0 || in->slot >= c->args ||
            c->request.arg[in->slot] != (uintptr_t)in->copy)
            continue;
        for (int j = 0; j < c->copy_count; j++) {
            const struct sb_copy *out = &c->copies[j];
            uintptr_t a = (uintptr_t)in->original, o = (uintptr_t)out->original;
            if (!out->writable || a < o || in->bytes > out->bytes || a - o > out->bytes - in->bytes)
                continue;
            c->request.arg[in->slot] = (uintptr_t)out->copy + (a - o);
            c->request.size[in->slot] = 0; /* its neighbours belong to the output */
            break;
        }
    }
}

/* Sends the call and waits for its result, serving callbacks. */
static void run(sb_call *c, void *result, size_t size)
{
    keep_aliases(c);
    char during[300];
    snprintf(during, sizeof during, "in %s", c->name);
    test.current = c;
    send_request(&c->request, during);
    for (;;) {
        unsigned char data[SB_PAYLOAD];
        uint32_t len;
        uint32_t op = read_reply(data, &len, during);
        if (op == SB_CALLBACK && c->callback) {
            sb_request r = {.op = SB_CALLBACK_RESULT};
            r.value = c->callback(c, data, len);
            c->callback_count++;
            send_request(&r, during);
            continue;
        }
        if (op == SB_MISSING) {
            call_done(c);
            grade_fail("%s is missing from your code (not defined, or not exported)", c->name);
        }
        if (op != SB_RETURN || len != size) {
            sandbox_kill();
            call_done(c);
            grade_fail("your code's process answered %s with a malformed message", during);
        }
        if (size)
            memcpy(result, data, size);
        break;
    }
    copy_back(c);
    call_done(c);
}

void sb_run(sb_call *c, void *result, size_t size)
{
    run(c, result, size);
}

/* Strings a lesson function returned: a few stay valid at once, as the
 * student's own static strings would. */
const char *sb_run_text(sb_call *c)
{
    static char ring[8][SB_PAYLOAD];
    static unsigned next;
    char *buf = ring[next++ % 8];
    char tmp[SB_PAYLOAD];
    memset(tmp, 0, sizeof tmp);
    /* The reply's length varies with the text: accept any length up to the payload. */
    keep_aliases(c);
    test.current = c;
    char during[300];
    snprintf(during, sizeof during, "in %s", c->name);
    send_request(&c->request, during);
    uint32_t len;
    uint32_t op = read_reply(tmp, &len, during);
    call_done(c);
    if (op == SB_MISSING)
        grade_fail("%s is missing from your code (not defined, or not exported)", c->name);
    if (op != SB_RETURN || len < 2)
        grade_fail("your code's process answered %s with a malformed message", during);
    if (!tmp[0])
        return NULL;
    tmp[len - 1] = '\0';
    memcpy(buf, tmp + 1, len - 1);
    return buf;
}

/* The end of a test body: no leaks, and nothing left running. */
static void finish_sandbox(void)
{
    if (!test.pid)
        return;
    sb_request r = {.op = SB_FINISH};
    test.current = NULL;
    send_request(&r, "at the end of the test");
    unsigned char data[SB_PAYLOAD];
    uint32_t len;
    test.deadline = now() + 2.0 * GRADE_TIMEOUT_SCALE; /* the leak report has its own time */
    uint32_t op = read_reply(data, &len, "at the end of the test");
    sb_leaks leaks = {0, 0};
    if (op == SB_LEAKS && len == sizeof leaks)
        memcpy(&leaks, data, sizeof leaks);
    /* Let it exit on its own (Valgrind reports at exit), then make sure. */
    close(test.request);
    test.request = -1;
    for (int i = 0; i < 200 * GRADE_TIMEOUT_SCALE; i++) {
        if (waitpid(test.pid, NULL, WNOHANG) == test.pid) {
            test.pid = 0;
            break;
        }
        usleep(10000);
    }
    sandbox_kill();
    if (leaks.blocks) {
        char *output = read_output();
        char where[600] = "your code";
        const char *report = output ? strstr(output, "grader: a block your code allocated") : NULL;
        if (report) {
            const char *by = strstr(report, "allocated by thread");
            if (by)
                first_user_frame(by, where, sizeof where);
        }
        free(output);
        grade_fail("leaked memory, allocated in %s: %llu bytes in %llu blocks never freed", where,
                   (unsigned long long)leaks.bytes, (unsigned long long)leaks.blocks);
    }
    if (op != SB_LEAKS)
        grade_fail("your code's process answered the end of the test with a malformed message");
}

/* ---- test-owned memory -------------------------------------------------------------- */

/* The blocks grade_alloc handed out, newest first. */
typedef union block {
    union block *next;
    max_align_t align; /* the memory after the header is aligned for anything */
} block;

static block *test_blocks;

void *grade_alloc(size_t count, size_t size)
{
    if (count == 0)
        count = 1;
    if (size != 0 && count > (SIZE_MAX - sizeof(block)) / size)
        grade_fail("the grader asked for too much memory");
    block *b = calloc(1, sizeof(block) + count * size);
    if (!b)
        grade_fail("the grader ran out of memory");
    b->next = test_blocks;
    test_blocks = b;
    return b + 1;
}

static void free_test_blocks(void)
{
    while (test_blocks) {
        block *next = test_blocks->next;
        free(test_blocks);
        test_blocks = next;
    }
}

void grade_end(void)
{
    free_test_blocks();
    finish_sandbox();
}

void grade_rng(rng *r)
{
    const char *seed_text = getenv("GRADE_SEED");
    uint64_t seed = seed_text ? strtoull(seed_text, NULL, 10) : 20261123u;
    for (const char *c = test.id; *c; c++) /* FNV-1a of the test's name */
        seed = (seed ^ (unsigned char)*c) * 0x100000001b3u;
    rng_seed(r, seed);
}

void grade_fail(const char *format, ...)
{
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    if (test.pid)
        sandbox_kill();
    cr_assert_fail("%s", message);
    abort(); /* not reached: a failed assertion ends the test */
}

/* Formats the caller's printf-style description of what was checked. */
#define FORMAT_WHAT(label, what)                                                            \
    do {                                                                                    \
        va_list args_;                                                                      \
        va_start(args_, what);                                                              \
        vsnprintf(label, sizeof label, what, args_);                                        \
        va_end(args_);                                                                      \
    } while (0)

void expect_near(double came, double expected, double tolerance, const char *what, ...)
{
    double scale = fabs(expected) > 1.0 ? fabs(expected) : 1.0;
    if (fabs(came - expected) <= tolerance * scale)
        return;
    char label[512];
    FORMAT_WHAT(label, what);
    grade_fail("%s: expected %.10g, came %.10g (tolerance %.0e)", label, expected, came,
               tolerance);
}

void expect_int(long long came, long long expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[512];
    FORMAT_WHAT(label, what);
    grade_fail("%s: expected %lld, came %lld", label, expected, came);
}

void expect_true(int condition, const char *what, ...)
{
    if (condition)
        return;
    char label[512];
    FORMAT_WHAT(label, what);
    grade_fail("%s", label);
}

double max_relative_error(const double *a, const double *b, size_t n, size_t *where)
{
    double worst = 0.0;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        double scale = fabs(b[i]) > 1.0 ? fabs(b[i]) : 1.0;
        double e = fabs(a[i] - b[i]) / scale;
        if (isnan(e))
            e = INFINITY;
        if (e > worst) {
            worst = e;
            at = i;
        }
    }
    if (where)
        *where = at;
    return worst;
}

double *grade_copy(const double *values, size_t n)
{
    double *copy = malloc((n ? n : 1) * sizeof *copy);
    if (!copy)
        grade_fail("the grader ran out of memory");
    memcpy(copy, values, n * sizeof *copy);
    return copy;
}

void expect_unchanged(const double *now, const double *before, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&now[i], &before[i], sizeof now[i]) != 0)
            grade_fail("%s[%zu] was modified (from %.10g to %.10g), but inputs are const", what,
                       i, before[i], now[i]);
}

const char *grade_temp_file(const char *text)
{
    static char path[4500];
    snprintf(path, sizeof path, "%s/data-XXXXXX", test.scratch);
    int fd = mkstemp(path);
    if (fd < 0)
        grade_fail("the grader could not create a temporary file");
    size_t len = strlen(text);
    if (write(fd, text, len) != (ssize_t)len)
        grade_fail("the grader could not write a temporary file");
    fchmod(fd, 0644);
    close(fd);
    return path;
}
