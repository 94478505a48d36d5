import ExerciseKit

@main
enum StructsAndClassesCheck: ExerciseCheck {
    static func run() throws {
        // (2 + 4 + 9) / 3 = 5; (1 + 2) / 2 = 1.5, not a whole number.
        var running = RunningMean()
        for value in [2, 4, 9] as [Float] { running.add(value) }
        ExerciseKit.expectEqual(running.count, 3, given: "a RunningMean after add(2), add(4) and add(9): its count")
        ExerciseKit.expectClose(running.mean, 5, given: "a RunningMean after add(2), add(4) and add(9): its mean")
        var halves = RunningMean()
        halves.add(1)
        halves.add(2)
        ExerciseKit.expectClose(halves.mean, 1.5, given: "a RunningMean after add(1) and add(2): its mean")
        ExerciseKit.expectClose(RunningMean().mean, 0, given: "RunningMean().mean, before any value")

        // A copy is its own: what is added to b does not reach a.
        var a = RunningMean()
        a.add(1)
        var b = a
        b.add(3)
        ExerciseKit.expect(a.count == 1 && a.mean == 1,
                           given: "var a = RunningMean(); a.add(1); var b = a; b.add(3); then a",
                           expected: "a.count 1 and a.mean 1.0: b is a copy, as a struct's copies are",
                           got: "a.count \(a.count) and a.mean \(a.mean): a and b are one object (is RunningMean a struct yet?)")
        ExerciseKit.expectClose(b.mean, 2, given: "var a = RunningMean(); a.add(1); var b = a; b.add(3); then b.mean")

        // A class is shared: what the callback records, the loop's log holds.
        let log = LossLog()
        ExerciseKit.expect(log.best == nil, given: "LossLog().best, before any loss", expected: "nil",
                           got: log.best.map { "\($0)" } ?? "nil")
        let callback = log
        for loss in [0.9, 0.4, 0.6] as [Float] { callback.record(loss) }
        let given = "let log = LossLog(); let callback = log; then callback.record(0.9), (0.4) and (0.6)"
        ExerciseKit.expectEqual(log.losses, [0.9, 0.4, 0.6], given: given + "; then log.losses")
        ExerciseKit.expect(log.best == 0.4, given: given + "; then log.best", expected: "0.4",
                           got: log.best.map { "\($0)" } ?? "nil")
    }
}
