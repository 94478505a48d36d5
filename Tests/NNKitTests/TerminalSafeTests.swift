import Foundation
import Testing

@testable import NNKit

/// Names that come from a file (layer names, the model's name, class names, HDF5 keys) reach
/// the terminal with their control characters escaped: a name cannot clear the screen, move
/// the cursor or forge a line of output.
@Suite("Names from files are shown escaped")
struct TerminalSafeTests {
    @Test(
        "Control characters, ESC, DEL, C1 and bidirectional marks are escaped; the rest stays",
        arguments: [
            ("dense", "dense"),
            ("couche_dense_é_층", "couche_dense_é_층"),
            ("two\nlines", "two\\nlines"),
            ("tab\there\r", "tab\\there\\r"),
            ("\u{1B}[2J\u{1B}[31mred", "\\u{1B}[2J\\u{1B}[31mred"),
            ("bell\u{07}del\u{7F}csi\u{9B}", "bell\\u{7}del\\u{7F}csi\\u{9B}"),
            ("abc\u{202E}fed", "abc\\u{202E}fed"),
            ("line\u{2028}separator", "line\\u{2028}separator"),
            ("back\\slash", "back\\slash"),
        ])
    func escapes(raw: String, shown: String) {
        #expect(raw.terminalSafe == shown)
        #expect(!raw.terminalSafe.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test("summary() shows a file's layer and model names escaped, and the table keeps its lines")
    func summary() throws {
        let config = CraftedModelFiles.config(
            inputShape: [3],
            [
                CraftedModelFiles.layer("Dense", name: "evil\u{1B}[2J\nforged line", #""units": 2"#)
            ], name: "model\u{1B}]0;title\u{07}")
        let url = try CraftedModelFiles.keras(config: config, weights: CraftedModelFiles.denseWeights())
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try Sequential.load(from: url)
        #expect(model.layers[0].name == "evil\u{1B}[2J\nforged line", "the name itself is kept as the file gives it")
        let text = model.summary().description
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(text.contains(#"Model: "model\u{1B}]0;title\u{7}""#))
        #expect(text.contains(#"evil\u{1B}[2J\nforged"#))
        // Every line is the title, a line of the table or a total: the name forged none.
        for line in text.split(separator: "\n") {
            #expect(
                ["Model:", "┏", "┃", "┡", "│", "├", "└", " Total", " Trainable", " Non-trainable"]
                    .contains { line.hasPrefix($0) }, "\(line)")
        }
    }

    @Test(
        "Errors naming a layer, a class or an HDF5 key from the file escape it",
        arguments: [
            ("Dense", "dense\u{1B}[31m", #""units": 2, "activation": "gelu""#, #"layer 'dense\u{1B}[31m' (Dense)"#),
            ("LSTM\u{1B}[0m\n", "lstm", "", #"(LSTM\u{1B}[0m\n) is not one NNKit has"#),
        ])
    func errors(className: String, name: String, options: String, fragment: String) throws {
        let layer = CraftedModelFiles.layer(className, name: name, options)
        let config = CraftedModelFiles.config(inputShape: [3], [layer])
        let url = try CraftedModelFiles.keras(config: config, weights: CraftedModelFiles.denseWeights())
        KerasFileTests.expectRefusal(url, fragment) { _ = try Sequential.load(from: url) }
        do {
            _ = try Sequential.load(from: url)
        } catch {
            #expect(!"\(error)".unicodeScalars.contains { $0.value < 0x20 })
        }
        try? FileManager.default.removeItem(at: url)
    }

    @Test("A weights file's unknown key is escaped in the message")
    func hdf5Key() throws {
        let weights = try CraftedModelFiles.kerasWeights([
            ("dense", [.init(shape: [3, 2]), .init(shape: [2])]), ("x\u{1B}[8m", []),
        ])
        let url = try CraftedModelFiles.keras(config: CraftedModelFiles.denseConfig, weights: weights)
        defer { try? FileManager.default.removeItem(at: url) }
        KerasFileTests.expectRefusal(url, #"has weights for a layer 'x\u{1B}[8m' that this model lacks"#) {
            _ = try Sequential.load(from: url)
        }
    }
}
