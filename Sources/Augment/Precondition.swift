/// Stops the program with `message` unless `condition` holds, in every build. The standard
/// library's `precondition` checks in optimized builds too but drops its message there, so a
/// learner whose code breaks a rule (multiplying a 3 × 2 matrix by a 3 × 4 one) would read only
/// "signal 4"; this one, used throughout the module, always says which rule and which values.
@inline(__always)
func precondition(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String(),
    file: StaticString = #file, line: UInt = #line
) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
