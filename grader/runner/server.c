/* server.c: main() of the sandbox, the only process in which student code runs.
 *
 * The judge (judge.c) starts it for a test with the student's library, the
 * test's scratch folder and the shared memory regions (sandbox.h). Before it
 * loads the student's code it locks itself down: no new processes, no
 * programs, no signals to other processes, no debugging of others (seccomp);
 * no writing outside the scratch folder (Landlock, where the kernel has it).
 * Then it serves calls until the judge says the test is over. It decides
 * nothing: every value it sends back is checked by the judge. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef GRADE_SERVER
#define GRADE_SERVER
#endif
#include "calls.h"

#if defined(__SANITIZE_ADDRESS__)
#define SB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SB_ASAN 1
#endif
#endif

#ifdef SB_ASAN
void __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                               void (*free_hook)(const volatile void *));
void __asan_describe_address(void *address);
void *__asan_region_is_poisoned(void *begin, size_t size);
void __asan_poison_memory_region(const volatile void *addr, size_t size);
void __asan_unpoison_memory_region(const volatile void *addr, size_t size);
size_t __asan_get_alloc_stack(void *addr, void **trace, size_t size, int *thread_id);
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

/* Redzones around a call's array arguments (sanitized builds). */
static void guard_arguments(const sb_request *r, int on)
{
#ifdef SB_ASAN
    for (int i = 0; i < SB_MAX_ARGS; i++) {
        uintptr_t p = (uintptr_t)r->arg[i];
        if (!r->size[i] || p < SB_BASE + SB_REDZONE || p >= SB_POISON)
            continue;
        void (*mark)(const volatile void *, size_t) =
            on ? __asan_poison_memory_region : __asan_unpoison_memory_region;
        mark((void *)(p - SB_REDZONE), SB_REDZONE);
        mark((void *)(p + r->size[i]), SB_REDZONE);
    }
#else
    (void)r, (void)on;
#endif
}

void sb_dispatch(const sb_request *req);

static void *student;

/* ---- messages ------------------------------------------------------------------ */

static void die(const char *why)
{
    dprintf(STDERR_FILENO, "grader sandbox: %s\n", why);
    _exit(3);
}

static void reply(uint32_t op, const void *data, size_t len)
{
    struct {
        sb_reply_header h;
        unsigned char data[SB_PAYLOAD];
    } m;
    if (len > SB_PAYLOAD)
        len = SB_PAYLOAD;
    m.h.op = op;
    m.h.len = (uint32_t)len;
    if (len)
        memcpy(m.data, data, len);
    size_t total = sizeof m.h + len;
    if (write(SB_FD_REPLY, &m, total) != (ssize_t)total)
        _exit(3); /* the judge is gone */
}

static void read_request(sb_request *r)
{
    size_t got = 0;
    while (got < sizeof *r) {
        ssize_t n = read(SB_FD_REQUEST, (char *)r + got, sizeof *r - got);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            _exit(0); /* the judge closed the pipe */
        }
        got += (size_t)n;
    }
}

void sb_return(const void *value, size_t size)
{
    reply(SB_RETURN, value, size);
}

void sb_return_text(const char *text)
{
    char buf[SB_PAYLOAD];
    buf[0] = text != NULL;
    size_t n = text ? strnlen(text, SB_PAYLOAD - 2) : 0;
    if (n)
        memcpy(buf + 1, text, n);
    buf[1 + n] = '\0';
    reply(SB_RETURN, buf, n + 2);
}

double sb_callback(const void *payload, size_t size)
{
    reply(SB_CALLBACK, payload, size);
    sb_request r;
    read_request(&r);
    if (r.op != SB_CALLBACK_RESULT)
        die("the judge sent a call while a callback was running");
    return r.value;
}

void *sb_resolve(const char *name)
{
    void *f = dlsym(student, name);
    if (!f)
        reply(SB_MISSING, name, strlen(name));
    return f;
}

/* ---- leak tracking ------------------------------------------------------------
 * Every block the student's code allocates during a call is recorded until it
 * is freed; what is left when the test ends has leaked. (LeakSanitizer would
 * need to start a tracer process, which the sandbox forbids.) */

