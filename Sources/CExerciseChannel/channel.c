#define _GNU_SOURCE
#include "channel.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

// A graded program gets two pipes from the grader (and its memory limit, in
// EXERCISE_MEMORY_LIMIT): descriptor 3 to write its verdict on, and
// descriptor 4 to read the run's token from. This constructor runs as the library loads, before
// main and before any of the learner's code: it reads the token, closes 4, and moves 3 to a
// random high descriptor that is closed on exec. The token then lives only here, behind hidden
// symbols, so code that wants to forge a pass cannot read it from the environment, from
// /proc/self/environ or from a descriptor.

static int descriptor = -1;
static char token[80];

static int is_pipe(int fd) {
    struct stat info;
    return fstat(fd, &info) == 0 && S_ISFIFO(info.st_mode);
}

__attribute__((constructor)) static void take_channel(void) {
    const char *marked = getenv("EXERCISE_CHANNEL");
    if (!marked || strcmp(marked, "3,4") != 0 || !is_pipe(3) || !is_pipe(4)) return;
    unsetenv("EXERCISE_CHANNEL");
    // Die with the grader, and stay within its memory limit, from the first instruction on.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const char *limit = getenv("EXERCISE_MEMORY_LIMIT");
    if (limit) {
        unsigned long long bytes = strtoull(limit, NULL, 10);
        if (bytes > 0) {
            struct rlimit rule = {(rlim_t)bytes, (rlim_t)bytes};
            setrlimit(RLIMIT_AS, &rule);
        }
    }
    size_t length = 0;
    while (length < sizeof token - 1) {
        ssize_t got = read(4, token + length, sizeof token - 1 - length);
        if (got <= 0) break;
        length += (size_t)got;
    }
    token[length] = '\0';
    close(4);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    descriptor = fcntl(3, F_DUPFD_CLOEXEC, 200 + (int)(now.tv_nsec % 800));
    close(3);
}

int exercise_channel_descriptor(void) { return descriptor; }

const char *exercise_channel_token(void) { return token; }
