using ImdbSentiment.Model.Text;
using ImdbSentiment.Training.Fitting;
using ImdbSentiment.Training.Networks;

namespace ImdbSentiment.Training;

/// <summary>
/// Named recipes, so a user need not know the knobs: the book's chapter 9 settings, and the strongest recurrent recipe
/// found here. Each is a full set of options that explicit settings may then override. Names: <see cref="Names"/>.
/// </summary>
public static class TrainingRecipes
{
    public const string Default = "book-embedding";

    // The book's settings with the options' two guards (FitSettings): three seeds try ten epochs each and the recipe runs
    // from the best, because some seeds of the embedding recipe never leave a poor solution; and once early stopping has
    // chosen the epoch count, the network is refitted on the training and validation reviews together.
    private static readonly SentimentTrainingOptions Book = new();

    private static readonly Dictionary<string, SentimentTrainingOptions> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["book-onehot"] = WithNetwork(Book, network => network with { Architecture = NetworkArchitecture.OneHotRnn }),
        ["book-embedding"] = Book,
        ["book-lstm"] = WithNetwork(Book, network => network with { Architecture = NetworkArchitecture.Lstm }),
        ["book-gru"] = WithNetwork(Book, network => network with { Architecture = NetworkArchitecture.Gru }),
        ["book-stacked-lstm"] = WithNetwork(Book, network => network with { Architecture = NetworkArchitecture.Lstm, Layers = 2, Dropout = 0.3 }),
        ["bilstm"] = BiLstm(),
        ["bilstm-full"] = BiLstmFull(),
        ["ngram"] = Ngram(),
        ["best"] = Best(),
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>
    /// Whether the recipe's accuracy rests on word vectors trained on the reviews (<see cref="NetworkSettings.WordVectors"/>),
    /// so that running it without them is taken for a mistake: best, whose recurrent network starts from them.
    /// </summary>
    public static bool NeedsWordVectors(string name) => string.Equals(name, "best", StringComparison.OrdinalIgnoreCase);

    public static SentimentTrainingOptions Get(string name) =>
        ByName.TryGetValue(name, out var recipe)
            ? recipe
            : throw new ArgumentException($"Unknown recipe '{name}': expected one of {string.Join(", ", Names)}.", nameof(name));

    // The recurrent network searched here first (docs/accuracy.md, "The recurrent recipe"): a bidirectional LSTM over 400 tokens of a
    // 20,000-word vocabulary with max pooling over time, dropout 0.5, Adam and clipping. Each batch's gradient is
    // computed in two shares on two threads, 1.7x faster on two cores (docs/design.md, "How training got fast"). The dropout drops
    // whole tokens, which lets the first layer look its input projections up instead of computing them per position:
    // the same validation accuracy as dropping single values over three seeds, 24% less training time (docs/accuracy.md, "The recurrent recipe").
    private static SentimentTrainingOptions BiLstm() => new()
    {
        Featurizer = new FeaturizerOptions { VocabularySize = 20_000, MaxLength = 400 },
        Trainer = new SentimentNetworkOptions
        {
            Network = new NetworkSettings
            {
                Architecture = NetworkArchitecture.Lstm, EmbeddingSize = 64, Units = 32, Bidirectional = true, Pooling = RecurrentPooling.Max, Dropout = 0.5, DropsWholeTokens = true,
            },
            Optimizer = new OptimizerSettings { Algorithm = NetworkOptimizer.Adam, LearningRate = 1e-3, GradientClipNorm = 5 },
            Fit = new FitSettings { Epochs = 8, Patience = 2, BatchShares = 2 }.WithoutGuards(),
        },
    };

    // bilstm over whole reviews, pooled over every real token: the maximum and the mean (docs/accuracy.md, "bilstm-full").
    // 1,000 tokens hold 99.8% of the reviews whole (400 held 87%) for 12% more steps an epoch, the length buckets running
    // each batch to its longest review. The embedding's 100 values are those of the word vectors it is meant to start
    // from (--word-vectors, 100 dimensions); without them the table starts random.
    private static SentimentTrainingOptions BiLstmFull()
    {
        var recipe = BiLstm();
        return recipe with
        {
            Featurizer = recipe.Featurizer with { MaxLength = 1000 },
            Trainer = recipe.Trainer with { Network = recipe.Trainer.Network with { EmbeddingSize = 100, Pooling = RecurrentPooling.MaxMean } },
        };
    }

    // Chosen on validation accuracy alone (docs/accuracy.md, "The best recipe against the peers"): a naive-Bayes-weighted bag of the 800,000 most
    // frequent word 1-3-grams, Adam with a learning rate of its own.
    private static SentimentTrainingOptions Ngram() => new()
    {
        Featurizer = new FeaturizerOptions { NgramLength = 3, NgramVocabularySize = 800_000 },
        Trainer = new SentimentNetworkOptions
        {
            Network = new NetworkSettings { Architecture = NetworkArchitecture.None, NgramBranch = true },
            Optimizer = new OptimizerSettings { Algorithm = NetworkOptimizer.Adam },
            Fit = new FitSettings { Epochs = 10, Patience = 2, InitializationTrials = 1 },
        },
    };

    // bilstm-full and the n-gram bag, trained apart and fused, the weights fitted on validation (docs/accuracy.md, "best").
    // The featurizer makes both rows; each network keeps its recipe's optimizer and fit, but the recurrent one, like the
    // bag, is refitted on the training and validation reviews once the fusion's weights are fitted.
    private static SentimentTrainingOptions Best()
    {
        var (recurrent, bag) = (BiLstmFull(), Ngram());
        return recurrent with
        {
            Featurizer = recurrent.Featurizer with { NgramLength = bag.Featurizer.NgramLength, NgramVocabularySize = bag.Featurizer.NgramVocabularySize },
            Trainer = recurrent.Trainer.WithFit(fit => fit with { RefitOnAllData = true }) with { FusedWith = bag.Trainer },
        };
    }

    private static SentimentTrainingOptions WithNetwork(SentimentTrainingOptions recipe, Func<NetworkSettings, NetworkSettings> change) =>
        recipe with { Trainer = recipe.Trainer with { Network = change(recipe.Trainer.Network) } };
}
