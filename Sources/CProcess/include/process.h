#ifndef LESSON_PROCESS_H
#define LESSON_PROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a process group of its own (its pid is the group's
/// id), working in `directory` (or here when NULL), with standard input from /dev/null, standard
/// output and error on `output_fd` and `error_fd`, `channel_fd` (when not -1) as descriptor 3
/// and `token_fd` (when not -1) as descriptor 4, and no other descriptor. When `memory_limit` is
/// positive it may map at most that many bytes (RLIMIT_AS). It is not told when this process
/// dies: the program it runs sees to that (bubblewrap's --die-with-parent, or the graded
/// program's own PR_SET_PDEATHSIG).
///
/// Returns the child's pid, or -errno when it could not start (exec failed, say).
pid_t lesson_spawn(const char *path, char *const argv[], char *const envp[], const char *directory,
                   int output_fd, int error_fd, int channel_fd, int token_fd, long long memory_limit);

/// A pipe whose two ends close on exec: `fds[0]` to read, `fds[1]` to write. 0 or -errno.
int lesson_pipe(int fds[2]);

/// While `group` is positive, SIGINT, SIGTERM and SIGHUP kill that process group at once and are
/// remembered for `lesson_take_interruption`; with 0 they end this process as usual. Installs the
/// handlers on first use.
void lesson_guard_group(pid_t group);

/// The interrupting signal caught since the last call, or 0; clears it.
int lesson_take_interruption(void);

#endif
