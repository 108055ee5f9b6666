using static ImdbSentiment.Training.SentimentNetworkOptions;

namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>
/// word2vec's skip-gram with negative sampling (Mikolov et al. 2013), with its defaults: each word predicts the words
/// up to <see cref="Window"/> positions away (a window drawn between 1 and <see cref="Window"/> for each word), against
/// <see cref="NegativeSamples"/> words drawn from the unigram distribution raised to 0.75; frequent words are
/// subsampled; the learning rate falls linearly from <see cref="LearningRate"/> to 1/10,000 of it.
/// </summary>
public sealed record SkipGramOptions
{
    public int Dimensions { get; init; } = 100;

    public int Epochs { get; init; } = 5;

    /// <summary>The widest context window, in words on each side.</summary>
    public int Window { get; init; } = 5;

    public int NegativeSamples { get; init; } = 5;

    /// <summary>Words seen fewer times in the corpus get no vector (and are skipped as if absent).</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>word2vec's "sample" t: a word of corpus frequency f is kept with probability (sqrt(f / t) + 1) t / f; 0 keeps every word.</summary>
    public double SubsamplingThreshold { get; init; } = 1e-4;

    public double LearningRate { get; init; } = 0.025;

    /// <summary>Seeds the initial vectors and every draw (windows, negatives, subsampling); with one thread a run is reproducible.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Threads that update the shared vectors without locks (Hogwild, as word2vec does); their interleaving makes a run with more than one vary slightly.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        Require(Dimensions >= 1, nameof(Dimensions), "at least 1");
        Require(Epochs >= 1, nameof(Epochs), "at least 1");
        Require(Window >= 1, nameof(Window), "at least 1");
        Require(NegativeSamples >= 1, nameof(NegativeSamples), "at least 1");
        Require(MinCount >= 1, nameof(MinCount), "at least 1");
        Require(SubsamplingThreshold >= 0, nameof(SubsamplingThreshold), "0 or more");
        Require(LearningRate > 0, nameof(LearningRate), "above 0");
        Require(Threads >= 1, nameof(Threads), "at least 1");
    }
}
