import Foundation

/// The kinds of file a model is saved in, told apart by the name's ending.
enum ModelFileKind: Equatable {
    /// `.keras`: Keras 3's zip of `config.json`, `metadata.json` and `model.weights.h5`.
    case keras
    /// `.weights.h5`: Keras 3's weights-only HDF5 file.
    case kerasWeights
    /// Any other `.h5`: Keras 2's legacy HDF5 layout, which is not read or written here.
    case legacyH5
    /// `.safetensors`, and any other name: NNKit's own safetensors files.
    case safetensors

    init(_ url: URL) {
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".keras") {
            self = .keras
        } else if name.hasSuffix(".weights.h5") {
            self = .kerasWeights
        } else if name.hasSuffix(".h5") || name.hasSuffix(".hdf5") {
            self = .legacyH5
        } else {
            self = .safetensors
        }
    }
}

extension Sequential {
    /// Writes the whole model (layers and weights) to `url`, in the format its name gives:
    ///
    /// - `model.keras`: Keras 3's own file, which `keras.models.load_model("model.keras")` opens
    ///   with no custom code (see `Sequential+Keras.swift`);
    /// - `model.safetensors` (or any other name): NNKit's safetensors file (see
    ///   `Sequential+Safetensors.swift`), readable by Python's `safetensors` too.
    ///
    /// Atomic: a temporary file beside `url` is renamed over it only once complete, so a
    /// failure (a full disk, say) leaves neither a temporary file nor a damaged old file. A
    /// `.weights.h5` name is refused (it holds weights only: `saveWeights(to:)`), as is Keras 2's
    /// `.h5`.
    public func save(to url: URL) throws {
        switch ModelFileKind(url) {
        case .keras: try saveKeras(to: url)
        case .safetensors: try saveSafetensors(to: url)
        case .kerasWeights:
            throw ModelFileError(
                path: url.path,
                problem: "a .weights.h5 file holds weights only: write it with saveWeights(to:), "
                    + "or name the file .keras for the whole model")
        case .legacyH5:
            throw ModelFileError(
                path: url.path,
                problem: "a .h5 model is Keras 2's legacy format, which NNKit does not write; "
                    + "name the file .keras (Keras 3's format) or .safetensors")
        }
    }

    /// Reads a whole model written by `save(to:)` or by Keras (`model.save("model.keras")`),
    /// in the format its name gives (`.keras`, else safetensors). Every size the file declares
    /// is checked before anything is allocated; anything amiss is a thrown `ModelFileError`
    /// naming the file and the problem.
    public static func load(from url: URL) throws -> Sequential {
        switch ModelFileKind(url) {
        case .keras: return try loadKeras(from: url)
        case .safetensors: return try loadSafetensors(from: url)
        case .kerasWeights:
            throw ModelFileError(
                path: url.path,
                problem: "a .weights.h5 file holds weights only, not the model's layers: "
                    + "build the model in code and call loadWeights(from:)")
        case .legacyH5:
            throw ModelFileError(
                path: url.path,
                problem: "a .h5 model is Keras 2's legacy format, which NNKit does not read; "
                    + "in Keras, load it and save it again as model.keras")
        }
    }
}
