#define _GNU_SOURCE
#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/close_range.h>
#include <spawn.h>
#include <unistd.h>

// The child is started with posix_spawn, not fork: a fork runs the pthread_atfork handlers of
// every library in this process, and OpenBLAS's stop its thread pool, which can hang while another
// thread is inside a matrix product (a test process trains and grades at once). posix_spawn runs
// none of them. What it cannot do itself is done around it: the memory limit is set on the new
// process at once (prlimit; a graded program sets it again itself as it loads, see
// CExerciseChannel), and the parent-death signal is bubblewrap's --die-with-parent, or the graded
// program's own.

// Moves `fd` to a descriptor of at least 10, closed on exec, so that putting the child's
// descriptors in place (0 to 4) never overwrites one not yet moved.
static int high(int fd) {
    if (fd < 0 || fd >= 10) return fd;
    return fcntl(fd, F_DUPFD_CLOEXEC, 10);
}

pid_t lesson_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                   int output_fd, int error_fd, int channel_fd, int token_fd, long long memory_limit) {
    // Orphans of a child come to this process instead of init, so that once killed they can be
    // reaped here rather than linger as zombies.
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    int sources[4] = {high(output_fd), high(error_fd), high(channel_fd), high(token_fd)};
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    int targets[4] = {1, 2, 3, 4};
    for (int i = 0; i < 4; i++) {
        if (sources[i] >= 0) posix_spawn_file_actions_adddup2(&actions, sources[i], targets[i]);
    }
    // Nothing else of this process reaches the child: its pipes held open there would keep a
    // reader here waiting.
    posix_spawn_file_actions_addclosefrom_np(&actions, token_fd >= 0 ? 5 : channel_fd >= 0 ? 4 : 3);
    if (directory) posix_spawn_file_actions_addchdir_np(&actions, directory);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    int error = posix_spawn(&pid, path, &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    for (int i = 0; i < 4; i++) {
        int original[4] = {output_fd, error_fd, channel_fd, token_fd};
        if (sources[i] != original[i]) close(sources[i]);
    }
    if (error != 0) return -error;
    if (memory_limit > 0) {
        struct rlimit limit = {(rlim_t)memory_limit, (rlim_t)memory_limit};
        prlimit(pid, RLIMIT_AS, &limit, NULL);
    }
    return pid;
}

int lesson_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : -errno;
}

static volatile sig_atomic_t guarded_group = 0;
static volatile sig_atomic_t interruption = 0;

static void on_interrupt(int sig) {
    pid_t group = guarded_group;
    if (group > 0) {
        kill(-group, SIGKILL);
        interruption = sig;
        return;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void lesson_guard_group(pid_t group) {
    static int installed = 0;
    if (!installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        int signals[3] = {SIGINT, SIGTERM, SIGHUP};
        sigset_t caught;
        sigemptyset(&caught);
        for (int i = 0; i < 3; i++) {
            sigaction(signals[i], &action, NULL);
            sigaddset(&caught, signals[i]);
        }
        // A parent may have started this process with these signals blocked; the thread that
        // grades must receive them.
        pthread_sigmask(SIG_UNBLOCK, &caught, NULL);
        installed = 1;
    }
    guarded_group = group;
}

int lesson_take_interruption(void) {
    int sig = interruption;
    interruption = 0;
    return sig;
}
