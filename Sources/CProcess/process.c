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
#include <unistd.h>

// Between fork and exec the child of a multi-threaded process may only make async-signal-safe
// calls: every call below is a plain system call. A failure is sent to the parent as an errno
// on a close-on-exec pipe, which a successful exec closes without a word.

static void fail(int report_fd, int error) {
    ssize_t ignored = write(report_fd, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

// Puts `fd` at `target`, open across exec.
static int move_to(int fd, int target) {
    if (fd == target) {
        int flags = fcntl(fd, F_GETFD);
        return flags < 0 ? -1 : fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    return dup2(fd, target) < 0 ? -1 : 0;
}

pid_t lesson_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                   int output_fd, int error_fd, int channel_fd, int token_fd, long long memory_limit) {
    // Orphans of a child come to this process instead of init, so that once killed they can be
    // reaped here rather than linger as zombies.
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -errno;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return -error;
    }
    if (pid == 0) {
        int report_fd = report[1];
        if (setpgid(0, 0) != 0) fail(report_fd, errno);
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail(report_fd, errno);
        if (getppid() != parent) _exit(127);  // the parent died before the line above
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);

        // Keep the report pipe above 3 while the standard descriptors are put in place.
        if (report_fd <= 4) {
            int moved = fcntl(report_fd, F_DUPFD_CLOEXEC, 10);
            if (moved < 0) _exit(127);
            report_fd = moved;
        }
        int sources[4] = {output_fd, error_fd, channel_fd, token_fd};
        for (int i = 0; i < 4; i++) {
            if (sources[i] >= 0 && sources[i] <= 4) {
                int moved = fcntl(sources[i], F_DUPFD_CLOEXEC, 10);
                if (moved < 0) fail(report_fd, errno);
                sources[i] = moved;
            }
        }
        int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null_fd < 0) fail(report_fd, errno);
        if (dup2(null_fd, 0) < 0) fail(report_fd, errno);
        if (move_to(sources[0], 1) != 0) fail(report_fd, errno);
        if (move_to(sources[1], 2) != 0) fail(report_fd, errno);
        if (sources[2] >= 0 && move_to(sources[2], 3) != 0) fail(report_fd, errno);
        if (sources[3] >= 0 && move_to(sources[3], 4) != 0) fail(report_fd, errno);
        // Nothing else of the parent's reaches the child: its pipes held open here would keep
        // a reader elsewhere waiting. Marked close-on-exec, they close as the program starts.
        unsigned int first_private = sources[3] >= 0 ? 5 : sources[2] >= 0 ? 4 : 3;
        if (syscall(SYS_close_range, first_private, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
            struct rlimit files;
            rlim_t last = getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < 65536 ? files.rlim_cur : 65536;
            for (rlim_t fd = first_private; fd < last; fd++) fcntl((int)fd, F_SETFD, FD_CLOEXEC);
        }
        if (memory_limit > 0) {
            struct rlimit limit = {(rlim_t)memory_limit, (rlim_t)memory_limit};
            if (setrlimit(RLIMIT_AS, &limit) != 0) fail(report_fd, errno);
        }
        if (directory && chdir(directory) != 0) fail(report_fd, errno);
        execve(path, argv, envp);
        fail(report_fd, errno);
    }
    close(report[1]);
    int error = 0;
    ssize_t got;
    do {
        got = read(report[0], &error, sizeof error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return -error;
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
