using System.CommandLine;
using ImdbSentiment.Model.Rnn;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Model.Training;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>The train command's flags; their names and defaults are a contract that scripts depend on.</summary>
internal sealed class TrainFlags
{
    public DataFlags Data { get; } = new(datasetRequired: false);

    public Option<string?> ValidationDataset { get; } = new("--validation-dataset") { Description = "A CSV/TSV file to validate on instead of a split of the training data." };

    public Option<double> ValidationFraction { get; } = new("--validation-fraction") { Description = "Share of the training data held out for validation.", DefaultValueFactory = _ => 0.2 };

    public Option<string?> TestDataset { get; } = new("--test-dataset") { Description = "A CSV/TSV file to report test metrics on (default: the aclImdb test/ split when present)." };

    public Option<string> Model { get; } = new("--model") { Description = "The network.", DefaultValueFactory = _ => "embedding-rnn" };

    public Option<int> VocabularySize { get; } = new("--vocab-size") { Description = "Vocabulary size, counting the ids 0 (padding), 1 (start) and 2 (out-of-vocabulary), like Keras num_words.", DefaultValueFactory = _ => 500 };

    public Option<int> MaxLength { get; } = new("--max-length") { Description = "Token ids per review after padding/truncating.", DefaultValueFactory = _ => 100 };

    public Option<string> Padding { get; } = new("--padding") { Description = "Where short reviews are padded: pre or post (Keras pad_sequences).", DefaultValueFactory = _ => "pre" };

    public Option<string> Truncating { get; } = new("--truncating") { Description = "Where long reviews are cut: pre keeps the last tokens, post the first.", DefaultValueFactory = _ => "pre" };

    public Option<int> EmbeddingSize { get; } = new("--embedding-size") { Description = "Embedding width (embedding-rnn).", DefaultValueFactory = _ => 16 };

    public Option<int> Units { get; } = new("--units") { Description = "Recurrent units.", DefaultValueFactory = _ => 8 };

    public Option<int> Epochs { get; } = new("--epochs") { Description = "Most epochs to train.", DefaultValueFactory = _ => 100 };

    public Option<int> BatchSize { get; } = new("--batch-size") { DefaultValueFactory = _ => 64 };

    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "RMSprop learning rate.", DefaultValueFactory = _ => 1e-4 };

    public Option<int> Patience { get; } = new("--patience") { Description = "Epochs without a validation-loss improvement before stopping.", DefaultValueFactory = _ => 3 };

    public Option<double> MinDelta { get; } = new("--min-delta") { Description = "Smallest validation-loss decrease that counts as an improvement (Keras min_delta).", DefaultValueFactory = _ => 0.0 };

    public Option<int> StartFromEpoch { get; } = new("--start-from-epoch") { Description = "Epochs before early stopping starts watching (Keras start_from_epoch); guards against stopping on an early plateau.", DefaultValueFactory = _ => 0 };

    public Option<int> Seed { get; } = new("--seed") { DefaultValueFactory = _ => 42 };

    public Option<int> InitTrials { get; } = new("--init-trials")
    {
        Description = "Guard against a poor initialisation: try this many seeds (--seed, --seed+1, ...) for --trial-epochs each and run the recipe from the one with the lowest validation loss. 1 (default) keeps Keras's semantics.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> TrialEpochs { get; } = new("--trial-epochs") { Description = "Epochs each --init-trials candidate trains.", DefaultValueFactory = _ => 10 };

    public Option<string> Output { get; } = new("--output") { Description = "The model zip to write.", DefaultValueFactory = _ => Path.Combine("models", "imdb-sentiment.zip") };

    public Option<string?> ReportDir { get; } = new("--report-dir") { Description = "Where metrics.json, the charts and the model card go (default: a folder beside the model)." };

    public TrainFlags()
    {
        Model.AcceptOnlyFromAmong([.. RecurrentArchitectureNames.Names]);
        Padding.AcceptOnlyFromAmong("pre", "post");
        Truncating.AcceptOnlyFromAmong("pre", "post");
    }

    public Command CreateCommand()
    {
        var command = new Command("train", "Train a recurrent sentiment model and save it as one ML.NET model zip, with a report folder and consumption code.");
        Data.AddTo(command);
        Option[] options =
        [
            ValidationDataset, ValidationFraction, TestDataset, Model, VocabularySize, MaxLength, Padding, Truncating,
            EmbeddingSize, Units, Epochs, BatchSize, LearningRate, Patience, MinDelta, StartFromEpoch, Seed, InitTrials, TrialEpochs, Output, ReportDir,
        ];
        foreach (var option in options)
            command.Options.Add(option);
        return command;
    }

    public SentimentTrainingOptions TrainingOptions(ParseResult parse) => new()
    {
        ValidationFraction = parse.GetValue(ValidationFraction),
        Featurizer = new FeaturizerOptions
        {
            VocabularySize = parse.GetValue(VocabularySize),
            MaxLength = parse.GetValue(MaxLength),
            Padding = Side(parse.GetValue(Padding)!),
            Truncating = Side(parse.GetValue(Truncating)!),
        },
        Network = new RecurrentTrainerOptions
        {
            Architecture = RecurrentArchitectureNames.Parse(parse.GetValue(Model)!),
            EmbeddingSize = parse.GetValue(EmbeddingSize),
            Units = parse.GetValue(Units),
            Epochs = parse.GetValue(Epochs),
            BatchSize = parse.GetValue(BatchSize),
            LearningRate = parse.GetValue(LearningRate),
            Patience = parse.GetValue(Patience),
            MinDelta = parse.GetValue(MinDelta),
            StartFromEpoch = parse.GetValue(StartFromEpoch),
            Seed = parse.GetValue(Seed),
            InitializationTrials = parse.GetValue(InitTrials),
            TrialEpochs = parse.GetValue(TrialEpochs),
        },
    };

    private static SequenceSide Side(string value) => value == "post" ? SequenceSide.Post : SequenceSide.Pre;
}
