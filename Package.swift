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
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // OpenBLAS through pkg-config; apt package libopenblas-dev.
        .systemLibrary(
            name: "CBLAS",
            path: "Sources/CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // zlib for the gzip'd dataset files and HDF5's compressed chunks; apt package zlib1g-dev.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // HDF5 for Keras's weights files (model.weights.h5, .weights.h5); apt package
        // libhdf5-dev, whose serial build pkg-config finds under /usr/include/hdf5/serial.
        .systemLibrary(
            name: "CHDF5",
            path: "Sources/CHDF5",
            pkgConfig: "hdf5",
            providers: [.apt(["libhdf5-dev"])]
        ),
        // libzip for Keras's .keras archives; apt package libzip-dev.
        .systemLibrary(
            name: "CLibzip",
            path: "Sources/CLibzip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // NNKit's element-wise hot loops, in C so that they vectorize (see kernels.c).
        .target(
            name: "CKernels",
            cSettings: [.unsafeFlags(["-O3", "-fno-math-errno", "-ffp-contract=off"])]
        ),
        // Optimized even in debug builds: the tests train real (small) networks, convolutions
        // included, which unoptimized code would make many times slower.
        .target(
            name: "NNKit", dependencies: ["CBLAS", "CKernels", "CHDF5", "CLibzip", "CZlib"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // libpng for reading and writing images; apt package libpng-dev.
        .systemLibrary(
            name: "CPNG",
            path: "Sources/CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        // Reading PNG through libpng's classic API; this C target owns the setjmp that catches
        // libpng's errors, so a damaged file becomes a thrown Swift error, never a crash.
        .target(name: "CPNGRead", linkerSettings: [.linkedLibrary("png16")]),
        .target(name: "Augment", dependencies: ["CPNG", "CPNGRead"]),
        // Takes a graded run's verdict channel and token before any Swift code runs.
        .target(name: "CExerciseChannel"),
        .target(name: "ExerciseKit", dependencies: ["NNKit", "Augment", "CExerciseChannel"]),
        // Starting graded programs: posix_spawn with a process group, a memory limit and the
        // descriptors they are given, and the Ctrl-C handler that kills them (see ChildProcess).
        .target(name: "CProcess"),
        // Exercise stubs, solutions and checks live with their chapter in content/NN-slug/exercises/,
        // compiled one by one by the grader against ExerciseKit, never as part of a module.
        .target(name: "Lessons", dependencies: ["NNKit", "Augment", "CZlib", "CProcess"]),
        .executableTarget(
            name: "lesson",
            dependencies: [
                "Lessons",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // HDF5's C API and zlib to make damaged and hostile weights files in code.
        .testTarget(
            name: "NNKitTests",
            dependencies: ["NNKit", "CHDF5", "CZlib"],
            resources: [.copy("Golden"), .copy("KerasFiles")]
        ),
        .testTarget(name: "AugmentTests", dependencies: ["Augment"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "NNKit", "Augment", "CZlib"]),
        .testTarget(
            name: "LessonCLITests",
            dependencies: ["lesson", "Lessons", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ]
)
