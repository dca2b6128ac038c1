/* csv.h: a line-oriented reader for simple comma-separated files.
 *
 * The reader splits each line at commas and trims blanks around fields. It
 * does not handle quoted fields: the course's data files never need them.
 * It counts lines so that callers can report errors as "file:line: message",
 * the way a compiler does.
 *
 *     csv_reader r;
 *     if (csv_open(&r, path) != 0) { ... errno says why ... }
 *     while (csv_read_row(&r) == 1)
 *         for (size_t i = 0; i < r.nfields; i++) use(r.fields[i], r.line);
 *     csv_close(&r);
 */
#ifndef SUPPORT_CSV_H
#define SUPPORT_CSV_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *file;
    const char *path;   /* as given to csv_open, for error messages */
    size_t line;        /* number of the line in fields, counting from 1 */
    char **fields;      /* nfields pointers into the current line */
    size_t nfields;
    char *text_;        /* private: the current line, split in place */
    size_t text_cap_;
    size_t fields_cap_;
} csv_reader;

/* Opens path for reading. Returns 0, or -1 with errno set. */
int csv_open(csv_reader *r, const char *path);

/* Reads the next line into r->fields. Returns 1 for a row, 0 at the end of the
 * file, -1 on a read or allocation error (errno set). An empty line is a row
 * with one empty field; a final newline does not make an extra row. */
int csv_read_row(csv_reader *r);

/* Closes the file and frees the reader's memory. Safe on a zeroed reader. */
void csv_close(csv_reader *r);

#endif