enum { LIVE_SLOTS = 1 << 17 };
static struct live {
    uintptr_t p; /* 0: empty; 1: deleted */
    size_t size;
} live[LIVE_SLOTS];
static atomic_int tracking;

#ifdef SB_ASAN
/* ---- the memory cap -------------------------------------------------------------
 * ASan's own limit (hard_rss_limit_mb) counts resident pages, so it misses
 * memory allocated but never touched, and memory touched page by page can
 * take longer to fault in than a test may run. The cap therefore counts what
 * malloc handed out, as RLIMIT_DATA does for the plain sandbox, looking at
 * ASan's total after every mebibyte allocated. */
enum { CAP_CHECK_EVERY = 1 << 20 };
static atomic_size_t allocated_unchecked;

static void enforce_memory_cap(size_t size)
{
    size_t since = atomic_fetch_add_explicit(&allocated_unchecked, size, memory_order_relaxed);
    if (since + size < CAP_CHECK_EVERY)
        return;
    atomic_store_explicit(&allocated_unchecked, 0, memory_order_relaxed);
    if (__sanitizer_get_current_allocated_bytes() > (size_t)SB_MEMORY_CAP_MB << 20) {
        static const char message[] = "\n" SB_MEMORY_CAP_MESSAGE "\n";
        ssize_t ignored = write(1, message, sizeof message - 1);
        (void)ignored;
        _exit(SB_SANITIZER_EXIT);
    }
}

static atomic_flag live_lock = ATOMIC_FLAG_INIT;
static size_t live_count;

static size_t slot_of(uintptr_t p)
{
    return (size_t)((p >> 4) * 0x9E3779B97F4A7C15u >> 47) & (LIVE_SLOTS - 1);
}

static void on_malloc(const volatile void *p, size_t size)
{
    if (p)
        enforce_memory_cap(size);
    if (!atomic_load(&tracking) || !p)
        return;
    while (atomic_flag_test_and_set(&live_lock))
        ;
    if (live_count < LIVE_SLOTS / 2) {
        size_t i = slot_of((uintptr_t)p);
        while (live[i].p > 1)
            i = (i + 1) & (LIVE_SLOTS - 1);
        live[i].p = (uintptr_t)p;
        live[i].size = size;
        live_count++;
    }
    atomic_flag_clear(&live_lock);
}

static void on_free(const volatile void *p)
{
    if (!p)
        return;
    while (atomic_flag_test_and_set(&live_lock))
        ;
    for (size_t i = slot_of((uintptr_t)p); live[i].p != 0; i = (i + 1) & (LIVE_SLOTS - 1))
        if (live[i].p == (uintptr_t)p) {
            live[i].p = 1;
            live_count--;
            break;
        }
    atomic_flag_clear(&live_lock);
}
#endif

void sb_student_begin(void)
{
    atomic_store(&tracking, 1);
}

void sb_student_end(void)
{
    atomic_store(&tracking, 0);
}


/* Thread-local storage of the student's library, which the dynamic loader
 * allocates on first use and frees only at exit, is not a leak. */
static int allocated_by_loader(uintptr_t p)
{
#ifdef SB_ASAN
    void *trace[8];
    int thread;
    size_t n = __asan_get_alloc_stack((void *)p, trace, 8, &thread);
    Dl_info self;
    if (!dladdr((void *)&tracking, &self))
        self.dli_fbase = NULL;
    for (size_t i = 0; i < n; i++) {
        Dl_info info;
        /* Skip the sanitizer's frames: in libasan (gcc) or in this program (clang). */
        if (!dladdr(trace[i], &info) || !info.dli_fname || strstr(info.dli_fname, "libasan") ||
            info.dli_fbase == self.dli_fbase)
            continue;
        return strstr(info.dli_fname, "ld-linux") != NULL;
    }
#endif
    (void)p;
    return 0;
}

static void report_leaks(void)
{
    sb_leaks leaks = {0, 0};
    int described = 0;
    for (size_t i = 0; i < LIVE_SLOTS; i++) {
        if (live[i].p <= 1 || allocated_by_loader(live[i].p))
            continue;
        leaks.blocks++;
        leaks.bytes += live[i].size;
#ifdef SB_ASAN
        if (described++ < 1) {
            dprintf(STDERR_FILENO, "\ngrader: a block your code allocated was never freed:\n");
            __asan_describe_address((void *)live[i].p);
        }
#endif
    }
    (void)described;
    reply(SB_LEAKS, &leaks, sizeof leaks);
}

