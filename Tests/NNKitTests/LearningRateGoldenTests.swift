import NNKit
import Testing

@Suite("Learning-rate schedules and ReduceLROnPlateau match Keras (learning_rate.json)")
struct LearningRateGoldenTests {
    struct File: Decodable {
        struct Plateau: Decodable {
            let initial_learning_rate: Float
            let config: [String: GoldenValue]
            let values: [Float]
            let learning_rate_after_each_epoch: [Float]
        }
        struct Schedule: Decodable {
            let schedule: String
            let config: [String: GoldenValue]
            let steps: [Int]
            let learning_rates: [Float]
        }
        let plateau_cases: [Plateau]
        let schedule_cases: [Schedule]
    }

    @Test(
        "Every plateau case: the learning rate after each epoch equals Keras's",
        arguments: GoldenFiles.caseNumbers("learning_rate.json", list: "plateau_cases"))
    func plateau(index: Int) throws {
        let file: File = try GoldenFiles.load("learning_rate.json")
        let golden = try GoldenFiles.element(index, of: file.plateau_cases, in: "learning_rate.json")
        let config = golden.config
        let callback = ReduceLROnPlateau(
            monitor: LogKey(config["monitor"]?.text ?? "val_loss"),
            factor: config["factor"]?.number ?? 0.1,
            patience: Int(config["patience"]?.number ?? 10),
            minDelta: config["min_delta"]?.number ?? 1e-4,
            cooldown: Int(config["cooldown"]?.number ?? 0),
            minLearningRate: config["min_lr"]?.number ?? 0)
        let model = Sequential(inputSize: 1, [Dense(units: 1)])
        model.compile(optimizer: SGD(learningRate: golden.initial_learning_rate), loss: .meanSquaredError)
        callback.onTrainBegin(
            model: model,
            parameters: TrainingParameters(
                epochs: golden.values.count, stepsPerEpoch: 1,
                samples: 1, batchSize: 1))
        var rates: [Float] = []
        for (epoch, value) in golden.values.enumerated() {
            callback.onEpochEnd(epoch, logs: Logs([(.valLoss, value)]), model: model)
            rates.append(try #require(model.optimizer).learningRate)
        }
        GoldenFiles.expectClose(
            rates, golden.learning_rate_after_each_epoch, "plateau case \(index) \(config.keys.sorted())")
    }

    @Test(
        "Every schedule case: the learning rate at each step equals Keras's",
        arguments: GoldenFiles.caseNumbers("learning_rate.json", list: "schedule_cases"))
    func schedule(index: Int) throws {
        let file: File = try GoldenFiles.load("learning_rate.json")
        let golden = try GoldenFiles.element(index, of: file.schedule_cases, in: "learning_rate.json")
        let config = golden.config
        let schedule: any LearningRateSchedule
        switch golden.schedule {
        case "ExponentialDecay":
            schedule = ExponentialDecay(
                initialLearningRate: try #require(config["initial_learning_rate"]?.number),
                decaySteps: Int(try #require(config["decay_steps"]?.number)),
                decayRate: try #require(config["decay_rate"]?.number),
                staircase: config["staircase"]?.flag ?? false)
        case "PiecewiseConstantDecay":
            schedule = PiecewiseConstantDecay(
                boundaries: try #require(config["boundaries"]?.numbers).map { Int($0) },
                values: try #require(config["values"]?.numbers))
        default:
            Issue.record("learning_rate.json names a schedule NNKit lacks: \(golden.schedule)")
            return
        }
        GoldenFiles.expectClose(
            golden.steps.map(schedule.learningRate(atStep:)), golden.learning_rates,
            "schedule case \(index) (\(golden.schedule))")
    }

    @Test("An optimizer with a schedule takes each step at the schedule's rate for the steps before it")
    func optimizerFollowsSchedule() {
        // w starts at 0 with gradient 1: after each SGD step w = −Σ lr(k) over the steps taken.
        let schedule = PiecewiseConstantDecay(boundaries: [1], values: [0.5, 0.25])
        let optimizer = SGD(learningRate: 9)
        optimizer.learningRateSchedule = schedule
        let weight = Parameter(name: "w", value: Matrix([[0]]))
        var expected: Float = 0
        for step in 0..<4 {
            weight.gradient = Matrix([[1]])
            optimizer.step([weight])
            expected -= schedule.learningRate(atStep: step)
            #expect(weight.value[0, 0] == expected, "after step \(step + 1)")
        }
        #expect(weight.value[0, 0] == -(0.5 + 0.5 + 0.25 + 0.25))
    }

    @Test("An optimizer made with a schedule, as Keras's SGD(learning_rate=schedule), steps at its rates")
    func scheduleInitializers() {
        let schedule = PiecewiseConstantDecay(boundaries: [1], values: [0.5, 0.25])
        let optimizers: [any Optimizer] = [
            SGD(learningRate: schedule), Adam(learningRate: schedule),
            RMSprop(learningRate: schedule), Adagrad(learningRate: schedule),
        ]
        for optimizer in optimizers {
            #expect(optimizer.learningRate == 0.5, "\(optimizer.typeName) starts at the schedule's first rate")
            #expect(
                optimizer.learningRateSchedule?.learningRate(atStep: 2) == 0.25,
                "\(optimizer.typeName) keeps the schedule")
        }
        let sgd = SGD(learningRate: schedule)
        let weight = Parameter(name: "w", value: Matrix(row: [0]))
        var moves: [Float] = []
        for _ in 0..<3 {
            let before = weight.value[0, 0]
            weight.gradient = Matrix(row: [1])
            sgd.step([weight])
            moves.append(before - weight.value[0, 0])
        }
        #expect(moves == [0.5, 0.5, 0.25])
    }
}
