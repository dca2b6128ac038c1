/* machine.h: what a benchmark ran on and was built for, read from the machine
 * and the compiler rather than assumed. */
#ifndef SUPPORT_MACHINE_H
#define SUPPORT_MACHINE_H

#include <stdio.h>

/* Two lines: the processor's model name and its vector extensions (from
 * /proc/cpuinfo), and the vector width and compiler this program was built
 * with. Every benchmark prints them first. */
void machine_describe(FILE *out);

#endif