/* ---- mirrors of student-allocated arrays ----------------------------------------- */

enum { MAX_MIRRORS = 4096 };
static struct mirror {
    char *mirror, *original;
    size_t bytes;
    unsigned pass;
} mirrors[MAX_MIRRORS];
static size_t mirror_count, rws_top;
static unsigned pass;

static int in_arena(uintptr_t p)
{
    return p >= SB_BASE && p < SB_POISON + SB_POISON_SIZE;
}

/* The main thread's stack: a struct field pointing there points at a frame
 * that is gone once the student's function has returned. */
static uintptr_t stack_low, stack_high;

static void find_stack(void)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[512];
    while (maps && fgets(line, sizeof line, maps))
        if (strstr(line, "[stack]")) {
            unsigned long lo, hi;
            if (sscanf(line, "%lx-%lx", &lo, &hi) == 2)
                stack_low = lo, stack_high = hi;
        }
    if (maps)
        fclose(maps);
}

/* Whether [p, p + bytes) is all mapped memory outside the stack: a wild
 * pointer must make the judge say so, not crash the copy. */
static int readable(const char *p, size_t bytes)
{
    uintptr_t a = (uintptr_t)p;
    if (bytes == 0)
        return 1;
    if (a + bytes < a || (a < stack_high && a + bytes > stack_low))
        return 0;
    long page = sysconf(_SC_PAGESIZE);
    uintptr_t first = a & ~(uintptr_t)(page - 1);
    unsigned char vec[64];
    for (uintptr_t q = first; q < a + bytes; q += 64 * (uintptr_t)page) {
        size_t len = a + bytes - q < 64 * (uintptr_t)page ? a + bytes - q : 64 * (size_t)page;
        if (mincore((void *)q, len, vec) != 0)
            return 0;
    }
    return 1;
}

static void restore_field(sb_walk *w, const char *name, void **field, size_t count, size_t size)
{
    (void)w, (void)name, (void)count, (void)size;
    char *p = *field;
    for (size_t i = 0; i < mirror_count; i++) {
        struct mirror *m = &mirrors[i];
        if (p >= m->mirror && p < m->mirror + m->bytes) {
            if (m->pass != pass) {
                memcpy(m->original, m->mirror, m->bytes);
                m->pass = pass;
            }
            *field = m->original + (p - m->mirror);
            return;
        }
    }
}

void sb_restore(void *object, sb_walker *walk)
{
    if (!object)
        return;
    pass++;
    sb_walk w = {restore_field, NULL};
    walk(object, &w);
}

/* The structs a call fills in, as they were before it: a field the student's
 * code left alone may hold anything, and is not followed. */
static struct remembered {
    void *object;
    size_t size;
    unsigned char before[1024];
} remembered[4];
static int remembered_count;

void sb_remember(void *object, size_t size)
{
    if (remembered_count == 4 || size > sizeof remembered[0].before)
        return;
    struct remembered *r = &remembered[remembered_count++];
    r->object = object;
    r->size = size;
    memcpy(r->before, object, size);
}

static int untouched(void *const *field)
{
    for (int i = 0; i < remembered_count; i++) {
        const struct remembered *r = &remembered[i];
        uintptr_t f = (uintptr_t)field, o = (uintptr_t)r->object;
        if (f >= o && f - o <= r->size - sizeof *field)
            return memcmp(r->before + (f - o), field, sizeof *field) == 0;
    }
    return 0;
}

typedef struct {
    size_t first;
} export_state;

