using System.CommandLine;
using ImdbSentiment.Model;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;
using ImdbSentiment.Training.WordVectors;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>
/// The train command's flags; their names are a contract that scripts depend on. A recipe (default book-embedding,
/// the Keras seed recipe), then --keras-exact, give every training setting; a flag given explicitly overrides their
/// value: one rule for every preset.
/// </summary>
internal sealed class TrainFlags
{
    public DataFlags Data { get; } = new(datasetRequired: false);

    public Option<string?> ValidationDataset { get; } = new("--validation-dataset") { Description = "A CSV/TSV file to validate on instead of a split of the training data." };

    public Option<string?> TestDataset { get; } = new("--test-dataset") { Description = "A CSV/TSV file to report test metrics on (default: the aclImdb test/ split when present)." };

    public Option<string> Recipe { get; } = new("--recipe") { Description = $"Named settings: {string.Join(", ", TrainingRecipes.Names)}.", DefaultValueFactory = _ => TrainingRecipes.Default };

    public Option<double> ValidationFraction { get; } = new("--validation-fraction") { Description = "Share of the training data held out for validation [0.2]." };

    public Option<string> Architecture { get; } = new("--architecture", "--model")
    {
        Description = $"The network: {string.Join(", ", NetworkArchitectureNames.Names)}, ngram-bag (a naive-Bayes-weighted n-gram bag), or ngram-bag+lstm (etc.: both, trained jointly) [recipe]. --model is an old alias.",
    };

    public Option<int> Ngrams { get; } = new("--ngrams") { Description = "Longest word n-gram the featurizer emits for the n-gram branch: 1, 2 or 3 (0 = none) [recipe]." };

    public Option<int> NgramVocabularySize { get; } = new("--ngram-vocab-size") { Description = "N-gram ids, counting the padding id: the most frequent training n-grams (by reviews they appear in) [best: 800000]." };

    public Option<double> NgramLearningRate { get; } = new("--ngram-learning-rate") { Description = "The n-gram branch's learning rate [0.02]." };

    public Option<double> NgramWeightDecay { get; } = new("--ngram-weight-decay") { Description = "L2 weight decay of the n-gram branch, toward naive Bayes [1e-6]." };

    public Option<double> NgramDropout { get; } = new("--ngram-dropout") { Description = "Share of each review's n-grams the n-gram branch leaves out in training [0]." };

    public Option<string> NgramWeighting { get; } = new("--ngram-weighting") { Description = "nb (each n-gram weighted by its naive-Bayes log-count ratio, NBSVM) or none (a plain bag) [nb]." };

    public Option<string> SplitBy { get; } = new("--split-by") { Description = "How validation reviews are drawn: random, or movie (whole movies, from the aclImdb url lists or --group-col) [random]." };

    public Option<int> SplitSeed { get; } = new("--split-seed") { Description = "Seed of the train/validation split alone [42]." };

    public Option<bool> DevTest { get; } = new("--dev-test")
    {
        Description = "Hold out the fixed development-test set (about 5,000 reviews of movies that are neither trained nor validated on, chosen by movie alone) and report test metrics on it.",
    };

    public Option<string> Refit { get; } = new("--refit") { Description = "After early stopping, retrain for the best epoch count on training + validation reviews: on or off [book recipes and best: on; bilstm: off]." };

    public Option<bool> KerasExact { get; } = new("--keras-exact") { Description = "Exactly Keras's recipe: no initialisation guard and no refit (the recipe with --init-trials 1 --refit off; an explicit --init-trials or --refit still wins)." };

    public Option<int> VocabularySize { get; } = new("--vocab-size") { Description = "Vocabulary size, counting the ids 0 (padding), 1 (start) and 2 (out-of-vocabulary), like Keras num_words [book: 500]." };

    public Option<int> MaxLength { get; } = new("--max-length") { Description = "Token ids per review after padding/truncating [book: 100]." };

    public Option<string> Padding { get; } = new("--padding") { Description = "Where short reviews are padded: pre or post (Keras pad_sequences) [pre]." };

