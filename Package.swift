// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DeepLearningPlayground",
    products: [
        .executable(name: "lesson", targets: ["lesson"]),
        .library(name: "NNKit", targets: ["NNKit"]),
        // Learners' exercises are compiled against this library (NNKit included) and graded.
        .library(name: "ExerciseKit", type: .dynamic, targets: ["ExerciseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // OpenBLAS through pkg-config; apt package libopenblas-dev.
        .systemLibrary(
            name: "CBLAS",
            path: "Sources/CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "NNKit", dependencies: ["CBLAS"]),
        .target(name: "ExerciseKit", dependencies: ["NNKit"]),
        .target(
            name: "Lessons",
            dependencies: ["NNKit"],
            // Exercise stubs, solutions and checks are compiled one by one by the grader, against
            // ExerciseKit, never as part of this module.
            exclude: ["Exercises"]
        ),
        .executableTarget(
            name: "lesson",
            dependencies: [
                "Lessons",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NNKitTests",
            dependencies: ["NNKit"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "NNKit"]),
        .testTarget(name: "LessonCLITests", dependencies: ["lesson"]),
    ]
)
