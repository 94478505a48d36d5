#ifndef EXERCISE_CHANNEL_H
#define EXERCISE_CHANNEL_H

/// The verdict channel of a graded run, taken before any Swift code runs (see channel.c).
/// The descriptor to write the verdict to, or -1 outside a graded run.
__attribute__((visibility("hidden"))) int exercise_channel_descriptor(void);

/// The run's token, to send with the verdict ("" outside a graded run).
__attribute__((visibility("hidden"))) const char *exercise_channel_token(void);

#endif