    public Option<string> Truncating { get; } = new("--truncating") { Description = "Where long reviews are cut: pre keeps the last tokens, post the first [pre]." };

    public Option<int> EmbeddingSize { get; } = new("--embedding-size") { Description = "Embedding width (all but onehot-rnn) [book: 16]." };

    public Option<string?> WordVectors { get; } = new("--word-vectors")
    {
        Description = "A fastText / word2vec text file (.vec) whose vectors start the embedding table (embedding-rnn, lstm, gru, cnn); their length sets --embedding-size. Words it lacks keep the random initialisation.",
    };

    public Option<int> FreezeVectorsEpochs { get; } = new("--freeze-vectors-epochs") { Description = "Keep the --word-vectors embedding frozen for the first N epochs [0]." };

    public Option<int> Units { get; } = new("--units") { Description = "Recurrent units per direction and layer [book: 8]." };

    public Option<int> Layers { get; } = new("--layers") { Description = "Stacked recurrent layers (lstm, gru) [1]." };

    public Option<bool> Bidirectional { get; } = new("--bidirectional") { Description = "Read each review in both directions (lstm, gru)." };

    public Option<double> Dropout { get; } = new("--dropout") { Description = "Dropout on the embedding output and between layers (lstm, gru) [0]." };

    public Option<bool> DropWholeTokens { get; } = new("--drop-whole-tokens") { Description = "The embedding output's dropout drops whole tokens, not single values (lstm, gru)." };

    public Option<string> Pooling { get; } = new("--pooling") { Description = "last (the final hidden state), max (over time steps; lstm, gru) or max-mean (the maximum and the mean over the review's tokens, concatenated; lstm, gru) [last]." };

    public Option<string> Optimizer { get; } = new("--optimizer") { Description = "rmsprop (Keras's) or adam [book: rmsprop]." };

    public Option<double> ClipNorm { get; } = new("--clip-norm") { Description = "Clip the gradient norm to this value; 0 for no clipping [book: 0]." };

