#define _POSIX_C_SOURCE 200809L
#include "csv.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

int csv_open(csv_reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->file = fopen(path, "r");
    return r->file ? 0 : -1;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

static int push_field(csv_reader *r, char *field)
{
    if (r->nfields == r->fields_cap_) {
        size_t cap = r->fields_cap_ ? 2 * r->fields_cap_ : 8;
        char **grown = realloc(r->fields, cap * sizeof *grown);
        if (!grown)
            return -1;
        r->fields = grown;
        r->fields_cap_ = cap;
    }
    r->fields[r->nfields++] = trim(field);
    return 0;
}

int csv_read_row(csv_reader *r)
{
    errno = 0;
    ssize_t len = getline(&r->text_, &r->text_cap_, r->file);
    if (len < 0)
        return ferror(r->file) || errno == ENOMEM ? -1 : 0;
    r->line++;
    r->nfields = 0;
    char *field = r->text_;
    for (char *c = r->text_;; c++) {
        if (*c == ',' || *c == '\n' || *c == '\r' || *c == '\0') {
            char end = *c;
            *c = '\0';
            if (push_field(r, field) != 0)
                return -1;
            if (end != ',')
                break;
            field = c + 1;
        }
    }
    return 1;
}

void csv_close(csv_reader *r)
{
    if (r->file)
        fclose(r->file);
    free(r->text_);
    free(r->fields);
    memset(r, 0, sizeof *r);
}
