/* demo.h: output helpers shared by the lessons' demo programs.
 *
 * A demo writes every file into one folder, given on its command line. These
 * helpers exit on failure: they are for programs, which is why they live here
 * and not in support/, whose functions return errors. Include it in exactly
 * one file per program (the demo's main file). */
#ifndef FIGURES_DEMO_H
#define FIGURES_DEMO_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plotdata.h"

/* The folder every output goes to: set once, by main. */
static const char *out_dir;

/* Writes OUT_DIR/name into path, or exits if it does not fit. */
static void output_path(char *path, size_t size, const char *name)
{
    if ((size_t)snprintf(path, size, "%s/%s", out_dir, name) >= size) {
        fprintf(stderr, "demo: the output path for %s is too long\n", name);
        exit(1);
    }
}

/* Opens OUT_DIR/name for writing, or exits. */
static FILE *open_output(const char *name)
{
    char path[1024];
    output_path(path, sizeof path, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

static void close_output(FILE *f)
{
    if (fclose(f) != 0) {
        perror("demo: writing output");
        exit(1);
    }
}

/* plot_write_table into OUT_DIR/name, or exits. */
static void write_table(const char *name, const char *header, size_t rows, size_t cols,
                        const double *values)
{
    char path[1024];
    output_path(path, sizeof path, name);
    if (plot_write_table(path, header, rows, cols, values) != 0) {
        perror(path);
        exit(1);
    }
}

/* Reads the command line, OUT_DIR, into out_dir or exits with the usage.
 * Returns 1 when DEMO_QUICK=1 asks for the short version (Valgrind needs
 * every code path, not every epoch), else 0. */
static int demo_start(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT_DIR (the folder the chapter's numbers and figures go to)\n",
                argv[0]);
        exit(2);
    }
    out_dir = argv[1];
    const char *quick = getenv("DEMO_QUICK");
    return quick && strcmp(quick, "1") == 0;
}

#endif