    public Option<int> Epochs { get; } = new("--epochs") { Description = "Most epochs to train [book: 100]." };

    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "[64]" };

    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "[book: 1e-4]" };

    public Option<int> Patience { get; } = new("--patience") { Description = "Epochs without a validation-loss improvement before stopping [book: 3]." };

    public Option<double> MinDelta { get; } = new("--min-delta") { Description = "Smallest validation-loss decrease that counts as an improvement (Keras min_delta) [0]." };

    public Option<int> StartFromEpoch { get; } = new("--start-from-epoch") { Description = "Epochs before early stopping starts watching (Keras start_from_epoch) [0]." };

    public Option<int> Seed { get; } = new("--seed") { Description = "[42]" };

    public Option<int> InitTrials { get; } = new("--init-trials")
    {
        Description = "Guard against a poor initialisation: try this many seeds (--seed, --seed+1, ...) for --trial-epochs each and run the recipe from the one with the lowest validation loss; 1 = Keras's semantics [book recipes: 3].",
    };

    public Option<int> TrialEpochs { get; } = new("--trial-epochs") { Description = "Epochs each --init-trials candidate trains [10]." };

    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch threads for training; 1 is fastest for the book's tiny networks [recipe]." };

    public Option<int> BatchShares { get; } = new("--batch-shares") { Description = "Compute each batch's gradient in N shares on N threads at once: the same gradient, more cores [recipe]." };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "The model zip to write; an existing file is replaced only with --force [trained/imdb-sentiment.zip].",
        DefaultValueFactory = _ => Path.Combine("trained", "imdb-sentiment.zip"),
    };

    public Option<bool> Unlabelled { get; } = new("--unlabelled")
    {
        Description = "With a fused recipe (best) and an aclImdb data set: also read its train/unsup/ reviews; the n-gram bag labels them with its probabilities, the recurrent network trains on them too, and the bag again on those it labelled confidently (pseudo-labels).",
    };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace an existing --output (and its report)." };

    public Option<string?> ReportDir { get; } = new("--report-dir") { Description = "Where metrics.json, the charts and the model card go (default: a folder beside the model)." };

    public TrainFlags()
    {
        Recipe.AcceptOnlyFromAmong([.. TrainingRecipes.Names]);
        Architecture.AcceptOnlyFromAmong([.. NetworkArchitectureNames.NetworkNames]);
        SplitBy.AcceptOnlyFromAmong([.. SplitKindNames.Table.Names]);
        Refit.AcceptOnlyFromAmong("on", "off");
        NgramWeighting.AcceptOnlyFromAmong("nb", "none");
        Padding.AcceptOnlyFromAmong([.. SequenceSideNames.Table.Names]);
        Truncating.AcceptOnlyFromAmong([.. SequenceSideNames.Table.Names]);
        Pooling.AcceptOnlyFromAmong([.. RecurrentPoolingNames.Table.Names]);
        Optimizer.AcceptOnlyFromAmong([.. NetworkOptimizerNames.Table.Names]);
    }

    public Command CreateCommand()
    {
        var command = new Command("train", "Train a recurrent sentiment model and save it as one ML.NET model zip, with a report folder and consumption code.");
        Data.AddTo(command);
        Option[] options =
        [
            ValidationDataset, ValidationFraction, SplitBy, SplitSeed, DevTest, TestDataset, Recipe, Architecture, VocabularySize, MaxLength, Padding, Truncating,
            Ngrams, NgramVocabularySize, NgramLearningRate, NgramWeightDecay, NgramDropout, NgramWeighting, Refit, KerasExact,
            EmbeddingSize, WordVectors, FreezeVectorsEpochs, Units, Layers, Bidirectional, Dropout, DropWholeTokens, Pooling, Optimizer, ClipNorm, Epochs, BatchSize, LearningRate,
            Patience, MinDelta, StartFromEpoch, Seed, InitTrials, TrialEpochs, Threads, BatchShares, Unlabelled, Output, Force, ReportDir,
        ];
        foreach (var option in options)
            command.Options.Add(option);
        return command;
    }

    /// <summary>The embedding's size and word vectors: the vectors' length, which an explicit --embedding-size must equal.</summary>
    private (int Size, WordVectorSettings? Vectors) Embedding(ParseResult parse, int size)
    {
        var frozen = parse.GetResult(FreezeVectorsEpochs) is { Implicit: false };
        if (parse.GetValue(WordVectors) is not { } path)
        {
            return frozen
                ? throw new ArgumentException("FrozenEpochs freezes the embedding that --word-vectors starts: give --word-vectors FILE too.", nameof(WordVectorSettings.FrozenEpochs))
                : (size, null);
        }

        var dimensions = WordVectorReader.ReadHeader(path).Dimensions;
        if (parse.GetResult(EmbeddingSize) is { Implicit: false } && size != dimensions)
            throw new ArgumentException(
                $"EmbeddingSize {size} does not match the {dimensions} dimensions of the vectors in {path}: leave --embedding-size out (the vectors set it) or give {dimensions}.",
                nameof(NetworkSettings.EmbeddingSize));
        return (dimensions, new WordVectorSettings { Path = Path.GetFullPath(path), FrozenEpochs = parse.GetValue(FreezeVectorsEpochs) });
    }

    public SentimentTrainingOptions TrainingOptions(ParseResult parse)
    {
        var named = TrainingRecipes.Get(parse.GetValue(Recipe)!);
        var recipe = parse.GetValue(KerasExact) ? named with { Trainer = named.Trainer.WithFit(fit => fit.WithoutGuards()) } : named;
        T Pick<T>(Option<T> option, T recipeValue) => parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : recipeValue;
        TEnum PickNamed<TEnum>(Option<string> option, NameTable<TEnum> names, TEnum recipeValue) where TEnum : struct, Enum =>
            names.Parse(Pick(option, names.NameOf(recipeValue)));
        var featurizer = recipe.Featurizer;
        var (network, optimizer, fit) = (recipe.Trainer.Network, recipe.Trainer.Optimizer, recipe.Trainer.Fit);
        var (architecture, ngramBranch) = NetworkArchitectureNames.ParseNetwork(
            Pick(Architecture, NetworkArchitectureNames.NetworkName(network)));
        var ngrams = Pick(Ngrams, featurizer.NgramLength);
        var (embeddingSize, wordVectors) = Embedding(parse, Pick(EmbeddingSize, network.EmbeddingSize));
        return new SentimentTrainingOptions
        {
            SplitBy = PickNamed(SplitBy, SplitKindNames.Table, recipe.SplitBy),
            Featurizer = new FeaturizerOptions
            {
                VocabularySize = Pick(VocabularySize, featurizer.VocabularySize),
                MaxLength = Pick(MaxLength, featurizer.MaxLength),
                Padding = PickNamed(Padding, SequenceSideNames.Table, featurizer.Padding),
                Truncating = PickNamed(Truncating, SequenceSideNames.Table, featurizer.Truncating),
                // A network with an n-gram branch needs n-grams; the recipe's length, or bigrams, unless --ngrams says otherwise.
                NgramLength = ngramBranch && ngrams == 0 && parse.GetResult(Ngrams) is not { Implicit: false } ? 2 : ngrams,
                NgramVocabularySize = Pick(NgramVocabularySize, featurizer.NgramVocabularySize),
            },
            Trainer = recipe.Trainer with
            {
                Seed = Pick(Seed, recipe.Trainer.Seed),
                Network = network with
                {
                    Architecture = architecture,
                    NgramBranch = ngramBranch,
                    NgramDropout = Pick(NgramDropout, network.NgramDropout),
                    NgramNaiveBayes = Pick(NgramWeighting, network.NgramNaiveBayes ? "nb" : "none") == "nb",
                    EmbeddingSize = embeddingSize,
                    WordVectors = wordVectors,
                    Units = Pick(Units, network.Units),
                    Layers = Pick(Layers, network.Layers),
                    Bidirectional = Pick(Bidirectional, network.Bidirectional),
                    Dropout = Pick(Dropout, network.Dropout),
                    DropsWholeTokens = Pick(DropWholeTokens, network.DropsWholeTokens),
                    Pooling = PickNamed(Pooling, RecurrentPoolingNames.Table, network.Pooling),
                },
                Optimizer = optimizer with
                {
                    Algorithm = PickNamed(Optimizer, NetworkOptimizerNames.Table, optimizer.Algorithm),
                    LearningRate = Pick(LearningRate, optimizer.LearningRate),
                    GradientClipNorm = Pick(ClipNorm, optimizer.GradientClipNorm),
                    NgramLearningRate = Pick(NgramLearningRate, optimizer.NgramLearningRate),
                    NgramWeightDecay = Pick(NgramWeightDecay, optimizer.NgramWeightDecay),
                },
                Fit = fit with
                {
                    Epochs = Pick(Epochs, fit.Epochs),
                    BatchSize = Pick(BatchSize, fit.BatchSize),
                    ValidationFraction = Pick(ValidationFraction, fit.ValidationFraction),
                    SplitSeed = Pick(SplitSeed, fit.SplitSeed),
                    Patience = Pick(Patience, fit.Patience),
                    MinDelta = Pick(MinDelta, fit.MinDelta),
                    StartFromEpoch = Pick(StartFromEpoch, fit.StartFromEpoch),
                    InitializationTrials = Pick(InitTrials, fit.InitializationTrials),
                    TrialEpochs = Pick(TrialEpochs, fit.TrialEpochs),
                    RefitOnAllData = Pick(Refit, fit.RefitOnAllData ? "on" : "off") == "on",
                    Threads = Pick(Threads, fit.Threads),
                    BatchShares = Pick(BatchShares, fit.BatchShares),
                },
            },
        };
    }
}