static void export_field(sb_walk *w, const char *name, void **field, size_t count, size_t size)
{
    (void)name;
    size_t first = ((export_state *)w->state)->first, bytes = sb_bytes(count, size);
    char *p = *field;
    if (!p || in_arena((uintptr_t)p) || untouched(field))
        return;
    for (size_t i = first; i < mirror_count; i++) { /* inside an array of this struct */
        struct mirror *m = &mirrors[i];
        if (p >= m->original && bytes <= m->bytes && (size_t)(p - m->original) <= m->bytes - bytes) {
            *field = m->mirror + (p - m->original);
            return;
        }
    }
    size_t start = ((rws_top + SB_REDZONE + 63) & ~(size_t)63) + SB_REDZONE;
    if (bytes == SIZE_MAX || bytes > SB_REGION_SIZE - start || mirror_count == MAX_MIRRORS)
        return; /* the judge will say the pointer cannot be read */
    if (!readable(p, bytes))
        return; /* the judge will say it cannot read it */
#ifdef SB_ASAN
    if (bytes && __asan_region_is_poisoned(p, bytes))
        return; /* fewer bytes there than the struct claims */
#endif
    char *copy = (char *)(SB_RWS + start);
    memcpy(copy, p, bytes);
    mirrors[mirror_count++] = (struct mirror){copy, p, bytes, 0};
    rws_top = start + bytes;
    *field = copy;
}

void sb_export(void *object, sb_walker *walk)
{
    if (!object || (uintptr_t)object == SB_POISON)
        return;
    export_state state = {mirror_count};
    sb_walk w = {export_field, &state};
    walk(object, &w);
}

/* ---- lock-down ------------------------------------------------------------------ */

#define ALLOW BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
#define DENY BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM)
#define LOAD_NR BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
#define LOAD_ARG(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define LOAD_ARG_HIGH(i)                                                                       \
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]) + 4)
/* if nr == n: deny */
#define DENY_NR(n) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (n), 0, 1), DENY

static void install_seccomp(void)
{
    __u32 self = (__u32)getpid();
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        LOAD_NR,
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1), /* the x32 ABI */
        DENY,
        /* Threads, but no new processes. */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS), /* libc falls back to clone */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4),
        LOAD_ARG(0),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 0, 1),
        ALLOW,
        DENY,
        /* Signals only to itself. */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_kill, 1, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_tgkill, 0, 4),
        LOAD_ARG(0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, self, 0, 1),
        ALLOW,
        DENY,
        /* No way to outlive the judge, and no raising of limits. */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_prctl, 0, 4),
        LOAD_ARG(0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_PDEATHSIG, 0, 1),
        DENY,
        ALLOW,
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_prlimit64, 0, 6),
        LOAD_ARG(2),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 3),
        LOAD_ARG_HIGH(2),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
        ALLOW,
        DENY,
        DENY_NR(__NR_setrlimit),
        DENY_NR(__NR_fork),
        DENY_NR(__NR_vfork),
        DENY_NR(__NR_execve),
        DENY_NR(__NR_execveat),
        DENY_NR(__NR_ptrace),
        DENY_NR(__NR_process_vm_readv),
        DENY_NR(__NR_process_vm_writev),
        DENY_NR(__NR_tkill),
        DENY_NR(__NR_pidfd_open),
        DENY_NR(__NR_pidfd_send_signal),
        DENY_NR(__NR_pidfd_getfd),
        DENY_NR(__NR_unshare),
        DENY_NR(__NR_setns),
        DENY_NR(__NR_mount),
        DENY_NR(__NR_chroot),
        DENY_NR(__NR_socket),
        DENY_NR(__NR_socketpair),
        DENY_NR(__NR_io_uring_setup),
        DENY_NR(__NR_bpf),
        DENY_NR(__NR_perf_event_open),
        DENY_NR(__NR_userfaultfd),
        DENY_NR(__NR_keyctl),
        ALLOW,
    };
    struct sock_fprog program = {(unsigned short)(sizeof filter / sizeof filter[0]), filter};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program) != 0) {
#if defined(GRADE_TIMEOUT_SCALE) && GRADE_TIMEOUT_SCALE > 1
        return; /* the Valgrind build (make memcheck): Valgrind has no seccomp */
#else
        die("cannot install the seccomp filter");
#endif
    }
}

/* Writes only beneath the scratch folder. Returns 0 if the kernel has no
 * Landlock (the seccomp filter and the judge's clean-up still apply). */
