using ImdbSentiment.Model.Data;
using ImdbSentiment.Model.Text;
using ImdbSentiment.Training;
using ImdbSentiment.Training.Networks;
using Microsoft.ML;

namespace ImdbSentiment.Tests.Rnn;

/// <summary>Synthetic reviews featurized as the estimator sees them, with a small vocabulary and short sequences.</summary>
internal sealed class FeaturizedData
{
    public const int VocabularySize = 30;
    public const int MaxLength = 20;
    public const int NgramVocabularySize = 200;

    public FeaturizedData(int count, int seed, bool flipLabels = false, int ngramLength = 0)
    {
        MLContext = new MLContext(seed: 1);
        Reviews = SyntheticReviews.Create(count, seed);
        if (flipLabels)
            Reviews = Reviews.Select(review => new LabeledReview { Text = review.Text, Label = !review.Label }).ToArray();
        Raw = MLContext.Data.LoadFromEnumerable(Reviews);
        Featurizer = new ReviewFeaturizerEstimator(MLContext, new FeaturizerOptions { VocabularySize = VocabularySize, MaxLength = MaxLength, NgramLength = ngramLength, NgramVocabularySize = NgramVocabularySize }).Fit(Raw);
        Featurized = MLContext.Data.Cache(Featurizer.Transform(Raw));
    }

    public MLContext MLContext { get; }

    public LabeledReview[] Reviews { get; }

    public IDataView Raw { get; }

    public ITransformer Featurizer { get; }

    public IDataView Featurized { get; }

    /// <summary>The same reviews featurized with this set's featurizer but with their labels flipped.</summary>
    public IDataView FlippedFeaturized() =>
        Featurizer.Transform(MLContext.Data.LoadFromEnumerable(Reviews.Select(r => new LabeledReview { Text = r.Text, Label = !r.Label })));

    /// <summary>Keras's fit (no initialisation guard, no refit): these tests watch the training loop itself.</summary>
    public static SentimentNetworkOptions Options(NetworkArchitecture architecture = NetworkArchitecture.EmbeddingRnn) =>
        new() { Network = new() { Architecture = architecture }, Optimizer = new() { LearningRate = 1e-2 }, Fit = FitSettings.KerasExact with { Epochs = 3 } };
}
