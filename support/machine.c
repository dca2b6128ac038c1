#include "machine.h"

#include <string.h>

#include "simd.h"

/* The value of the first "key : value" line of /proc/cpuinfo with this key. */
static int cpuinfo(const char *key, char *value, size_t size)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return 0;
    char line[8192];
    int found = 0;
    size_t n = strlen(key);
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, n) != 0 || (line[n] != ' ' && line[n] != '\t'))
            continue;
        const char *colon = strchr(line, ':');
        if (!colon)
            continue;
        colon += colon[1] == ' ' ? 2 : 1;
        snprintf(value, size, "%s", colon);
        value[strcspn(value, "\n")] = '\0';
        found = 1;
    }
    fclose(f);
    return found;
}

static int has_flag(const char *flags, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = strstr(flags, flag); p; p = strstr(p + 1, flag))
        if ((p == flags || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

void machine_describe(FILE *out)
{
    char model[256] = "unknown", family[32] = "?", number[32] = "?", flags[8192] = "";
    cpuinfo("model name", model, sizeof model);
    cpuinfo("cpu family", family, sizeof family);
    cpuinfo("model", number, sizeof number);
    cpuinfo("flags", flags, sizeof flags);
    static const char *const interesting[] = {"sse4_2", "avx", "avx2", "fma", "avx512f",
                                              "avx512bw", "avx512vl", "avx512_bf16"};
    fprintf(out, "processor: %s (family %s, model %s); vector extensions:", model, family,
            number);
    for (size_t i = 0; i < sizeof interesting / sizeof interesting[0]; i++)
        if (has_flag(flags, interesting[i]))
            fprintf(out, " %s", interesting[i]);
    fprintf(out, "\nbuilt for: %s (%d-bit vectors), compiler %s\n", SIMD_NAME, 8 * SIMD_BYTES,
#if defined(__clang__)
            "clang " __clang_version__
#elif defined(__GNUC__)
            "gcc " __VERSION__
#else
            "unknown"
#endif
    );
}