static int restrict_writes(const char *scratch)
{
    int abi = (int)syscall(__NR_landlock_create_ruleset, NULL, 0,
                           LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 1)
        return 0;
    __u64 writes = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                   LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
                   LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
                   LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
                   LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
    __u64 handled = writes | LANDLOCK_ACCESS_FS_EXECUTE;
    if (abi >= 2)
        writes |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3)
        writes |= (1ULL << 14); /* LANDLOCK_ACCESS_FS_TRUNCATE */
    handled |= writes;
    struct landlock_ruleset_attr attr = {.handled_access_fs = handled};
    int ruleset = (int)syscall(__NR_landlock_create_ruleset, &attr, sizeof attr, 0);
    if (ruleset < 0)
        die("cannot create a Landlock ruleset");
    struct landlock_path_beneath_attr beneath = {.allowed_access = writes};
    beneath.parent_fd = open(scratch, O_PATH | O_CLOEXEC);
    if (beneath.parent_fd < 0 ||
        syscall(__NR_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0) != 0)
        die("cannot allow writes to the scratch folder");
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        syscall(__NR_landlock_restrict_self, ruleset, 0) != 0)
        die("cannot restrict writes with Landlock");
    close(beneath.parent_fd);
    close(ruleset);
    return 1;
}

static void map_region(uintptr_t address, size_t size, int prot, int fd)
{
    int flags = fd < 0 ? MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE : MAP_SHARED;
    void *p = mmap((void *)address, size, prot, flags | MAP_FIXED_NOREPLACE, fd, 0);
    if (p != (void *)address)
        die("cannot map the shared memory");
    if (fd >= 0)
        close(fd);
}

#ifndef SB_ASAN
/* Without AddressSanitizer, a crash would say nothing of where or why: say it
 * on stderr in a line the judge looks for. */
static void on_crash(int sig, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    unsigned long pc = (unsigned long)uc->uc_mcontext.gregs[REG_RIP];
    int write_access = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
    Dl_info where;
    const char *function = dladdr((void *)pc, &where) && where.dli_sname ? where.dli_sname : "?";
    dprintf(STDERR_FILENO, "\ngrader: signal %d, %s address %p, in %s\n", sig,
            write_access ? "WRITE to" : "READ of", info->si_addr, function);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_crashes(void)
{
    static char stack[1 << 16];
    stack_t ss = {.ss_sp = stack, .ss_size = sizeof stack};
    sigaltstack(&ss, NULL);
    struct sigaction sa = {.sa_sigaction = on_crash, .sa_flags = SA_SIGINFO | SA_ONSTACK};
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}
#endif

int main(int argc, char *argv[])
{
    if (argc != 3)
        die("usage: sandbox STUDENT_LIBRARY SCRATCH_FOLDER");
    map_region(SB_RO, SB_REGION_SIZE, PROT_READ, SB_FD_RO);
    map_region(SB_RWJ, SB_REGION_SIZE, PROT_READ | PROT_WRITE, SB_FD_RWJ);
    map_region(SB_RWS, SB_REGION_SIZE, PROT_READ | PROT_WRITE, SB_FD_RWS);
    map_region(SB_POISON, SB_POISON_SIZE, PROT_NONE, -1);
    setvbuf(stdout, NULL, _IONBF, 0); /* nothing is lost in a crash, and no buffer leaks */
    find_stack();
#ifndef SB_ASAN
    catch_crashes();
#endif
    int landlocked = restrict_writes(argv[2]);
    install_seccomp();
#ifdef SB_ASAN
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
#endif
    student = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!student) {
        const char *why = dlerror();
        reply(SB_LOAD_ERROR, why, strlen(why));
        return 0;
    }
    reply(SB_READY, &landlocked, sizeof landlocked);
    for (;;) {
        sb_request r;
        read_request(&r);
        if (r.op == SB_FINISH) {
            report_leaks();
            /* Valgrind's leak check at exit reads every writable mapping:
             * a gigabyte of shared memory, nearly all of it never used. */
            munmap((void *)SB_RWJ, 2 * SB_REGION_SIZE);
            return 0;
        }
        if (r.op == SB_CALL) {
            remembered_count = 0;
            guard_arguments(&r, 1);
            sb_dispatch(&r);
            guard_arguments(&r, 0);
        }
    }
}
